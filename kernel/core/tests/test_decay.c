// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/* Per-process usage: half-lives of the classes, exact limits, intervals. */
#include "cmocka_all.h"

#include "hpc/decay.h"

#define NS_PER_S 1000000000ull

static const struct hpc_decay_params defaults = {
	HPC_DECAY_INTERVAL_DEFAULT,
	HPC_DECAY_SLOW_DEFAULT,
	HPC_DECAY_FAST_DEFAULT,
};

static struct hpc_pstat pstat(enum hpc_decay_class c, u32 usage)
{
	struct hpc_pstat p = { 0 };

	p.decay = (u8)c;
	p.usage_pm = usage;
	return p;
}

/* Intervals of @cpu_ns each until usage crosses 500 from its start. */
static int intervals_to_half(enum hpc_decay_class c, u32 start, u64 cpu_ns)
{
	struct hpc_pstat p = pstat(c, start);
	int n = 0;

	while (n < 1000 &&
	       (start > 500 ? p.usage_pm > 500 : p.usage_pm < 500)) {
		assert_true(hpc_pstat_tick(&p, cpu_ns, &defaults));
		n++;
	}
	return n;
}

static void test_half_lives(void **state)
{
	(void)state;
	/* 0.975^27 = 0.505 and 0.926^9 = 0.500 */
	assert_int_equal(intervals_to_half(HPC_DECAY_SLOW, 1000, 0), 27);
	assert_int_equal(intervals_to_half(HPC_DECAY_FAST, 1000, 0), 9);
	/* rising toward a full CPU takes as long */
	assert_int_equal(intervals_to_half(HPC_DECAY_SLOW, 0, NS_PER_S), 27);
	assert_int_equal(intervals_to_half(HPC_DECAY_FAST, 0, NS_PER_S), 9);
}

/* The integer curve follows 1000 * keep^n within the floors' drift. */
static void test_decay_curve(void **state)
{
	static const u32 keeps[] = { HPC_DECAY_SLOW_DEFAULT,
				     HPC_DECAY_FAST_DEFAULT };
	int k, n;

	(void)state;
	for (k = 0; k < 2; k++) {
		enum hpc_decay_class c = k ? HPC_DECAY_FAST : HPC_DECAY_SLOW;
		struct hpc_pstat p = pstat(c, 1000);
		u64 ref = 1000000000000ull; /* 1000 with 9 extra digits */

		for (n = 1; n <= 100; n++) {
			hpc_pstat_tick(&p, 0, &defaults);
			ref = ref * keeps[k] / 1000;
			assert_true(p.usage_pm <= ref / 1000000000ull);
			assert_true(p.usage_pm + 25 >= ref / 1000000000ull);
		}
	}
}

static void test_limits_are_exact(void **state)
{
	u32 share;
	int c, i;

	(void)state;
	for (c = HPC_DECAY_SLOW; c <= HPC_DECAY_FAST; c++) {
		struct hpc_pstat p = pstat((enum hpc_decay_class)c, 1000);

		/* an idle process reaches exactly 0 */
		for (i = 0; i < 2000; i++)
			hpc_pstat_tick(&p, 0, &defaults);
		assert_int_equal(p.usage_pm, 0);
		/* a steady share is reached exactly from below and above */
		for (share = 0; share <= 1000; share += 37) {
			for (i = 0; i < 2000; i++)
				hpc_pstat_tick(&p, share * 1000000ull,
					       &defaults);
			assert_int_equal(p.usage_pm, share);
			p.usage_pm = 1000 - p.usage_pm;
		}
	}
}

static void test_first_steps(void **state)
{
	struct hpc_pstat p = pstat(HPC_DECAY_SLOW, 0);

	(void)state;
	hpc_pstat_tick(&p, NS_PER_S, &defaults);
	assert_int_equal(p.usage_pm, 25);
	assert_int_equal(p.intervals, 1);
	hpc_pstat_tick(&p, NS_PER_S, &defaults);
	assert_int_equal(p.usage_pm, 50); /* 1000 - floor(975 * 975 / 1000) */
	p = pstat(HPC_DECAY_FAST, 1000);
	hpc_pstat_tick(&p, 0, &defaults);
	assert_int_equal(p.usage_pm, 926);
}

static void test_longer_interval(void **state)
{
	struct hpc_decay_params d = { 3, 500, 500 };
	struct hpc_pstat p = pstat(HPC_DECAY_SLOW, 0);

	(void)state;
	/* 1.5 s of CPU over 3 s: a share of 500, half of it kept */
	assert_false(hpc_pstat_tick(&p, NS_PER_S, &d));
	assert_false(hpc_pstat_tick(&p, NS_PER_S / 2, &d));
	assert_int_equal(p.usage_pm, 0);
	assert_int_equal(p.elapsed_s, 2);
	assert_true(hpc_pstat_tick(&p, 0, &d));
	assert_int_equal(p.usage_pm, 250);
	assert_int_equal(p.elapsed_s, 0);
	assert_int_equal(p.interval_ns, 0);
	assert_int_equal(p.intervals, 1);
}

/* Shortening the interval ends a running one, over its real length. */
static void test_interval_shortened(void **state)
{
	struct hpc_decay_params d = { 10, 1, 1 };
	struct hpc_pstat p = pstat(HPC_DECAY_SLOW, 0);
	int i;

	(void)state;
	for (i = 0; i < 4; i++)
		assert_false(hpc_pstat_tick(&p, NS_PER_S / 5, &d));
	d.interval = 3;
	assert_true(hpc_pstat_tick(&p, NS_PER_S / 5, &d));
	/* 1 s over 5 s = 200, keeping 1 per mille of 0 */
	assert_int_equal(p.usage_pm, 200);
	/* an interval of 0 counts as 1 */
	d.interval = 0;
	assert_true(hpc_pstat_tick(&p, NS_PER_S, &d));
	assert_int_equal(p.usage_pm, 1000);
}

static void test_share_rounding_and_cap(void **state)
{
	struct hpc_decay_params d = { 1, 1, 1 };
	struct hpc_pstat p = pstat(HPC_DECAY_SLOW, 0);

	(void)state;
	/* keep 1 per mille: the usage is nearly the share itself */
	hpc_pstat_tick(&p, 499999, &d);
	assert_int_equal(p.usage_pm, 0);
	hpc_pstat_tick(&p, 500000, &d);
	assert_int_equal(p.usage_pm, 1);
	hpc_pstat_tick(&p, 123456789, &d);
	assert_int_equal(p.usage_pm, 123);
	/* four busy threads still count as one CPU */
	hpc_pstat_tick(&p, 4 * NS_PER_S, &d);
	assert_int_equal(p.usage_pm, 1000);
	/* CPU time saturates instead of wrapping */
	p = pstat(HPC_DECAY_SLOW, 0);
	d.interval = 2;
	hpc_pstat_tick(&p, ~0ull - 5, &d);
	hpc_pstat_tick(&p, 100, &d);
	assert_int_equal(p.interval_ns, 0);
	assert_int_equal(p.usage_pm, 999); /* 1000 - 1 per mille of 1000 */
}

static void test_nodecay_mean(void **state)
{
	struct hpc_pstat p = pstat(HPC_DECAY_NONE, 0);

	(void)state;
	hpc_pstat_tick(&p, NS_PER_S, &defaults);
	assert_int_equal(p.usage_pm, 1000);
	hpc_pstat_tick(&p, 0, &defaults);
	assert_int_equal(p.usage_pm, 500);
	hpc_pstat_tick(&p, 0, &defaults);
	assert_int_equal(p.usage_pm, 333);
	hpc_pstat_tick(&p, NS_PER_S, &defaults);
	assert_int_equal(p.usage_pm, 500); /* (333 * 3 + 1000) / 4 = 499.75 */
	assert_int_equal(p.intervals, 4);
	/* the history weighs at most 65535 intervals */
	p = pstat(HPC_DECAY_NONE, 0);
	p.intervals = 1000000;
	hpc_pstat_tick(&p, NS_PER_S, &defaults);
	assert_int_equal(p.usage_pm, 0); /* 1000 / 65536 rounds to 0 */
	p.usage_pm = 0;
	p.intervals = 1000000;
	hpc_pstat_tick(&p, NS_PER_S, &defaults);
	hpc_pstat_tick(&p, NS_PER_S, &defaults);
	assert_int_equal(p.usage_pm, 0);
	p.intervals = 0xffffffffu;
	hpc_pstat_tick(&p, 0, &defaults);
	assert_int_equal(p.intervals, 0xffffffffu);
}

/* A portion of 1000 keeps everything: the usage never moves. */
static void test_keep_all(void **state)
{
	struct hpc_decay_params d = { 1, 1000, 1000 };
	struct hpc_pstat p = pstat(HPC_DECAY_FAST, 300);
	int i;

	(void)state;
	for (i = 0; i < 100; i++)
		hpc_pstat_tick(&p, NS_PER_S, &d);
	assert_int_equal(p.usage_pm, 300);
}

static void test_keep(void **state)
{
	struct hpc_pstat p = pstat(HPC_DECAY_SLOW, 0);

	(void)state;
	assert_int_equal(hpc_pstat_keep(&p, &defaults), 975);
	p.decay = HPC_DECAY_FAST;
	assert_int_equal(hpc_pstat_keep(&p, &defaults), 926);
	p.decay = HPC_DECAY_NONE;
	assert_int_equal(hpc_pstat_keep(&p, &defaults), 1000);
	p.decay = 7; /* unknown: the default class */
	assert_int_equal(hpc_pstat_keep(&p, &defaults), 975);
}

static void test_clear(void **state)
{
	struct hpc_pstat p = pstat(HPC_DECAY_FAST, 700);

	(void)state;
	p.job = HPC_JOB_IO;
	p.intervals = 9;
	p.interval_ns = 5;
	p.elapsed_s = 1;
	hpc_pstat_clear(&p);
	assert_int_equal(p.usage_pm, 0);
	assert_int_equal(p.intervals, 0);
	assert_int_equal(p.interval_ns, 0);
	assert_int_equal(p.elapsed_s, 0);
	assert_int_equal(p.decay, HPC_DECAY_FAST);
	assert_int_equal(p.job, HPC_JOB_IO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_half_lives),
		cmocka_unit_test(test_decay_curve),
		cmocka_unit_test(test_limits_are_exact),
		cmocka_unit_test(test_first_steps),
		cmocka_unit_test(test_longer_interval),
		cmocka_unit_test(test_interval_shortened),
		cmocka_unit_test(test_share_rounding_and_cap),
		cmocka_unit_test(test_nodecay_mean),
		cmocka_unit_test(test_keep_all),
		cmocka_unit_test(test_keep),
		cmocka_unit_test(test_clear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
