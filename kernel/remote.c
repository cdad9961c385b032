// SPDX-License-Identifier: GPL-2.0
/*
 * Guests: processes that arrived from another node, registered by the agent
 * through admin/guests and shown under remote/<PID>/. Adding and removing
 * the directories is serialised by one mutex so that a PID's directory is
 * never created twice.
 */
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "hpc.h"

enum hpc_rfield {
	HPC_R_FROM,
	HPC_R_IDENTITY,
	HPC_R_STATM,
	HPC_R_STATS,
	HPC_R_COUNT,
};

static const char *const hpc_rfield_names[HPC_R_COUNT] = {
	"from",
	"identity",
	"statm",
	"stats",
};

#define HPC_RKEY(pid, field) ((void *)(uintptr_t)((u64)(pid) << 2 | (field)))
#define HPC_RKEY_PID(k) ((u32)((uintptr_t)(k) >> 2))
#define HPC_RKEY_FIELD(k) ((u32)((uintptr_t)(k) & 3))

static DEFINE_MUTEX(hpc_guests_mutex);
static struct proc_dir_entry *hpc_remote_dir;

struct hpc_guest {
	u32 home_id;
	u32 home_pid;
	u32 usage;
};

static int hpc_guest_get(u32 pid, struct hpc_guest *g)
{
	struct hpc_proc *e;
	int err = -ESRCH;

	spin_lock(&hpc_procs_lock);
	e = hpc_proc_find(pid);
	if (e && e->guest) {
		*g = (struct hpc_guest){ e->home_id, e->home_pid,
					 e->st.usage_pm };
		err = 0;
	}
	spin_unlock(&hpc_procs_lock);
	return err;
}

static void hpc_show_task(struct seq_file *m, struct task_struct *p, u32 field,
			  const struct hpc_guest *g)
{
	char comm[TASK_COMM_LEN];
	struct hpc_statm sm;
	u64 ut, st;
	u32 uid;

	switch (field) {
	case HPC_R_IDENTITY:
		hpc_task_identity(p, &uid, comm);
		seq_printf(m, "%u %u %s\n", g->home_pid, uid, comm);
		break;
	case HPC_R_STATM:
		if (hpc_task_statm(p, &sm))
			memset(&sm, 0, sizeof(sm));
		seq_printf(m, "%lu %lu %lu %lu 0 %lu 0\n", sm.size, sm.resident,
			   sm.shared, sm.text, sm.data);
		break;
	default:
		hpc_task_times(p, &ut, &st);
		seq_printf(m, "%llu %llu %u\n", ut, st, g->usage);
		break;
	}
}

static int hpc_remote_show(struct seq_file *m, void *v)
{
	u32 pid = HPC_RKEY_PID(m->private);
	u32 field = HPC_RKEY_FIELD(m->private);
	char addr[HPC_ADDR_STRLEN];
	struct task_struct *p;
	struct hpc_guest g;

	if (hpc_guest_get(pid, &g))
		return -ESRCH;
	if (field == HPC_R_FROM) {
		if (hpc_node_address(g.home_id, addr, sizeof(addr)))
			strscpy(addr, "-", sizeof(addr));
		seq_printf(m, "%u %s\n", g.home_id, addr);
		return 0;
	}
	p = hpc_task_get(pid);
	if (!p)
		return -ESRCH;
	hpc_show_task(m, p, field, &g);
	put_task_struct(p);
	return 0;
}

static struct proc_dir_entry *hpc_remote_create(u32 pid)
{
	struct proc_dir_entry *dir;
	char name[12];
	u32 f;

	snprintf(name, sizeof(name), "%u", pid);
	dir = proc_mkdir(name, hpc_remote_dir);
	if (!dir)
		return NULL;
	for (f = 0; f < HPC_R_COUNT; f++) {
		if (!proc_create_single_data(hpc_rfield_names[f], 0444, dir,
					     hpc_remote_show,
					     HPC_RKEY(pid, f))) {
			proc_remove(dir);
			return NULL;
		}
	}
	return dir;
}

/*
 * Attaches @dir to @pid's entry if it is still a local non-guest; with @dir
 * NULL only checks that it is.
 */
static int hpc_guest_attach(u32 pid, u32 home_id, u32 home_pid,
			    struct proc_dir_entry *dir)
{
	struct hpc_proc *e;
	int err = 0;

	spin_lock(&hpc_procs_lock);
	e = hpc_proc_find(pid);
	if (!e || e->where)
		err = -ESRCH;
	else if (e->guest)
		err = -EEXIST;
	if (!err && dir) {
		e->guest = true;
		e->home_id = home_id;
		e->home_pid = home_pid;
		e->remote = dir;
	}
	spin_unlock(&hpc_procs_lock);
	return err;
}

static int hpc_guest_add(u32 pid, u32 home_id, u32 home_pid)
{
	struct proc_dir_entry *dir;
	struct hpc_tunables t;
	int err;

	hpc_tune_get(&t);
	if (home_id == t.mospe)
		return -EINVAL; /* a process from here is no guest here */
	if (!hpc_node_defined(home_id))
		return -ENOENT;
	err = hpc_proc_ensure(pid);
	if (!err)
		err = hpc_guest_attach(pid, 0, 0, NULL);
	if (err)
		return err;
	hpc_procs_reap();
	dir = hpc_remote_create(pid);
	if (!dir)
		return -ENOMEM;
	err = hpc_guest_attach(pid, home_id, home_pid, dir);
	if (err)
		proc_remove(dir);
	return err;
}

static int hpc_guest_del(u32 pid)
{
	struct proc_dir_entry *dir = NULL;
	struct hpc_proc *e;

	spin_lock(&hpc_procs_lock);
	e = hpc_proc_find(pid);
	if (e && e->guest) {
		e->guest = false;
		dir = e->remote;
		e->remote = NULL;
	}
	spin_unlock(&hpc_procs_lock);
	if (!dir)
		return -ESRCH;
	proc_remove(dir);
	return 0;
}

int hpc_guests_store(const struct hpc_wfile *f, const char *buf, size_t len)
{
	struct hpc_guests_cmd g;
	int err;

	if (hpc_parse_guests(buf, len, &g))
		return -EINVAL;
	mutex_lock(&hpc_guests_mutex);
	if (READ_ONCE(hpc_dying))
		err = -ENODEV;
	else if (g.add)
		err = hpc_guest_add(g.pid, g.home_id, g.home_pid);
	else
		err = hpc_guest_del(g.pid);
	mutex_unlock(&hpc_guests_mutex);
	return err;
}

static bool hpc_is_guest(const struct hpc_proc *e)
{
	return e->guest;
}

int hpc_expel_all(void)
{
	return hpc_procs_request_all(hpc_is_guest, HPC_REQ_EXPEL);
}

int hpc_remote_init(struct proc_dir_entry *root)
{
	hpc_remote_dir = proc_mkdir("remote", root);
	return hpc_remote_dir ? 0 : -ENOMEM;
}

/* After this no guests write touches remote/ any more. */
void hpc_remote_quiesce(void)
{
	mutex_lock(&hpc_guests_mutex);
	mutex_unlock(&hpc_guests_mutex);
}
