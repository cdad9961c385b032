// SPDX-License-Identifier: GPL-2.0
/*
 * The node map, the table of the nodes it defines with what their agents
 * last reported, and the info/ and nodes/<ID>/ directories showing them.
 * The map and the nodes/ directories change together under one mutex; the
 * records change under a spinlock so that readers and the balancer never
 * sleep on a map write.
 */
#define pr_fmt(fmt) "hpc: " fmt

#include <linux/bsearch.h>
#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "hpc.h"

enum hpc_field {
	HPC_F_CPUS,
	HPC_F_LOAD,
	HPC_F_MEM,
	HPC_F_RMEM,
	HPC_F_TMEM,
	HPC_F_SPEED,
	HPC_F_STATUS,
	HPC_F_UTIL,
	HPC_F_EXPORTLOAD, /* info/ only */
	HPC_F_COUNT,
};

static const char *const hpc_field_names[HPC_F_COUNT] = {
	"cpus",	 "load",   "mem",  "rmem",	 "tmem",
	"speed", "status", "util", "exportload",
};

/* A file's private data: which node (0 = this one, info/) and which value. */
#define HPC_KEY(id, field) ((void *)(uintptr_t)((id) << 8 | (field)))
#define HPC_KEY_ID(k) ((u32)((uintptr_t)(k) >> 8))
#define HPC_KEY_FIELD(k) ((u32)((uintptr_t)(k) & 0xff))

struct hpc_node {
	u32 id;
	bool heard;	     /* a record arrived since the node was mapped */
	unsigned long stamp; /* jiffies of the last record */
	struct hpc_peer_record rec;
	struct proc_dir_entry *dir;
};

struct hpc_node_table {
	u32 n;
	struct hpc_node *v[]; /* ascending IDs */
};

struct hpc_values {
	s64 v[HPC_F_COUNT];
};

static DEFINE_MUTEX(hpc_map_mutex);	 /* the map, the table, nodes/ */
static DEFINE_SPINLOCK(hpc_nodes_lock);	 /* the table pointer, the records */
static struct hpc_map *hpc_map_cur;	 /* NULL: empty */
static struct hpc_node_table *hpc_nodes; /* NULL: empty */
static struct proc_dir_entry *hpc_nodes_dir;

void hpc_map_lock(void)
{
	mutex_lock(&hpc_map_mutex);
}

void hpc_map_unlock(void)
{
	mutex_unlock(&hpc_map_mutex);
}

static int hpc_node_cmp(const void *key, const void *elt)
{
	u32 id = *(const u32 *)key;
	const struct hpc_node *n = *(struct hpc_node *const *)elt;

	return id < n->id ? -1 : id > n->id;
}

static struct hpc_node *hpc_table_find(const struct hpc_node_table *t, u32 id)
{
	struct hpc_node **n;

	if (!t)
		return NULL;
	n = bsearch(&id, t->v, t->n, sizeof(t->v[0]), hpc_node_cmp);
	return n ? *n : NULL;
}

bool hpc_node_defined(u32 id)
{
	bool found;

	spin_lock(&hpc_nodes_lock);
	found = hpc_table_find(hpc_nodes, id);
	spin_unlock(&hpc_nodes_lock);
	return found;
}

int hpc_node_address(u32 id, char *buf, size_t size)
{
	struct hpc_addr a;
	int err = -ENOENT;

	mutex_lock(&hpc_map_mutex);
	if (hpc_map_cur && !hpc_map_addr_of(hpc_map_cur, id, &a)) {
		hpc_addr_print(&a, buf, size);
		err = 0;
	}
	mutex_unlock(&hpc_map_mutex);
	return err;
}

/* ---- values ---- */

static void hpc_self_values(struct hpc_values *out)
{
	struct hpc_tunables t;
	struct hpc_self s;
	struct sysinfo si;

	hpc_tune_get(&t);
	hpc_self_get(&s);
	si_meminfo(&si);
	out->v[HPC_F_CPUS] = num_online_cpus();
	out->v[HPC_F_LOAD] = s.load;
	out->v[HPC_F_MEM] = hpc_pages(si_mem_available());
	out->v[HPC_F_RMEM] = hpc_pages(si.freeram);
	out->v[HPC_F_TMEM] = hpc_pages(si.totalram);
	out->v[HPC_F_SPEED] = t.speed;
	out->v[HPC_F_STATUS] = hpc_tune_status(&t);
	out->v[HPC_F_UTIL] = s.util;
	out->v[HPC_F_EXPORTLOAD] = s.exportload;
}

/* 0 when the record is usable, else why the values are unknown. */
static int hpc_node_error(const struct hpc_node *n)
{
	if (!n->heard)
		return -ENETUNREACH;
	if (n->rec.status < 0)
		return n->rec.status;
	if (time_after(jiffies, n->stamp + HPC_PEER_STALE))
		return -ETIMEDOUT;
	return 0;
}

/*
 * A mapped node is always "configured"; a stale record keeps its other
 * status bits but loses "up"; an unreachable node has only "configured".
 */
static u32 hpc_node_status(const struct hpc_node *n, int err)
{
	u32 st = HPC_ST_CONFIGURED;

	if (!n->heard || n->rec.status < 0)
		return st;
	st |= (u32)n->rec.status;
	return err ? st & ~HPC_ST_UP : st;
}

static void hpc_peer_values(const struct hpc_node *n, struct hpc_values *out)
{
	int err = hpc_node_error(n);
	u32 i;

	for (i = 0; i < HPC_F_COUNT; i++)
		out->v[i] = err;
	out->v[HPC_F_STATUS] = hpc_node_status(n, err);
	if (err)
		return;
	out->v[HPC_F_CPUS] = n->rec.cpus;
	out->v[HPC_F_LOAD] = n->rec.load;
	out->v[HPC_F_MEM] = n->rec.mem;
	out->v[HPC_F_RMEM] = n->rec.rmem;
	out->v[HPC_F_TMEM] = n->rec.tmem;
	out->v[HPC_F_SPEED] = n->rec.speed;
	out->v[HPC_F_UTIL] = n->rec.util;
	out->v[HPC_F_EXPORTLOAD] = n->rec.load;
}

static int hpc_field_show(struct seq_file *m, void *v)
{
	u32 id = HPC_KEY_ID(m->private);
	u32 field = HPC_KEY_FIELD(m->private);
	struct hpc_tunables t;
	struct hpc_values vals;
	struct hpc_node *n;
	int err = 0;

	hpc_tune_get(&t);
	if (id == 0 || id == t.mospe) {
		hpc_self_values(&vals);
	} else {
		spin_lock(&hpc_nodes_lock);
		n = hpc_table_find(hpc_nodes, id);
		if (n)
			hpc_peer_values(n, &vals);
		else
			err = -ENOENT; /* the map changed under an open file */
		spin_unlock(&hpc_nodes_lock);
	}
	if (!err)
		seq_printf(m, "%lld\n", vals.v[field]);
	return err;
}

u32 hpc_node_views(struct hpc_node_view *out, u32 max, u32 self_id)
{
	const struct hpc_node *n;
	u32 i, k = 0;
	int err;

	spin_lock(&hpc_nodes_lock);
	for (i = 0; hpc_nodes && i < hpc_nodes->n && k < max; i++) {
		n = hpc_nodes->v[i];
		if (n->id == self_id)
			continue;
		err = hpc_node_error(n);
		out[k] = (struct hpc_node_view){
			.id = n->id,
			.status = err ? err : (s32)hpc_node_status(n, 0),
			.load = n->rec.load,
			.speed = n->rec.speed,
			.cpus = n->rec.cpus,
			.mem_free = n->rec.mem,
			.mem_total = n->rec.tmem,
		};
		k++;
	}
	spin_unlock(&hpc_nodes_lock);
	return k;
}

/* ---- directories ---- */

static int hpc_fields_create(struct proc_dir_entry *dir, u32 id, u32 nfields)
{
	u32 f;

	for (f = 0; f < nfields; f++)
		if (!proc_create_single_data(hpc_field_names[f], 0444, dir,
					     hpc_field_show, HPC_KEY(id, f)))
			return -ENOMEM;
	return 0;
}

static struct hpc_node *hpc_node_create(u32 id)
{
	struct hpc_node *n = kzalloc(sizeof(*n), GFP_KERNEL);
	char name[12];

	if (!n)
		return NULL;
	n->id = id;
	snprintf(name, sizeof(name), "%u", id);
	n->dir = proc_mkdir(name, hpc_nodes_dir);
	if (!n->dir)
		goto fail;
	/* nodes/<ID>/ has the files of info/ except exportload. */
	if (hpc_fields_create(n->dir, id, HPC_F_EXPORTLOAD))
		goto fail_dir;
	return n;

fail_dir:
	proc_remove(n->dir);
fail:
	kfree(n);
	return NULL;
}

static void hpc_node_destroy(struct hpc_node *n)
{
	proc_remove(n->dir);
	kfree(n);
}

struct hpc_build {
	struct hpc_node_table *old;
	struct hpc_node_table *new;
};

static int hpc_build_add(void *ctx, u32 id, const struct hpc_addr *a)
{
	struct hpc_build *b = ctx;
	struct hpc_node *n = hpc_table_find(b->old, id);

	if (!n)
		n = hpc_node_create(id);
	if (!n)
		return -ENOMEM;
	b->new->v[b->new->n++] = n;
	return 0;
}

/* Removes the nodes of @t that @keep does not hold, then @t itself. */
static void hpc_table_prune(struct hpc_node_table *t,
			    const struct hpc_node_table *keep)
{
	u32 i;

	for (i = 0; t && i < t->n; i++)
		if (!hpc_table_find(keep, t->v[i]->id))
			hpc_node_destroy(t->v[i]);
	kvfree(t);
}

/* The table for map @m: nodes still mapped keep their records. */
static struct hpc_node_table *hpc_table_build(const struct hpc_map *m)
{
	struct hpc_build b = { hpc_nodes, NULL };
	u32 n = hpc_map_nodes(m);

	b.new = kvzalloc(struct_size(b.new, v, n), GFP_KERNEL);
	if (!b.new)
		return NULL;
	if (hpc_map_for_each(m, hpc_build_add, &b)) {
		hpc_table_prune(b.new, b.old);
		return NULL;
	}
	return b.new;
}

int hpc_config_show(struct seq_file *m, void *v)
{
	size_t len;
	char *buf;
	int err = 0;

	mutex_lock(&hpc_map_mutex);
	if (!hpc_map_cur)
		goto out;
	len = hpc_map_print(hpc_map_cur, NULL, 0);
	buf = kvmalloc(len + 1, GFP_KERNEL);
	if (!buf) {
		err = -ENOMEM;
		goto out;
	}
	hpc_map_print(hpc_map_cur, buf, len + 1);
	seq_write(m, buf, len);
	kvfree(buf);
out:
	mutex_unlock(&hpc_map_mutex);
	return err;
}

static int hpc_map_install(struct hpc_map *m)
{
	struct hpc_node_table *old = hpc_nodes;
	struct hpc_node_table *t = hpc_table_build(m);

	if (!t)
		return -ENOMEM;
	spin_lock(&hpc_nodes_lock);
	hpc_nodes = t;
	spin_unlock(&hpc_nodes_lock);
	hpc_table_prune(old, t);
	kvfree(hpc_map_cur);
	hpc_map_cur = m;
	hpc_tune_map_changed();
	return 0;
}

int hpc_config_store(const struct hpc_wfile *f, const char *buf, size_t len)
{
	struct hpc_map *m = kvzalloc(sizeof(*m), GFP_KERNEL);
	struct hpc_map_result r;
	int err;

	if (!m)
		return -ENOMEM;
	r = hpc_map_parse(m, buf, len);
	if (r.error) {
		pr_warn("config line %u: %s\n", r.line,
			hpc_map_strerror(r.error));
		kvfree(m);
		return -EINVAL;
	}
	mutex_lock(&hpc_map_mutex);
	err = READ_ONCE(hpc_dying) ? -ENODEV : hpc_map_install(m);
	mutex_unlock(&hpc_map_mutex);
	if (err)
		kvfree(m);
	return err;
}

/* ---- peer records ---- */

static size_t hpc_count_lines(const char *buf, size_t len)
{
	size_t n = 1;
	const char *p = buf, *end = buf + len;

	while ((p = memchr(p, '\n', end - p))) {
		n++;
		p++;
	}
	return n;
}

/* Parses each non-blank line of @buf into @recs; returns the count or -errno.
 */
static int hpc_parse_records(const char *buf, size_t len,
			     struct hpc_peer_record *recs, size_t max)
{
	const char *p = buf, *end = buf + len, *nl;
	struct hpc_cursor c;
	size_t n = 0;

	while (p < end) {
		nl = memchr(p, '\n', end - p);
		if (!nl)
			nl = end;
		c = (struct hpc_cursor){ p, nl };
		if (hpc_text_more(&c)) {
			if (n == max || hpc_parse_peer(p, nl - p, &recs[n]))
				return -EINVAL;
			n++;
		}
		p = nl + 1;
	}
	return n ? (int)n : -EINVAL;
}

int hpc_loads_store(const struct hpc_wfile *f, const char *buf, size_t len)
{
	size_t max = hpc_count_lines(buf, len);
	struct hpc_peer_record *recs;
	struct hpc_node *n;
	int i, nrec, err = 0;

	recs = kvmalloc_array(max, sizeof(*recs), GFP_KERNEL);
	if (!recs)
		return -ENOMEM;
	nrec = hpc_parse_records(buf, len, recs, max);
	if (nrec < 0) {
		err = nrec;
		goto out;
	}
	spin_lock(&hpc_nodes_lock);
	for (i = 0; i < nrec && !err; i++)
		if (!hpc_table_find(hpc_nodes, recs[i].id))
			err = -ENOENT;
	for (i = 0; i < nrec && !err; i++) {
		n = hpc_table_find(hpc_nodes, recs[i].id);
		n->rec = recs[i];
		n->heard = true;
		n->stamp = jiffies;
	}
	spin_unlock(&hpc_nodes_lock);
out:
	kvfree(recs);
	return err;
}

/* ---- setup ---- */

int hpc_nodes_init(struct proc_dir_entry *root)
{
	struct proc_dir_entry *info = proc_mkdir("info", root);

	if (!info || hpc_fields_create(info, 0, HPC_F_COUNT))
		return -ENOMEM;
	hpc_nodes_dir = proc_mkdir("nodes", root);
	return hpc_nodes_dir ? 0 : -ENOMEM;
}

/* After this no map write touches nodes/ any more. */
void hpc_nodes_quiesce(void)
{
	mutex_lock(&hpc_map_mutex);
	mutex_unlock(&hpc_map_mutex);
}

/* The directories went with /proc/hpc; only the memory is left to free. */
void hpc_nodes_exit(void)
{
	u32 i;

	for (i = 0; hpc_nodes && i < hpc_nodes->n; i++)
		kfree(hpc_nodes->v[i]);
	kvfree(hpc_nodes);
	hpc_nodes = NULL;
	kvfree(hpc_map_cur);
	hpc_map_cur = NULL;
}
