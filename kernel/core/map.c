// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * The node map: parsing with a reason and a line for the first error, lookups
 * both ways, and canonical printing (RFC 5952 for IPv6). Addresses are kept as
 * big-endian byte strings so that counting up is an add with carry.
 */
#include "hpc/map.h"
#include "hpc/text.h"

#define HPC_MAP_LINE_MAX 255u
#define HPC_MAP_FIELDS 3

struct field {
	const char *s;
	size_t len;
};

/* ---- addresses ---- */

static u32 addr_len(const struct hpc_addr *a)
{
	return a->family == 4 ? 4 : 16;
}

static int addr_cmp(const struct hpc_addr *a, const struct hpc_addr *b)
{
	u32 i;

	for (i = 0; i < addr_len(a); i++)
		if (a->bytes[i] != b->bytes[i])
			return a->bytes[i] < b->bytes[i] ? -1 : 1;
	return 0;
}

/* Adds @n with carry; false when the sum runs past the last address. */
static bool addr_add(struct hpc_addr *a, u32 n)
{
	u64 carry = n;
	u32 i = addr_len(a);

	while (i-- > 0 && carry) {
		carry += a->bytes[i];
		a->bytes[i] = (u8)carry;
		carry >>= 8;
	}
	return carry == 0;
}

/* Sets @off to @a - @base when @a lies in [base, base + 2^32). */
static bool addr_offset(const struct hpc_addr *base, const struct hpc_addr *a,
			u32 *off)
{
	u32 i = addr_len(a);
	u32 borrow = 0;
	u32 v = 0;

	if (a->family != base->family || addr_cmp(a, base) < 0)
		return false;
	while (i-- > 0) {
		u32 d = (u32)a->bytes[i] - base->bytes[i] - borrow;

		borrow = d > 0xff;
		d &= 0xff;
		if (addr_len(a) - i > 4) {
			if (d)
				return false;
		} else {
			v |= d << (8 * (addr_len(a) - 1 - i));
		}
	}
	*off = v;
	return true;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int hex_value(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* One dotted-quad part: 1-3 digits, 0..255, no leading zero (no octal). */
static bool ipv4_part(const char *s, size_t len, size_t *i, u8 *out)
{
	size_t start = *i;
	u32 v = 0;

	while (*i < len && is_digit(s[*i]) && *i - start < 3)
		v = v * 10 + (u32)(s[(*i)++] - '0');
	if (*i == start || v > 255 || (s[start] == '0' && *i - start > 1))
		return false;
	*out = (u8)v;
	return true;
}

static bool parse_ipv4(const char *s, size_t len, u8 *b)
{
	size_t i = 0;
	int n;

	for (n = 0; n < 4; n++) {
		if (n > 0 && (i >= len || s[i++] != '.'))
			return false;
		if (!ipv4_part(s, len, &i, &b[n]))
			return false;
	}
	return i == len;
}

struct ipv6_groups {
	u16 g[8];
	int n;	 /* groups read */
	int gap; /* groups before "::", -1 without one */
};

/* Reads the dotted-quad tail as two groups; it must end the address. */
static bool ipv6_ipv4_tail(const char *s, size_t len, struct ipv6_groups *v)
{
	u8 b[4];

	if (v->n > 6 || !parse_ipv4(s, len, b))
		return false;
	v->g[v->n++] = (u16)(b[0] << 8 | b[1]);
	v->g[v->n++] = (u16)(b[2] << 8 | b[3]);
	return true;
}

/* Reads one hex group at @i, or the IPv4 tail; false on malformed text. */
static bool ipv6_group(const char *s, size_t len, size_t *i,
		       struct ipv6_groups *v)
{
	size_t j = *i;
	u32 val = 0;

	while (j < len && hex_value(s[j]) >= 0)
		j++;
	if (j < len && s[j] == '.') {
		if (!ipv6_ipv4_tail(s + *i, len - *i, v))
			return false;
		*i = len;
		return true;
	}
	if (j == *i || j - *i > 4 || v->n == 8)
		return false;
	for (; *i < j; (*i)++)
		val = val << 4 | (u32)hex_value(s[*i]);
	v->g[v->n++] = (u16)val;
	return true;
}

/* After a group: ":" before the next one, or "::" once, or the end. */
static bool ipv6_separator(const char *s, size_t len, size_t *i,
			   struct ipv6_groups *v, bool *end)
{
	*end = *i == len;
	if (*end)
		return true;
	if (s[(*i)++] != ':')
		return false;
	if (*i < len && s[*i] == ':') {
		if (v->gap >= 0)
			return false;
		v->gap = v->n;
		(*i)++;
		*end = *i == len;
		return true;
	}
	/* A single trailing colon leaves an empty group. */
	return *i < len;
}

static bool ipv6_read(const char *s, size_t len, struct ipv6_groups *v)
{
	size_t i = 0;
	bool end = false;

	v->n = 0;
	v->gap = -1;
	if (len >= 2 && s[0] == ':' && s[1] == ':') {
		v->gap = 0;
		i = 2;
		end = i == len;
	}
	while (!end) {
		if (!ipv6_group(s, len, &i, v) ||
		    !ipv6_separator(s, len, &i, v, &end))
			return false;
	}
	/* "::" stands for at least one group of zeros. */
	return v->gap < 0 ? v->n == 8 : v->n <= 7;
}

static bool parse_ipv6(const char *s, size_t len, u8 *b)
{
	struct ipv6_groups v;
	int i, k;

	if (!ipv6_read(s, len, &v))
		return false;
	for (i = 0; i < 16; i++)
		b[i] = 0;
	for (i = 0; i < v.n; i++) {
		/* Groups after the gap are right-aligned. */
		k = v.gap >= 0 && i >= v.gap ? 8 - v.n + i : i;
		b[2 * k] = (u8)(v.g[i] >> 8);
		b[2 * k + 1] = (u8)v.g[i];
	}
	return true;
}

static bool has_colon(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] == ':')
			return true;
	return false;
}

int hpc_addr_parse(const char *s, size_t len, struct hpc_addr *out)
{
	struct hpc_addr a;
	bool ok;
	int i;

	for (i = 0; i < 16; i++)
		a.bytes[i] = 0;
	if (has_colon(s, len)) {
		a.family = 6;
		ok = parse_ipv6(s, len, a.bytes);
	} else {
		a.family = 4;
		ok = parse_ipv4(s, len, a.bytes);
	}
	if (!ok)
		return -HPC_EINVAL;
	*out = a;
	return 0;
}

static void print_ipv4(struct hpc_out *o, const u8 *b)
{
	int i;

	for (i = 0; i < 4; i++) {
		if (i)
			hpc_out_char(o, '.');
		hpc_out_u64(o, b[i]);
	}
}

static void print_hex(struct hpc_out *o, u32 v)
{
	static const char digits[] = "0123456789abcdef";
	int shift = 12;

	while (shift > 0 && !(v >> shift))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		hpc_out_char(o, digits[(v >> shift) & 0xf]);
}

static bool ipv4_mapped(const u8 *b)
{
	int i;

	for (i = 0; i < 10; i++)
		if (b[i])
			return false;
	return b[10] == 0xff && b[11] == 0xff;
}

/* RFC 5952: the first longest run of two or more zero groups becomes "::". */
static void zero_run(const u16 *g, int *best, int *best_len)
{
	int i, len = 0;

	*best = -1;
	*best_len = 1;
	for (i = 0; i < 8; i++) {
		len = g[i] ? 0 : len + 1;
		if (len > *best_len) {
			*best_len = len;
			*best = i - len + 1;
		}
	}
}

static void print_ipv6(struct hpc_out *o, const u8 *b)
{
	u16 g[8];
	int i, best, best_len;

	if (ipv4_mapped(b)) {
		hpc_out_str(o, "::ffff:");
		print_ipv4(o, b + 12);
		return;
	}
	for (i = 0; i < 8; i++)
		g[i] = (u16)(b[2 * i] << 8 | b[2 * i + 1]);
	zero_run(g, &best, &best_len);
	for (i = 0; i < 8; i++) {
		if (i == best) {
			hpc_out_str(o, "::");
			i += best_len - 1;
			continue;
		}
		if (i > 0 && !(best >= 0 && i == best + best_len))
			hpc_out_char(o, ':');
		print_hex(o, g[i]);
	}
}

static void out_addr(struct hpc_out *o, const struct hpc_addr *a)
{
	if (a->family == 4)
		print_ipv4(o, a->bytes);
	else if (a->family == 6)
		print_ipv6(o, a->bytes);
}

size_t hpc_addr_print(const struct hpc_addr *a, char *buf, size_t size)
{
	struct hpc_out o;

	hpc_out_init(&o, buf, size);
	out_addr(&o, a);
	return hpc_out_end(&o);
}

u32 hpc_addr_auto_id(const struct hpc_addr *a)
{
	if (a->family == 4)
		return (u32)a->bytes[2] << 8 | a->bytes[3];
	if (a->family == 6)
		return (u32)a->bytes[14] << 8 | a->bytes[15];
	return 0;
}

/* ---- map lines ---- */

static bool is_space(char c)
{
	/* CR too, so that a map saved with DOS line ends still reads. */
	return c == ' ' || c == '\t' || c == '\r';
}

/* Splits @s into up to HPC_MAP_FIELDS + 1 fields (one more means too many). */
static int split_fields(const char *s, size_t len, struct field *f)
{
	size_t i = 0;
	int n = 0;

	while (n <= HPC_MAP_FIELDS) {
		while (i < len && is_space(s[i]))
			i++;
		if (i == len || s[i] == '#')
			break;
		f[n].s = s + i;
		while (i < len && !is_space(s[i]) && s[i] != '#')
			i++;
		f[n].len = (size_t)(s + i - f[n].s);
		n++;
	}
	return n;
}

static bool is_alias(const struct field *f)
{
	static const char word[] = "alias";
	size_t i;

	if (f->len != sizeof(word) - 1)
		return false;
	for (i = 0; i < f->len; i++)
		if ((f->s[i] | 0x20) != word[i])
			return false;
	return true;
}

/* Reads the three fields into @e: the checks that need no other line. */
static enum hpc_map_error parse_entry(const struct field *f,
				      struct hpc_map_entry *e)
{
	struct hpc_addr last;
	u64 id, count = 0;
	int err;

	if (hpc_text_dec(f[0].s, f[0].len, HPC_NODE_ID_MAX, &id) || id == 0)
		return HPC_MAP_E_ID;
	if (hpc_addr_parse(f[1].s, f[1].len, &e->addr))
		return HPC_MAP_E_ADDR;
	if (!is_alias(&f[2])) {
		err = hpc_text_dec(f[2].s, f[2].len, 0xffffffffu, &count);
		if (err == -HPC_ERANGE)
			return HPC_MAP_E_RANGE;
		if (err || count == 0)
			return HPC_MAP_E_COUNT;
	}
	if (id + count - (count ? 1 : 0) > HPC_NODE_ID_MAX)
		return HPC_MAP_E_RANGE;
	last = e->addr;
	if (count && !addr_add(&last, (u32)count - 1))
		return HPC_MAP_E_RANGE;
	e->first_id = (u16)id;
	e->count = (u16)count;
	return HPC_MAP_OK;
}

static u32 span(const struct hpc_map_entry *e)
{
	return e->count ? e->count : 1;
}

static bool ids_overlap(const struct hpc_map_entry *a,
			const struct hpc_map_entry *b)
{
	return a->first_id < b->first_id + b->count &&
	       b->first_id < a->first_id + a->count;
}

static bool addrs_overlap(const struct hpc_map_entry *a,
			  const struct hpc_map_entry *b)
{
	u32 off;

	if (a->addr.family != b->addr.family)
		return false;
	if (addr_cmp(&a->addr, &b->addr) <= 0)
		return addr_offset(&a->addr, &b->addr, &off) && off < span(a);
	return addr_offset(&b->addr, &a->addr, &off) && off < span(b);
}

static const struct hpc_map_entry *entry_of(const struct hpc_map *m, u32 id)
{
	u32 i;

	for (i = 0; i < m->n; i++)
		if (m->e[i].count && id >= m->e[i].first_id &&
		    id < (u32)m->e[i].first_id + m->e[i].count)
			return &m->e[i];
	return NULL;
}

/* The checks against the lines before: aliases and overlaps. */
static enum hpc_map_error check_entry(const struct hpc_map *m,
				      const struct hpc_map_entry *e)
{
	u32 i;

	if (!e->count && !entry_of(m, e->first_id))
		return HPC_MAP_E_ALIAS;
	for (i = 0; i < m->n; i++) {
		if (e->count && ids_overlap(e, &m->e[i]))
			return HPC_MAP_E_OVERLAP;
		if (addrs_overlap(e, &m->e[i]))
			return HPC_MAP_E_OVERLAP;
	}
	return HPC_MAP_OK;
}

static enum hpc_map_error parse_line(struct hpc_map *m, const char *s,
				     size_t len, u32 *nodes)
{
	struct field f[HPC_MAP_FIELDS + 1];
	struct hpc_map_entry e;
	enum hpc_map_error err;
	int n;

	if (len > HPC_MAP_LINE_MAX)
		return HPC_MAP_E_TOOLONG;
	n = split_fields(s, len, f);
	if (n == 0)
		return HPC_MAP_OK;
	if (n != HPC_MAP_FIELDS)
		return HPC_MAP_E_SYNTAX;
	err = parse_entry(f, &e);
	if (err)
		return err;
	if (m->n == HPC_MAP_MAX_ENTRIES)
		return HPC_MAP_E_ENTRIES;
	err = check_entry(m, &e);
	if (err)
		return err;
	if (*nodes + e.count > HPC_MAP_MAX_NODES)
		return HPC_MAP_E_NODES;
	*nodes += e.count;
	m->e[m->n++] = e;
	return HPC_MAP_OK;
}

struct hpc_map_result hpc_map_parse(struct hpc_map *m, const char *text,
				    size_t len)
{
	struct hpc_map_result r = { HPC_MAP_OK, 0 };
	u32 nodes = 0;
	u32 line = 0;
	size_t pos = 0;
	size_t end;

	m->n = 0;
	while (pos < len) {
		for (end = pos; end < len && text[end] != '\n'; end++)
			;
		if (line < 0xffffffffu)
			line++;
		r.error = parse_line(m, text + pos, end - pos, &nodes);
		if (r.error) {
			r.line = line;
			return r;
		}
		pos = end + 1;
	}
	return r;
}

const char *hpc_map_strerror(enum hpc_map_error e)
{
	switch (e) {
	case HPC_MAP_OK:
		return "no error";
	case HPC_MAP_E_SYNTAX:
		return "not three fields";
	case HPC_MAP_E_ID:
		return "ID not a number in 1..65535";
	case HPC_MAP_E_ADDR:
		return "not a numeric IPv4 or IPv6 address";
	case HPC_MAP_E_COUNT:
		return "count not a number >= 1 nor ALIAS";
	case HPC_MAP_E_RANGE:
		return "ID range past 65535 or address range past its end";
	case HPC_MAP_E_OVERLAP:
		return "an ID or address mapped twice";
	case HPC_MAP_E_ALIAS:
		return "ALIAS for an ID no earlier line maps";
	case HPC_MAP_E_ENTRIES:
		return "more than 256 mapping lines";
	case HPC_MAP_E_NODES:
		return "more than 1024 node IDs";
	case HPC_MAP_E_TOOLONG:
		return "line longer than 255 characters";
	}
	return "unknown error";
}

size_t hpc_map_print(const struct hpc_map *m, char *buf, size_t size)
{
	struct hpc_out o;
	u32 i;

	hpc_out_init(&o, buf, size);
	for (i = 0; i < m->n; i++) {
		hpc_out_u64(&o, m->e[i].first_id);
		hpc_out_char(&o, ' ');
		out_addr(&o, &m->e[i].addr);
		hpc_out_char(&o, ' ');
		if (m->e[i].count)
			hpc_out_u64(&o, m->e[i].count);
		else
			hpc_out_str(&o, "ALIAS");
		hpc_out_char(&o, '\n');
	}
	return hpc_out_end(&o);
}

u32 hpc_map_nodes(const struct hpc_map *m)
{
	u32 i, n = 0;

	for (i = 0; i < m->n; i++)
		n += m->e[i].count;
	return n;
}

int hpc_map_addr_of(const struct hpc_map *m, u32 id, struct hpc_addr *out)
{
	const struct hpc_map_entry *e = entry_of(m, id);
	struct hpc_addr a;

	if (!e)
		return -HPC_ENOENT;
	a = e->addr;
	if (!addr_add(&a, id - e->first_id))
		return -HPC_ENOENT;
	*out = a;
	return 0;
}

u32 hpc_map_id_of(const struct hpc_map *m, const struct hpc_addr *addr)
{
	u32 i, off;

	for (i = 0; i < m->n; i++)
		if (addr_offset(&m->e[i].addr, addr, &off) &&
		    off < span(&m->e[i]))
			return m->e[i].first_id + (m->e[i].count ? off : 0);
	return 0;
}

/* The mapping line with the lowest IDs not below @next, or NULL. */
static const struct hpc_map_entry *next_range(const struct hpc_map *m, u32 next)
{
	const struct hpc_map_entry *best = NULL;
	u32 i;

	for (i = 0; i < m->n; i++) {
		const struct hpc_map_entry *e = &m->e[i];

		if (!e->count || (u32)e->first_id + e->count <= next)
			continue;
		if (!best || e->first_id < best->first_id)
			best = e;
	}
	return best;
}

int hpc_map_for_each(const struct hpc_map *m,
		     int (*fn)(void *ctx, u32 id, const struct hpc_addr *a),
		     void *ctx)
{
	const struct hpc_map_entry *e;
	struct hpc_addr a;
	u32 id, end, next = HPC_NODE_ID_MIN;
	int ret;

	while ((e = next_range(m, next))) {
		end = (u32)e->first_id + e->count;
		id = e->first_id > next ? e->first_id : next;
		a = e->addr;
		addr_add(&a, id - e->first_id);
		for (; id < end; id++) {
			ret = fn(ctx, id, &a);
			if (ret)
				return ret;
			addr_add(&a, 1);
		}
		next = end;
	}
	return 0;
}
