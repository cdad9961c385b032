// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Strict tokenising of the multi-field /proc/hpc writes and the bounded
 * printing the module and the agent share. Every parser consumes its whole
 * input or refuses it, and reports nothing until all of it checked out.
 */
#include "hpc/text.h"

#define HPC_PID_MAX 0x7fffffffu /* pid_t is a positive int */
#define HPC_ERRNO_MAX 4095	/* the kernel's MAX_ERRNO */
#define HPC_STATUS_LIMIT 64	/* status bits are 0..63 */
#define HPC_UTIL_MAX 100u

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static void skip_blanks(struct hpc_cursor *c)
{
	while (c->p < c->end && is_blank(*c->p))
		c->p++;
}

bool hpc_text_more(struct hpc_cursor *c)
{
	skip_blanks(c);
	return c->p < c->end && *c->p != '\n';
}

size_t hpc_text_word(struct hpc_cursor *c, const char **word)
{
	const char *start;

	if (!hpc_text_more(c))
		return 0;
	start = c->p;
	while (c->p < c->end && !is_blank(*c->p) && *c->p != '\n')
		c->p++;
	*word = start;
	return (size_t)(c->p - start);
}

int hpc_text_dec(const char *s, size_t len, u64 max, u64 *out)
{
	u64 v = 0;
	size_t i;
	bool over = false;

	if (len == 0)
		return -HPC_EINVAL;
	for (i = 0; i < len; i++) {
		u64 d;

		if (s[i] < '0' || s[i] > '9')
			return -HPC_EINVAL;
		d = (u64)(s[i] - '0');
		/* Scan on past an overflow: a later letter is -EINVAL. */
		if (over || d > max || v > (max - d) / 10)
			over = true;
		else
			v = v * 10 + d;
	}
	if (over)
		return -HPC_ERANGE;
	*out = v;
	return 0;
}

static int word_dec(struct hpc_cursor *c, u64 max, u64 *out)
{
	const char *w = c->p;
	size_t len = hpc_text_word(c, &w);

	return hpc_text_dec(w, len, max, out);
}

int hpc_text_u32(struct hpc_cursor *c, u32 *out)
{
	u64 v;
	int err = word_dec(c, 0xffffffffu, &v);

	if (!err)
		*out = (u32)v;
	return err;
}

int hpc_text_u64(struct hpc_cursor *c, u64 *out)
{
	return word_dec(c, ~(u64)0, out);
}

int hpc_text_s32(struct hpc_cursor *c, s32 *out)
{
	const char *w = c->p;
	size_t len = hpc_text_word(c, &w);
	bool neg = len > 0 && w[0] == '-';
	u64 v;
	int err;

	if (neg) {
		w++;
		len--;
	}
	err = hpc_text_dec(w, len, neg ? 0x80000000u : 0x7fffffffu, &v);
	if (err)
		return err;
	*out = neg ? (s32)(-(s64)v) : (s32)v;
	return 0;
}

bool hpc_text_done(struct hpc_cursor *c)
{
	skip_blanks(c);
	if (c->p < c->end && *c->p == '\n')
		c->p++;
	skip_blanks(c);
	return c->p == c->end;
}

static void cursor_init(struct hpc_cursor *c, const char *buf, size_t len)
{
	c->p = buf;
	c->end = buf + len;
}

static bool word_is(const char *w, size_t len, const char *lit)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (lit[i] == '\0' || lit[i] != w[i])
			return false;
	return lit[len] == '\0';
}

static int read_pid(struct hpc_cursor *c, u32 *pid)
{
	u64 v;

	if (word_dec(c, HPC_PID_MAX, &v) || v == 0)
		return -HPC_EINVAL;
	*pid = (u32)v;
	return 0;
}

static int read_target(struct hpc_cursor *c, u32 *target)
{
	const char *w = c->p;
	size_t len = hpc_text_word(c, &w);
	u64 v;

	if (word_is(w, len, "home")) {
		*target = HPC_TARGET_HOME;
		return 0;
	}
	if (word_is(w, len, "balance")) {
		*target = HPC_TARGET_BALANCE;
		return 0;
	}
	if (hpc_text_dec(w, len, HPC_NODE_ID_MAX, &v) ||
	    hpc_check_node_id((u32)v))
		return -HPC_EINVAL;
	*target = (u32)v;
	return 0;
}

int hpc_parse_migrate(const char *buf, size_t len, u32 *pid, u32 *target)
{
	struct hpc_cursor c;
	u32 p, t;

	cursor_init(&c, buf, len);
	if (read_pid(&c, &p) || read_target(&c, &t) || !hpc_text_done(&c))
		return -HPC_EINVAL;
	*pid = p;
	*target = t;
	return 0;
}

int hpc_parse_lock(const char *buf, size_t len, u32 *pid, u32 *lock)
{
	struct hpc_cursor c;
	u32 p, l;

	cursor_init(&c, buf, len);
	if (read_pid(&c, &p) || hpc_text_u32(&c, &l) || hpc_check_bool(l) ||
	    !hpc_text_done(&c))
		return -HPC_EINVAL;
	*pid = p;
	*lock = l;
	return 0;
}

int hpc_parse_where(const char *buf, size_t len, u32 *pid, u32 *node)
{
	struct hpc_cursor c;
	const char *w;
	size_t wl;
	u32 p;
	u64 v = 0;

	cursor_init(&c, buf, len);
	if (read_pid(&c, &p))
		return -HPC_EINVAL;
	w = c.p;
	wl = hpc_text_word(&c, &w);
	if (word_is(w, wl, "exited"))
		v = HPC_WHERE_EXITED;
	else if (hpc_text_dec(w, wl, HPC_NODE_ID_MAX, &v))
		return -HPC_EINVAL;
	if (!hpc_text_done(&c))
		return -HPC_EINVAL;
	*pid = p;
	*node = (u32)v;
	return 0;
}

int hpc_parse_guests(const char *buf, size_t len, struct hpc_guests_cmd *g)
{
	struct hpc_guests_cmd t = { 0 };
	struct hpc_cursor c;
	const char *w;
	size_t wl;

	cursor_init(&c, buf, len);
	w = c.p;
	wl = hpc_text_word(&c, &w);
	t.add = word_is(w, wl, "add");
	if (!t.add && !word_is(w, wl, "del"))
		return -HPC_EINVAL;
	if (read_pid(&c, &t.pid))
		return -HPC_EINVAL;
	if (t.add &&
	    (hpc_text_u32(&c, &t.home_id) || hpc_check_node_id(t.home_id) ||
	     read_pid(&c, &t.home_pid)))
		return -HPC_EINVAL;
	if (!hpc_text_done(&c))
		return -HPC_EINVAL;
	*g = t;
	return 0;
}

int hpc_parse_overheads(const char *buf, size_t len, struct hpc_overheads *o)
{
	struct hpc_cursor c;
	struct hpc_overheads t;

	cursor_init(&c, buf, len);
	if (hpc_text_u32(&c, &t.stab_pm) || hpc_text_u32(&c, &t.mig_cost) ||
	    hpc_text_u32(&c, &t.mem_low_pm) ||
	    hpc_text_u32(&c, &t.min_use_pm) || !hpc_text_done(&c) ||
	    hpc_check_overheads(&t))
		return -HPC_EINVAL;
	*o = t;
	return 0;
}

/* The seven fields after STATUS of a reachable node's record. */
static int read_peer_values(struct hpc_cursor *c, struct hpc_peer_record *r)
{
	if (hpc_text_u32(c, &r->load) || hpc_text_u32(c, &r->speed) ||
	    hpc_text_u32(c, &r->cpus) || hpc_text_u64(c, &r->mem) ||
	    hpc_text_u64(c, &r->rmem) || hpc_text_u64(c, &r->tmem) ||
	    hpc_text_u32(c, &r->util))
		return -HPC_EINVAL;
	if (hpc_check_speed(r->speed) || r->cpus == 0 || r->util > HPC_UTIL_MAX)
		return -HPC_EINVAL;
	return 0;
}

int hpc_parse_peer(const char *buf, size_t len, struct hpc_peer_record *r)
{
	struct hpc_cursor c;
	struct hpc_peer_record t = { 0 };

	cursor_init(&c, buf, len);
	if (hpc_text_u32(&c, &t.id) || hpc_check_node_id(t.id) ||
	    hpc_text_s32(&c, &t.status))
		return -HPC_EINVAL;
	if (t.status >= HPC_STATUS_LIMIT || t.status < -HPC_ERRNO_MAX)
		return -HPC_EINVAL;
	/* An unreachable node may come alone or with its last values. */
	if ((t.status >= 0 || hpc_text_more(&c)) && read_peer_values(&c, &t))
		return -HPC_EINVAL;
	if (!hpc_text_done(&c))
		return -HPC_EINVAL;
	*r = t;
	return 0;
}

size_t hpc_print_peer(const struct hpc_peer_record *r, char *buf, size_t size)
{
	struct hpc_out o;

	hpc_out_init(&o, buf, size);
	hpc_out_u64(&o, r->id);
	hpc_out_char(&o, ' ');
	hpc_out_s64(&o, r->status);
	if (r->status >= 0) {
		hpc_out_char(&o, ' ');
		hpc_out_u64(&o, r->load);
		hpc_out_char(&o, ' ');
		hpc_out_u64(&o, r->speed);
		hpc_out_char(&o, ' ');
		hpc_out_u64(&o, r->cpus);
		hpc_out_char(&o, ' ');
		hpc_out_u64(&o, r->mem);
		hpc_out_char(&o, ' ');
		hpc_out_u64(&o, r->rmem);
		hpc_out_char(&o, ' ');
		hpc_out_u64(&o, r->tmem);
		hpc_out_char(&o, ' ');
		hpc_out_u64(&o, r->util);
	}
	return hpc_out_end(&o);
}

void hpc_out_init(struct hpc_out *o, char *buf, size_t size)
{
	o->buf = buf;
	o->size = size;
	o->len = 0;
}

void hpc_out_char(struct hpc_out *o, char c)
{
	/* The last byte of the buffer is kept for the terminating NUL. */
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

void hpc_out_str(struct hpc_out *o, const char *s)
{
	while (*s)
		hpc_out_char(o, *s++);
}

void hpc_out_u64(struct hpc_out *o, u64 v)
{
	char digits[20];
	int n = 0;

	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n > 0)
		hpc_out_char(o, digits[--n]);
}

void hpc_out_s64(struct hpc_out *o, s64 v)
{
	if (v < 0) {
		hpc_out_char(o, '-');
		/* Negate in unsigned arithmetic so S64_MIN prints too. */
		hpc_out_u64(o, 0 - (u64)v);
		return;
	}
	hpc_out_u64(o, (u64)v);
}

size_t hpc_out_end(struct hpc_out *o)
{
	if (o->size > 0)
		o->buf[o->len < o->size ? o->len : o->size - 1] = '\0';
	return o->len;
}
