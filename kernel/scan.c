// SPDX-License-Identifier: GPL-2.0
/*
 * The once-a-second walk over the user processes: adopts those the fork
 * tracepoint never saw (started before the module loaded, or exec'd from a
 * kernel thread), feeds each process's CPU time of the last second into its
 * decayed usage, drops entries whose process is gone and hands the balancer
 * the candidates it may move.
 */
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/rcupdate.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>

#include "hpc.h"

struct hpc_obs {
	u32 pid;
	bool known;
	struct hpc_task_info ti;
};

/* Room for the next walk; grows when a walk finds more processes. */
static u32 hpc_obs_cap = 256;
static u64 hpc_last_scan_ns;

/* Returns how many user processes there are; fills at most @cap of them. */
static u32 hpc_observe(struct hpc_obs *obs, u32 cap, u32 *filled)
{
	struct task_struct *p;
	struct hpc_task_info ti;
	u32 n = 0, all = 0;

	rcu_read_lock();
	for_each_process(p) {
		if (!hpc_task_read(p, &ti))
			continue;
		all++;
		if (n < cap) {
			obs[n].pid = task_tgid_nr(p);
			obs[n].known = false;
			obs[n].ti = ti;
			n++;
		}
	}
	rcu_read_unlock();
	*filled = n;
	return all;
}

/* CPU time of a slightly late or early second, scaled to one second. */
static u64 hpc_per_second(u64 ns, u64 elapsed_ns)
{
	u64 ms = div_u64(elapsed_ns, NSEC_PER_MSEC);

	if (!ms)
		return ns;
	return div64_u64(ns * MSEC_PER_SEC, ms);
}

struct hpc_tally {
	const struct hpc_decay_params *d;
	u64 elapsed_ns;
	u32 self_id;
	u32 gen;
	struct hpc_obs *obs;
	u32 nobs;
	struct hpc_proc_view *views;
	u32 nviews;
};

static void hpc_account(struct hpc_tally *t, struct hpc_proc *e,
			struct hpc_obs *o)
{
	u64 delta = 0;

	o->known = true;
	e->seen = t->gen;
	if (e->where)
		return;
	if (o->ti.runtime > e->runtime)
		delta = o->ti.runtime - e->runtime;
	e->runtime = o->ti.runtime;
	hpc_pstat_tick(&e->st, hpc_per_second(delta, t->elapsed_ns), t->d);
	if (!hpc_proc_is_held(e))
		hpc_view_fill(&t->views[t->nviews++], e, &o->ti, t->self_id);
}

static void hpc_tally(struct hpc_tally *t)
{
	struct hpc_proc *e;
	u32 i;

	spin_lock(&hpc_procs_lock);
	for (i = 0; i < t->nobs; i++) {
		e = hpc_proc_find(t->obs[i].pid);
		if (e)
			hpc_account(t, e, &t->obs[i]);
	}
	spin_unlock(&hpc_procs_lock);
}

/* Entries for processes seen without one; their CPU time counts from now. */
static void hpc_adopt(struct hpc_tally *t)
{
	struct hpc_proc *e;
	u32 i;

	for (i = 0; i < t->nobs; i++) {
		if (t->obs[i].known)
			continue;
		e = hpc_proc_alloc(t->obs[i].pid, GFP_KERNEL);
		if (!e)
			return;
		e->runtime = t->obs[i].ti.runtime;
		spin_lock(&hpc_procs_lock);
		if (!hpc_proc_find(e->pid)) {
			hpc_proc_insert(e);
			e = NULL;
		}
		spin_unlock(&hpc_procs_lock);
		kfree(e);
	}
}

static void hpc_tally_free(struct hpc_tally *t)
{
	kvfree(t->obs);
	kvfree(t->views);
	t->obs = NULL;
	t->views = NULL;
}

/* Walks the processes into @t with room for @cap; @all: how many there are. */
static int hpc_walk(struct hpc_tally *t, u32 cap, u32 *all)
{
	t->obs = kvmalloc_array(cap, sizeof(*t->obs), GFP_KERNEL);
	t->views = kvmalloc_array(cap, sizeof(*t->views), GFP_KERNEL);
	if (!t->obs || !t->views) {
		hpc_tally_free(t);
		return -ENOMEM;
	}
	*all = hpc_observe(t->obs, cap, &t->nobs);
	if (*all > cap)
		WRITE_ONCE(hpc_obs_cap, *all + *all / 4 + 16);
	return 0;
}

int hpc_scan(const struct hpc_decay_params *d, u32 self_id,
	     struct hpc_proc_view **views, u32 *nviews)
{
	struct hpc_tally t = { .d = d, .self_id = self_id };
	u64 now = ktime_get_ns();
	u32 cap = READ_ONCE(hpc_obs_cap), all;
	int err;

	t.elapsed_ns = hpc_last_scan_ns ? now - hpc_last_scan_ns : NSEC_PER_SEC;
	hpc_last_scan_ns = now;
	/* Entries made from here on belong to this walk and survive it. */
	t.gen = hpc_procs_next_gen();
	err = hpc_walk(&t, cap, &all);
	/* More processes than room: once more, with room for all of them. */
	if (!err && all > cap) {
		hpc_tally_free(&t);
		cap = READ_ONCE(hpc_obs_cap);
		err = hpc_walk(&t, cap, &all);
	}
	if (err)
		return err;
	hpc_tally(&t);
	hpc_adopt(&t);
	/* Only a complete walk shows which processes are gone. */
	if (all <= cap)
		hpc_procs_sweep(t.gen);
	kvfree(t.obs);
	*views = t.views;
	*nviews = t.nviews;
	return 0;
}
