// SPDX-License-Identifier: GPL-2.0
/*
 * Where the numbers come from. Ten times a second the runnable tasks are
 * counted (nr_running() is not exported, so the task list is walked); once
 * a second the samples fold into the mean and export load, CPU utilisation
 * is measured, the processes are scanned and, when this node takes part,
 * the balancer decides whether one of them should leave.
 */
#include <linux/cpumask.h>
#include <linux/kernel_stat.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/tick.h>
#include <linux/workqueue.h>

#include "hpc.h"

#define HPC_SAMPLE_PERIOD (HZ / 10)

static DEFINE_SPINLOCK(hpc_load_lock); /* the two below */
static struct hpc_load hpc_load_raw;
static struct hpc_self hpc_self_now;

static u64 hpc_idle_prev_us; /* second work only */
static u64 hpc_wall_prev_ns;

static DEFINE_MUTEX(hpc_balance_mutex); /* the peer buffer */
static struct hpc_node_view *hpc_peer_buf;

static void hpc_sample_fn(struct work_struct *w);
static void hpc_second_fn(struct work_struct *w);
static DECLARE_DELAYED_WORK(hpc_sample_work, hpc_sample_fn);
static DECLARE_DELAYED_WORK(hpc_second_work, hpc_second_fn);

/* Runnable tasks other than this worker, whose sampling is not load. */
static u32 hpc_count_runnable(void)
{
	struct task_struct *p, *t;
	u32 n = 0;

	rcu_read_lock();
	for_each_process_thread(p, t)
		if (t != current && task_is_running(t))
			n++;
	rcu_read_unlock();
	return n;
}

static void hpc_sample_fn(struct work_struct *w)
{
	u32 n = hpc_count_runnable();

	spin_lock(&hpc_load_lock);
	hpc_load_sample(&hpc_load_raw, n);
	spin_unlock(&hpc_load_lock);
	queue_delayed_work(system_wq, &hpc_sample_work, HPC_SAMPLE_PERIOD);
}

/* Idle and I/O-wait time of all CPUs, as /proc/stat counts them. */
static u64 hpc_idle_us(void)
{
	u64 sum = 0, t;
	int cpu;

	for_each_possible_cpu(cpu) {
		t = get_cpu_idle_time_us(cpu, NULL);
		if (t == (u64)-1)
			t = div_u64(kcpustat_cpu(cpu).cpustat[CPUTIME_IDLE],
				    NSEC_PER_USEC);
		sum += t;
		t = get_cpu_iowait_time_us(cpu, NULL);
		if (t == (u64)-1)
			t = div_u64(kcpustat_cpu(cpu).cpustat[CPUTIME_IOWAIT],
				    NSEC_PER_USEC);
		sum += t;
	}
	return sum;
}

/* Percent of the CPUs' time since the last call that was not idle. */
static u32 hpc_util(u32 cpus)
{
	u64 idle = hpc_idle_us(), now = ktime_get_ns();
	u64 wall_us, idle_us;
	u32 busy = 0;

	if (hpc_wall_prev_ns && now > hpc_wall_prev_ns) {
		wall_us = div_u64(now - hpc_wall_prev_ns, NSEC_PER_USEC) * cpus;
		idle_us = idle > hpc_idle_prev_us ? idle - hpc_idle_prev_us : 0;
		if (wall_us > idle_us)
			busy = div64_u64((wall_us - idle_us) * 100 +
						 wall_us / 2,
					 wall_us);
	}
	hpc_idle_prev_us = idle;
	hpc_wall_prev_ns = now;
	return busy > 100 ? 100 : busy;
}

static void hpc_fold(const struct hpc_tunables *t)
{
	u32 cpus = num_online_cpus();
	u32 util = hpc_util(cpus);

	spin_lock(&hpc_load_lock);
	hpc_load_fold(&hpc_load_raw);
	hpc_self_now.load =
		hpc_load_units(hpc_load_raw.mean, t->speed, t->sspeed, cpus);
	hpc_self_now.exportload =
		hpc_load_units(hpc_load_raw.export_, t->speed, t->sspeed, cpus);
	hpc_self_now.util = util;
	spin_unlock(&hpc_load_lock);
}

void hpc_self_get(struct hpc_self *s)
{
	spin_lock(&hpc_load_lock);
	*s = hpc_self_now;
	spin_unlock(&hpc_load_lock);
}

static void hpc_self_view(struct hpc_node_view *v, const struct hpc_tunables *t)
{
	struct hpc_self s;
	struct sysinfo si;

	hpc_self_get(&s);
	si_meminfo(&si);
	*v = (struct hpc_node_view){
		.id = t->mospe,
		.status = (s32)hpc_tune_status(t),
		.load = s.load,
		.speed = t->speed,
		.cpus = num_online_cpus(),
		.mem_free = hpc_pages(si_mem_available()),
		.mem_total = hpc_pages(si.totalram),
	};
}

static struct hpc_decision hpc_decide(const struct hpc_tunables *t,
				      const struct hpc_proc_view *procs,
				      u32 nprocs)
{
	struct hpc_node_view self;
	struct hpc_decision d;
	u32 npeers;

	hpc_self_view(&self, t);
	mutex_lock(&hpc_balance_mutex);
	npeers = hpc_node_views(hpc_peer_buf, HPC_MAP_MAX_NODES, t->mospe);
	d = hpc_balance(&self, procs, nprocs, hpc_peer_buf, npeers, &t->ovh,
			t->sspeed);
	mutex_unlock(&hpc_balance_mutex);
	return d;
}

/* A request's target: a guest sent to its own home node goes "home". */
static u32 hpc_target_of(const struct hpc_proc_view *pv, u32 target)
{
	if ((pv->flags & HPC_PF_GUEST) && target == pv->home)
		return HPC_TARGET_HOME;
	return target;
}

int hpc_balance_one(const struct hpc_proc_view *pv, u32 *target)
{
	struct hpc_tunables t;
	struct hpc_decision d;

	hpc_tune_get(&t);
	d = hpc_decide(&t, pv, 1);
	if (d.reason == HPC_REASON_NONE)
		return -EAGAIN;
	*target = hpc_target_of(pv, d.target);
	return 0;
}

static const struct hpc_proc_view *hpc_view_of(const struct hpc_proc_view *v,
					       u32 n, u32 pid)
{
	u32 i;

	for (i = 0; i < n; i++)
		if (v[i].pid == pid)
			return &v[i];
	return NULL;
}

static void hpc_balance_node(const struct hpc_tunables *t,
			     struct hpc_proc_view *views, u32 n)
{
	struct hpc_request r;
	struct hpc_decision d;
	u32 i, k = 0;

	/*
	 * A process with a request queued, or just delivered, is the agent's
	 * business already; the scan saw holds as they were a moment ago.
	 */
	for (i = 0; i < n; i++)
		if (!hpc_request_busy(views[i].pid))
			views[k++] = views[i];
	d = hpc_decide(t, views, k);
	if (d.reason == HPC_REASON_NONE)
		return;
	r.pid = d.pid;
	r.target = hpc_target_of(hpc_view_of(views, k, d.pid), d.target);
	r.reason = d.reason == HPC_REASON_MEMORY ? HPC_REQ_MEMORY
						 : HPC_REQ_BALANCE;
	/*
	 * A full queue drops the decision; it is made again next second. The
	 * hold-down starts when the agent reads the request.
	 */
	hpc_request_add(&r, 1);
}

/* What is done once a second; fails only when the scan could not run. */
static int hpc_second(void)
{
	struct hpc_proc_view *views;
	struct hpc_tunables t;
	u32 n;
	int err;

	hpc_tune_get(&t);
	hpc_fold(&t);
	err = hpc_scan(&t.decay, t.mospe, &views, &n);
	if (err)
		return err;
	if (t.mospe && !(t.flags & (HPC_ST_STAY | HPC_ST_QUIET)))
		hpc_balance_node(&t, views, n);
	kvfree(views);
	return 0;
}

static void hpc_second_fn(struct work_struct *w)
{
	/* A scan short of memory is made again next second. */
	hpc_second();
	queue_delayed_work(system_wq, &hpc_second_work, HZ);
}

int hpc_sample_start(void)
{
	int err;

	hpc_peer_buf = kvmalloc_array(HPC_MAP_MAX_NODES, sizeof(*hpc_peer_buf),
				      GFP_KERNEL);
	if (!hpc_peer_buf)
		return -ENOMEM;
	/*
	 * The first second's work, here: the running processes are in procs
	 * by the time /proc/hpc appears. The tracepoints are already on, so
	 * what forks meanwhile is not missed either.
	 */
	err = hpc_second();
	if (err) {
		hpc_sample_exit();
		return err;
	}
	queue_delayed_work(system_wq, &hpc_sample_work, HPC_SAMPLE_PERIOD);
	queue_delayed_work(system_wq, &hpc_second_work, HZ);
	return 0;
}

void hpc_sample_stop(void)
{
	cancel_delayed_work_sync(&hpc_sample_work);
	cancel_delayed_work_sync(&hpc_second_work);
}

/* After the last write: a migrate to "balance" uses the peer buffer too. */
void hpc_sample_exit(void)
{
	kvfree(hpc_peer_buf);
	hpc_peer_buf = NULL;
}
