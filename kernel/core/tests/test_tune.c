// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/* Ranges of the tunables: each bound accepted, one past it refused. */
#include "cmocka_all.h"

#include "hpc/tune.h"

static void test_speed(void **state)
{
	(void)state;
	assert_int_equal(hpc_check_speed(0), -HPC_EINVAL);
	assert_int_equal(hpc_check_speed(1), 0);
	assert_int_equal(hpc_check_speed(HPC_STD_SPEED), 0);
	assert_int_equal(hpc_check_speed(HPC_MAX_SPEED), 0);
	assert_int_equal(hpc_check_speed(HPC_MAX_SPEED + 1), -HPC_EINVAL);
	assert_int_equal(hpc_check_speed(0xffffffffu), -HPC_EINVAL);
}

static void test_node_id(void **state)
{
	(void)state;
	assert_int_equal(hpc_check_node_id(0), -HPC_EINVAL);
	assert_int_equal(hpc_check_node_id(1), 0);
	assert_int_equal(hpc_check_node_id(65535), 0);
	assert_int_equal(hpc_check_node_id(65536), -HPC_EINVAL);
}

static void test_bool(void **state)
{
	(void)state;
	assert_int_equal(hpc_check_bool(0), 0);
	assert_int_equal(hpc_check_bool(1), 0);
	assert_int_equal(hpc_check_bool(2), -HPC_EINVAL);
	assert_int_equal(hpc_check_bool(0xffffffffu), -HPC_EINVAL);
}

static int decay(u32 interval, u32 slow, u32 fast)
{
	struct hpc_decay_params d = { interval, slow, fast };

	return hpc_check_decay(&d);
}

static void test_decay(void **state)
{
	(void)state;
	assert_int_equal(decay(HPC_DECAY_INTERVAL_DEFAULT,
			       HPC_DECAY_SLOW_DEFAULT, HPC_DECAY_FAST_DEFAULT),
			 0);
	assert_int_equal(decay(0, 975, 926), -HPC_EINVAL);
	assert_int_equal(decay(65535, 975, 926), 0);
	assert_int_equal(decay(65536, 975, 926), -HPC_EINVAL);
	assert_int_equal(decay(1, 1000, 1000), 0);
	assert_int_equal(decay(1, 1, 1), 0);
	assert_int_equal(decay(1, 1001, 926), -HPC_EINVAL);
	assert_int_equal(decay(1, 975, 0), -HPC_EINVAL);
	assert_int_equal(decay(1, 0, 0), -HPC_EINVAL);
	/* slow must keep at least as much as fast */
	assert_int_equal(decay(1, 926, 975), -HPC_EINVAL);
	assert_int_equal(decay(1, 500, 500), 0);
}

static int overheads(u32 stab, u32 mig, u32 memlow, u32 minuse)
{
	struct hpc_overheads o = { stab, mig, memlow, minuse };

	return hpc_check_overheads(&o);
}

static void test_overheads(void **state)
{
	struct hpc_overheads def = HPC_OVERHEADS_DEFAULT;

	(void)state;
	assert_int_equal(hpc_check_overheads(&def), 0);
	assert_int_equal(overheads(1000, 0, 0, 0), 0);
	assert_int_equal(overheads(10000, 10000, 1000, 1000), 0);
	assert_int_equal(overheads(999, 10, 50, 100), -HPC_EINVAL);
	assert_int_equal(overheads(10001, 10, 50, 100), -HPC_EINVAL);
	assert_int_equal(overheads(1300, 10001, 50, 100), -HPC_EINVAL);
	assert_int_equal(overheads(1300, 10, 1001, 100), -HPC_EINVAL);
	assert_int_equal(overheads(1300, 10, 50, 1001), -HPC_EINVAL);
	assert_int_equal(overheads(0xffffffffu, 10, 50, 100), -HPC_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_speed),
		cmocka_unit_test(test_node_id),
		cmocka_unit_test(test_bool),
		cmocka_unit_test(test_decay),
		cmocka_unit_test(test_overheads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
