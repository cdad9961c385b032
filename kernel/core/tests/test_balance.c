// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/* The balancing decision: who may move where, why, and that it settles. */
#include "cmocka_all.h"

#include <string.h>

#include "hpc/balance.h"

#define SELF 1u
#define UP (HPC_ST_CONFIGURED | HPC_ST_UP)
#define STD HPC_STD_SPEED
#define PLENTY 800000u /* free pages of 1000000: no shortage */

static const struct hpc_overheads def = HPC_OVERHEADS_DEFAULT;

static struct hpc_node_view node(u32 id, u32 load, u32 speed, u32 cpus)
{
	struct hpc_node_view n = { id, UP, load, speed, cpus, PLENTY, 1000000 };

	return n;
}

static struct hpc_proc_view proc(u32 pid, u32 usage)
{
	struct hpc_proc_view p = { pid, 0, usage, 1000, SELF };

	return p;
}

static struct hpc_decision decide(const struct hpc_node_view *self,
				  const struct hpc_proc_view *procs, u32 nprocs,
				  const struct hpc_node_view *peers, u32 npeers)
{
	return hpc_balance(self, procs, nprocs, peers, npeers, &def, STD);
}

static void expect_move(struct hpc_decision d, enum hpc_reason why, u32 pid,
			u32 target)
{
	if (d.reason != why || d.pid != pid || d.target != target)
		fail_msg("got reason %d pid %u -> %u, want %d pid %u -> %u",
			 d.reason, d.pid, d.target, why, pid, target);
}

static void expect_none(struct hpc_decision d)
{
	if (d.reason != HPC_REASON_NONE)
		fail_msg("got reason %d pid %u -> %u, want none", d.reason,
			 d.pid, d.target);
}

static void test_proc_load(void **state)
{
	(void)state;
	assert_int_equal(hpc_proc_load(1000, STD, STD, 1), 100);
	assert_int_equal(hpc_proc_load(1000, 2 * STD, STD, 1), 50);
	assert_int_equal(hpc_proc_load(1000, STD, STD, 4), 25);
	assert_int_equal(hpc_proc_load(500, STD, STD, 1), 50);
	assert_int_equal(hpc_proc_load(1000, STD / 2, STD, 1), 200);
	assert_int_equal(hpc_proc_load(1000, STD, STD, 3), 33);
	assert_int_equal(hpc_proc_load(5, STD, STD, 1), 1); /* 0.5 rounds up */
	assert_int_equal(hpc_proc_load(4, STD, STD, 1), 0);
	assert_int_equal(hpc_proc_load(0, STD, STD, 1), 0);
	/* the conventions of hpc_load_units */
	assert_int_equal(hpc_proc_load(1000, 0, STD, 1), 1000000);
	assert_int_equal(hpc_proc_load(1000, STD, STD, 0), 100);
	assert_int_equal(hpc_proc_load(1000, STD, 0, 1), 100);
	assert_int_equal(hpc_proc_load(0xffffffffu, 1, 0xffffffffu, 1),
			 0xffffffffu);
	assert_int_equal(
		hpc_proc_load(0xffffffffu, 0xffffffffu, 1, 0xffffffffu), 0);
}

static void test_nothing_to_do(void **state)
{
	struct hpc_node_view self = node(SELF, 300, STD, 1);
	struct hpc_node_view idle = node(2, 0, STD, 1);
	struct hpc_proc_view p[3] = { proc(10, 1000), proc(11, 1000),
				      proc(12, 1000) };

	(void)state;
	expect_none(decide(&self, p, 3, NULL, 0));
	expect_none(decide(&self, NULL, 0, &idle, 1));
	self.status = -110;
	expect_none(decide(&self, p, 3, &idle, 1));
}

/* One process alone on a node stays unless the peer is faster. */
static void test_faster_idle_peer_attracts(void **state)
{
	struct hpc_node_view self = node(SELF, 100, STD, 1);
	struct hpc_node_view same = node(2, 0, STD, 1);
	struct hpc_node_view fast = node(3, 0, 2 * STD, 1);
	struct hpc_proc_view p = proc(10, 1000);

	(void)state;
	expect_none(decide(&self, &p, 1, &same, 1));
	/* 0 + 50 * 1.3 + 10 = 75 < 100 */
	expect_move(decide(&self, &p, 1, &fast, 1), HPC_REASON_LOAD, 10, 3);
	struct hpc_node_view both[2] = { same, fast };
	expect_move(decide(&self, &p, 1, both, 2), HPC_REASON_LOAD, 10, 3);
}

/* Two processes on a node while an equal one idles: the busier one goes. */
static void test_busy_node_sheds_heaviest(void **state)
{
	struct hpc_node_view self = node(SELF, 190, STD, 1);
	struct hpc_node_view idle = node(2, 0, STD, 1);
	struct hpc_proc_view p[3] = { proc(10, 400), proc(11, 900),
				      proc(12, 600) };

	(void)state;
	expect_move(decide(&self, p, 3, &idle, 1), HPC_REASON_LOAD, 11, 2);
	/* the heaviest cannot gain (0 + 117 + 10 >= 127): the next one goes */
	self.load = 127;
	expect_move(decide(&self, p, 3, &idle, 1), HPC_REASON_LOAD, 12, 2);
}

static void test_slower_peer(void **state)
{
	struct hpc_node_view self = node(SELF, 100, STD, 1);
	struct hpc_node_view slow = node(2, 0, STD / 2, 1);
	struct hpc_proc_view p[3] = { proc(10, 1000), proc(11, 1000),
				      proc(12, 1000) };

	(void)state;
	/* 0 + 200 * 1.3 + 10 = 270: not for one process... */
	expect_none(decide(&self, p, 1, &slow, 1));
	self.load = 270;
	expect_none(decide(&self, p, 3, &slow, 1));
	/* ...but when this node is loaded enough to make up for it */
	self.load = 271;
	expect_move(decide(&self, p, 3, &slow, 1), HPC_REASON_LOAD, 10, 2);
}

static void test_more_cpus_absorb_more(void **state)
{
	struct hpc_node_view self = node(SELF, 200, STD, 1);
	struct hpc_node_view peers[2] = { node(2, 50, STD, 1),
					  node(3, 50, STD, 4) };
	struct hpc_proc_view p[2] = { proc(10, 1000), proc(11, 1000) };

	(void)state;
	/* 50 + 25 * 1.3 + 10 = 92.5 beats 50 + 130 + 10 */
	expect_move(decide(&self, p, 2, peers, 2), HPC_REASON_LOAD, 10, 3);
	/* a 4-CPU node at 75 still takes more than a 1-CPU node at 0 */
	peers[1].load = 75;
	peers[0].load = 0;
	expect_move(decide(&self, p, 2, peers, 2), HPC_REASON_LOAD, 10, 3);
}

static void test_stability_and_cost(void **state)
{
	struct hpc_node_view self = node(SELF, 120, STD, 1);
	struct hpc_node_view idle = node(2, 0, STD, 1);
	struct hpc_proc_view p = proc(10, 1000);
	struct hpc_overheads o = def;

	(void)state;
	/* 130 + 10 >= 120 */
	expect_none(hpc_balance(&self, &p, 1, &idle, 1, &o, STD));
	o.stab_pm = 1000;
	expect_move(hpc_balance(&self, &p, 1, &idle, 1, &o, STD),
		    HPC_REASON_LOAD, 10, 2);
	o.mig_cost = 20;
	expect_none(hpc_balance(&self, &p, 1, &idle, 1, &o, STD));
	o.mig_cost = 19;
	expect_move(hpc_balance(&self, &p, 1, &idle, 1, &o, STD),
		    HPC_REASON_LOAD, 10, 2);
	/* the yardstick scales both sides alike; 0 means the standard */
	expect_move(hpc_balance(&self, &p, 1, &idle, 1, &o, 0), HPC_REASON_LOAD,
		    10, 2);
}

static void test_min_use_and_iojob(void **state)
{
	struct hpc_node_view self = node(SELF, 400, STD, 1);
	struct hpc_node_view idle = node(2, 0, STD, 1);
	struct hpc_proc_view p = proc(10, 99);
	struct hpc_overheads o = def;

	(void)state;
	expect_none(decide(&self, &p, 1, &idle, 1));
	p.usage_pm = 100;
	expect_move(decide(&self, &p, 1, &idle, 1), HPC_REASON_LOAD, 10, 2);
	p.flags = HPC_PF_IOJOB;
	p.usage_pm = 1000;
	expect_none(decide(&self, &p, 1, &idle, 1));
	/* a process that uses nothing gains nothing, whatever min_use says */
	o.min_use_pm = 0;
	p.flags = 0;
	p.usage_pm = 0;
	expect_none(hpc_balance(&self, &p, 1, &idle, 1, &o, STD));
	p.usage_pm = 1;
	expect_move(hpc_balance(&self, &p, 1, &idle, 1, &o, STD),
		    HPC_REASON_LOAD, 10, 2);
}

static void test_lock_and_cantmove(void **state)
{
	struct hpc_node_view self = node(SELF, 400, STD, 1);
	struct hpc_node_view idle = node(2, 0, STD, 1);
	struct hpc_proc_view p[2] = { proc(10, 1000), proc(11, 1000) };

	(void)state;
	p[0].flags = HPC_PF_LOCK;
	p[1].flags = HPC_PF_CANTMOVE;
	expect_none(decide(&self, p, 2, &idle, 1));
	/* not for memory either */
	self.mem_free = 10;
	expect_none(decide(&self, p, 2, &idle, 1));
	p[1].flags = 0;
	expect_move(decide(&self, p, 2, &idle, 1), HPC_REASON_MEMORY, 11, 2);
}

static void test_stay_and_lstay(void **state)
{
	struct hpc_node_view self = node(SELF, 400, STD, 1);
	struct hpc_node_view idle = node(2, 0, STD, 1);
	struct hpc_proc_view p[2] = { proc(10, 1000), proc(11, 500) };

	(void)state;
	self.status |= HPC_ST_STAY;
	expect_none(decide(&self, p, 2, &idle, 1));
	self.mem_free = 10; /* not even for memory */
	expect_none(decide(&self, p, 2, &idle, 1));
	self.mem_free = PLENTY;
	self.status = UP | HPC_ST_LSTAY;
	expect_none(decide(&self, p, 2, &idle, 1));
	/* lstay: guests may still leave */
	p[1].flags = HPC_PF_GUEST;
	p[1].home = 7;
	expect_move(decide(&self, p, 2, &idle, 1), HPC_REASON_LOAD, 11, 2);
	/* a "guest" whose home is this node is local */
	p[1].home = SELF;
	expect_none(decide(&self, p, 2, &idle, 1));
	/* this node's own block and quiet bits do not stop it sending */
	self.status = UP | HPC_ST_BLOCK | HPC_ST_QUIET;
	expect_move(decide(&self, p, 2, &idle, 1), HPC_REASON_LOAD, 10, 2);
}

static void test_unusable_peers(void **state)
{
	struct hpc_node_view self = node(SELF, 400, STD, 1);
	struct hpc_node_view peers[6] = {
		node(2, 0, STD, 1), node(3, 0, STD, 1), node(4, 0, STD, 1),
		node(5, 0, STD, 1), node(6, 0, STD, 1), node(SELF, 0, STD, 1),
	};
	struct hpc_proc_view p = proc(10, 1000);

	(void)state;
	peers[0].status = UP | HPC_ST_BLOCK;
	peers[1].status = UP | HPC_ST_QUIET;
	peers[2].status = HPC_ST_CONFIGURED; /* configured, not up */
	peers[3].status = -110;		     /* stale */
	peers[4].status = -101 | HPC_ST_UP;  /* negative whatever its bits */
	expect_none(decide(&self, &p, 1, peers, 6));
	/* a peer's stay/lstay only restrict its own processes */
	peers[2].status = UP | HPC_ST_STAY | HPC_ST_LSTAY;
	expect_move(decide(&self, &p, 1, peers, 6), HPC_REASON_LOAD, 10, 4);
	/* nor do they count for memory */
	peers[2].status = HPC_ST_CONFIGURED;
	self.mem_free = 10;
	expect_none(decide(&self, &p, 1, peers, 6));
}

static void test_guests_go_home(void **state)
{
	struct hpc_node_view self = node(SELF, 300, STD, 1);
	struct hpc_node_view peers[2] = { node(2, 0, 4 * STD, 8),
					  node(5, 100, STD, 1) };
	struct hpc_proc_view p = proc(10, 1000);

	(void)state;
	p.flags = HPC_PF_GUEST;
	p.home = 5;
	/* home is up and worth it: home, though node 2 is far better */
	expect_move(decide(&self, &p, 1, peers, 2), HPC_REASON_LOAD, 10, 5);
	/* home is up but too busy: stay, do not wander elsewhere */
	peers[1].load = 200;
	expect_none(decide(&self, &p, 1, peers, 2));
	/* a blocking home still takes its own process back */
	peers[1].load = 100;
	peers[1].status = UP | HPC_ST_BLOCK;
	expect_move(decide(&self, &p, 1, peers, 2), HPC_REASON_LOAD, 10, 5);
	/* home down: any good peer */
	peers[1].status = -110;
	expect_move(decide(&self, &p, 1, peers, 2), HPC_REASON_LOAD, 10, 2);
	/* home not among the peers at all */
	p.home = 77;
	expect_move(decide(&self, &p, 1, peers, 2), HPC_REASON_LOAD, 10, 2);
}

static void test_memory_shortage(void **state)
{
	struct hpc_node_view self = node(SELF, 0, STD, 1);
	struct hpc_node_view peers[3] = { node(2, 0, STD, 1),
					  node(3, 900, STD, 1),
					  node(4, 0, STD, 1) };
	struct hpc_proc_view p[4] = { proc(10, 0), proc(11, 0), proc(12, 0),
				      proc(13, 0) };
	struct hpc_overheads o = def;

	(void)state;
	self.mem_free = 49;
	self.mem_total = 1000; /* 49 < 5 % */
	/* free, total and what each can take staying at >= 5 % free */
	peers[0].mem_free = 5000; /* 500 pages reserved: takes 4500 */
	peers[0].mem_total = 10000;
	peers[1].mem_free = 8000; /* 7500 reserved: takes 500 */
	peers[1].mem_total = 150000;
	peers[2].mem_free = 7000; /* 5000 reserved: takes 2000 */
	peers[2].mem_total = 100000;
	p[0].rss = 100;
	p[1].rss = 300;
	p[1].flags = HPC_PF_IOJOB; /* I/O jobs do move for memory */
	p[2].rss = 700;
	p[2].flags = HPC_PF_LOCK;
	p[3].rss = 0;
	/* the most free memory wins, whatever the load */
	expect_move(decide(&self, p, 4, peers, 3), HPC_REASON_MEMORY, 11, 3);
	/* at exactly the mark there is no shortage */
	self.mem_free = 50;
	expect_none(decide(&self, p, 4, peers, 3));
	self.mem_free = 49;
	/* a peer must stay clear of its own mark after taking the process */
	p[1].rss = 500;
	expect_move(decide(&self, p, 4, peers, 3), HPC_REASON_MEMORY, 11, 3);
	p[1].rss = 501;
	expect_move(decide(&self, p, 4, peers, 3), HPC_REASON_MEMORY, 11, 4);
	p[1].rss = 2001;
	expect_move(decide(&self, p, 4, peers, 3), HPC_REASON_MEMORY, 11, 2);
	/* too big for everyone: the next largest goes */
	p[1].rss = 4501;
	expect_move(decide(&self, p, 4, peers, 3), HPC_REASON_MEMORY, 10, 3);
	/* nothing fits anywhere: fall back to load (none here) */
	p[0].rss = 9000;
	expect_none(decide(&self, p, 4, peers, 3));
	/* a mark of 0 never fires, even with nothing free */
	o.mem_low_pm = 0;
	self.mem_free = 0;
	p[0].rss = 100;
	expect_none(hpc_balance(&self, p, 4, peers, 3, &o, STD));
	/* no total known: no shortage */
	self.mem_total = 0;
	expect_none(decide(&self, p, 4, peers, 3));
}

static void test_memory_guest_home(void **state)
{
	struct hpc_node_view self = node(SELF, 0, STD, 1);
	struct hpc_node_view peers[2] = { node(2, 0, STD, 1),
					  node(5, 0, STD, 1) };
	struct hpc_proc_view p = proc(10, 0);

	(void)state;
	self.mem_free = 0;
	p.rss = 1000;
	p.flags = HPC_PF_GUEST;
	p.home = 5;
	peers[1].mem_free = 100000; /* less than node 2, but home */
	peers[1].status = UP | HPC_ST_BLOCK;
	expect_move(decide(&self, &p, 1, peers, 2), HPC_REASON_MEMORY, 10, 5);
	/* home cannot hold it: the most free other node */
	peers[1].mem_free = 1000;
	expect_move(decide(&self, &p, 1, peers, 2), HPC_REASON_MEMORY, 10, 2);
}

/* Memory shortage wins over load, and load still works without one. */
static void test_memory_before_load(void **state)
{
	struct hpc_node_view self = node(SELF, 400, STD, 1);
	struct hpc_node_view peers[2] = { node(2, 0, STD, 1),
					  node(3, 0, STD, 1) };
	struct hpc_proc_view p[2] = { proc(10, 1000), proc(11, 100) };

	(void)state;
	peers[1].mem_free = 900000;
	p[1].rss = 5000;
	expect_move(decide(&self, p, 2, peers, 2), HPC_REASON_LOAD, 10, 2);
	self.mem_free = 1000;
	expect_move(decide(&self, p, 2, peers, 2), HPC_REASON_MEMORY, 11, 3);
}

static void test_ties_are_deterministic(void **state)
{
	struct hpc_node_view self = node(SELF, 400, STD, 1);
	struct hpc_node_view peers[3] = { node(9, 0, STD, 1),
					  node(4, 0, STD, 1),
					  node(6, 0, STD, 1) };
	struct hpc_node_view rev[3] = { peers[2], peers[1], peers[0] };
	struct hpc_proc_view p[3] = { proc(30, 1000), proc(10, 1000),
				      proc(20, 1000) };
	struct hpc_proc_view prev[3] = { p[2], p[1], p[0] };

	(void)state;
	expect_move(decide(&self, p, 3, peers, 3), HPC_REASON_LOAD, 10, 4);
	expect_move(decide(&self, prev, 3, rev, 3), HPC_REASON_LOAD, 10, 4);
	/* memory: equal free memory goes to the lowest ID, equal RSS to the
	 * lowest PID */
	self.mem_free = 0;
	expect_move(decide(&self, p, 3, peers, 3), HPC_REASON_MEMORY, 10, 4);
	expect_move(decide(&self, prev, 3, rev, 3), HPC_REASON_MEMORY, 10, 4);
}

/* ---- simulated clusters: moves settle and never bounce back ---- */

#define SIM_NODES 8
#define SIM_PROCS 24

struct sim {
	u32 nnodes, nprocs;
	u32 speed[SIM_NODES], cpus[SIM_NODES];
	u32 usage[SIM_PROCS], on[SIM_PROCS]; /* on: node index */
	u32 moves;
};

static u32 sim_load(const struct sim *s, u32 n)
{
	u32 i, load = 0;

	for (i = 0; i < s->nprocs; i++)
		if (s->on[i] == n)
			load += hpc_proc_load(s->usage[i], s->speed[n], STD,
					      s->cpus[n]);
	return load;
}

static struct hpc_node_view sim_view(const struct sim *s, u32 n)
{
	return node(n + 1, sim_load(s, n), s->speed[n], s->cpus[n]);
}

/* One node decides and the move is carried out; true when it moved. */
static bool sim_step(struct sim *s, u32 n)
{
	struct hpc_node_view self = sim_view(s, n), peers[SIM_NODES];
	struct hpc_proc_view procs[SIM_PROCS];
	struct hpc_decision d;
	u32 i, np = 0;

	for (i = 0; i < s->nnodes; i++)
		peers[i] = sim_view(s, i);
	for (i = 0; i < s->nprocs; i++)
		if (s->on[i] == n)
			procs[np++] = proc(i + 1, s->usage[i]);
	d = decide(&self, procs, np, peers, s->nnodes);
	if (d.reason == HPC_REASON_NONE)
		return false;
	assert_int_equal(d.reason, HPC_REASON_LOAD);
	assert_int_not_equal(d.target, n + 1);
	assert_int_equal(s->on[d.pid - 1], n);
	s->on[d.pid - 1] = d.target - 1;
	s->moves++;
	return true;
}

/* Runs rounds until one moves nothing; returns the rounds it took. */
static u32 sim_run(struct sim *s, u32 max_rounds)
{
	u32 round, n;
	bool moved = true;

	for (round = 0; moved && round < max_rounds; round++) {
		moved = false;
		for (n = 0; n < s->nnodes; n++)
			moved |= sim_step(s, n);
	}
	assert_false(moved);
	return round;
}

static u32 count_on(const struct sim *s, u32 n)
{
	u32 i, k = 0;

	for (i = 0; i < s->nprocs; i++)
		k += s->on[i] == n;
	return k;
}

static void test_no_ping_pong_two_equal_nodes(void **state)
{
	struct sim s = { .nnodes = 2, .nprocs = 2 };
	u32 k;

	(void)state;
	for (k = 0; k < 2; k++) {
		s.speed[k] = STD;
		s.cpus[k] = 1;
	}
	s.usage[0] = s.usage[1] = 1000;
	sim_run(&s, 10);
	assert_int_equal(s.moves, 1);
	assert_int_equal(count_on(&s, 0), 1);
	assert_int_equal(count_on(&s, 1), 1);
	/* an odd process out stays where it is */
	s = (struct sim){ .nnodes = 2, .nprocs = 3 };
	for (k = 0; k < 2; k++) {
		s.speed[k] = STD;
		s.cpus[k] = 1;
	}
	s.usage[0] = s.usage[1] = s.usage[2] = 1000;
	sim_run(&s, 10);
	assert_int_equal(s.moves, 1);
	assert_int_equal(count_on(&s, 0), 2);
	sim_run(&s, 10);
	assert_int_equal(s.moves, 1);
}

static void test_cpus_share_out(void **state)
{
	struct sim s = { .nnodes = 2, .nprocs = 5 };
	u32 i;

	(void)state;
	s.speed[0] = s.speed[1] = STD;
	s.cpus[0] = 1;
	s.cpus[1] = 4;
	for (i = 0; i < 5; i++)
		s.usage[i] = 1000;
	sim_run(&s, 20);
	assert_int_equal(count_on(&s, 0), 1);
	assert_int_equal(count_on(&s, 1), 4);
}

static void test_speeds_share_out(void **state)
{
	struct sim s = { .nnodes = 3, .nprocs = 7 };
	u32 i;

	(void)state;
	s.speed[0] = STD;
	s.speed[1] = 2 * STD;
	s.speed[2] = 4 * STD;
	s.cpus[0] = s.cpus[1] = s.cpus[2] = 1;
	for (i = 0; i < 7; i++)
		s.usage[i] = 1000;
	sim_run(&s, 20);
	/* loads 100 / 100 / 100 with 1, 2 and 4 processes */
	assert_int_equal(count_on(&s, 0), 1);
	assert_int_equal(count_on(&s, 1), 2);
	assert_int_equal(count_on(&s, 2), 4);
}

/* Random clusters settle within a bounded number of moves. */
static void test_random_clusters_settle(void **state)
{
	u32 seed = 12345, trial, i;

	(void)state;
	for (trial = 0; trial < 300; trial++) {
		struct sim s = { 0 };

#define NEXT() (seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff)
		s.nnodes = 2 + NEXT() % (SIM_NODES - 1);
		s.nprocs = NEXT() % (SIM_PROCS + 1);
		for (i = 0; i < s.nnodes; i++) {
			s.speed[i] = STD / 4 + NEXT() % (4 * STD);
			s.cpus[i] = 1 + NEXT() % 4;
		}
		for (i = 0; i < s.nprocs; i++) {
			s.usage[i] = 50 + NEXT() % 951;
			s.on[i] = NEXT() % s.nnodes;
		}
#undef NEXT
		sim_run(&s, 200);
		assert_true(s.moves <= 4 * SIM_PROCS);
	}
}

/* ---- properties of any decision on random inputs ---- */

static u32 seed = 99;

static u32 rnd(u32 n)
{
	seed = seed * 1103515245u + 12345u;
	return ((seed >> 8) & 0xffffff) % n;
}

static const u32 statuses[] = {
	UP,
	UP,
	UP,
	UP | HPC_ST_BLOCK,
	UP | HPC_ST_QUIET,
	UP | HPC_ST_STAY | HPC_ST_LSTAY,
	HPC_ST_CONFIGURED,
	(u32)-110,
	(u32)-101,
};

static void random_node(struct hpc_node_view *n, u32 id)
{
	n->id = id;
	n->status = (s32)statuses[rnd(9)];
	n->load = rnd(500);
	n->speed = 1000 + rnd(40000);
	n->cpus = 1 + rnd(8);
	n->mem_total = 1000 + rnd(100000);
	n->mem_free = rnd((u32)n->mem_total + 1);
}

static void random_proc(struct hpc_proc_view *p, u32 pid, u32 npeers)
{
	static const u32 flags[] = { 0,
				     0,
				     0,
				     HPC_PF_LOCK,
				     HPC_PF_CANTMOVE,
				     HPC_PF_GUEST,
				     HPC_PF_GUEST,
				     HPC_PF_IOJOB };

	p->pid = pid;
	p->flags = flags[rnd(8)];
	p->usage_pm = rnd(1001);
	p->rss = rnd(5000);
	p->home = p->flags & HPC_PF_GUEST ? 2 + rnd(npeers + 1) : SELF;
}

static const struct hpc_node_view *find_node(const struct hpc_node_view *v,
					     u32 n, u32 id)
{
	u32 i;

	for (i = 0; i < n; i++)
		if (v[i].id == id)
			return &v[i];
	return NULL;
}

static bool up(const struct hpc_node_view *n)
{
	return n->status >= 0 && ((u32)n->status & HPC_ST_UP);
}

static bool open_to_guests(const struct hpc_node_view *n)
{
	return up(n) && !((u32)n->status & (HPC_ST_BLOCK | HPC_ST_QUIET));
}

static void check_decision(const struct hpc_node_view *self,
			   const struct hpc_proc_view *procs, u32 nprocs,
			   const struct hpc_node_view *peers, u32 npeers,
			   const struct hpc_overheads *o, struct hpc_decision d)
{
	const struct hpc_proc_view *p = NULL;
	const struct hpc_node_view *t, *home;
	bool shortage = self->mem_free * 1000 < self->mem_total * o->mem_low_pm;
	bool guest;
	u32 i;

	if (d.reason == HPC_REASON_NONE)
		return;
	for (i = 0; i < nprocs; i++)
		if (procs[i].pid == d.pid)
			p = &procs[i];
	assert_non_null(p);
	t = find_node(peers, npeers, d.target);
	assert_non_null(t);
	assert_int_not_equal(t->id, self->id);
	assert_false(p->flags & (HPC_PF_LOCK | HPC_PF_CANTMOVE));
	assert_false((u32)self->status & HPC_ST_STAY);
	guest = (p->flags & HPC_PF_GUEST) && p->home != self->id;
	if ((u32)self->status & HPC_ST_LSTAY)
		assert_true(guest);
	home = guest ? find_node(peers, npeers, p->home) : NULL;
	if (home && up(home) && d.reason == HPC_REASON_LOAD)
		assert_int_equal(d.target, home->id);
	if (d.target != (guest ? p->home : 0))
		assert_true(open_to_guests(t));
	else
		assert_true(up(t));
	if (d.reason == HPC_REASON_MEMORY) {
		assert_true(shortage);
		assert_true(p->rss > 0);
		assert_true(t->mem_free >= p->rss);
		assert_true((t->mem_free - p->rss) * 1000 >=
			    t->mem_total * o->mem_low_pm);
		return;
	}
	assert_int_equal(d.reason, HPC_REASON_LOAD);
	assert_false(p->flags & HPC_PF_IOJOB);
	assert_true(p->usage_pm >= o->min_use_pm && p->usage_pm > 0);
	assert_true(t->load +
			    (u64)hpc_proc_load(p->usage_pm, t->speed, STD,
					       t->cpus) *
				    o->stab_pm / 1000 +
			    o->mig_cost <
		    self->load);
}

static void shuffle_nodes(struct hpc_node_view *v, u32 n)
{
	u32 i, j;
	struct hpc_node_view t;

	for (i = n; i > 1; i--) {
		j = rnd(i);
		t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

static void shuffle_procs(struct hpc_proc_view *v, u32 n)
{
	u32 i, j;
	struct hpc_proc_view t;

	for (i = n; i > 1; i--) {
		j = rnd(i);
		t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* Every rule holds for whatever is decided, whatever the array order. */
static void test_random_decisions(void **state)
{
	struct hpc_node_view self, peers[12];
	struct hpc_proc_view procs[16];
	struct hpc_overheads o;
	struct hpc_decision d, again;
	u32 trial, i, np, nq, moved = 0, memory = 0;

	(void)state;
	for (trial = 0; trial < 100000; trial++) {
		np = rnd(13);
		nq = rnd(17);
		random_node(&self, SELF);
		if (rnd(4))
			self.status = UP;
		self.load = rnd(800);
		for (i = 0; i < np; i++)
			random_node(&peers[i], 2 + i);
		for (i = 0; i < nq; i++)
			random_proc(&procs[i], 100 + i, np);
		o.stab_pm = 1000 + rnd(1000);
		o.mig_cost = rnd(50);
		o.mem_low_pm = rnd(200);
		o.min_use_pm = rnd(300);
		d = hpc_balance(&self, procs, nq, peers, np, &o, STD);
		check_decision(&self, procs, nq, peers, np, &o, d);
		moved += d.reason != HPC_REASON_NONE;
		memory += d.reason == HPC_REASON_MEMORY;
		/* the order of the arrays must not matter */
		shuffle_nodes(peers, np);
		shuffle_procs(procs, nq);
		again = hpc_balance(&self, procs, nq, peers, np, &o, STD);
		assert_int_equal(again.reason, d.reason);
		assert_int_equal(again.pid, d.pid);
		assert_int_equal(again.target, d.target);
	}
	/* the inputs must exercise both reasons */
	assert_true(moved > 10000);
	assert_true(memory > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_proc_load),
		cmocka_unit_test(test_nothing_to_do),
		cmocka_unit_test(test_faster_idle_peer_attracts),
		cmocka_unit_test(test_busy_node_sheds_heaviest),
		cmocka_unit_test(test_slower_peer),
		cmocka_unit_test(test_more_cpus_absorb_more),
		cmocka_unit_test(test_stability_and_cost),
		cmocka_unit_test(test_min_use_and_iojob),
		cmocka_unit_test(test_lock_and_cantmove),
		cmocka_unit_test(test_stay_and_lstay),
		cmocka_unit_test(test_unusable_peers),
		cmocka_unit_test(test_guests_go_home),
		cmocka_unit_test(test_memory_shortage),
		cmocka_unit_test(test_memory_guest_home),
		cmocka_unit_test(test_memory_before_load),
		cmocka_unit_test(test_ties_are_deterministic),
		cmocka_unit_test(test_no_ping_pong_two_equal_nodes),
		cmocka_unit_test(test_cpus_share_out),
		cmocka_unit_test(test_speeds_share_out),
		cmocka_unit_test(test_random_clusters_settle),
		cmocka_unit_test(test_random_decisions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
