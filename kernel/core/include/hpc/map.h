/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * The node map, in the format of /etc/openmosix.map and of setpe:
 *   FIRST-ID ADDRESS COUNT   COUNT consecutive IDs on consecutive addresses
 *   ID ADDRESS ALIAS         one more address for an already mapped ID
 *   # comment, blank lines
 * Addresses are numeric IPv4 or IPv6 (hostnames are resolved by the tools
 * before the map reaches the module). Counting up an address increments its
 * last byte with carry. The parser names the line of the first error.
 */
#ifndef HPC_MAP_H
#define HPC_MAP_H

#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HPC_MAP_MAX_ENTRIES 256u	/* lines that map something */
#define HPC_MAP_MAX_NODES 1024u		/* node IDs one map may define */
#define HPC_ADDR_STRLEN 46u		/* longest printed address + NUL */

struct hpc_addr {
	u8 family; /* 4 or 6 */
	u8 bytes[16]; /* network order; IPv4 uses the first 4 */
};

struct hpc_map_entry {
	u16 first_id;
	u16 count; /* 0 = ALIAS */
	struct hpc_addr addr;
};

struct hpc_map {
	u32 n;
	struct hpc_map_entry e[HPC_MAP_MAX_ENTRIES];
};

enum hpc_map_error {
	HPC_MAP_OK = 0,
	HPC_MAP_E_SYNTAX,	/* not three fields */
	HPC_MAP_E_ID,		/* ID not a number in 1..65535 */
	HPC_MAP_E_ADDR,		/* not a numeric IPv4/IPv6 address */
	HPC_MAP_E_COUNT,	/* count not a number >= 1 nor ALIAS */
	HPC_MAP_E_RANGE,	/* ID range past 65535 or address past its end */
	HPC_MAP_E_OVERLAP,	/* an ID or address mapped twice */
	HPC_MAP_E_ALIAS,	/* ALIAS for an ID no earlier line maps */
	HPC_MAP_E_ENTRIES,	/* more than HPC_MAP_MAX_ENTRIES lines */
	HPC_MAP_E_NODES,	/* more than HPC_MAP_MAX_NODES IDs */
	HPC_MAP_E_TOOLONG,	/* a line longer than 255 characters */
};

struct hpc_map_result {
	enum hpc_map_error error;
	u32 line; /* 1-based line of the error, 0 when OK */
};

/**
 * Parses @len bytes of map text into @m. Fields are separated by blanks, tabs
 * (and a CR, for maps saved with DOS line ends); a '#' anywhere starts a
 * comment; "ALIAS" is case-insensitive. On error @m is left in an
 * unspecified state and the result names the first bad line; callers parse
 * into a scratch map and swap it in only on success.
 */
struct hpc_map_result hpc_map_parse(struct hpc_map *m, const char *text,
				    size_t len);

/** A short English description of @e, for logs and error messages. */
const char *hpc_map_strerror(enum hpc_map_error e);

/**
 * Prints @m in canonical form ("FIRST ADDRESS COUNT" or "ID ADDRESS ALIAS",
 * one line per entry in input order, each ending in a newline) into @buf;
 * returns the length the full text needs, like snprintf, so a short buffer can
 * be detected. The text parses back into the same map.
 */
size_t hpc_map_print(const struct hpc_map *m, char *buf, size_t size);

/** Number of node IDs @m defines (aliases not counted). */
u32 hpc_map_nodes(const struct hpc_map *m);

/**
 * Looks up the primary address of node @id; returns 0 or -HPC_ENOENT.
 */
int hpc_map_addr_of(const struct hpc_map *m, u32 id, struct hpc_addr *out);

/**
 * Looks up the node ID of @addr (primary or alias); returns the ID or 0.
 */
u32 hpc_map_id_of(const struct hpc_map *m, const struct hpc_addr *addr);

/**
 * Calls @fn for each node ID in ascending order with its primary address;
 * stops early and returns what @fn returned when that is not 0.
 */
int hpc_map_for_each(const struct hpc_map *m,
		     int (*fn)(void *ctx, u32 id, const struct hpc_addr *a),
		     void *ctx);

/**
 * Parses one numeric address of exactly @len characters: an IPv4 dotted quad
 * (four parts 0..255, no sign, no leading zeros) or an IPv6 address (full,
 * "::"-compressed, optionally ending in a dotted quad; no zone, no brackets).
 * Returns 0 or -HPC_EINVAL, leaving @out alone on error.
 */
int hpc_addr_parse(const char *s, size_t len, struct hpc_addr *out);

/**
 * Prints @a: IPv4 dotted, IPv6 in RFC 5952 form (IPv4-mapped addresses as
 * ::ffff:a.b.c.d). Returns the length the full text needs, always below
 * HPC_ADDR_STRLEN, like snprintf; a @size of HPC_ADDR_STRLEN always suffices.
 */
size_t hpc_addr_print(const struct hpc_addr *a, char *buf, size_t size);

/**
 * The openMosix auto-discovery ID of an address: its last two bytes
 * (b[2] * 256 + b[3] for IPv4). 0, never a valid ID, when those are zero.
 */
u32 hpc_addr_auto_id(const struct hpc_addr *a);

#ifdef __cplusplus
}
#endif

#endif /* HPC_MAP_H */
