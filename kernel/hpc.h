/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces between the parts of hpc.ko. The portable decisions
 * (parsing, load, decay, balancing) live in kernel/core; this module feeds
 * them from the running kernel and shows the results under /proc/hpc.
 */
#ifndef HPC_INTERNAL_H
#define HPC_INTERNAL_H

#include <linux/list.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include <hpc/balance.h>
#include <hpc/decay.h>
#include <hpc/load.h>
#include <hpc/map.h>
#include <hpc/text.h>
#include <hpc/tune.h>

#define HPC_VERSION "hpc 1.0.0"

/* Largest write accepted: the map and peer tables, and everything else. */
#define HPC_WRITE_MAX_TABLE (64 * 1024)
#define HPC_WRITE_MAX 256

/*
 * A balancer request, once the agent has read it, holds its process back
 * from new decisions this long.
 */
#define HPC_HOLD_DOWN (10 * HZ)
/* A peer's load record goes stale after this long without a newer one. */
#define HPC_PEER_STALE (60 * HZ)

#define HPC_PID_MAX 0x7fffffffu /* pid_t is a positive int */

/* main.c */
extern bool hpc_dying; /* module exit has begun: blocked readers must leave */

/* admin.c: the node's tunables and the admin/ directory. */
struct hpc_tunables {
	u32 mospe;
	u32 flags; /* HPC_ST_STAY, _LSTAY, _BLOCK, _QUIET */
	u32 speed;
	u32 sspeed;
	struct hpc_overheads ovh;
	struct hpc_decay_params decay;
};

void hpc_tune_get(struct hpc_tunables *t);
void hpc_tune_map_changed(void);
u32 hpc_tune_status(const struct hpc_tunables *t);
int hpc_admin_init(struct proc_dir_entry *root);

/* wfile.c: what every writable file shares. */
struct hpc_wfile {
	const char *name;
	umode_t mode;
	size_t max;    /* largest write accepted */
	bool any_user; /* no CAP_SYS_ADMIN needed (decay/) */
	u32 arg;       /* which value a shared handler serves */
	int (*show)(struct seq_file *m, void *v);
	int (*store)(const struct hpc_wfile *f, const char *buf, size_t len);
};

int hpc_wfiles_create(struct proc_dir_entry *dir, const struct hpc_wfile *f,
		      size_t n);
int hpc_parse_value(const char *buf, size_t len, u32 *out);
int hpc_parse_one(const char *buf, size_t len);

/* nodes.c: the map, the node table, nodes/ and info/. */
int hpc_nodes_init(struct proc_dir_entry *root);
void hpc_nodes_quiesce(void);
void hpc_nodes_exit(void);
void hpc_map_lock(void);
void hpc_map_unlock(void);
bool hpc_node_defined(u32 id);
int hpc_node_address(u32 id, char *buf, size_t size);
u32 hpc_node_views(struct hpc_node_view *out, u32 max, u32 self_id);
int hpc_config_show(struct seq_file *m, void *v);
int hpc_config_store(const struct hpc_wfile *f, const char *buf, size_t len);
int hpc_loads_store(const struct hpc_wfile *f, const char *buf, size_t len);

/* requests.c: the migration request queue. */
enum hpc_req_reason {
	HPC_REQ_USER,
	HPC_REQ_BALANCE,
	HPC_REQ_MEMORY,
	HPC_REQ_EXPEL,
	HPC_REQ_BRING,
};

struct hpc_request {
	u32 pid;
	u32 target; /* node ID or HPC_TARGET_HOME */
	enum hpc_req_reason reason;
};

int hpc_requests_init(struct proc_dir_entry *root);
void hpc_requests_wake_all(void);
void hpc_requests_exit(void);
int hpc_request_add(const struct hpc_request *r, u32 n);
bool hpc_request_busy(u32 pid);
int hpc_migrate_store(const struct hpc_wfile *f, const char *buf, size_t len);

/* sample.c: load sampling, the once-a-second fold and the balancer. */
struct hpc_self {
	u32 load;	/* mean load, units */
	u32 exportload; /* export load, units */
	u32 util;	/* percent over the last second */
};

int hpc_sample_start(void);
void hpc_sample_stop(void);
void hpc_sample_exit(void);
void hpc_self_get(struct hpc_self *s);
int hpc_balance_one(const struct hpc_proc_view *pv, u32 *target);

/* task.c: what the module reads from the kernel's processes. */
#define HPC_CM_SYSTEM 1u
#define HPC_CM_CLONE_VM 2u
#define HPC_CM_MEM_LOCK 4u
#define HPC_CM_RT_SCHED 8u
#define HPC_CM_USER_LOCK 16u

struct task_struct;

struct hpc_task_info {
	u64 runtime;  /* CPU time of the whole thread group, ns */
	u64 rss;      /* pages of 4096 bytes */
	u32 cantmove; /* HPC_CM_* except USER_LOCK */
};

/* /proc/PID/statm's fields, in pages; lib and dt are always 0. */
struct hpc_statm {
	unsigned long size;
	unsigned long resident;
	unsigned long shared;
	unsigned long text;
	unsigned long data;
};

u64 hpc_pages(unsigned long n);
bool hpc_task_read(struct task_struct *p, struct hpc_task_info *ti);
int hpc_pid_read(u32 pid, struct hpc_task_info *ti);
struct task_struct *hpc_task_get(u32 pid);
void hpc_task_times(struct task_struct *p, u64 *utime, u64 *stime);
int hpc_task_statm(struct task_struct *p, struct hpc_statm *sm);
void hpc_task_identity(struct task_struct *p, u32 *uid, char *comm);

/* procs.c: the table of tracked processes. */
struct hpc_proc {
	struct hlist_node hnode;
	struct list_head grave; /* waiting for its remote/ directory to go */
	u32 pid;		/* thread-group ID in the initial namespace */
	u32 where;		/* 0 = here, else the node it runs on */
	u32 nmigs;
	u32 seen; /* scan generation that last saw it */
	bool lock;
	bool guest;
	u32 home_id; /* guests: home node and PID there */
	u32 home_pid;
	u64 runtime;		  /* CPU time at the last scan, ns */
	unsigned long hold_until; /* jiffies: no balancer decision before */
	struct hpc_pstat st;
	struct proc_dir_entry *remote;
};

/* Nests inside hpc_req_lock (requests.c), never around it. */
extern spinlock_t hpc_procs_lock;
int hpc_procs_start(void);
void hpc_procs_stop(void);
void hpc_procs_exit(void);
u32 hpc_procs_count(void);
void hpc_procs_for_each(bool (*fn)(struct hpc_proc *e, void *ctx), void *ctx);
u32 hpc_procs_next_gen(void);
void hpc_procs_sweep(u32 gen);
void hpc_procs_reap(void);
int hpc_procs_request_all(bool (*pick)(const struct hpc_proc *e),
			  enum hpc_req_reason why);
int hpc_bring_all(void);
void hpc_proc_hold(u32 pid);
bool hpc_proc_held(u32 pid);
struct hpc_proc *hpc_proc_alloc(u32 pid, gfp_t gfp);
int hpc_proc_ensure(u32 pid);

/* These need hpc_procs_lock held. */
struct hpc_proc *hpc_proc_find(u32 pid);
void hpc_proc_insert(struct hpc_proc *e);
void hpc_proc_drop(struct hpc_proc *e);
bool hpc_proc_is_held(const struct hpc_proc *e);

/* procs_file.c: procs, lock, where. */
int hpc_procs_init(struct proc_dir_entry *root);
void hpc_view_fill(struct hpc_proc_view *pv, const struct hpc_proc *e,
		   const struct hpc_task_info *ti, u32 self_id);
int hpc_proc_view(u32 pid, u32 self_id, struct hpc_proc_view *pv);
int hpc_lock_store(const struct hpc_wfile *f, const char *buf, size_t len);
int hpc_where_store(const struct hpc_wfile *f, const char *buf, size_t len);

/* scan.c: the once-a-second walk over the processes. */
int hpc_scan(const struct hpc_decay_params *d, u32 self_id,
	     struct hpc_proc_view **views, u32 *nviews);

/* decay_files.c: decay/. */
int hpc_decay_init(struct proc_dir_entry *root);

/* remote.c: guests and remote/. */
int hpc_remote_init(struct proc_dir_entry *root);
void hpc_remote_quiesce(void);
int hpc_guests_store(const struct hpc_wfile *f, const char *buf, size_t len);
int hpc_expel_all(void);

#endif /* HPC_INTERNAL_H */
