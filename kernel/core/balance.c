// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * The balancing decision. One pass over processes and peers, no sorting and
 * no allocation, so it can run in the module's timer work as it is.
 *
 * Load rule: a process P may go from this node (load L) to a peer T when
 *	T.load + load(P on T) * stab / 1000 + mig_cost < L.
 * With stab >= 1000 and mig_cost >= 0 a move can never be undone by the same
 * rule on the target: adding that inequality to the one for the way back
 * gives (stab / 1000 - 1) * (load(P here) + load(P on T)) + 2 * mig_cost < 0.
 * Among the processes that have such a target the one using most CPU moves
 * (it gains most and relieves this node most), to the peer where that cost is
 * lowest; ties go to the lowest PID, then to the lowest node ID.
 */
#include "hpc/balance.h"

#define HPC_PM 1000u
#define HPC_PAGES_MAX ((u64)1 << 50) /* 4 EiB: keeps pages * 1000 in u64 */

static u32 clamp_speed(u32 speed, u32 fallback)
{
	if (speed == 0)
		return fallback;
	return speed > HPC_MAX_SPEED ? HPC_MAX_SPEED : speed;
}

u32 hpc_proc_load(u32 usage_pm, u32 speed, u32 std_speed, u32 cpus)
{
	u64 num = (u64)usage_pm * 100u * clamp_speed(std_speed, HPC_STD_SPEED);
	u64 den = (u64)HPC_PM * clamp_speed(speed, 1) * (cpus ? cpus : 1);
	u64 load = (num + den / 2) / den;

	return load > 0xffffffffu ? 0xffffffffu : (u32)load;
}

static bool node_up(const struct hpc_node_view *n)
{
	return n->status >= 0 && ((u32)n->status & HPC_ST_UP);
}

/* A peer that takes processes from others: up, not blocking, not quiet. */
static bool node_open(const struct hpc_node_view *self,
		      const struct hpc_node_view *n)
{
	return n->id != self->id && node_up(n) &&
	       !((u32)n->status & (HPC_ST_BLOCK | HPC_ST_QUIET));
}

static bool is_guest(const struct hpc_node_view *self,
		     const struct hpc_proc_view *p)
{
	return (p->flags & HPC_PF_GUEST) && p->home != self->id;
}

/* Whether this node's stay/lstay lets @p leave at all. */
static bool may_leave(const struct hpc_node_view *self,
		      const struct hpc_proc_view *p)
{
	u32 st = (u32)self->status;

	if (p->flags & (HPC_PF_LOCK | HPC_PF_CANTMOVE))
		return false;
	if (st & HPC_ST_STAY)
		return false;
	return !(st & HPC_ST_LSTAY) || is_guest(self, p);
}

/*
 * A guest's home when it is up: the guest may then go nowhere else. Returning
 * home is not arriving as a guest, so the home's block bit does not matter.
 */
static const struct hpc_node_view *up_home(const struct hpc_node_view *self,
					   const struct hpc_proc_view *p,
					   const struct hpc_node_view *peers,
					   u32 npeers)
{
	u32 i;

	if (!is_guest(self, p))
		return NULL;
	for (i = 0; i < npeers; i++)
		if (peers[i].id == p->home && node_up(&peers[i]))
			return &peers[i];
	return NULL;
}

struct balance_ctx {
	const struct hpc_node_view *self;
	const struct hpc_node_view *peers;
	u32 npeers;
	const struct hpc_overheads *o;
	u32 std_speed;
};

/* ---- memory ---- */

static u64 clamp_pages(u64 v)
{
	return v > HPC_PAGES_MAX ? HPC_PAGES_MAX : v;
}

static bool mem_short(u64 free, u64 total, u32 low_pm)
{
	if (low_pm > HPC_PM)
		low_pm = HPC_PM;
	return clamp_pages(free) * HPC_PM < clamp_pages(total) * low_pm;
}

/* @n can take @rss pages and still stay clear of its own shortage mark. */
static bool mem_holds(const struct hpc_node_view *n, u64 rss, u32 low_pm)
{
	return n->mem_free >= rss &&
	       !mem_short(n->mem_free - rss, n->mem_total, low_pm);
}

static bool mem_better(const struct hpc_node_view *a,
		       const struct hpc_node_view *b)
{
	return !b || a->mem_free > b->mem_free ||
	       (a->mem_free == b->mem_free && a->id < b->id);
}

static const struct hpc_node_view *mem_target(const struct balance_ctx *c,
					      const struct hpc_proc_view *p)
{
	const struct hpc_node_view *home, *best = NULL;
	u32 low = c->o->mem_low_pm;
	u32 i;

	home = up_home(c->self, p, c->peers, c->npeers);
	if (home && mem_holds(home, p->rss, low))
		return home;
	for (i = 0; i < c->npeers; i++) {
		const struct hpc_node_view *n = &c->peers[i];

		if (node_open(c->self, n) && mem_holds(n, p->rss, low) &&
		    mem_better(n, best))
			best = n;
	}
	return best;
}

/* The largest process that some peer can hold, and that peer. */
static bool balance_memory(const struct balance_ctx *c,
			   const struct hpc_proc_view *procs, u32 nprocs,
			   struct hpc_decision *d)
{
	const struct hpc_proc_view *best = NULL;
	const struct hpc_node_view *t, *best_t = NULL;
	u32 i;

	for (i = 0; i < nprocs; i++) {
		const struct hpc_proc_view *p = &procs[i];

		if (!may_leave(c->self, p) || p->rss == 0)
			continue;
		if (best && (p->rss < best->rss ||
			     (p->rss == best->rss && p->pid > best->pid)))
			continue;
		t = mem_target(c, p);
		if (t) {
			best = p;
			best_t = t;
		}
	}
	if (!best)
		return false;
	d->reason = HPC_REASON_MEMORY;
	d->pid = best->pid;
	d->target = best_t->id;
	return true;
}

/* ---- load ---- */

/* What the target's side of the load rule comes to for @p on @t. */
static u64 load_cost(const struct balance_ctx *c, const struct hpc_node_view *t,
		     const struct hpc_proc_view *p)
{
	u64 pl = hpc_proc_load(p->usage_pm, t->speed, c->std_speed, t->cpus);

	return t->load + pl * c->o->stab_pm / HPC_PM + c->o->mig_cost;
}

static const struct hpc_node_view *load_target(const struct balance_ctx *c,
					       const struct hpc_proc_view *p)
{
	const struct hpc_node_view *home, *best = NULL;
	u64 cost, best_cost = 0;
	u32 i;

	home = up_home(c->self, p, c->peers, c->npeers);
	if (home)
		return load_cost(c, home, p) < c->self->load ? home : NULL;
	for (i = 0; i < c->npeers; i++) {
		const struct hpc_node_view *n = &c->peers[i];

		if (!node_open(c->self, n))
			continue;
		cost = load_cost(c, n, p);
		if (cost >= c->self->load)
			continue;
		if (!best || cost < best_cost ||
		    (cost == best_cost && n->id < best->id)) {
			best = n;
			best_cost = cost;
		}
	}
	return best;
}

static bool load_movable(const struct balance_ctx *c,
			 const struct hpc_proc_view *p)
{
	return may_leave(c->self, p) && !(p->flags & HPC_PF_IOJOB) &&
	       p->usage_pm > 0 && p->usage_pm >= c->o->min_use_pm;
}

static bool balance_load(const struct balance_ctx *c,
			 const struct hpc_proc_view *procs, u32 nprocs,
			 struct hpc_decision *d)
{
	const struct hpc_proc_view *best = NULL;
	const struct hpc_node_view *t, *best_t = NULL;
	u32 i;

	for (i = 0; i < nprocs; i++) {
		const struct hpc_proc_view *p = &procs[i];

		if (!load_movable(c, p))
			continue;
		if (best &&
		    (p->usage_pm < best->usage_pm ||
		     (p->usage_pm == best->usage_pm && p->pid > best->pid)))
			continue;
		t = load_target(c, p);
		if (t) {
			best = p;
			best_t = t;
		}
	}
	if (!best)
		return false;
	d->reason = HPC_REASON_LOAD;
	d->pid = best->pid;
	d->target = best_t->id;
	return true;
}

struct hpc_decision hpc_balance(const struct hpc_node_view *self,
				const struct hpc_proc_view *procs, u32 nprocs,
				const struct hpc_node_view *peers, u32 npeers,
				const struct hpc_overheads *o, u32 std_speed)
{
	struct hpc_decision d = { HPC_REASON_NONE, 0, 0 };
	struct balance_ctx c = { self, peers, npeers, o, std_speed };

	if (self->status < 0 || ((u32)self->status & HPC_ST_STAY))
		return d;
	if (mem_short(self->mem_free, self->mem_total, o->mem_low_pm) &&
	    balance_memory(&c, procs, nprocs, &d))
		return d;
	balance_load(&c, procs, nprocs, &d);
	return d;
}
