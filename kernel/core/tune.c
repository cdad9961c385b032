// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Range checks of the tunables: one place decides what every writer accepts.
 */
#include "hpc/tune.h"

#define HPC_STAB_MIN 1000u /* below 100 % balancing could ping-pong */
#define HPC_STAB_MAX 10000u
#define HPC_MIG_COST_MAX 10000u
#define HPC_PM_MAX 1000u

static int in_range(u32 v, u32 min, u32 max)
{
	return v >= min && v <= max ? 0 : -HPC_EINVAL;
}

int hpc_check_decay(const struct hpc_decay_params *d)
{
	if (in_range(d->interval, HPC_DECAY_INTERVAL_MIN,
		     HPC_DECAY_INTERVAL_MAX) ||
	    in_range(d->slow, HPC_DECAY_PORTION_MIN, HPC_DECAY_PORTION_MAX) ||
	    in_range(d->fast, HPC_DECAY_PORTION_MIN, HPC_DECAY_PORTION_MAX))
		return -HPC_EINVAL;
	/* Slow-decaying statistics must keep at least what fast ones keep. */
	if (d->slow < d->fast)
		return -HPC_EINVAL;
	return 0;
}

int hpc_check_speed(u32 speed)
{
	return in_range(speed, 1, HPC_MAX_SPEED);
}

int hpc_check_node_id(u32 id)
{
	return in_range(id, HPC_NODE_ID_MIN, HPC_NODE_ID_MAX);
}

int hpc_check_overheads(const struct hpc_overheads *o)
{
	if (in_range(o->stab_pm, HPC_STAB_MIN, HPC_STAB_MAX) ||
	    in_range(o->mig_cost, 0, HPC_MIG_COST_MAX) ||
	    in_range(o->mem_low_pm, 0, HPC_PM_MAX) ||
	    in_range(o->min_use_pm, 0, HPC_PM_MAX))
		return -HPC_EINVAL;
	return 0;
}

int hpc_check_bool(u32 v)
{
	return in_range(v, 0, 1);
}
