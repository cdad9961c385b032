// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Per-process decayed CPU usage. The blend rounds toward the interval's share,
 * so a process that stops running decays to exactly 0 and a steady one reaches
 * exactly its share instead of sticking a few per mille away from it.
 */
#include "hpc/decay.h"

#define HPC_PM 1000u
#define HPC_NS_PER_PM_SECOND 1000000u /* 1 s of CPU time is 1000 per mille */
#define HPC_NODECAY_WEIGHT_MAX 65535u

u32 hpc_pstat_keep(const struct hpc_pstat *p, const struct hpc_decay_params *d)
{
	switch (p->decay) {
	case HPC_DECAY_FAST:
		return d->fast;
	case HPC_DECAY_NONE:
		return HPC_PM;
	default:
		return d->slow;
	}
}

/* CPU share over the interval in per mille of one CPU, capped at one CPU. */
static u32 interval_share(u64 ns, u32 seconds)
{
	u64 den = (u64)seconds * HPC_NS_PER_PM_SECOND;
	u64 share = ns / den + (ns % den >= den - den / 2 ? 1 : 0);

	return share > HPC_PM ? HPC_PM : (u32)share;
}

/* old + (share - old) * (1000 - keep) / 1000, rounded toward share. */
static u32 blend(u32 old, u32 share, u32 keep)
{
	if (keep > HPC_PM)
		keep = HPC_PM;
	if (old >= share)
		return share + (u32)((u64)(old - share) * keep / HPC_PM);
	return share - (u32)((u64)(share - old) * keep / HPC_PM);
}

/* Running mean of all intervals: (usage * n + share) / (n + 1), rounded. */
static u32 average(u32 old, u32 share, u32 n)
{
	u64 sum = (u64)old * n + share;

	return (u32)((sum + (n + 1) / 2) / (n + 1));
}

static void end_interval(struct hpc_pstat *p, const struct hpc_decay_params *d)
{
	u32 share = interval_share(p->interval_ns, p->elapsed_s);
	u32 n = p->intervals < HPC_NODECAY_WEIGHT_MAX ? p->intervals
						      : HPC_NODECAY_WEIGHT_MAX;

	if (p->decay == HPC_DECAY_NONE)
		p->usage_pm = average(p->usage_pm, share, n);
	else
		p->usage_pm = blend(p->usage_pm, share, hpc_pstat_keep(p, d));
	if (p->intervals < 0xffffffffu)
		p->intervals++;
	p->interval_ns = 0;
	p->elapsed_s = 0;
}

bool hpc_pstat_tick(struct hpc_pstat *p, u64 cpu_ns,
		    const struct hpc_decay_params *d)
{
	u32 interval = d->interval ? d->interval : 1;

	p->interval_ns = cpu_ns > ~(u64)0 - p->interval_ns
				 ? ~(u64)0
				 : p->interval_ns + cpu_ns;
	p->elapsed_s++;
	/* >= so that shortening the interval ends a longer running one. */
	if (p->elapsed_s < interval)
		return false;
	end_interval(p, d);
	return true;
}

void hpc_pstat_clear(struct hpc_pstat *p)
{
	p->interval_ns = 0;
	p->elapsed_s = 0;
	p->usage_pm = 0;
	p->intervals = 0;
}
