/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Tokenising of the multi-field lines written to /proc/hpc ("PID TARGET",
 * the overheads, peers' load records), shared so that the module and the
 * agent's emulation accept and refuse exactly the same text.
 */
#ifndef HPC_TEXT_H
#define HPC_TEXT_H

#include "balance.h"
#include "tune.h"
#include "types.h"

/** A cursor over a written buffer; the buffer need not be NUL-terminated. */
struct hpc_cursor {
	const char *p;
	const char *end;
};

/** Skips blanks and tabs; returns false at the end or at a newline. */
bool hpc_text_more(struct hpc_cursor *c);

/** Reads the next blank-separated word; returns its length, 0 at the end. */
size_t hpc_text_word(struct hpc_cursor *c, const char **word);

/** Reads a decimal u32 / s32 word; returns 0 or -HPC_EINVAL (-HPC_ERANGE). */
int hpc_text_u32(struct hpc_cursor *c, u32 *out);
int hpc_text_s32(struct hpc_cursor *c, s32 *out);
int hpc_text_u64(struct hpc_cursor *c, u64 *out);

/**
 * True when only blanks and at most one trailing newline remain, as after
 * `echo VALUE > file`.
 */
bool hpc_text_done(struct hpc_cursor *c);

/* Targets of a migration request. */
#define HPC_TARGET_HOME 0u
#define HPC_TARGET_BALANCE 0xffffffffu

/**
 * Parses "PID TARGET" (TARGET a node ID, "home" or "balance").
 * Returns 0 or -HPC_EINVAL.
 */
int hpc_parse_migrate(const char *buf, size_t len, u32 *pid, u32 *target);

/** Parses "PID 0|1". Returns 0 or -HPC_EINVAL. */
int hpc_parse_lock(const char *buf, size_t len, u32 *pid, u32 *lock);

/** Parses "STAB MIGCOST MEMLOW MINUSE" and validates it. */
int hpc_parse_overheads(const char *buf, size_t len, struct hpc_overheads *o);

/**
 * Parses one peer load record, "ID STATUS LOAD SPEED CPUS MEM RMEM TMEM UTIL"
 * (memory in pages, STATUS the HPC_ST_* bits or -errno for an unreachable
 * node, in which case the other fields may be omitted).
 */
struct hpc_peer_record {
	u32 id;
	s32 status;
	u32 load;
	u32 speed;
	u32 cpus;
	u64 mem;
	u64 rmem;
	u64 tmem;
	u32 util;
};
int hpc_parse_peer(const char *buf, size_t len, struct hpc_peer_record *r);

/** Prints @r in the form hpc_parse_peer reads; returns snprintf-like length. */
size_t hpc_print_peer(const struct hpc_peer_record *r, char *buf, size_t size);

#endif /* HPC_TEXT_H */
