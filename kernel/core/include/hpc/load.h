/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * The node load estimate, after MOSIX: the run queue is sampled many times a
 * second and folded once a second into two smoothed values. The mean load,
 * used for local decisions, rises slowly and drops at once, so a short burst
 * does not push processes away; the export load, sent to peers, rises at once
 * and decays slowly, so peers do not all pile onto a node that just went idle.
 */
#ifndef HPC_LOAD_H
#define HPC_LOAD_H

#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HPC_LOAD_SCALE 128u /* fixed point of the raw run-queue averages */
#define HPC_LOAD_MEAN_OLD 5u /* mean = (5 * mean + 3 * new) / 8 when rising */
#define HPC_LOAD_EXPORT_OLD 7u /* export = (7 * export + new) / 8 when falling */

/** Running state of the estimate; zero-initialise before use. */
struct hpc_load {
	u64 acc;	/* sum of run-queue samples since the last fold */
	u32 samples;	/* number of samples since the last fold */
	u32 mean;	/* mean runnable tasks, x HPC_LOAD_SCALE */
	u32 export_;	/* export runnable tasks, x HPC_LOAD_SCALE */
};

/** Adds one sample of the number of runnable tasks. */
void hpc_load_sample(struct hpc_load *l, u32 nr_running);

/**
 * Folds the samples taken since the last call into mean and export; called
 * once a second. A second without samples counts as an idle second. Rising
 * values round up and falling ones down, so a steady input is reached exactly.
 */
void hpc_load_fold(struct hpc_load *l);

/**
 * Converts a raw value (mean or export) into openMosix load units: 100 is one
 * standard-speed processor fully busy, so a node @speed times faster than the
 * yardstick @std_speed, or with more @cpus, shows a proportionally lower load.
 * raw * 100 * std_speed / (SCALE * speed * cpus), rounded to nearest; @speed or
 * @cpus 0 count as 1, @std_speed 0 as HPC_STD_SPEED, speeds above
 * HPC_MAX_SPEED as HPC_MAX_SPEED.
 */
u32 hpc_load_units(u32 raw, u32 speed, u32 std_speed, u32 cpus);

#ifdef __cplusplus
}
#endif

#endif /* HPC_LOAD_H */
