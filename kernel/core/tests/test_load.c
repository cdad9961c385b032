// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/* The load estimate: exact convergence, the shape of rises and falls, units. */
#include "cmocka_all.h"

#include "hpc/load.h"
#include "hpc/tune.h"

#define SAMPLES_PER_SECOND 10

static void second(struct hpc_load *l, u32 nr_running)
{
	int i;

	for (i = 0; i < SAMPLES_PER_SECOND; i++)
		hpc_load_sample(l, nr_running);
	hpc_load_fold(l);
}

static void test_zero_state(void **state)
{
	struct hpc_load l = { 0 };

	(void)state;
	hpc_load_fold(&l);
	assert_int_equal(l.mean, 0);
	assert_int_equal(l.export_, 0);
	assert_int_equal(l.samples, 0);
	assert_int_equal(l.acc, 0);
}

static void test_fold_resets_samples(void **state)
{
	struct hpc_load l = { 0 };

	(void)state;
	hpc_load_sample(&l, 3);
	hpc_load_sample(&l, 1);
	assert_int_equal(l.samples, 2);
	assert_int_equal(l.acc, 4);
	hpc_load_fold(&l);
	assert_int_equal(l.samples, 0);
	assert_int_equal(l.acc, 0);
	/* 2 runnable on average: export takes it at once */
	assert_int_equal(l.export_, 2 * HPC_LOAD_SCALE);
}

static void test_burst(void **state)
{
	struct hpc_load l = { 0 };

	(void)state;
	second(&l, 5);
	/* mean rises slowly: ceil(3 * 640 / 8); export at once */
	assert_int_equal(l.mean, 240);
	assert_int_equal(l.export_, 640);
	second(&l, 0);
	/* mean drops at once; export keeps 7/8 */
	assert_int_equal(l.mean, 0);
	assert_int_equal(l.export_, 560);
	second(&l, 0);
	assert_int_equal(l.export_, 490);
}

/* A second without samples is idle. */
static void test_empty_second_is_idle(void **state)
{
	struct hpc_load l = { 0 };

	(void)state;
	second(&l, 2);
	hpc_load_fold(&l);
	assert_int_equal(l.mean, 0);
	assert_int_equal(l.export_, 224);
}

/* Every steady input is reached exactly, from below and from above. */
static void test_exact_convergence(void **state)
{
	u32 n, start, i;

	(void)state;
	for (start = 0; start <= 64; start += 16) {
		for (n = 0; n <= 64; n++) {
			struct hpc_load l = { 0 };

			for (i = 0; i < 5; i++)
				second(&l, start);
			for (i = 0; i < 200; i++)
				second(&l, n);
			assert_int_equal(l.mean, n * HPC_LOAD_SCALE);
			assert_int_equal(l.export_, n * HPC_LOAD_SCALE);
		}
	}
}

/* A fractional average (1 and 2 alternating) converges exactly too. */
static void test_fractional_convergence(void **state)
{
	struct hpc_load l = { 0 };
	int s, i;

	(void)state;
	for (s = 0; s < 100; s++) {
		for (i = 0; i < SAMPLES_PER_SECOND; i++)
			hpc_load_sample(&l, 1 + (u32)(i & 1));
		hpc_load_fold(&l);
	}
	assert_int_equal(l.mean, 192);
	assert_int_equal(l.export_, 192);
	/* 1 of 3 samples busy: 128 / 3 = 42.67 truncated */
	l = (struct hpc_load){ 0 };
	for (s = 0; s < 100; s++) {
		hpc_load_sample(&l, 1);
		hpc_load_sample(&l, 0);
		hpc_load_sample(&l, 0);
		hpc_load_fold(&l);
	}
	assert_int_equal(l.mean, 42);
	assert_int_equal(l.export_, 42);
}

/* The mean rises monotonically, never past the input, in few seconds. */
static void test_mean_rise_curve(void **state)
{
	struct hpc_load l = { 0 };
	u32 prev = 0;
	int s;

	(void)state;
	for (s = 1; s <= 20; s++) {
		second(&l, 4);
		assert_true(l.mean > prev || l.mean == 512);
		assert_true(l.mean <= 512);
		prev = l.mean;
		if (s == 1)
			assert_int_equal(l.mean, 192);
		if (s == 2)
			assert_int_equal(l.mean, 312); /* ceil((960+1536)/8) */
	}
	assert_int_equal(l.mean, 512);
}

/* The export falls by 1/8 a second: about 5 s to half. */
static void test_export_decay_curve(void **state)
{
	struct hpc_load l = { 0 };
	u32 prev;
	int s;

	(void)state;
	second(&l, 8);
	assert_int_equal(l.export_, 1024);
	prev = l.export_;
	for (s = 1; s <= 5; s++) {
		second(&l, 0);
		assert_true(l.export_ < prev);
		prev = l.export_;
	}
	/* 1024 * (7/8)^5 = 525.1; floors make it a little lower */
	assert_in_range(l.export_, 515, 526);
	for (s = 0; s < 200 && l.export_; s++)
		second(&l, 0);
	assert_int_equal(l.export_, 0);
}

static void test_huge_samples_saturate(void **state)
{
	struct hpc_load l = { 0 };
	int i;

	(void)state;
	for (i = 0; i < 1000; i++)
		hpc_load_sample(&l, 0xffffffffu);
	hpc_load_fold(&l);
	assert_int_equal(l.export_, 0xffffffffu);
	hpc_load_fold(&l);
	assert_int_equal(l.mean, 0);
	assert_true(l.export_ < 0xffffffffu);
	/* a fold that never comes stops counting instead of wrapping */
	l = (struct hpc_load){ 0 };
	l.samples = 0xfffffffeu;
	l.acc = 0xfffffffeu;
	hpc_load_sample(&l, 1);
	hpc_load_sample(&l, 5);
	assert_int_equal(l.samples, 0xffffffffu);
	assert_int_equal(l.acc, 0xffffffffu);
	hpc_load_fold(&l);
	assert_int_equal(l.export_, HPC_LOAD_SCALE);
}

static void test_units(void **state)
{
	(void)state;
	/* one standard CPU fully busy is 100 */
	assert_int_equal(hpc_load_units(128, 10000, 10000, 1), 100);
	assert_int_equal(hpc_load_units(0, 10000, 10000, 1), 0);
	/* twice as fast, or two CPUs: half the load */
	assert_int_equal(hpc_load_units(128, 20000, 10000, 1), 50);
	assert_int_equal(hpc_load_units(128, 10000, 10000, 2), 50);
	assert_int_equal(hpc_load_units(256, 5000, 10000, 1), 400);
	assert_int_equal(hpc_load_units(384, 15000, 10000, 4), 50);
	/* rounding to nearest */
	assert_int_equal(hpc_load_units(1, 10000, 10000, 1), 1);
	assert_int_equal(hpc_load_units(64, 10000, 10000, 1), 50);
	assert_int_equal(hpc_load_units(128, 10000, 10000, 3), 33);
	assert_int_equal(hpc_load_units(128, 10000, 10000, 6), 17);
	/* speed and cpus 0 count as 1, std 0 as the standard speed */
	assert_int_equal(hpc_load_units(128, 0, 10000, 1), 1000000);
	assert_int_equal(hpc_load_units(128, 10000, 10000, 0), 100);
	assert_int_equal(hpc_load_units(128, 10000, 0, 1), 100);
	/* no overflow at the extremes */
	assert_int_equal(hpc_load_units(0xffffffffu, 1, HPC_MAX_SPEED, 1),
			 0xffffffffu);
	assert_int_equal(
		hpc_load_units(0xffffffffu, 0xffffffffu, 1, 0xffffffffu), 0);
	assert_int_equal(
		hpc_load_units(0xffffffffu, HPC_MAX_SPEED, HPC_MAX_SPEED, 1),
		3355443199u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zero_state),
		cmocka_unit_test(test_fold_resets_samples),
		cmocka_unit_test(test_burst),
		cmocka_unit_test(test_empty_second_is_idle),
		cmocka_unit_test(test_exact_convergence),
		cmocka_unit_test(test_fractional_convergence),
		cmocka_unit_test(test_mean_rise_curve),
		cmocka_unit_test(test_export_decay_curve),
		cmocka_unit_test(test_huge_samples_saturate),
		cmocka_unit_test(test_units),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
