/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Tunables of a node, their defaults and ranges. Every writer (the module's
 * /proc/hpc files, the agent's emulation, the command-line tools) validates
 * through these functions so that all reject the same values the same way.
 */
#ifndef HPC_TUNE_H
#define HPC_TUNE_H

#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HPC_STD_SPEED 10000u /* speed of the standard processor (yardstick) */
#define HPC_MAX_SPEED 1000000u

#define HPC_NODE_ID_MIN 1u
#define HPC_NODE_ID_MAX 65535u

#define HPC_DECAY_INTERVAL_DEFAULT 1u /* seconds */
#define HPC_DECAY_INTERVAL_MIN 1u
#define HPC_DECAY_INTERVAL_MAX 65535u
#define HPC_DECAY_SLOW_DEFAULT 975u /* per mille kept each interval */
#define HPC_DECAY_FAST_DEFAULT 926u
#define HPC_DECAY_PORTION_MIN 1u
#define HPC_DECAY_PORTION_MAX 1000u

/* Status bits of a node, as /proc/hpc/nodes/<ID>/status shows them. */
#define HPC_ST_CONFIGURED 1u
#define HPC_ST_UP 2u
#define HPC_ST_STAY 4u
#define HPC_ST_LSTAY 8u
#define HPC_ST_BLOCK 16u
#define HPC_ST_QUIET 32u

/** The decay parameters: interval in seconds, portions in per mille. */
struct hpc_decay_params {
	u32 interval;
	u32 slow;
	u32 fast;
};

/**
 * The balancer's cost constants (/proc/hpc/admin/overheads, four integers).
 * @stab_pm:     stability factor in per mille: a process's load counts this
 *               much on the target, so nothing moves for a marginal gain
 *               (1300 = 130 %, as MOSIX-derived balancers used).
 * @mig_cost:    fixed cost of one migration in load units (100 = one
 *               standard CPU), added to the target's side of the comparison.
 * @mem_low_pm:  free memory below this per mille of total is a shortage:
 *               the balancer then moves memory away regardless of load.
 * @min_use_pm:  processes using less than this per mille of a CPU are not
 *               worth moving for load.
 */
struct hpc_overheads {
	u32 stab_pm;
	u32 mig_cost;
	u32 mem_low_pm;
	u32 min_use_pm;
};

#define HPC_OVERHEADS_DEFAULT { 1300u, 10u, 50u, 100u }

/* Each returns 0 or -HPC_EINVAL. */
int hpc_check_decay(const struct hpc_decay_params *d);
int hpc_check_speed(u32 speed);
int hpc_check_node_id(u32 id);
int hpc_check_overheads(const struct hpc_overheads *o);
int hpc_check_bool(u32 v);

#ifdef __cplusplus
}
#endif

#endif /* HPC_TUNE_H */
