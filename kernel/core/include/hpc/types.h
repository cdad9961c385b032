/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Fixed-width types for kernel/core: the same sources build into hpc.ko and
 * into the userspace library the agent links, so they see nothing else.
 */
#ifndef HPC_TYPES_H
#define HPC_TYPES_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;
#endif

/*
 * Error values returned negated by kernel/core, equal to the Linux errno
 * numbers so the module hands them straight back to userspace.
 */
#define HPC_ENOENT 2
#define HPC_E2BIG 7
#define HPC_ENOMEM 12
#define HPC_EBUSY 16
#define HPC_EEXIST 17
#define HPC_EINVAL 22
#define HPC_ENOSPC 28
#define HPC_ERANGE 34

#endif /* HPC_TYPES_H */
