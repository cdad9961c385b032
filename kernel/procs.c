// SPDX-License-Identifier: GPL-2.0
/*
 * The table of tracked processes. Forks and exits are followed through the
 * scheduler's tracepoints so that a child inherits its parent's decay class,
 * job kind and lock at the moment it is created, and a process's state goes
 * when its last thread exits; the once-a-second scan (scan.c) adopts what
 * was running before the module loaded. The probes run in atomic context:
 * the table is a hash under a spinlock, and a guest's remote/ directory,
 * whose removal sleeps, is left to a work item.
 */
#define pr_fmt(fmt) "hpc: " fmt

#include <linux/hashtable.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/tracepoint.h>
#include <linux/workqueue.h>

#include "hpc.h"

DEFINE_SPINLOCK(hpc_procs_lock);
static DEFINE_HASHTABLE(hpc_procs, 10);
static u32 hpc_nprocs;
static u32 hpc_gen;

static LIST_HEAD(hpc_graves);
static bool hpc_graves_frozen;
static void hpc_grave_fn(struct work_struct *w);
static DECLARE_WORK(hpc_grave_work, hpc_grave_fn);

static struct tracepoint *hpc_tp_fork;
static struct tracepoint *hpc_tp_exit;

/* ---- the table; callers hold hpc_procs_lock ---- */

struct hpc_proc *hpc_proc_find(u32 pid)
{
	struct hpc_proc *e;

	hash_for_each_possible(hpc_procs, e, hnode, pid)
		if (e->pid == pid)
			return e;
	return NULL;
}

struct hpc_proc *hpc_proc_alloc(u32 pid, gfp_t gfp)
{
	struct hpc_proc *e = kzalloc(sizeof(*e), gfp);

	if (e) {
		e->pid = pid;
		INIT_LIST_HEAD(&e->grave);
	}
	return e;
}

/* A new entry counts as seen by the scan that is under way. */
void hpc_proc_insert(struct hpc_proc *e)
{
	e->seen = hpc_gen;
	hash_add(hpc_procs, &e->hnode, e->pid);
	hpc_nprocs++;
}

void hpc_proc_drop(struct hpc_proc *e)
{
	hash_del(&e->hnode);
	hpc_nprocs--;
	if (!e->remote) {
		kfree(e);
		return;
	}
	list_add_tail(&e->grave, &hpc_graves);
	if (!hpc_graves_frozen)
		schedule_work(&hpc_grave_work);
}

u32 hpc_procs_count(void)
{
	return READ_ONCE(hpc_nprocs);
}

/* Calls @fn for each entry under the lock until it returns false. */
void hpc_procs_for_each(bool (*fn)(struct hpc_proc *e, void *ctx), void *ctx)
{
	struct hpc_proc *e;
	int bkt;

	spin_lock(&hpc_procs_lock);
	hash_for_each(hpc_procs, bkt, e, hnode)
		if (!fn(e, ctx))
			break;
	spin_unlock(&hpc_procs_lock);
}

u32 hpc_procs_next_gen(void)
{
	u32 gen;

	spin_lock(&hpc_procs_lock);
	gen = ++hpc_gen;
	spin_unlock(&hpc_procs_lock);
	return gen;
}

/* Drops the entries of local processes the scan of @gen did not see. */
void hpc_procs_sweep(u32 gen)
{
	struct hlist_node *tmp;
	struct hpc_proc *e;
	int bkt;

	spin_lock(&hpc_procs_lock);
	hash_for_each_safe(hpc_procs, bkt, tmp, e, hnode)
		if (!e->where && e->seen != gen)
			hpc_proc_drop(e);
	spin_unlock(&hpc_procs_lock);
}

static void hpc_grave_fn(struct work_struct *w)
{
	struct hpc_proc *e, *tmp;
	LIST_HEAD(list);

	spin_lock(&hpc_procs_lock);
	list_splice_init(&hpc_graves, &list);
	spin_unlock(&hpc_procs_lock);
	list_for_each_entry_safe(e, tmp, &list, grave) {
		proc_remove(e->remote);
		kfree(e);
	}
}

/* Removes the remote/ directories of exited guests before a new one comes. */
void hpc_procs_reap(void)
{
	flush_work(&hpc_grave_work);
	hpc_grave_fn(NULL);
}

/*
 * Makes sure live user process @pid has an entry, adopting it now if the
 * scan has not yet; -ESRCH when there is no such process.
 */
int hpc_proc_ensure(u32 pid)
{
	struct hpc_task_info ti;
	struct hpc_proc *e;
	bool found;

	spin_lock(&hpc_procs_lock);
	found = hpc_proc_find(pid);
	spin_unlock(&hpc_procs_lock);
	if (found)
		return 0;
	if (hpc_pid_read(pid, &ti))
		return -ESRCH;
	e = hpc_proc_alloc(pid, GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->runtime = ti.runtime;
	spin_lock(&hpc_procs_lock);
	if (!hpc_proc_find(pid)) {
		hpc_proc_insert(e);
		e = NULL;
	}
	spin_unlock(&hpc_procs_lock);
	kfree(e);
	return 0;
}

struct hpc_pick {
	bool (*pick)(const struct hpc_proc *e);
	enum hpc_req_reason why;
	struct hpc_request *r;
	u32 n;
	u32 cap;
};

static bool hpc_pick_one(struct hpc_proc *e, void *ctx)
{
	struct hpc_pick *p = ctx;

	if (!p->pick(e))
		return true;
	if (p->n == p->cap) {
		p->n++;
		return false;
	}
	p->r[p->n++] = (struct hpc_request){ e->pid, HPC_TARGET_HOME, p->why };
	return true;
}

/* Queues a request home for every entry @pick selects, or none. */
int hpc_procs_request_all(bool (*pick)(const struct hpc_proc *e),
			  enum hpc_req_reason why)
{
	struct hpc_pick p = { pick, why, NULL, 0, hpc_procs_count() + 16 };
	int err;

	p.r = kvmalloc_array(p.cap, sizeof(*p.r), GFP_KERNEL);
	if (!p.r)
		return -ENOMEM;
	hpc_procs_for_each(hpc_pick_one, &p);
	/* More than the queue can ever hold: refuse like a full queue. */
	err = p.n > p.cap ? -EBUSY : hpc_request_add(p.r, p.n);
	kvfree(p.r);
	return err;
}

static bool hpc_is_away(const struct hpc_proc *e)
{
	return e->where && !e->guest;
}

int hpc_bring_all(void)
{
	return hpc_procs_request_all(hpc_is_away, HPC_REQ_BRING);
}

/*
 * The agent got the balancer's request to move @pid: leave it alone while
 * the agent acts. Called under hpc_req_lock.
 */
void hpc_proc_hold(u32 pid)
{
	struct hpc_proc *e;

	spin_lock(&hpc_procs_lock);
	e = hpc_proc_find(pid);
	if (e)
		e->hold_until = (jiffies + HPC_HOLD_DOWN) | 1; /* 0: no hold */
	spin_unlock(&hpc_procs_lock);
}

/* Callers hold hpc_procs_lock. */
bool hpc_proc_is_held(const struct hpc_proc *e)
{
	return e->hold_until && time_before(jiffies, e->hold_until);
}

bool hpc_proc_held(u32 pid)
{
	struct hpc_proc *e;
	bool held;

	spin_lock(&hpc_procs_lock);
	e = hpc_proc_find(pid);
	held = e && hpc_proc_is_held(e);
	spin_unlock(&hpc_procs_lock);
	return held;
}

/* ---- fork and exit ---- */

static void hpc_on_fork(void *data, struct task_struct *parent,
			struct task_struct *child)
{
	struct hpc_proc *e, *pe, *old;

	if ((child->flags & PF_KTHREAD) || !thread_group_leader(child) ||
	    !child->mm)
		return;
	/* Without memory now the scan adopts the child, uninherited. */
	e = hpc_proc_alloc(task_tgid_nr(child), GFP_ATOMIC | __GFP_NOWARN);
	if (!e)
		return;
	spin_lock(&hpc_procs_lock);
	pe = hpc_proc_find(task_tgid_nr(parent));
	if (pe) {
		e->lock = pe->lock;
		e->st.decay = pe->st.decay;
		e->st.job = pe->st.job;
	}
	/*
	 * An away record holds its PID until the agent writes where PID 0 or
	 * its exit: criu restores a process coming home under that PID, and
	 * the record is its own. Any other process that took the PID is
	 * adopted by the scan once the record is gone.
	 */
	old = hpc_proc_find(e->pid);
	if (old && old->where) {
		spin_unlock(&hpc_procs_lock);
		kfree(e);
		return;
	}
	if (old)
		hpc_proc_drop(old);
	hpc_proc_insert(e);
	spin_unlock(&hpc_procs_lock);
}

/* Runs for every exiting thread; the group is gone when none is live. */
static void hpc_on_exit(void *data, struct task_struct *p)
{
	struct hpc_proc *e;

	if ((p->flags & PF_KTHREAD) || atomic_read(&p->signal->live))
		return;
	spin_lock(&hpc_procs_lock);
	e = hpc_proc_find(task_tgid_nr(p));
	/* A process that migrated away stays until the agent says it exited. */
	if (e && !e->where)
		hpc_proc_drop(e);
	spin_unlock(&hpc_procs_lock);
}

struct hpc_tp_query {
	const char *name;
	struct tracepoint *tp;
};

static void hpc_tp_match(struct tracepoint *tp, void *priv)
{
	struct hpc_tp_query *q = priv;

	if (!strcmp(tp->name, q->name))
		q->tp = tp;
}

static struct tracepoint *hpc_tp_find(const char *name)
{
	struct hpc_tp_query q = { name, NULL };

	for_each_kernel_tracepoint(hpc_tp_match, &q);
	if (!q.tp)
		pr_err("tracepoint %s not found\n", name);
	return q.tp;
}

int hpc_procs_start(void)
{
	int err;

	hpc_tp_fork = hpc_tp_find("sched_process_fork");
	hpc_tp_exit = hpc_tp_find("sched_process_exit");
	if (!hpc_tp_fork || !hpc_tp_exit)
		return -ENOENT;
	err = tracepoint_probe_register(hpc_tp_fork, hpc_on_fork, NULL);
	if (err)
		return err;
	err = tracepoint_probe_register(hpc_tp_exit, hpc_on_exit, NULL);
	if (err) {
		tracepoint_probe_unregister(hpc_tp_fork, hpc_on_fork, NULL);
		tracepoint_synchronize_unregister();
	}
	return err;
}

/*
 * Stops everything that changes the table behind the module's back. After
 * this, dropped guests wait in hpc_graves for hpc_procs_exit(): their
 * directories go with /proc/hpc.
 */
void hpc_procs_stop(void)
{
	tracepoint_probe_unregister(hpc_tp_exit, hpc_on_exit, NULL);
	tracepoint_probe_unregister(hpc_tp_fork, hpc_on_fork, NULL);
	tracepoint_synchronize_unregister();
	spin_lock(&hpc_procs_lock);
	hpc_graves_frozen = true;
	spin_unlock(&hpc_procs_lock);
	cancel_work_sync(&hpc_grave_work);
}

/* Frees every entry once /proc/hpc, with all remote/ directories, is gone. */
void hpc_procs_exit(void)
{
	struct hlist_node *tmp;
	struct hpc_proc *e, *n;
	int bkt;

	list_for_each_entry_safe(e, n, &hpc_graves, grave) {
		list_del(&e->grave);
		kfree(e);
	}
	hash_for_each_safe(hpc_procs, bkt, tmp, e, hnode) {
		hash_del(&e->hnode);
		kfree(e);
	}
	hpc_nprocs = 0;
}
