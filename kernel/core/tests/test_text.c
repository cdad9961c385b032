// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/* The /proc/hpc write parsers: what they accept and all they refuse. */
#include "cmocka_all.h"

#include <string.h>

#include "hpc/text.h"

static struct hpc_cursor cursor(const char *s)
{
	struct hpc_cursor c = { s, s + strlen(s) };

	return c;
}

static void test_words(void **state)
{
	struct hpc_cursor c = cursor("  a\tbc  \n d");
	const char *w = NULL;

	(void)state;
	assert_true(hpc_text_more(&c));
	assert_int_equal(hpc_text_word(&c, &w), 1);
	assert_memory_equal(w, "a", 1);
	assert_int_equal(hpc_text_word(&c, &w), 2);
	assert_memory_equal(w, "bc", 2);
	/* the newline ends the line's words */
	assert_false(hpc_text_more(&c));
	assert_int_equal(hpc_text_word(&c, &w), 0);
	c = cursor("");
	assert_false(hpc_text_more(&c));
	assert_int_equal(hpc_text_word(&c, &w), 0);
}

static int dec(const char *s, u64 max, u64 *out)
{
	return hpc_text_dec(s, strlen(s), max, out);
}

static void test_dec(void **state)
{
	u64 v = 77;

	(void)state;
	assert_int_equal(dec("0", 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(dec("0010", 10, &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(dec("4294967295", 0xffffffffu, &v), 0);
	assert_int_equal(v, 0xffffffffu);
	assert_int_equal(dec("18446744073709551615", ~0ull, &v), 0);
	assert_int_equal(v, ~0ull);
	v = 77;
	assert_int_equal(dec("4294967296", 0xffffffffu, &v), -HPC_ERANGE);
	assert_int_equal(dec("18446744073709551616", ~0ull, &v), -HPC_ERANGE);
	assert_int_equal(dec("99999999999999999999999999", ~0ull, &v),
			 -HPC_ERANGE);
	assert_int_equal(dec("11", 10, &v), -HPC_ERANGE);
	assert_int_equal(dec("1", 0, &v), -HPC_ERANGE);
	assert_int_equal(dec("", 10, &v), -HPC_EINVAL);
	assert_int_equal(dec("+1", 10, &v), -HPC_EINVAL);
	assert_int_equal(dec("-1", 10, &v), -HPC_EINVAL);
	assert_int_equal(dec(" 1", 10, &v), -HPC_EINVAL);
	assert_int_equal(dec("1 ", 10, &v), -HPC_EINVAL);
	assert_int_equal(dec("0x1", 10, &v), -HPC_EINVAL);
	assert_int_equal(dec("1e3", 10000, &v), -HPC_EINVAL);
	/* garbage after an overflow is still garbage */
	assert_int_equal(dec("99999999999999999999999x", ~0ull, &v),
			 -HPC_EINVAL);
	assert_int_equal(hpc_text_dec("12\0", 3, 100, &v), -HPC_EINVAL);
	assert_int_equal(v, 77);
}

static void test_u32_s32_u64(void **state)
{
	struct hpc_cursor c = cursor("4294967295 4294967296 x");
	u32 u = 5;
	s32 s = 5;
	u64 l = 5;

	(void)state;
	assert_int_equal(hpc_text_u32(&c, &u), 0);
	assert_int_equal(u, 0xffffffffu);
	assert_int_equal(hpc_text_u32(&c, &u), -HPC_ERANGE);
	assert_int_equal(hpc_text_u32(&c, &u), -HPC_EINVAL);
	assert_int_equal(hpc_text_u32(&c, &u), -HPC_EINVAL); /* no word */
	assert_int_equal(u, 0xffffffffu);

	c = cursor("-2147483648 2147483647 -2147483649 2147483648 -0 - --1 +1");
	assert_int_equal(hpc_text_s32(&c, &s), 0);
	assert_int_equal(s, INT32_MIN);
	assert_int_equal(hpc_text_s32(&c, &s), 0);
	assert_int_equal(s, INT32_MAX);
	assert_int_equal(hpc_text_s32(&c, &s), -HPC_ERANGE);
	assert_int_equal(hpc_text_s32(&c, &s), -HPC_ERANGE);
	assert_int_equal(hpc_text_s32(&c, &s), 0);
	assert_int_equal(s, 0);
	assert_int_equal(hpc_text_s32(&c, &s), -HPC_EINVAL);
	assert_int_equal(hpc_text_s32(&c, &s), -HPC_EINVAL);
	assert_int_equal(hpc_text_s32(&c, &s), -HPC_EINVAL);
	assert_int_equal(s, 0);

	c = cursor("18446744073709551615 18446744073709551616 -1");
	assert_int_equal(hpc_text_u64(&c, &l), 0);
	assert_int_equal(l, ~0ull);
	assert_int_equal(hpc_text_u64(&c, &l), -HPC_ERANGE);
	assert_int_equal(hpc_text_u64(&c, &l), -HPC_EINVAL);
}

static void test_done(void **state)
{
	static const char *const good[] = { "", " ", "\n", " \t\n", "\n  " };
	static const char *const bad[] = { "x", "\n\n", " \n x", "\r\n",
					   "\n\t\n" };
	struct hpc_cursor c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		c = cursor(good[i]);
		assert_true(hpc_text_done(&c));
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		c = cursor(bad[i]);
		assert_false(hpc_text_done(&c));
	}
	/* a NUL byte is not a blank */
	c.p = "\0";
	c.end = c.p + 1;
	assert_false(hpc_text_done(&c));
}

static int migrate(const char *s, u32 *pid, u32 *target)
{
	return hpc_parse_migrate(s, strlen(s), pid, target);
}

static void test_migrate(void **state)
{
	static const char *const bad[] = {
		"",
		"\n",
		"123",
		"123 ",
		"0 4",
		"123 0",
		"123 65536",
		"123 4 5",
		"123 Home",
		"123 homes",
		"123 hom",
		"123 balanced",
		"123 -4",
		"123 +4",
		"-123 4",
		"+123 4",
		"2147483648 4",
		"123 4\n\n",
		"123 4x",
		"123x 4",
		"123,4",
		"123 0x4",
		"123 4 home",
		"\n123 4",
		"99999999999999999999 4",
		"123 99999999999999999999",
	};
	u32 pid = 1, target = 2;
	size_t i;

	(void)state;
	assert_int_equal(migrate("123 4\n", &pid, &target), 0);
	assert_int_equal(pid, 123);
	assert_int_equal(target, 4);
	assert_int_equal(migrate("  77\t65535  \n ", &pid, &target), 0);
	assert_int_equal(pid, 77);
	assert_int_equal(target, 65535);
	assert_int_equal(migrate("5 home", &pid, &target), 0);
	assert_int_equal(target, HPC_TARGET_HOME);
	assert_int_equal(migrate("2147483647 balance\n", &pid, &target), 0);
	assert_int_equal(pid, 2147483647u);
	assert_int_equal(target, HPC_TARGET_BALANCE);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		pid = 1;
		target = 2;
		assert_int_equal(migrate(bad[i], &pid, &target), -HPC_EINVAL);
		assert_int_equal(pid, 1);
		assert_int_equal(target, 2);
	}
	/* the buffer need not be NUL-terminated, and a NUL is not a blank */
	assert_int_equal(hpc_parse_migrate("9 3XXX", 3, &pid, &target), 0);
	assert_int_equal(pid, 9);
	assert_int_equal(target, 3);
	assert_int_equal(hpc_parse_migrate("9 3\0", 4, &pid, &target),
			 -HPC_EINVAL);
}

static int lock(const char *s, u32 *pid, u32 *l)
{
	return hpc_parse_lock(s, strlen(s), pid, l);
}

static void test_lock(void **state)
{
	static const char *const bad[] = { "",	    "5",      "5 2",
					   "5 -1",  "0 1",    "5 1 1",
					   "5 01x", "5 true", "5 1\n\n" };
	u32 pid = 0, l = 9;
	size_t i;

	(void)state;
	assert_int_equal(lock("5 1\n", &pid, &l), 0);
	assert_int_equal(pid, 5);
	assert_int_equal(l, 1);
	assert_int_equal(lock("6 0", &pid, &l), 0);
	assert_int_equal(pid, 6);
	assert_int_equal(l, 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(lock(bad[i], &pid, &l), -HPC_EINVAL);
		assert_int_equal(pid, 6);
		assert_int_equal(l, 0);
	}
}

static int where(const char *s, u32 *pid, u32 *node)
{
	return hpc_parse_where(s, strlen(s), pid, node);
}

static void test_where(void **state)
{
	static const char *const bad[] = {
		"",
		"\n",
		"123",
		"123 ",
		"123\n",
		"0 3",
		"-5 3",
		"+5 3",
		"2147483648 3",
		"99999999999999999999 3",
		"123 65536",
		"123 99999999999999999999",
		"123 -1",
		"123 +3",
		"123 0x3",
		"123 3x",
		"123x 3",
		"123 3 4",
		"123 3\n\n",
		"\n123 3",
		"123 home",
		"123 balance",
		"123 Exited",
		"123 exite",
		"123 exitedx",
		"123 exited 3",
		"123 exited\n\n",
		"exited 123",
		"123,3",
	};
	u32 pid = 1, node = 2;
	size_t i;

	(void)state;
	assert_int_equal(where("123 3\n", &pid, &node), 0);
	assert_int_equal(pid, 123);
	assert_int_equal(node, 3);
	assert_int_equal(where(" 7\t0 \n ", &pid, &node), 0);
	assert_int_equal(pid, 7);
	assert_int_equal(node, 0);
	assert_int_equal(where("2147483647 65535", &pid, &node), 0);
	assert_int_equal(pid, 2147483647u);
	assert_int_equal(node, 65535);
	assert_int_equal(where("8 exited\n", &pid, &node), 0);
	assert_int_equal(pid, 8);
	assert_int_equal(node, HPC_WHERE_EXITED);
	/* leading zeros are still decimal, as every value here */
	assert_int_equal(where("009 004", &pid, &node), 0);
	assert_int_equal(pid, 9);
	assert_int_equal(node, 4);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		pid = 1;
		node = 2;
		assert_int_equal(where(bad[i], &pid, &node), -HPC_EINVAL);
		assert_int_equal(pid, 1);
		assert_int_equal(node, 2);
	}
	/* the buffer need not be NUL-terminated, and a NUL is not a blank */
	assert_int_equal(hpc_parse_where("9 exitedXX", 8, &pid, &node), 0);
	assert_int_equal(node, HPC_WHERE_EXITED);
	assert_int_equal(hpc_parse_where("9 3\0", 4, &pid, &node), -HPC_EINVAL);
}

static int guests(const char *s, struct hpc_guests_cmd *g)
{
	return hpc_parse_guests(s, strlen(s), g);
}

static void test_guests(void **state)
{
	static const char *const bad[] = {
		"",
		"\n",
		"add",
		"add 5",
		"add 5 2",
		"add 5 2 ",
		"add 5 2 7 8",
		"add 0 2 7",
		"add 5 0 7",
		"add 5 65536 7",
		"add 5 2 0",
		"add 2147483648 2 7",
		"add 5 2 2147483648",
		"add -5 2 7",
		"add 5 -2 7",
		"add +5 2 7",
		"add 5 2 7x",
		"add 5 2 7\n\n",
		"add\n5 2 7",
		"ADD 5 2 7",
		"adds 5 2 7",
		"ad 5 2 7",
		"5 2 7",
		"del",
		"del 0",
		"del 5 2",
		"del 5x",
		"Del 5",
		"delete 5",
		"move 5",
		"\ndel 5",
	};
	struct hpc_guests_cmd g = { false, 41, 42, 43 };
	size_t i;

	(void)state;
	assert_int_equal(guests("add 5 2 7\n", &g), 0);
	assert_true(g.add);
	assert_int_equal(g.pid, 5);
	assert_int_equal(g.home_id, 2);
	assert_int_equal(g.home_pid, 7);
	assert_int_equal(guests("\tadd  2147483647 65535 2147483647 \n", &g),
			 0);
	assert_int_equal(g.pid, 2147483647u);
	assert_int_equal(g.home_id, 65535);
	assert_int_equal(g.home_pid, 2147483647u);
	assert_int_equal(guests("del 9\n", &g), 0);
	assert_false(g.add);
	assert_int_equal(g.pid, 9);
	assert_int_equal(g.home_id, 0);
	assert_int_equal(g.home_pid, 0);
	g = (struct hpc_guests_cmd){ true, 41, 42, 43 };
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(guests(bad[i], &g), -HPC_EINVAL);
		assert_true(g.add);
		assert_int_equal(g.pid, 41);
		assert_int_equal(g.home_id, 42);
		assert_int_equal(g.home_pid, 43);
	}
	assert_int_equal(hpc_parse_guests("del 12XX", 6, &g), 0);
	assert_int_equal(g.pid, 12);
	assert_int_equal(hpc_parse_guests("del 12\0", 7, &g), -HPC_EINVAL);
}

static void test_overheads(void **state)
{
	static const char *const bad[] = {
		"",
		"1300 10 50",
		"1300 10 50 100 1",
		"999 10 50 100",
		"10001 10 50 100",
		"1300 10001 50 100",
		"1300 10 1001 100",
		"1300 10 50 1001",
		"1300 10 50 4294967296",
		"1300 10 50 100x",
		"1300 -10 50 100",
		"1300 10 50 100\n\n",
	};
	struct hpc_overheads def = HPC_OVERHEADS_DEFAULT;
	struct hpc_overheads o = def;
	size_t i;

	(void)state;
	assert_int_equal(hpc_parse_overheads("1000 0 0 0\n", 11, &o), 0);
	assert_int_equal(o.stab_pm, 1000);
	assert_int_equal(o.mig_cost, 0);
	assert_int_equal(hpc_parse_overheads("10000 10000 1000 1000", 21, &o),
			 0);
	assert_int_equal(o.stab_pm, 10000);
	assert_int_equal(o.mig_cost, 10000);
	assert_int_equal(o.mem_low_pm, 1000);
	assert_int_equal(o.min_use_pm, 1000);
	o = def;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(
			hpc_parse_overheads(bad[i], strlen(bad[i]), &o),
			-HPC_EINVAL);
		assert_memory_equal(&o, &def, sizeof(o));
	}
}

static int peer(const char *s, struct hpc_peer_record *r)
{
	return hpc_parse_peer(s, strlen(s), r);
}

static void test_peer(void **state)
{
	struct hpc_peer_record r;

	(void)state;
	assert_int_equal(
		peer("3 3 150 20000 4 1000 900 4000000000000 87\n", &r), 0);
	assert_int_equal(r.id, 3);
	assert_int_equal(r.status, 3);
	assert_int_equal(r.load, 150);
	assert_int_equal(r.speed, 20000);
	assert_int_equal(r.cpus, 4);
	assert_int_equal(r.mem, 1000);
	assert_int_equal(r.rmem, 900);
	assert_int_equal(r.tmem, 4000000000000ull);
	assert_int_equal(r.util, 87);
	assert_int_equal(peer("65535 63 0 1 1 0 0 0 100", &r), 0);
	assert_int_equal(r.id, 65535);
	assert_int_equal(r.status, 63);
	assert_int_equal(peer("1 0 0 1000000 1 0 0 0 0", &r), 0);
	assert_int_equal(r.status, 0);
	/* an unreachable node alone; the other fields read 0 */
	assert_int_equal(peer("7 -101\n", &r), 0);
	assert_int_equal(r.id, 7);
	assert_int_equal(r.status, -101);
	assert_int_equal(r.load, 0);
	assert_int_equal(r.speed, 0);
	assert_int_equal(r.tmem, 0);
	assert_int_equal(peer("7 -4095", &r), 0);
	assert_int_equal(r.status, -4095);
	/* or with its last values */
	assert_int_equal(peer("7 -110 5 10000 2 1 2 3 4", &r), 0);
	assert_int_equal(r.status, -110);
	assert_int_equal(r.cpus, 2);
}

static void test_peer_bad(void **state)
{
	static const char *const bad[] = {
		"",
		"3",
		"0 3 150 20000 4 1000 900 4000 87",
		"65536 3 150 20000 4 1000 900 4000 87",
		"3 64 150 20000 4 1000 900 4000 87",
		"3 -4096",
		"3 -2147483649",
		"3 -0",
		"3 0",
		"3 3 150 0 4 1000 900 4000 87",
		"3 3 150 1000001 4 1000 900 4000 87",
		"3 3 150 20000 0 1000 900 4000 87",
		"3 3 150 20000 4 1000 900 4000 101",
		"3 3 150 20000 4 1000 900 4000",
		"3 3 150 20000 4 1000 900 4000 87 1",
		"3 3 4294967296 20000 4 1000 900 4000 87",
		"3 3 150 20000 4 18446744073709551616 900 4000 87",
		"3 3 -150 20000 4 1000 900 4000 87",
		"3 3 150 20000 4 1000 900 4000 87x",
		"3 3 150 20000 4 1000 900 4000 87\n\n",
		"3 -101 5",
		"3 -101 5 10000 2 1 2 3",
		"3 -101 x",
		"3 +3 150 20000 4 1000 900 4000 87",
		"3 3 150 20000 4 1000 900 4000 87\n4 -101",
		"3 -101\n5 10000 2 1 2 3 4",
		"3 -101\n\n",
		"3 3 150 20000 4\n1000 900 4000 87",
	};
	struct hpc_peer_record r = { 42, 0, 0, 0, 0, 0, 0, 0, 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(peer(bad[i], &r), -HPC_EINVAL);
		assert_int_equal(r.id, 42);
	}
}

static void test_print_peer(void **state)
{
	struct hpc_peer_record r = { 3, 3,    150, 20000,
				     4, 1000, 900, 4000000000000ull,
				     87 };
	struct hpc_peer_record back;
	char buf[128];
	size_t n;

	(void)state;
	n = hpc_print_peer(&r, buf, sizeof(buf));
	assert_string_equal(buf, "3 3 150 20000 4 1000 900 4000000000000 87");
	assert_int_equal(n, strlen(buf));
	assert_int_equal(hpc_parse_peer(buf, n, &back), 0);
	assert_int_equal(back.id, r.id);
	assert_int_equal(back.status, r.status);
	assert_int_equal(back.load, r.load);
	assert_int_equal(back.speed, r.speed);
	assert_int_equal(back.cpus, r.cpus);
	assert_int_equal(back.mem, r.mem);
	assert_int_equal(back.rmem, r.rmem);
	assert_int_equal(back.tmem, r.tmem);
	assert_int_equal(back.util, r.util);

	r.status = -110;
	n = hpc_print_peer(&r, buf, sizeof(buf));
	assert_string_equal(buf, "3 -110");
	assert_int_equal(n, 6);

	/* a short buffer: truncated, terminated, full length returned */
	r.status = 3;
	memset(buf, 'z', sizeof(buf));
	n = hpc_print_peer(&r, buf, 6);
	assert_int_equal(n, 41);
	assert_string_equal(buf, "3 3 1");
	assert_int_equal(buf[6], 'z');
	n = hpc_print_peer(&r, buf, 0);
	assert_int_equal(n, 41);
	assert_int_equal(buf[0], '3');
	n = hpc_print_peer(&r, buf, 1);
	assert_int_equal(buf[0], '\0');
}

static void test_out(void **state)
{
	struct hpc_out o;
	char buf[64];

	(void)state;
	hpc_out_init(&o, buf, sizeof(buf));
	hpc_out_s64(&o, INT64_MIN);
	hpc_out_char(&o, ' ');
	hpc_out_u64(&o, UINT64_MAX);
	hpc_out_char(&o, ' ');
	hpc_out_s64(&o, 0);
	hpc_out_str(&o, " ok");
	assert_int_equal(hpc_out_end(&o), 46);
	assert_string_equal(buf,
			    "-9223372036854775808 18446744073709551615 0 ok");
}

static u32 seed = 7;

static u32 rnd(u32 n)
{
	seed = seed * 1103515245u + 12345u;
	return ((seed >> 8) & 0xffffff) % n;
}

static bool same_record(const struct hpc_peer_record *a,
			const struct hpc_peer_record *b)
{
	return a->id == b->id && a->status == b->status && a->load == b->load &&
	       a->speed == b->speed && a->cpus == b->cpus && a->mem == b->mem &&
	       a->rmem == b->rmem && a->tmem == b->tmem && a->util == b->util;
}

/* Random edits of a record: what parses prints back to the same record. */
static void test_peer_mutations(void **state)
{
	static const char base[] = "12 3 150 20000 4 1000 900 4000 87\n";
	static const char noise[] = " \t\n-+0123456789x";
	struct hpc_peer_record r, back;
	char text[64], out[128];
	u32 i, k, len, good = 0;
	size_t n;

	(void)state;
	for (i = 0; i < 200000; i++) {
		memcpy(text, base, sizeof(base));
		len = sizeof(base) - 1;
		for (k = 0; k < 1 + rnd(3) && len > 0; k++) {
			u32 at = rnd(len);

			if (rnd(3) == 0) {
				memmove(text + at, text + at + 1, len - at);
				len--;
			} else {
				text[at] = noise[rnd(sizeof(noise) - 1)];
			}
		}
		if (hpc_parse_peer(text, len, &r))
			continue;
		good++;
		assert_true(r.id >= 1 && r.id <= 65535);
		assert_true(r.status < 64 && r.status >= -4095);
		if (r.status >= 0)
			assert_true(r.speed >= 1 && r.cpus >= 1 &&
				    r.util <= 100);
		n = hpc_print_peer(&r, out, sizeof(out));
		assert_int_equal(n, strlen(out));
		assert_int_equal(hpc_parse_peer(out, n, &back), 0);
		if (r.status >= 0)
			assert_true(same_record(&r, &back));
		else
			assert_true(back.id == r.id && back.status == r.status);
	}
	assert_true(good > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_dec),
		cmocka_unit_test(test_u32_s32_u64),
		cmocka_unit_test(test_done),
		cmocka_unit_test(test_migrate),
		cmocka_unit_test(test_lock),
		cmocka_unit_test(test_where),
		cmocka_unit_test(test_guests),
		cmocka_unit_test(test_overheads),
		cmocka_unit_test(test_peer),
		cmocka_unit_test(test_peer_bad),
		cmocka_unit_test(test_print_peer),
		cmocka_unit_test(test_out),
		cmocka_unit_test(test_peer_mutations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
