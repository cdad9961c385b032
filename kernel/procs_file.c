// SPDX-License-Identifier: GPL-2.0
/*
 * The per-process view: the procs table and the admin/ writes that change a
 * tracked process (lock, where). A module cannot add files under
 * /proc/<pid>/, so openMosix's per-process files became columns here.
 */
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/spinlock.h>

#include "hpc.h"

struct hpc_row {
	u32 pid;
	u32 where;
	u32 nmigs;
	u32 usage;
	bool lock;
	u8 decay;
	u8 job;
};

static const char *const hpc_decay_names[] = { "slow", "fast", "nodecay" };
static const char *const hpc_job_names[] = { "any", "cpu", "io" };
static const char *const hpc_cantmove_names[] = {
	"system", "clone_vm", "mem_lock", "rt_sched", "user_lock",
};

static int hpc_row_cmp(const void *a, const void *b)
{
	u32 x = ((const struct hpc_row *)a)->pid;
	u32 y = ((const struct hpc_row *)b)->pid;

	return x < y ? -1 : x > y;
}

struct hpc_rows {
	struct hpc_row *v;
	u32 n;
	u32 cap;
};

static bool hpc_row_add(struct hpc_proc *e, void *ctx)
{
	struct hpc_rows *rows = ctx;

	if (rows->n == rows->cap) {
		rows->n++; /* tells the caller to retry with more room */
		return false;
	}
	rows->v[rows->n++] = (struct hpc_row){
		.pid = e->pid,
		.where = e->where,
		.nmigs = e->nmigs,
		.usage = e->st.usage_pm,
		.lock = e->lock,
		.decay = e->st.decay,
		.job = e->st.job,
	};
	return true;
}

static struct hpc_row *hpc_rows_snapshot(u32 *count)
{
	struct hpc_rows rows = { NULL, 0, hpc_procs_count() + 32 };

	for (;;) {
		rows.v = kvmalloc_array(rows.cap, sizeof(*rows.v), GFP_KERNEL);
		if (!rows.v)
			return NULL;
		rows.n = 0;
		hpc_procs_for_each(hpc_row_add, &rows);
		if (rows.n <= rows.cap)
			break;
		kvfree(rows.v);
		rows.cap *= 2;
	}
	sort(rows.v, rows.n, sizeof(*rows.v), hpc_row_cmp, NULL);
	*count = rows.n;
	return rows.v;
}

static void hpc_show_cantmove(struct seq_file *m, u32 cm)
{
	const char *sep = "";
	u32 i;

	if (!cm) {
		seq_puts(m, "-");
		return;
	}
	for (i = 0; i < ARRAY_SIZE(hpc_cantmove_names); i++) {
		if (cm & (1u << i)) {
			seq_printf(m, "%s%s", sep, hpc_cantmove_names[i]);
			sep = ",";
		}
	}
}

static void hpc_show_row(struct seq_file *m, const struct hpc_row *r)
{
	struct hpc_task_info ti = { 0 };
	u32 cm = 0;

	/* What keeps a process here is read now; one away has no reasons. */
	if (!r->where && !hpc_pid_read(r->pid, &ti))
		cm = ti.cantmove;
	if (r->lock)
		cm |= HPC_CM_USER_LOCK;
	seq_printf(m, "%u %u %u %u %u %s %s ", r->pid, r->where, r->lock,
		   r->nmigs, r->usage,
		   hpc_decay_names[r->decay % ARRAY_SIZE(hpc_decay_names)],
		   hpc_job_names[r->job % ARRAY_SIZE(hpc_job_names)]);
	hpc_show_cantmove(m, cm);
	seq_putc(m, '\n');
}

static int hpc_procs_show(struct seq_file *m, void *v)
{
	struct hpc_row *rows;
	u32 i, n;

	rows = hpc_rows_snapshot(&n);
	if (!rows)
		return -ENOMEM;
	seq_puts(m, "# PID WHERE LOCK NMIGS USAGE DECAY JOB CANTMOVE\n");
	for (i = 0; i < n; i++)
		hpc_show_row(m, &rows[i]);
	kvfree(rows);
	return 0;
}

int hpc_procs_init(struct proc_dir_entry *root)
{
	if (!proc_create_single("procs", 0444, root, hpc_procs_show))
		return -ENOMEM;
	return 0;
}

/* What the balancer needs to know of tracked process @pid. */
int hpc_proc_view(u32 pid, u32 self_id, struct hpc_proc_view *pv)
{
	struct hpc_task_info ti = { 0 };
	struct hpc_proc *e;
	int err;

	err = hpc_proc_ensure(pid);
	if (err)
		return err;
	hpc_pid_read(pid, &ti);
	spin_lock(&hpc_procs_lock);
	e = hpc_proc_find(pid);
	if (e)
		hpc_view_fill(pv, e, &ti, self_id);
	else
		err = -ESRCH;
	spin_unlock(&hpc_procs_lock);
	return err;
}

void hpc_view_fill(struct hpc_proc_view *pv, const struct hpc_proc *e,
		   const struct hpc_task_info *ti, u32 self_id)
{
	pv->pid = e->pid;
	pv->flags = 0;
	if (e->lock)
		pv->flags |= HPC_PF_LOCK;
	if (ti->cantmove)
		pv->flags |= HPC_PF_CANTMOVE;
	if (e->guest)
		pv->flags |= HPC_PF_GUEST;
	if (e->st.job == HPC_JOB_IO)
		pv->flags |= HPC_PF_IOJOB;
	pv->usage_pm = e->st.usage_pm;
	pv->rss = ti->rss;
	pv->home = e->guest ? e->home_id : self_id;
}

int hpc_lock_store(const struct hpc_wfile *f, const char *buf, size_t len)
{
	struct hpc_proc *e;
	u32 pid, lock;
	int err;

	if (hpc_parse_lock(buf, len, &pid, &lock))
		return -EINVAL;
	err = hpc_proc_ensure(pid);
	if (err)
		return err;
	spin_lock(&hpc_procs_lock);
	e = hpc_proc_find(pid);
	if (e)
		e->lock = lock;
	else
		err = -ESRCH;
	spin_unlock(&hpc_procs_lock);
	return err;
}

static void hpc_where_set(struct hpc_proc *e, u32 node, u64 runtime)
{
	if (node == HPC_WHERE_EXITED) {
		hpc_proc_drop(e);
		return;
	}
	if (node == e->where)
		return;
	e->nmigs++;
	e->where = node;
	/* Back home: CPU time counts from the process as it runs here now. */
	if (!node)
		e->runtime = runtime;
}

int hpc_where_store(const struct hpc_wfile *f, const char *buf, size_t len)
{
	struct hpc_task_info ti = { 0 };
	struct hpc_tunables t;
	struct hpc_proc *e;
	u32 pid, node;
	int err = 0;

	if (hpc_parse_where(buf, len, &pid, &node))
		return -EINVAL;
	hpc_tune_get(&t);
	if (node == t.mospe)
		node = 0; /* this node's own ID: it runs here */
	if (node && node != HPC_WHERE_EXITED && !hpc_node_defined(node))
		return -ENOENT;
	hpc_proc_ensure(pid);
	hpc_pid_read(pid, &ti);
	spin_lock(&hpc_procs_lock);
	e = hpc_proc_find(pid);
	if (e)
		hpc_where_set(e, node, ti.runtime);
	else
		err = -ESRCH;
	spin_unlock(&hpc_procs_lock);
	return err;
}
