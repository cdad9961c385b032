// SPDX-License-Identifier: GPL-2.0
/*
 * The migration request queue the agent reads: at most one request per
 * process (a newer one replaces it in place), 256 in all. Reads return
 * whole lines and take them off the queue, so each request reaches exactly
 * one reader; an empty queue blocks, or gives -EAGAIN with O_NONBLOCK.
 */
#define pr_fmt(fmt) "hpc: " fmt

#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/poll.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#include "hpc.h"

#define HPC_QUEUE_MAX 256u
#define HPC_LINE_MAX 40 /* "PID TARGET REASON\n" */

static DEFINE_SPINLOCK(hpc_req_lock);
static DECLARE_WAIT_QUEUE_HEAD(hpc_req_wait);
static struct hpc_request hpc_queue[HPC_QUEUE_MAX]; /* a ring */
static u32 hpc_qhead;
static u32 hpc_qlen;

static const char *const hpc_reason_names[] = {
	[HPC_REQ_USER] = "user",     [HPC_REQ_BALANCE] = "balance",
	[HPC_REQ_MEMORY] = "memory", [HPC_REQ_EXPEL] = "expel",
	[HPC_REQ_BRING] = "bring",
};

static struct hpc_request *hpc_queued(u32 pid)
{
	u32 i;

	for (i = 0; i < hpc_qlen; i++) {
		struct hpc_request *r =
			&hpc_queue[(hpc_qhead + i) % HPC_QUEUE_MAX];

		if (r->pid == pid)
			return r;
	}
	return NULL;
}

/* Queues all of @r (distinct PIDs) or, when they do not fit, none. */
int hpc_request_add(const struct hpc_request *r, u32 n)
{
	struct hpc_request *q;
	u32 i, fresh = 0;
	int err = 0;

	spin_lock(&hpc_req_lock);
	for (i = 0; i < n; i++)
		if (!hpc_queued(r[i].pid))
			fresh++;
	if (hpc_qlen + fresh > HPC_QUEUE_MAX) {
		err = -EBUSY;
		goto out;
	}
	for (i = 0; i < n; i++) {
		q = hpc_queued(r[i].pid);
		if (!q)
			q = &hpc_queue[(hpc_qhead + hpc_qlen++) %
				       HPC_QUEUE_MAX];
		*q = r[i];
	}
out:
	spin_unlock(&hpc_req_lock);
	if (!err && n)
		wake_up_interruptible(&hpc_req_wait);
	return err;
}

/*
 * Whether the balancer must leave @pid alone: a request for it is queued,
 * or one was delivered less than the hold-down ago. The queue is looked at
 * first, see hpc_dequeue().
 */
bool hpc_request_busy(u32 pid)
{
	bool found;

	spin_lock(&hpc_req_lock);
	found = hpc_queued(pid);
	spin_unlock(&hpc_req_lock);
	return found || hpc_proc_held(pid);
}

static bool hpc_queue_ready(void)
{
	return READ_ONCE(hpc_qlen) || READ_ONCE(hpc_dying);
}

static size_t hpc_format(const struct hpc_request *r, char *buf)
{
	const char *why = hpc_reason_names[r->reason];

	if (r->target == HPC_TARGET_HOME)
		return scnprintf(buf, HPC_LINE_MAX, "%u home %s\n", r->pid,
				 why);
	return scnprintf(buf, HPC_LINE_MAX, "%u %u %s\n", r->pid, r->target,
			 why);
}

static bool hpc_from_balancer(const struct hpc_request *r)
{
	return r->reason == HPC_REQ_BALANCE || r->reason == HPC_REQ_MEMORY;
}

/*
 * Moves whole lines that fit in @size into @buf; returns their length. The
 * hold-down of a balancer request starts here, when the agent gets it: a
 * request can wait in the queue for longer than the hold-down lasts. The
 * hold is set before the request leaves the queue, so the balancer, which
 * looks at the queue first, always finds one of the two.
 */
static size_t hpc_dequeue(char *buf, size_t size)
{
	char line[HPC_LINE_MAX];
	struct hpc_request *r;
	size_t len = 0, l;

	spin_lock(&hpc_req_lock);
	while (hpc_qlen) {
		r = &hpc_queue[hpc_qhead];
		l = hpc_format(r, line);
		if (len + l > size)
			break;
		memcpy(buf + len, line, l);
		len += l;
		if (hpc_from_balancer(r))
			hpc_proc_hold(r->pid);
		hpc_qhead = (hpc_qhead + 1) % HPC_QUEUE_MAX;
		hpc_qlen--;
	}
	spin_unlock(&hpc_req_lock);
	return len;
}

/* Waits for requests; 0 when there are some, 1 at module exit, or -errno. */
static int hpc_requests_wait(struct file *file)
{
	if (READ_ONCE(hpc_qlen))
		return -EINVAL; /* not even the first line fits */
	if (READ_ONCE(hpc_dying))
		return 1;
	if (file->f_flags & O_NONBLOCK)
		return -EAGAIN;
	if (wait_event_interruptible(hpc_req_wait, hpc_queue_ready()))
		return -ERESTARTSYS;
	return 0;
}

static ssize_t hpc_requests_read(struct file *file, char __user *ubuf,
				 size_t count, loff_t *ppos)
{
	size_t size = min_t(size_t, count, PAGE_SIZE);
	size_t len;
	char *buf;
	int err = 0;

	if (!count)
		return 0;
	buf = kmalloc(size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	for (;;) {
		len = hpc_dequeue(buf, size);
		if (len)
			break;
		err = hpc_requests_wait(file);
		if (err)
			break;
	}
	if (len && copy_to_user(ubuf, buf, len))
		err = -EFAULT;
	kfree(buf);
	if (err < 0)
		return err;
	return len; /* 0 at module exit: end of file */
}

static __poll_t hpc_requests_poll(struct file *file, poll_table *wait)
{
	__poll_t mask = 0;

	poll_wait(file, &hpc_req_wait, wait);
	if (READ_ONCE(hpc_qlen))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (READ_ONCE(hpc_dying))
		mask |= EPOLLHUP;
	return mask;
}

static int hpc_requests_open(struct inode *inode, struct file *file)
{
	if (file->f_mode & FMODE_WRITE)
		return -EACCES;
	return nonseekable_open(inode, file);
}

static const struct proc_ops hpc_requests_ops = {
	.proc_open = hpc_requests_open,
	.proc_read = hpc_requests_read,
	.proc_poll = hpc_requests_poll,
};

void hpc_requests_wake_all(void)
{
	wake_up_interruptible_all(&hpc_req_wait);
}

/*
 * The wait queue is module memory: once requests is gone from /proc (no
 * ->poll can add to it any more), epoll and aio waiters are told to let go
 * (POLLFREE) and poll()/select() sleepers, woken, take their entries off.
 */
void hpc_requests_exit(void)
{
	u32 i;

	__wake_up(&hpc_req_wait, TASK_NORMAL, 0,
		  poll_to_key(EPOLLHUP | POLLFREE));
	for (i = 1; wq_has_sleeper(&hpc_req_wait); i++) {
		/* A frozen poller keeps its entry until it is thawed. */
		if (i == 250)
			pr_info("unloading waits for a process polling "
				"requests\n");
		wake_up_all(&hpc_req_wait);
		msleep(20);
	}
	synchronize_rcu();
}

int hpc_requests_init(struct proc_dir_entry *root)
{
	if (!proc_create("requests", 0400, root, &hpc_requests_ops))
		return -ENOMEM;
	return 0;
}

int hpc_migrate_store(const struct hpc_wfile *f, const char *buf, size_t len)
{
	struct hpc_proc_view pv;
	struct hpc_tunables t;
	struct hpc_request r;
	int err;

	if (hpc_parse_migrate(buf, len, &r.pid, &r.target))
		return -EINVAL;
	hpc_tune_get(&t);
	err = hpc_proc_view(r.pid, t.mospe, &pv);
	if (err)
		return err;
	if (r.target == HPC_TARGET_BALANCE)
		err = hpc_balance_one(&pv, &r.target);
	else if (r.target != HPC_TARGET_HOME && !hpc_node_defined(r.target))
		err = -ENOENT;
	if (err)
		return err;
	r.reason = HPC_REQ_USER;
	return hpc_request_add(&r, 1);
}
