/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What differs between the kernels hpc.ko is built for, kept here so that
 * the rest of the module reads the same on all of them. Kbuild looks into
 * the kernel's headers for what a version number cannot tell (stable
 * kernels take fixes from later releases).
 */
#ifndef HPC_COMPAT_H
#define HPC_COMPAT_H

#include <linux/mm.h>

/*
 * An RSS counter as /proc/PID/statm reads it. Kernels with per-CPU RSS
 * counters and get_mm_counter_sum() (6.16, and stable kernels such as
 * 6.12.y that took the change) sum them exactly there, where the fast read
 * could be hundreds of pages behind; older kernels use get_mm_counter().
 */
static inline unsigned long hpc_statm_counter(struct mm_struct *mm, int member)
{
#ifdef HPC_HAVE_MM_COUNTER_SUM
	return get_mm_counter_sum(mm, member);
#else
	return get_mm_counter(mm, member);
#endif
}

#endif /* HPC_COMPAT_H */
