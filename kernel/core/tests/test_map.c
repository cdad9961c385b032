// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/* The node map: every error with its line, limits, addresses, lookups. */
#include "cmocka_all.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hpc/map.h"

static struct hpc_map map;

static struct hpc_map_result parse(const char *text)
{
	return hpc_map_parse(&map, text, strlen(text));
}

/* Parses @text expecting @err on @line (0 with HPC_MAP_OK). */
static void expect(const char *text, enum hpc_map_error err, u32 line)
{
	struct hpc_map_result r = parse(text);

	if (r.error != err || r.line != line)
		fail_msg("\"%s\": got %s at line %u, want %s at line %u", text,
			 hpc_map_strerror(r.error), r.line,
			 hpc_map_strerror(err), line);
}

static char *print_map(void)
{
	static char buf[65536];
	size_t n = hpc_map_print(&map, buf, sizeof(buf));

	assert_true(n < sizeof(buf));
	assert_int_equal(n, strlen(buf));
	return buf;
}

static struct hpc_addr addr(const char *s)
{
	struct hpc_addr a;

	if (hpc_addr_parse(s, strlen(s), &a))
		fail_msg("cannot parse %s", s);
	return a;
}

static const char *canon(const char *s)
{
	static char buf[HPC_ADDR_STRLEN];
	struct hpc_addr a = addr(s);
	size_t n = hpc_addr_print(&a, buf, sizeof(buf));

	assert_true(n < HPC_ADDR_STRLEN);
	assert_int_equal(n, strlen(buf));
	return buf;
}

static void test_docs_example(void **state)
{
	(void)state;
	expect("# comment\n"
	       "1  192.168.1.1  4      # IDs 1..4 on 192.168.1.1 .. "
	       "192.168.1.4\n"
	       "4  10.0.0.4     ALIAS  # node 4 also answers on 10.0.0.4\n"
	       "10 fd00::a      1\n",
	       HPC_MAP_OK, 0);
	assert_int_equal(map.n, 3);
	assert_int_equal(hpc_map_nodes(&map), 5);
	assert_string_equal(print_map(), "1 192.168.1.1 4\n"
					 "4 10.0.0.4 ALIAS\n"
					 "10 fd00::a 1\n");
}

static void test_empty_and_comments(void **state)
{
	(void)state;
	map.n = 99;
	expect("", HPC_MAP_OK, 0);
	assert_int_equal(map.n, 0);
	assert_string_equal(print_map(), "");
	expect("\n\n  \t\n# only comments\n   # indented\n", HPC_MAP_OK, 0);
	assert_int_equal(map.n, 0);
	assert_int_equal(hpc_map_nodes(&map), 0);
	/* comments right after a field, DOS line ends, no final newline */
	expect("1 1.2.3.4 2#two\r\n2\t1.2.3.9\talias # x\r\n5 ::1 1",
	       HPC_MAP_OK, 0);
	assert_int_equal(map.n, 3);
	assert_string_equal(print_map(), "1 1.2.3.4 2\n"
					 "2 1.2.3.9 ALIAS\n"
					 "5 ::1 1\n");
}

static void test_syntax_errors(void **state)
{
	(void)state;
	expect("1 1.2.3.4", HPC_MAP_E_SYNTAX, 1);
	expect("1", HPC_MAP_E_SYNTAX, 1);
	expect("# c\n\n1 1.2.3.4 1 1\n", HPC_MAP_E_SYNTAX, 3);
	expect("1 1.2.3.4 1\n2 1.2.3.5 1 # ok\n3 1.2.3.6 1 x\n",
	       HPC_MAP_E_SYNTAX, 3);
	expect("1 1.2.3.4 1\n\n\n\n5\n", HPC_MAP_E_SYNTAX, 5);
}

static void test_id_errors(void **state)
{
	static const char *const ids[] = { "0",	   "65536",
					   "x",	   "-1",
					   "+1",   "1x",
					   "0x10", "99999999999999999999" };
	char line[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		snprintf(line, sizeof(line), "1 10.0.0.1 1\n%s 1.2.3.4 1\n",
			 ids[i]);
		expect(line, HPC_MAP_E_ID, 2);
	}
	expect("65535 1.2.3.4 1", HPC_MAP_OK, 0);
}

static void test_addr_errors(void **state)
{
	static const char *const bad[] = {
		"1.2.3",
		"1.2.3.4.5",
		"256.1.1.1",
		"1.2.3.256",
		"01.2.3.4",
		"1.2.3.04",
		"1.2.3.4.",
		".1.2.3.4",
		"1..3.4",
		"+1.2.3.4",
		"1.2.3.-4",
		"1.2.3.1000",
		"1.2.3.0x1",
		"host",
		"node-1.example.org",
		"fe80::1%eth0",
		"[::1]",
		":",
		":::",
		":1::",
		"1::2::3",
		"1:2:3:4:5:6:7",
		"1:2:3:4:5:6:7:8:9",
		"1:2:3:4:5:6:7:8::",
		"::1:2:3:4:5:6:7:8",
		"1::2:3:4:5:6:7:8",
		"12345::",
		"1:",
		":1",
		"1:2:3:4:5:6:7:",
		"::g",
		"::1.2.3",
		"::1.2.3.4:5",
		"::1.2.3.4.",
		"1:2:3:4:5:6:7:1.2.3.4",
		"1:2:3:4:5:6:1.2.3.4:1",
		"::01.2.3.4",
		"::ffff:256.1.1.1",
		"1.2.3.4::",
	};
	char line[128];
	size_t i;
	struct hpc_addr a = { 4, { 9, 9, 9, 9 } };

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(line, sizeof(line), "# c\n2 %s 1\n", bad[i]);
		expect(line, HPC_MAP_E_ADDR, 2);
		assert_int_equal(hpc_addr_parse(bad[i], strlen(bad[i]), &a),
				 -HPC_EINVAL);
		assert_int_equal(a.bytes[0], 9);
	}
	assert_int_equal(hpc_addr_parse("::1 ", 4, &a), -HPC_EINVAL);
	assert_int_equal(hpc_addr_parse("", 0, &a), -HPC_EINVAL);
	assert_int_equal(hpc_addr_parse("1.2.3.4\0", 8, &a), -HPC_EINVAL);
	/* the length bounds the text: no NUL needed */
	assert_int_equal(hpc_addr_parse("1.2.3.45", 7, &a), 0);
	assert_int_equal(a.family, 4);
	assert_int_equal(a.bytes[3], 4);
}

static void test_count_errors(void **state)
{
	(void)state;
	expect("1 1.2.3.4 0", HPC_MAP_E_COUNT, 1);
	expect("1 1.2.3.4 x", HPC_MAP_E_COUNT, 1);
	expect("1 1.2.3.4 -1", HPC_MAP_E_COUNT, 1);
	expect("1 1.2.3.4 +1", HPC_MAP_E_COUNT, 1);
	expect("1 1.2.3.4 ALIASES", HPC_MAP_E_COUNT, 1);
	expect("1 1.2.3.4 ALIA", HPC_MAP_E_COUNT, 1);
	expect("1 1.2.3.4 1x", HPC_MAP_E_COUNT, 1);
	expect("1 1.2.3.4 00", HPC_MAP_E_COUNT, 1);
	expect("1 1.2.3.4 002", HPC_MAP_OK, 0);
	assert_int_equal(map.e[0].count, 2);
}

static void test_range_errors(void **state)
{
	(void)state;
	expect("65535 1.2.3.4 2", HPC_MAP_E_RANGE, 1);
	expect("65000 1.2.3.4 537", HPC_MAP_E_RANGE, 1);
	expect("65000 1.2.3.4 536", HPC_MAP_OK, 0);
	expect("1 10.0.0.1 1\n2 1.2.3.4 99999999999\n", HPC_MAP_E_RANGE, 2);
	expect("1 10.0.0.1 1\n2 1.2.3.4 4294967296\n", HPC_MAP_E_RANGE, 2);
	expect("1 255.255.255.255 2", HPC_MAP_E_RANGE, 1);
	expect("1 255.255.255.255 1", HPC_MAP_OK, 0);
	expect("1 255.255.255.250 7", HPC_MAP_E_RANGE, 1);
	expect("1 255.255.255.250 6", HPC_MAP_OK, 0);
	expect("1 ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe 3", HPC_MAP_E_RANGE,
	       1);
	expect("1 ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe 2", HPC_MAP_OK, 0);
}

static void test_overlap_errors(void **state)
{
	(void)state;
	/* IDs */
	expect("1 1.2.3.4 4\n4 1.2.3.10 1\n", HPC_MAP_E_OVERLAP, 2);
	expect("5 1.2.3.4 4\n1 1.2.3.10 5\n", HPC_MAP_E_OVERLAP, 2);
	expect("5 1.2.3.4 4\n1 1.2.3.10 4\n", HPC_MAP_OK, 0);
	expect("5 1.2.3.4 1\n5 1.2.3.10 1\n", HPC_MAP_E_OVERLAP, 2);
	/* addresses, counting ranges */
	expect("1 1.2.3.4 4\n10 1.2.3.7 1\n", HPC_MAP_E_OVERLAP, 2);
	expect("1 1.2.3.4 4\n10 1.2.3.1 4\n", HPC_MAP_E_OVERLAP, 2);
	expect("1 1.2.3.4 4\n10 1.2.3.0 4\n", HPC_MAP_OK, 0);
	expect("1 1.2.3.4 4\n10 1.2.3.8 4\n", HPC_MAP_OK, 0);
	/* the same address however it is written */
	expect("1 fd00::1 1\n2 FD00:0:0::0:1 1\n", HPC_MAP_E_OVERLAP, 2);
	expect("1 ::ffff:1.2.3.4 1\n2 ::ffff:102:304 1\n", HPC_MAP_E_OVERLAP,
	       2);
	/* IPv4 and IPv6 never collide */
	expect("1 1.2.3.4 1\n2 ::102:304 1\n3 ::ffff:1.2.3.4 1\n", HPC_MAP_OK,
	       0);
	/* aliases against primaries, primaries against aliases */
	expect("1 1.2.3.4 1\n2 1.2.3.5 1\n2 1.2.3.4 ALIAS\n", HPC_MAP_E_OVERLAP,
	       3);
	expect("1 1.2.3.4 1\n1 1.2.3.4 ALIAS\n", HPC_MAP_E_OVERLAP, 2);
	expect("1 1.2.3.4 1\n1 10.0.0.1 ALIAS\n1 10.0.0.1 ALIAS\n",
	       HPC_MAP_E_OVERLAP, 3);
	expect("1 1.2.3.4 1\n1 10.0.0.1 ALIAS\n2 10.0.0.1 1\n",
	       HPC_MAP_E_OVERLAP, 3);
	expect("1 10.0.0.1 1\n1 10.0.0.9 ALIAS\n2 10.0.0.5 10\n",
	       HPC_MAP_E_OVERLAP, 3);
	expect("1 10.0.0.1 2\n2 10.0.0.9 ALIAS\n1 10.0.0.10 alias\n",
	       HPC_MAP_OK, 0);
}

static void test_alias_errors(void **state)
{
	(void)state;
	expect("1 1.2.3.4 ALIAS", HPC_MAP_E_ALIAS, 1);
	/* the ID must be mapped by an earlier line */
	expect("2 1.2.3.4 ALIAS\n2 1.2.3.5 1\n", HPC_MAP_E_ALIAS, 1);
	expect("1 1.2.3.4 3\n4 10.0.0.1 ALIAS\n", HPC_MAP_E_ALIAS, 2);
	expect("1 1.2.3.4 3\n3 10.0.0.1 ALIAS\n", HPC_MAP_OK, 0);
	/* an alias is one more address, not one more node */
	assert_int_equal(hpc_map_nodes(&map), 3);
}

static char *big_text(size_t size)
{
	char *t = malloc(size);

	assert_non_null(t);
	t[0] = '\0';
	return t;
}

static void append(char *t, size_t size, const char *line)
{
	size_t n = strlen(t);

	assert_true(n + strlen(line) < size);
	memcpy(t + n, line, strlen(line) + 1);
}

static void test_entry_limit(void **state)
{
	const size_t size = 65536;
	char *t = big_text(size);
	char line[64];
	int i;

	(void)state;
	append(t, size, "# 256 lines that map something\n\n");
	for (i = 1; i <= 255; i++) {
		snprintf(line, sizeof(line), "%d 10.0.%d.%d 1 # n%d\n", i,
			 i / 200, i % 200, i);
		append(t, size, line);
	}
	append(t, size, "1 192.168.0.1 ALIAS\n# still fine\n");
	expect(t, HPC_MAP_OK, 0);
	assert_int_equal(map.n, 256);
	assert_int_equal(hpc_map_nodes(&map), 255);
	append(t, size, "\n300 10.9.9.9 1\n");
	/* 2 header lines, 255, the alias, a comment, a blank line */
	expect(t, HPC_MAP_E_ENTRIES, 2 + 255 + 1 + 1 + 1 + 1);
	free(t);
}

static void test_node_limit(void **state)
{
	(void)state;
	expect("1 10.0.0.1 1024", HPC_MAP_OK, 0);
	assert_int_equal(hpc_map_nodes(&map), 1024);
	expect("1 10.0.0.1 1025", HPC_MAP_E_NODES, 1);
	expect("1 10.0.0.1 256\n"
	       "1000 10.1.0.1 256\n"
	       "2000 fd00::1 256\n"
	       "3000 fd00::1:1 256\n"
	       "3000 10.9.0.1 ALIAS\n",
	       HPC_MAP_OK, 0);
	assert_int_equal(hpc_map_nodes(&map), 1024);
	expect("1 10.0.0.1 256\n"
	       "1000 10.1.0.1 256\n"
	       "2000 fd00::1 256\n"
	       "3000 fd00::1:1 256\n"
	       "# one too many\n"
	       "5000 10.9.0.1 1\n",
	       HPC_MAP_E_NODES, 6);
}

static void test_line_length(void **state)
{
	char t[600];
	size_t n;

	(void)state;
	/* 255 characters, then the newline */
	strcpy(t, "1 1.2.3.4 1 #");
	n = strlen(t);
	memset(t + n, 'x', 255 - n);
	t[255] = '\n';
	t[256] = '\0';
	expect(t, HPC_MAP_OK, 0);
	/* 256 characters on line 2 */
	strcpy(t, "\n1 1.2.3.4 1 #");
	n = strlen(t);
	memset(t + n, 'x', 257 - n);
	strcpy(t + 257, "\n2 1.2.3.5 1\n");
	expect(t, HPC_MAP_E_TOOLONG, 2);
	/* blank padding counts too, even without a final newline */
	memset(t, ' ', 300);
	t[300] = '\0';
	expect(t, HPC_MAP_E_TOOLONG, 1);
}

static void test_ipv4_forms(void **state)
{
	(void)state;
	assert_string_equal(canon("0.0.0.0"), "0.0.0.0");
	assert_string_equal(canon("255.255.255.255"), "255.255.255.255");
	assert_string_equal(canon("192.168.10.220"), "192.168.10.220");
	assert_string_equal(canon("10.0.0.0"), "10.0.0.0");
}

static void test_ipv6_forms(void **state)
{
	static const char *const pairs[][2] = {
		{ "2001:db8:0:0:0:0:2:1", "2001:db8::2:1" },
		{ "2001:DB8::2:1", "2001:db8::2:1" },
		{ "2001:0db8:0000:0000:0000:0000:0002:0001", "2001:db8::2:1" },
		{ "2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1" },
		{ "2001:0:0:1:0:0:0:1", "2001:0:0:1::1" },
		{ "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1" },
		{ "::", "::" },
		{ "0:0:0:0:0:0:0:0", "::" },
		{ "::1", "::1" },
		{ "1::", "1::" },
		{ "0:1:0:0:0:0:0:0", "0:1::" },
		{ "1:2:3:4:5:6::", "1:2:3:4:5:6::" },
		{ "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0" },
		{ "::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8" },
		{ "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8" },
		{ "fd00::a", "fd00::a" },
		{ "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
		  "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" },
		{ "::ffff:192.0.2.1", "::ffff:192.0.2.1" },
		{ "::FFFF:C000:0201", "::ffff:192.0.2.1" },
		{ "0:0:0:0:0:ffff:192.0.2.1", "::ffff:192.0.2.1" },
		{ "::192.0.2.1", "::c000:201" },
		{ "64:ff9b::192.0.2.33", "64:ff9b::c000:221" },
		{ "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304" },
		{ "1:0:0:2:0:0:0:3", "1:0:0:2::3" },
		{ "1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		assert_string_equal(canon(pairs[i][0]), pairs[i][1]);
}

static void test_addr_print_short(void **state)
{
	struct hpc_addr a = addr("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	struct hpc_addr bad = { 5, { 0 } };
	char buf[8];

	(void)state;
	memset(buf, 'z', sizeof(buf));
	assert_int_equal(hpc_addr_print(&a, buf, 5), 39);
	assert_string_equal(buf, "ffff");
	assert_int_equal(buf[5], 'z');
	assert_int_equal(hpc_addr_print(&a, buf, 0), 39);
	/* an address no parser produced prints as nothing */
	assert_int_equal(hpc_addr_print(&bad, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
}

static void test_map_print_short(void **state)
{
	char buf[16];
	size_t full;

	(void)state;
	expect("1 192.168.1.1 4\n4 10.0.0.4 ALIAS\n", HPC_MAP_OK, 0);
	full = strlen("1 192.168.1.1 4\n4 10.0.0.4 ALIAS\n");
	assert_int_equal(hpc_map_print(&map, buf, sizeof(buf)), full);
	assert_string_equal(buf, "1 192.168.1.1 4");
	assert_int_equal(hpc_map_print(&map, NULL, 0), full);
}

/* Printing and parsing again gives the same map. */
static void test_round_trip(void **state)
{
	static struct hpc_map first;
	char *text;
	u32 i;

	(void)state;
	expect("7 FD00:0000::00FF:FFFF 3\n"
	       "1 192.168.1.254 4\n"
	       "2 10.0.0.1 alias\n"
	       "100 ::ffff:10.1.1.1 2\n",
	       HPC_MAP_OK, 0);
	first = map;
	text = print_map();
	assert_string_equal(text, "7 fd00::ff:ffff 3\n"
				  "1 192.168.1.254 4\n"
				  "2 10.0.0.1 ALIAS\n"
				  "100 ::ffff:10.1.1.1 2\n");
	expect(text, HPC_MAP_OK, 0);
	assert_int_equal(map.n, first.n);
	for (i = 0; i < map.n; i++) {
		assert_int_equal(map.e[i].first_id, first.e[i].first_id);
		assert_int_equal(map.e[i].count, first.e[i].count);
		assert_int_equal(map.e[i].addr.family, first.e[i].addr.family);
		assert_memory_equal(map.e[i].addr.bytes, first.e[i].addr.bytes,
				    16);
	}
}

static void test_lookups(void **state)
{
	struct hpc_addr a;
	char buf[HPC_ADDR_STRLEN];
	static const char *const want[] = { "192.168.1.254", "192.168.1.255",
					    "192.168.2.0", "192.168.2.1" };
	u32 id;

	(void)state;
	expect("7 fd00::ff:ffff 3\n"
	       "1 192.168.1.254 4\n"
	       "2 10.0.0.1 ALIAS\n",
	       HPC_MAP_OK, 0);
	/* counting up carries into the next byte */
	for (id = 1; id <= 4; id++) {
		assert_int_equal(hpc_map_addr_of(&map, id, &a), 0);
		hpc_addr_print(&a, buf, sizeof(buf));
		assert_string_equal(buf, want[id - 1]);
		assert_int_equal(hpc_map_id_of(&map, &a), id);
	}
	assert_int_equal(hpc_map_addr_of(&map, 8, &a), 0);
	hpc_addr_print(&a, buf, sizeof(buf));
	assert_string_equal(buf, "fd00::100:0");
	assert_int_equal(hpc_map_id_of(&map, &a), 8);
	assert_int_equal(hpc_map_id_of(&map, &(struct hpc_addr){ 0 }), 0);
	a = addr("10.0.0.1");
	assert_int_equal(hpc_map_id_of(&map, &a), 2);
	a = addr("10.0.0.2");
	assert_int_equal(hpc_map_id_of(&map, &a), 0);
	a = addr("192.168.2.2");
	assert_int_equal(hpc_map_id_of(&map, &a), 0);
	a = addr("192.168.1.253");
	assert_int_equal(hpc_map_id_of(&map, &a), 0);
	a = addr("fd00::100:1");
	assert_int_equal(hpc_map_id_of(&map, &a), 9);
	a = addr("fd00::100:2");
	assert_int_equal(hpc_map_id_of(&map, &a), 0);
	a = addr("fd01::ff:ffff");
	assert_int_equal(hpc_map_id_of(&map, &a), 0);
	/* same bytes, other family */
	a = addr("::c0a8:1fe");
	assert_int_equal(hpc_map_id_of(&map, &a), 0);
	a = addr("9.9.9.9");
	assert_int_equal(hpc_map_addr_of(&map, 5, &a), -HPC_ENOENT);
	assert_int_equal(hpc_map_addr_of(&map, 0, &a), -HPC_ENOENT);
	assert_int_equal(hpc_map_addr_of(&map, 10, &a), -HPC_ENOENT);
	assert_int_equal(hpc_map_addr_of(&map, 70000, &a), -HPC_ENOENT);
	assert_int_equal(a.bytes[0], 9);
}

struct visit {
	u32 ids[16];
	char addrs[16][HPC_ADDR_STRLEN];
	int n;
	int stop_at;
};

static int visit(void *ctx, u32 id, const struct hpc_addr *a)
{
	struct visit *v = ctx;

	if (v->n == 16)
		return -1;
	v->ids[v->n] = id;
	hpc_addr_print(a, v->addrs[v->n], HPC_ADDR_STRLEN);
	v->n++;
	return v->n == v->stop_at ? 42 : 0;
}

static void test_for_each(void **state)
{
	static const u32 ids[] = { 1, 2, 3, 7, 8, 9, 65534, 65535 };
	struct visit v = { .stop_at = 0 };
	int i;

	(void)state;
	expect("7 fd00::ff:ffff 3\n"
	       "65534 10.1.1.1 2\n"
	       "1 192.168.1.254 3\n"
	       "2 10.0.0.1 ALIAS\n",
	       HPC_MAP_OK, 0);
	assert_int_equal(hpc_map_for_each(&map, visit, &v), 0);
	assert_int_equal(v.n, 8);
	for (i = 0; i < 8; i++)
		assert_int_equal(v.ids[i], ids[i]);
	assert_string_equal(v.addrs[0], "192.168.1.254");
	assert_string_equal(v.addrs[2], "192.168.2.0");
	assert_string_equal(v.addrs[4], "fd00::100:0");
	assert_string_equal(v.addrs[7], "10.1.1.2");
	/* stops early with the callback's value */
	v = (struct visit){ .stop_at = 5 };
	assert_int_equal(hpc_map_for_each(&map, visit, &v), 42);
	assert_int_equal(v.n, 5);
	/* an empty map calls nothing */
	expect("", HPC_MAP_OK, 0);
	v = (struct visit){ .stop_at = 1 };
	assert_int_equal(hpc_map_for_each(&map, visit, &v), 0);
	assert_int_equal(v.n, 0);
}

static void test_auto_id(void **state)
{
	struct hpc_addr a = addr("192.168.10.220");
	struct hpc_addr bad = { 0 };

	(void)state;
	/* "openMosix #2780 is at IP address 192.168.10.220" */
	assert_int_equal(hpc_addr_auto_id(&a), 2780);
	a = addr("10.0.255.255");
	assert_int_equal(hpc_addr_auto_id(&a), 65535);
	a = addr("10.1.0.0");
	assert_int_equal(hpc_addr_auto_id(&a), 0);
	a = addr("fd00::abcd");
	assert_int_equal(hpc_addr_auto_id(&a), 0xabcd);
	a = addr("fd00::1:0");
	assert_int_equal(hpc_addr_auto_id(&a), 0);
	a = addr("::ffff:10.0.1.2");
	assert_int_equal(hpc_addr_auto_id(&a), 258);
	assert_int_equal(hpc_addr_auto_id(&bad), 0);
}

static void test_strerror(void **state)
{
	int e;

	(void)state;
	assert_string_equal(hpc_map_strerror(HPC_MAP_E_ID),
			    "ID not a number in 1..65535");
	for (e = HPC_MAP_OK; e <= HPC_MAP_E_TOOLONG; e++)
		assert_string_not_equal(hpc_map_strerror((enum hpc_map_error)e),
					"unknown error");
	assert_string_equal(hpc_map_strerror((enum hpc_map_error)99),
			    "unknown error");
}

static u32 rng_state = 2024;

static u32 rnd(u32 n)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return ((rng_state >> 8) & 0xffffff) % n;
}

/* Address-like text: groups, numbers and separators in random order. */
static void random_addr_text(char *buf, size_t size)
{
	static const char hex[] = "0123456789abcdefABCDEF";
	size_t len = 0;
	u32 tokens = 1 + rnd(12), t, k, n;

	buf[0] = '\0';
	for (t = 0; t < tokens && len + 8 < size; t++) {
		switch (rnd(6)) {
		case 0:
		case 1: /* a hex group, often zero */
			n = rnd(6);
			for (k = 0; k < n; k++)
				buf[len++] = rnd(3) ? '0' : hex[rnd(22)];
			break;
		case 2: /* a decimal number, maybe with a leading zero */
			len += (size_t)snprintf(buf + len, size - len,
						rnd(8) ? "%u" : "0%u",
						rnd(300));
			break;
		case 3:
		case 4:
			buf[len++] = ':';
			break;
		default:
			buf[len++] = '.';
			break;
		}
		buf[len] = '\0';
	}
}

/* Stitches random valid IPv6 addresses in every notation together. */
static void random_ipv6(char *buf, size_t size)
{
	struct in6_addr a;
	u32 i;

	for (i = 0; i < 16; i++)
		a.s6_addr[i] = (u8)(rnd(3) ? 0 : rnd(256));
	if (rnd(5) == 0) { /* IPv4-mapped */
		memset(a.s6_addr, 0, 10);
		a.s6_addr[10] = a.s6_addr[11] = 0xff;
	}
	assert_non_null(inet_ntop(AF_INET6, &a, buf, (socklen_t)size));
}

/* Agrees with glibc on what is an address and on its bytes. */
static void check_against_libc(const char *text)
{
	bool v6 = strchr(text, ':') != NULL;
	u8 want[16];
	struct hpc_addr a;
	int ok = inet_pton(v6 ? AF_INET6 : AF_INET, text, want);
	int mine = hpc_addr_parse(text, strlen(text), &a);

	if ((ok == 1) != (mine == 0))
		fail_msg("\"%s\": libc %s, hpc %s", text,
			 ok == 1 ? "ok" : "bad", mine ? "bad" : "ok");
	if (mine == 0) {
		assert_int_equal(a.family, v6 ? 6 : 4);
		assert_memory_equal(a.bytes, want, v6 ? 16 : 4);
	}
}

/* Prints as glibc does, except the deprecated IPv4-compatible ::a.b.c.d. */
static void check_print_against_libc(const char *text)
{
	char want[INET6_ADDRSTRLEN], got[HPC_ADDR_STRLEN];
	struct hpc_addr a = addr(text), back;
	static const u8 zero[12];

	assert_non_null(inet_ntop(a.family == 6 ? AF_INET6 : AF_INET, a.bytes,
				  want, sizeof(want)));
	hpc_addr_print(&a, got, sizeof(got));
	if (a.family == 4 || memcmp(a.bytes, zero, 12) != 0)
		assert_string_equal(got, want);
	assert_int_equal(hpc_addr_parse(got, strlen(got), &back), 0);
	assert_memory_equal(back.bytes, a.bytes, 16);
}

static void test_addresses_match_libc(void **state)
{
	char text[128];
	u32 i, good = 0;

	(void)state;
	for (i = 0; i < 300000; i++) {
		random_addr_text(text, sizeof(text));
		check_against_libc(text);
		if (inet_pton(strchr(text, ':') ? AF_INET6 : AF_INET, text,
			      (u8[16]){ 0 }) == 1) {
			check_print_against_libc(text);
			good++;
		}
	}
	/* the generator must reach valid addresses often enough to matter */
	assert_true(good > 1000);
	for (i = 0; i < 20000; i++) {
		random_ipv6(text, sizeof(text));
		check_against_libc(text);
		check_print_against_libc(text);
	}
}

/* Random edits of a valid map: never a crash, and what parses prints stably. */
static void test_map_mutations(void **state)
{
	static const char base[] = "# cluster\n"
				   "1 192.168.1.1 4 # rack\n"
				   "4 10.0.0.4 ALIAS\n"
				   "10 fd00::a 1\n"
				   "20 ::ffff:10.9.8.7 3\n";
	static const char noise[] = " \t\n#:.0123456789aAfFxL-+\r";
	static struct hpc_map first;
	char text[256], *printed, again[4096];
	u32 i, k, len, edits, good = 0;

	(void)state;
	for (i = 0; i < 100000; i++) {
		memcpy(text, base, sizeof(base));
		len = sizeof(base) - 1;
		edits = 1 + rnd(4);
		for (k = 0; k < edits && len > 0; k++) {
			u32 at = rnd(len);

			if (rnd(3) == 0) { /* delete */
				memmove(text + at, text + at + 1, len - at);
				len--;
			} else {
				text[at] = noise[rnd(sizeof(noise) - 1)];
			}
		}
		if (hpc_map_parse(&map, text, len).error != HPC_MAP_OK)
			continue;
		good++;
		first = map;
		printed = print_map();
		memcpy(again, printed, strlen(printed) + 1);
		expect(again, HPC_MAP_OK, 0);
		assert_int_equal(map.n, first.n);
		assert_string_equal(print_map(), again);
		assert_int_equal(hpc_map_nodes(&map), hpc_map_nodes(&first));
	}
	assert_true(good > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docs_example),
		cmocka_unit_test(test_empty_and_comments),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_id_errors),
		cmocka_unit_test(test_addr_errors),
		cmocka_unit_test(test_count_errors),
		cmocka_unit_test(test_range_errors),
		cmocka_unit_test(test_overlap_errors),
		cmocka_unit_test(test_alias_errors),
		cmocka_unit_test(test_entry_limit),
		cmocka_unit_test(test_node_limit),
		cmocka_unit_test(test_line_length),
		cmocka_unit_test(test_ipv4_forms),
		cmocka_unit_test(test_ipv6_forms),
		cmocka_unit_test(test_addr_print_short),
		cmocka_unit_test(test_map_print_short),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_for_each),
		cmocka_unit_test(test_auto_id),
		cmocka_unit_test(test_strerror),
		cmocka_unit_test(test_addresses_match_libc),
		cmocka_unit_test(test_map_mutations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
