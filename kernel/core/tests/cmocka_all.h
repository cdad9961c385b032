/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/* cmocka wants these standard headers before its own. */
#ifndef HPC_TEST_CMOCKA_ALL_H
#define HPC_TEST_CMOCKA_ALL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#endif
