/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Per-process decayed CPU usage and the decay classes. Each decay interval the
 * process's CPU share over that interval is blended into its usage, keeping the
 * slow or fast portion (per mille) of the old value; "nodecay" processes weigh
 * all their history equally. The job kind (cpujob/iojob) tells the balancer
 * whether moving the process pays off.
 */
#ifndef HPC_DECAY_H
#define HPC_DECAY_H

#include "tune.h"
#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

enum hpc_decay_class {
	HPC_DECAY_SLOW = 0, /* default */
	HPC_DECAY_FAST = 1,
	HPC_DECAY_NONE = 2,
};

enum hpc_job_kind {
	HPC_JOB_ANY = 0, /* not declared; judged by its usage */
	HPC_JOB_CPU = 1,
	HPC_JOB_IO = 2,
};

/** Per-process statistics; zero-initialise, then set the class and kind. */
struct hpc_pstat {
	u64 interval_ns;	/* CPU time consumed in the current interval */
	u32 elapsed_s;		/* seconds into the current interval */
	u32 usage_pm;		/* decayed CPU usage, per mille of one CPU */
	u32 intervals;		/* completed intervals (nodecay averaging) */
	u8 decay;		/* enum hpc_decay_class */
	u8 job;			/* enum hpc_job_kind */
};

/**
 * Accounts one second: @cpu_ns is the CPU time the process used in it. When
 * the decay interval completes, the usage is updated. Returns true when it was.
 *
 * The interval's share is its CPU time over its length in per mille of one
 * CPU, rounded to nearest and capped at 1000: a multi-threaded process may use
 * more, but threads make it unmovable, so the balancer never needs more than
 * one CPU's worth. Slow and fast classes blend as
 * usage + (share - usage) * (1000 - keep) / 1000, rounded toward share (so an
 * idle process reaches exactly 0); nodecay takes the running mean of all
 * intervals, the history weighing at most 65535 intervals. An interval of 0
 * counts as 1 second.
 */
bool hpc_pstat_tick(struct hpc_pstat *p, u64 cpu_ns,
		    const struct hpc_decay_params *d);

/** Forgets the statistics (decay/clear), keeping the class and kind. */
void hpc_pstat_clear(struct hpc_pstat *p);

/** Portion kept per interval for @p's class, per mille (1000 for nodecay). */
u32 hpc_pstat_keep(const struct hpc_pstat *p, const struct hpc_decay_params *d);

#ifdef __cplusplus
}
#endif

#endif /* HPC_DECAY_H */
