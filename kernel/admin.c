// SPDX-License-Identifier: GPL-2.0
/*
 * admin/: the node's tunables and the agent's half of the interface. Every
 * value is validated completely before anything changes, so a refused write
 * leaves the old state in place.
 */
#include <linux/spinlock.h>

#include "hpc.h"

static DEFINE_SPINLOCK(hpc_tune_lock);
static struct hpc_tunables hpc_tune = {
	.speed = HPC_STD_SPEED,
	.sspeed = HPC_STD_SPEED,
	.ovh = HPC_OVERHEADS_DEFAULT,
	.decay = { HPC_DECAY_INTERVAL_DEFAULT, HPC_DECAY_SLOW_DEFAULT,
		   HPC_DECAY_FAST_DEFAULT },
};

void hpc_tune_get(struct hpc_tunables *t)
{
	spin_lock(&hpc_tune_lock);
	*t = hpc_tune;
	spin_unlock(&hpc_tune_lock);
}

/* This node's status bits; "configured" and "up" mean openMosix is on. */
u32 hpc_tune_status(const struct hpc_tunables *t)
{
	u32 st = t->flags;

	if (t->mospe)
		st |= HPC_ST_CONFIGURED | HPC_ST_UP;
	return st;
}

/* Called under the map lock after the map changed. */
void hpc_tune_map_changed(void)
{
	spin_lock(&hpc_tune_lock);
	if (hpc_tune.mospe && !hpc_node_defined(hpc_tune.mospe))
		hpc_tune.mospe = 0;
	spin_unlock(&hpc_tune_lock);
}

static int hpc_show_u32(struct seq_file *m, u32 v)
{
	seq_printf(m, "%u\n", v);
	return 0;
}

static int mospe_show(struct seq_file *m, void *v)
{
	struct hpc_tunables t;

	hpc_tune_get(&t);
	return hpc_show_u32(m, t.mospe);
}

static int mospe_store(const struct hpc_wfile *f, const char *buf, size_t len)
{
	u32 id;
	int err = hpc_parse_value(buf, len, &id);

	if (err)
		return err;
	hpc_map_lock();
	if (id && !hpc_node_defined(id)) {
		err = -EINVAL;
	} else {
		spin_lock(&hpc_tune_lock);
		hpc_tune.mospe = id;
		spin_unlock(&hpc_tune_lock);
	}
	hpc_map_unlock();
	return err;
}

/* block, stay, lstay, quiet: f->arg is the status bit the file holds. */
static int flag_show(struct seq_file *m, void *v)
{
	const struct hpc_wfile *f = m->private;
	struct hpc_tunables t;

	hpc_tune_get(&t);
	return hpc_show_u32(m, !!(t.flags & f->arg));
}

static void hpc_tune_set_flag(u32 bit, bool on)
{
	spin_lock(&hpc_tune_lock);
	if (on)
		hpc_tune.flags |= bit;
	else
		hpc_tune.flags &= ~bit;
	spin_unlock(&hpc_tune_lock);
}

static int flag_store(const struct hpc_wfile *f, const char *buf, size_t len)
{
	u32 v;

	if (hpc_parse_value(buf, len, &v) || hpc_check_bool(v))
		return -EINVAL;
	hpc_tune_set_flag(f->arg, v);
	return 0;
}

/* bring and expel queue their requests first: a full queue changes nothing. */
static int bring_store(const struct hpc_wfile *f, const char *buf, size_t len)
{
	int err = hpc_parse_one(buf, len);

	if (!err)
		err = hpc_bring_all();
	if (!err)
		hpc_tune_set_flag(HPC_ST_LSTAY, true);
	return err;
}

static int expel_store(const struct hpc_wfile *f, const char *buf, size_t len)
{
	int err = hpc_parse_one(buf, len);

	if (!err)
		err = hpc_expel_all();
	if (!err)
		hpc_tune_set_flag(HPC_ST_BLOCK, true);
	return err;
}

enum hpc_knob {
	HPC_KNOB_SPEED,
	HPC_KNOB_SSPEED,
	HPC_KNOB_INTERVAL,
	HPC_KNOB_SLOW,
	HPC_KNOB_FAST,
};

static u32 *hpc_knob(struct hpc_tunables *t, u32 knob)
{
	switch (knob) {
	case HPC_KNOB_SPEED:
		return &t->speed;
	case HPC_KNOB_SSPEED:
		return &t->sspeed;
	case HPC_KNOB_INTERVAL:
		return &t->decay.interval;
	case HPC_KNOB_SLOW:
		return &t->decay.slow;
	default:
		return &t->decay.fast;
	}
}

static int knob_show(struct seq_file *m, void *v)
{
	const struct hpc_wfile *f = m->private;
	struct hpc_tunables t;

	hpc_tune_get(&t);
	return hpc_show_u32(m, *hpc_knob(&t, f->arg));
}

/* The new value is checked together with the others it must agree with. */
static int knob_store(const struct hpc_wfile *f, const char *buf, size_t len)
{
	struct hpc_tunables t;
	u32 v;
	int err;

	if (hpc_parse_value(buf, len, &v))
		return -EINVAL;
	spin_lock(&hpc_tune_lock);
	t = hpc_tune;
	*hpc_knob(&t, f->arg) = v;
	err = -EINVAL;
	if (!hpc_check_speed(t.speed) && !hpc_check_speed(t.sspeed) &&
	    !hpc_check_decay(&t.decay)) {
		hpc_tune = t;
		err = 0;
	}
	spin_unlock(&hpc_tune_lock);
	return err;
}

static int overheads_show(struct seq_file *m, void *v)
{
	struct hpc_tunables t;

	hpc_tune_get(&t);
	seq_printf(m, "%u %u %u %u\n", t.ovh.stab_pm, t.ovh.mig_cost,
		   t.ovh.mem_low_pm, t.ovh.min_use_pm);
	return 0;
}

static int overheads_store(const struct hpc_wfile *f, const char *buf,
			   size_t len)
{
	struct hpc_overheads o;

	if (hpc_parse_overheads(buf, len, &o))
		return -EINVAL;
	spin_lock(&hpc_tune_lock);
	hpc_tune.ovh = o;
	spin_unlock(&hpc_tune_lock);
	return 0;
}

static int version_show(struct seq_file *m, void *v)
{
	seq_puts(m, HPC_VERSION "\n");
	return 0;
}

#define RW (0644)
#define WO (0200)

static const struct hpc_wfile hpc_admin_files[] = {
	{ "mospe", RW, HPC_WRITE_MAX, false, 0, mospe_show, mospe_store },
	{ "config", RW, HPC_WRITE_MAX_TABLE, false, 0, hpc_config_show,
	  hpc_config_store },
	{ "block", RW, HPC_WRITE_MAX, false, HPC_ST_BLOCK, flag_show,
	  flag_store },
	{ "stay", RW, HPC_WRITE_MAX, false, HPC_ST_STAY, flag_show,
	  flag_store },
	{ "lstay", RW, HPC_WRITE_MAX, false, HPC_ST_LSTAY, flag_show,
	  flag_store },
	{ "quiet", RW, HPC_WRITE_MAX, false, HPC_ST_QUIET, flag_show,
	  flag_store },
	{ "bring", WO, HPC_WRITE_MAX, false, 0, NULL, bring_store },
	{ "expel", WO, HPC_WRITE_MAX, false, 0, NULL, expel_store },
	{ "speed", RW, HPC_WRITE_MAX, false, HPC_KNOB_SPEED, knob_show,
	  knob_store },
	{ "sspeed", RW, HPC_WRITE_MAX, false, HPC_KNOB_SSPEED, knob_show,
	  knob_store },
	{ "overheads", RW, HPC_WRITE_MAX, false, 0, overheads_show,
	  overheads_store },
	{ "decayinterval", RW, HPC_WRITE_MAX, false, HPC_KNOB_INTERVAL,
	  knob_show, knob_store },
	{ "slowdecay", RW, HPC_WRITE_MAX, false, HPC_KNOB_SLOW, knob_show,
	  knob_store },
	{ "fastdecay", RW, HPC_WRITE_MAX, false, HPC_KNOB_FAST, knob_show,
	  knob_store },
	{ "version", 0444, 0, false, 0, version_show, NULL },
	{ "migrate", WO, HPC_WRITE_MAX, false, 0, NULL, hpc_migrate_store },
	{ "lock", WO, HPC_WRITE_MAX, false, 0, NULL, hpc_lock_store },
	{ "loads", WO, HPC_WRITE_MAX_TABLE, false, 0, NULL, hpc_loads_store },
	{ "guests", WO, HPC_WRITE_MAX, false, 0, NULL, hpc_guests_store },
	{ "where", WO, HPC_WRITE_MAX, false, 0, NULL, hpc_where_store },
};

int hpc_admin_init(struct proc_dir_entry *root)
{
	struct proc_dir_entry *dir = proc_mkdir("admin", root);

	if (!dir)
		return -ENOMEM;
	return hpc_wfiles_create(dir, hpc_admin_files,
				 ARRAY_SIZE(hpc_admin_files));
}
