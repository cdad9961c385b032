// SPDX-License-Identifier: GPL-2.0
/*
 * What the module reads from the kernel's processes: whether a task is a
 * user process, its thread group's CPU time and memory, and why it could
 * not migrate. Only exported interfaces and public structure fields.
 */
#include <linux/cred.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <uapi/linux/sched.h>

#include "compat.h"
#include "hpc.h"

u64 hpc_pages(unsigned long n)
{
	return (u64)n * (PAGE_SIZE / 4096);
}

/*
 * The mm is shared with another process only while it has more users than
 * the group has threads; MMF_MULTIPROCESS alone would stay set long after a
 * vfork child has exec'd.
 */
static bool hpc_mm_shared(struct mm_struct *mm, u32 nthreads)
{
	return test_bit(MMF_MULTIPROCESS, &mm->flags) &&
	       atomic_read(&mm->mm_users) > (int)nthreads;
}

static void hpc_mm_read(struct mm_struct *mm, u32 nthreads,
			struct hpc_task_info *ti)
{
	ti->rss = hpc_pages(get_mm_rss(mm));
	if (nthreads > 1 || hpc_mm_shared(mm, nthreads))
		ti->cantmove |= HPC_CM_CLONE_VM;
	if (READ_ONCE(mm->locked_vm) || (mm->def_flags & VM_LOCKED))
		ti->cantmove |= HPC_CM_MEM_LOCK;
}

static bool hpc_rt_policy(int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR ||
	       policy == SCHED_DEADLINE;
}

/*
 * Reads thread-group leader @p under rcu_read_lock(). False for kernel
 * threads and for groups none of whose threads has user memory any more.
 * The CPU time of exited threads is kept in the signal struct.
 */
bool hpc_task_read(struct task_struct *p, struct hpc_task_info *ti)
{
	u32 nthreads = get_nr_threads(p);
	struct task_struct *t;
	bool user = false;

	if (p->flags & PF_KTHREAD)
		return false;
	memset(ti, 0, sizeof(*ti));
	ti->runtime = READ_ONCE(p->signal->sum_sched_runtime);
	for_each_thread(p, t) {
		ti->runtime += READ_ONCE(t->se.sum_exec_runtime);
		if (user)
			continue;
		task_lock(t);
		if (t->mm) {
			user = true;
			hpc_mm_read(t->mm, nthreads, ti);
		}
		task_unlock(t);
	}
	if (is_global_init(p))
		ti->cantmove |= HPC_CM_SYSTEM;
	if (hpc_rt_policy(READ_ONCE(p->policy)))
		ti->cantmove |= HPC_CM_RT_SCHED;
	return user;
}

/* The task whose PID in the initial namespace is @pid; caller holds RCU. */
static struct task_struct *hpc_task_rcu(u32 pid)
{
	return pid_task(find_pid_ns(pid, &init_pid_ns), PIDTYPE_PID);
}

int hpc_pid_read(u32 pid, struct hpc_task_info *ti)
{
	struct task_struct *p;
	int err = -ESRCH;

	rcu_read_lock();
	p = hpc_task_rcu(pid);
	if (p && thread_group_leader(p) && hpc_task_read(p, ti))
		err = 0;
	rcu_read_unlock();
	return err;
}

struct task_struct *hpc_task_get(u32 pid)
{
	struct task_struct *p;

	rcu_read_lock();
	p = hpc_task_rcu(pid);
	if (p)
		get_task_struct(p);
	rcu_read_unlock();
	return p;
}

/* User and system CPU time of @p's whole thread group, in clock ticks. */
void hpc_task_times(struct task_struct *p, u64 *utime, u64 *stime)
{
	struct task_struct *t;
	u64 u, s;

	rcu_read_lock();
	u = READ_ONCE(p->signal->utime);
	s = READ_ONCE(p->signal->stime);
	for_each_thread(p, t) {
		u += READ_ONCE(t->utime);
		s += READ_ONCE(t->stime);
	}
	rcu_read_unlock();
	*utime = div_u64(u, NSEC_PER_SEC / USER_HZ);
	*stime = div_u64(s, NSEC_PER_SEC / USER_HZ);
}

/* @p's memory as /proc/PID/statm shows it, in pages. */
int hpc_task_statm(struct task_struct *p, struct hpc_statm *sm)
{
	struct mm_struct *mm = get_task_mm(p);

	if (!mm)
		return -ESRCH;
	sm->shared = hpc_statm_counter(mm, MM_FILEPAGES) +
		     hpc_statm_counter(mm, MM_SHMEMPAGES);
	sm->resident = sm->shared + hpc_statm_counter(mm, MM_ANONPAGES);
	sm->text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >>
		   PAGE_SHIFT;
	sm->data = mm->data_vm + mm->stack_vm;
	sm->size = mm->total_vm;
	mmput(mm);
	return 0;
}

/*
 * @p's user ID as the initial namespace sees it, and its command name
 * (@comm holds TASK_COMM_LEN bytes).
 */
void hpc_task_identity(struct task_struct *p, u32 *uid, char *comm)
{
	*uid = from_kuid_munged(&init_user_ns, task_uid(p));
	__get_task_comm(comm, TASK_COMM_LEN, p);
}
