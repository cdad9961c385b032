/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * The balancing decision: which one process, if any, should leave this node
 * and for which node. Pure function of its inputs so the module, the agent's
 * emulation and the tests all decide alike. Reasons to move, in order:
 *  1. memory shortage here (free * 1000 < total * mem_low_pm): the largest
 *     movable process (I/O jobs included) that some node can hold goes to the
 *     node with the most free memory that stays clear of its own shortage
 *     mark after taking it, whatever the loads;
 *  2. load: a process moves when the target's load plus the process's load on
 *     the target (scaled by the target's speed and CPUs) weighted by the
 *     stability factor, plus the migration cost, stays below this node's
 *     load, so processes flow from slow or busy nodes to fast or idle ones.
 *     With a stability factor >= 1000 the rule never sends a process back
 *     the way it came (see balance.c). Of the processes that may move, the
 *     one with the highest usage goes, to the peer where that sum is lowest.
 * Ties go to the lowest PID, then the lowest node ID, so the decision does
 * not depend on the order of the arrays.
 */
#ifndef HPC_BALANCE_H
#define HPC_BALANCE_H

#include "tune.h"
#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Per-process flags the decision honours. */
#define HPC_PF_LOCK 1u		/* locked to this node (lock file, mosrun -L) */
#define HPC_PF_CANTMOVE 2u	/* cannot migrate (threads, mlock, rt, ...) */
#define HPC_PF_GUEST 4u		/* a guest: its home is another node */
#define HPC_PF_IOJOB 8u		/* declared I/O-bound: moved for memory only */

/** What a node looks like to the balancer (this node or a peer). */
struct hpc_node_view {
	u32 id;
	s32 status;	/* HPC_ST_* bits, or -errno when unreachable */
	u32 load;	/* export load of a peer, mean load of this node; units */
	u32 speed;
	u32 cpus;
	u64 mem_free;	/* pages */
	u64 mem_total;	/* pages */
};

/** One candidate process on this node. */
struct hpc_proc_view {
	u32 pid;
	u32 flags;	/* HPC_PF_* */
	u32 usage_pm;	/* decayed CPU usage, per mille of one CPU */
	u64 rss;	/* pages */
	u32 home;	/* node ID of its home (this node's ID unless a guest) */
};

enum hpc_reason {
	HPC_REASON_NONE = 0,
	HPC_REASON_LOAD,
	HPC_REASON_MEMORY,
};

struct hpc_decision {
	enum hpc_reason reason;
	u32 pid;
	u32 target;	/* node ID */
};

/**
 * Decides for node @self given its @procs and the @peers it knows. Honours:
 * stay (nothing moves), lstay (only guests move), block, quiet and down peers
 * (never targets; a peer is a target only when its status has HPC_ST_UP),
 * locked and unmovable processes, I/O jobs and processes below min_use_pm
 * (not moved for load), guests' homes (a guest is never sent to a node other
 * than its home when its home qualifies: for load when it is up, for memory
 * when it is up and can hold the process; going home is not arriving as a
 * guest, so the home's block bit does not count), speed and CPU differences
 * and memory shortage. This node's own quiet bit is the caller's concern (a
 * quiet node has no fresh peer table). Peers with @self's ID are skipped.
 * @std_speed 0 counts as HPC_STD_SPEED. Returns HPC_REASON_NONE when nothing
 * should move.
 */
struct hpc_decision hpc_balance(const struct hpc_node_view *self,
				const struct hpc_proc_view *procs, u32 nprocs,
				const struct hpc_node_view *peers, u32 npeers,
				const struct hpc_overheads *o, u32 std_speed);

/**
 * Load (units) that @usage_pm of one CPU adds to a node of @speed/@cpus:
 * usage_pm * 100 * std_speed / (1000 * speed * cpus), rounded to nearest, with
 * the zero and range conventions of hpc_load_units.
 */
u32 hpc_proc_load(u32 usage_pm, u32 speed, u32 std_speed, u32 cpus);

#ifdef __cplusplus
}
#endif

#endif /* HPC_BALANCE_H */
