// SPDX-License-Identifier: GPL-2.0
/*
 * decay/: a process marks itself (like openMosix's /proc/self files), so
 * these need no privilege; what it sets is inherited by the children it
 * forks afterwards.
 */
#include <linux/sched.h>
#include <linux/spinlock.h>

#include "hpc.h"

enum hpc_mark {
	HPC_MARK_CLEAR,
	HPC_MARK_CPUJOB,
	HPC_MARK_IOJOB,
	HPC_MARK_SLOW,
	HPC_MARK_FAST,
	HPC_MARK_NODECAY,
};

static void hpc_mark(struct hpc_pstat *st, u32 mark)
{
	switch (mark) {
	case HPC_MARK_CLEAR:
		hpc_pstat_clear(st);
		break;
	case HPC_MARK_CPUJOB:
		st->job = HPC_JOB_CPU;
		break;
	case HPC_MARK_IOJOB:
		st->job = HPC_JOB_IO;
		break;
	case HPC_MARK_SLOW:
		st->decay = HPC_DECAY_SLOW;
		break;
	case HPC_MARK_FAST:
		st->decay = HPC_DECAY_FAST;
		break;
	default:
		st->decay = HPC_DECAY_NONE;
		break;
	}
}

static int hpc_mark_store(const struct hpc_wfile *f, const char *buf,
			  size_t len)
{
	u32 pid = task_tgid_nr(current);
	struct hpc_proc *e;
	int err;

	if (hpc_parse_one(buf, len))
		return -EINVAL;
	err = hpc_proc_ensure(pid);
	if (err)
		return err;
	spin_lock(&hpc_procs_lock);
	e = hpc_proc_find(pid);
	if (e)
		hpc_mark(&e->st, f->arg);
	else
		err = -ESRCH;
	spin_unlock(&hpc_procs_lock);
	return err;
}

#define HPC_MARK_FILE(name, mark)                                              \
	{ name, 0222, HPC_WRITE_MAX, true, mark, NULL, hpc_mark_store }

static const struct hpc_wfile hpc_decay_files[] = {
	HPC_MARK_FILE("clear", HPC_MARK_CLEAR),
	HPC_MARK_FILE("cpujob", HPC_MARK_CPUJOB),
	HPC_MARK_FILE("iojob", HPC_MARK_IOJOB),
	HPC_MARK_FILE("slow", HPC_MARK_SLOW),
	HPC_MARK_FILE("fast", HPC_MARK_FAST),
	HPC_MARK_FILE("nodecay", HPC_MARK_NODECAY),
};

int hpc_decay_init(struct proc_dir_entry *root)
{
	struct proc_dir_entry *dir = proc_mkdir("decay", root);

	if (!dir)
		return -ENOMEM;
	return hpc_wfiles_create(dir, hpc_decay_files,
				 ARRAY_SIZE(hpc_decay_files));
}
