// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * The node load estimate. Rounding follows the direction of change (up while
 * rising, down while falling) so that a steady run queue is reached exactly
 * instead of settling one step short of it.
 */
#include "hpc/load.h"
#include "hpc/tune.h"

#define HPC_U32_MAX 0xffffffffu

static u32 clamp_u32(u64 v)
{
	return v > HPC_U32_MAX ? HPC_U32_MAX : (u32)v;
}

void hpc_load_sample(struct hpc_load *l, u32 nr_running)
{
	/* A fold that never comes must not wrap the average. */
	if (l->samples == HPC_U32_MAX)
		return;
	l->acc += nr_running;
	l->samples++;
}

/* acc * SCALE / samples, split so that no intermediate can overflow. */
static u32 fold_average(u64 acc, u32 samples)
{
	u64 whole = acc / samples;
	u64 part = (acc % samples) * HPC_LOAD_SCALE / samples;

	if (whole > HPC_U32_MAX / HPC_LOAD_SCALE)
		return HPC_U32_MAX;
	return clamp_u32(whole * HPC_LOAD_SCALE + part);
}

void hpc_load_fold(struct hpc_load *l)
{
	u32 now = l->samples ? fold_average(l->acc, l->samples) : 0;
	u64 old;

	if (now < l->mean) {
		l->mean = now;
	} else {
		old = l->mean;
		l->mean = clamp_u32((HPC_LOAD_MEAN_OLD * old +
				     (8 - HPC_LOAD_MEAN_OLD) * (u64)now + 7) /
				    8);
	}
	if (now > l->export_) {
		l->export_ = now;
	} else {
		old = l->export_;
		l->export_ = (u32)((HPC_LOAD_EXPORT_OLD * old +
				    (8 - HPC_LOAD_EXPORT_OLD) * (u64)now) /
				   8);
	}
	l->acc = 0;
	l->samples = 0;
}

/* Out-of-range speeds are clamped so that the products below fit in u64. */
static u32 clamp_speed(u32 speed, u32 fallback)
{
	if (speed == 0)
		return fallback;
	return speed > HPC_MAX_SPEED ? HPC_MAX_SPEED : speed;
}

u32 hpc_load_units(u32 raw, u32 speed, u32 std_speed, u32 cpus)
{
	u64 num = (u64)raw * 100u * clamp_speed(std_speed, HPC_STD_SPEED);
	u64 den =
		(u64)HPC_LOAD_SCALE * clamp_speed(speed, 1) * (cpus ? cpus : 1);

	return clamp_u32((num + den / 2) / den);
}
