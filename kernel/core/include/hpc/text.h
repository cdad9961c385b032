/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Tokenising of the multi-field lines written to /proc/hpc ("PID TARGET",
 * where, guests, the overheads, peers' load records), shared so that the
 * module and the agent's emulation accept and refuse exactly the same text.
 */
#ifndef HPC_TEXT_H
#define HPC_TEXT_H

#include "balance.h"
#include "tune.h"
#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A cursor over a written buffer; the buffer need not be NUL-terminated. */
struct hpc_cursor {
	const char *p;
	const char *end;
};

/** Skips blanks and tabs; returns false at the end or at a newline. */
bool hpc_text_more(struct hpc_cursor *c);

/** Reads the next blank-separated word; returns its length, 0 at the end. */
size_t hpc_text_word(struct hpc_cursor *c, const char **word);

/**
 * Converts the @len characters at @s, all decimal digits (no sign, no blanks),
 * into @out. Returns 0, -HPC_EINVAL when empty or not all digits, or
 * -HPC_ERANGE when the value exceeds @max; @out is left alone on error.
 */
int hpc_text_dec(const char *s, size_t len, u64 max, u64 *out);

/**
 * Reads a decimal u32 / s32 / u64 word ("-" allowed only for s32, "+" never);
 * returns 0, -HPC_EINVAL for no word or a malformed one, or -HPC_ERANGE.
 */
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
 * Parses "PID TARGET" (PID 1..2147483647, TARGET a node ID 1..65535, "home"
 * or "balance"). Returns 0 or -HPC_EINVAL; the outputs are set only on success.
 */
int hpc_parse_migrate(const char *buf, size_t len, u32 *pid, u32 *target);

/** Parses "PID 0|1". Returns 0 or -HPC_EINVAL; outputs set only on success. */
int hpc_parse_lock(const char *buf, size_t len, u32 *pid, u32 *lock);

/* The node of an admin/where write that says the process exited. */
#define HPC_WHERE_EXITED 0xffffffffu

/**
 * Parses an admin/where write, "PID NODE" (NODE 0 = home, or a node ID
 * 1..65535) or "PID exited" (@node set to HPC_WHERE_EXITED). Whether NODE is
 * mapped, or is this node, is the caller's question. Returns 0 or
 * -HPC_EINVAL; the outputs are set only on success.
 */
int hpc_parse_where(const char *buf, size_t len, u32 *pid, u32 *node);

/**
 * An admin/guests write: "add PID HOME-ID HOME-PID" (@add true) or "del PID"
 * (@add false, @home_id and @home_pid 0). PIDs are 1..2147483647, HOME-ID a
 * node ID 1..65535.
 */
struct hpc_guests_cmd {
	bool add;
	u32 pid;
	u32 home_id;
	u32 home_pid;
};

/**
 * Parses an admin/guests write. Whether PID is a local process and HOME-ID a
 * mapped node other than this one is the caller's question. Returns 0 or
 * -HPC_EINVAL, leaving @g alone on error.
 */
int hpc_parse_guests(const char *buf, size_t len, struct hpc_guests_cmd *g);

/**
 * Parses "STAB MIGCOST MEMLOW MINUSE" and validates it with
 * hpc_check_overheads. Returns 0 or -HPC_EINVAL, leaving @o alone on error.
 */
int hpc_parse_overheads(const char *buf, size_t len, struct hpc_overheads *o);

/**
 * Parses one peer load record, "ID STATUS LOAD SPEED CPUS MEM RMEM TMEM UTIL"
 * (memory in pages, STATUS the HPC_ST_* bits or -errno for an unreachable
 * node, in which case the other fields may be omitted). ID 1..65535, STATUS
 * 0..63 or -4095..-1, SPEED 1..HPC_MAX_SPEED, CPUS >= 1, UTIL 0..100; omitted
 * fields read as 0. Returns 0 or -HPC_EINVAL, leaving @r alone on error.
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

/**
 * Prints @r in the form hpc_parse_peer reads, without a newline; an
 * unreachable node (negative status) prints as "ID -ERRNO" alone. Returns the
 * length the full text needs, like snprintf.
 */
size_t hpc_print_peer(const struct hpc_peer_record *r, char *buf, size_t size);

/**
 * A bounded output buffer that keeps counting past its end, so that printers
 * can return the length the full text needs, like snprintf.
 */
struct hpc_out {
	char *buf;
	size_t size;
	size_t len;
};

void hpc_out_init(struct hpc_out *o, char *buf, size_t size);
void hpc_out_char(struct hpc_out *o, char c);
void hpc_out_str(struct hpc_out *o, const char *s);
void hpc_out_u64(struct hpc_out *o, u64 v);
void hpc_out_s64(struct hpc_out *o, s64 v);
/** NUL-terminates (when size > 0) and returns the full length. */
size_t hpc_out_end(struct hpc_out *o);

#ifdef __cplusplus
}
#endif

#endif /* HPC_TEXT_H */
