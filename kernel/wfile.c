// SPDX-License-Identifier: GPL-2.0
/*
 * The plumbing every writable /proc/hpc file shares: permission and size
 * checks, copying the whole write in, and single-value parsing with the
 * same tokeniser the agent's emulation uses, so both accept the same text.
 */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "hpc.h"

int hpc_parse_value(const char *buf, size_t len, u32 *out)
{
	struct hpc_cursor c = { buf, buf + len };

	if (hpc_text_u32(&c, out) || !hpc_text_done(&c))
		return -EINVAL;
	return 0;
}

/* The trigger files (bring, expel, decay/) take exactly the value 1. */
int hpc_parse_one(const char *buf, size_t len)
{
	u32 v;

	if (hpc_parse_value(buf, len, &v) || v != 1)
		return -EINVAL;
	return 0;
}

static ssize_t hpc_wfile_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	const struct hpc_wfile *f = pde_data(file_inode(file));
	char *buf;
	int err;

	if (!f->store || (!f->any_user && !capable(CAP_SYS_ADMIN)))
		return -EPERM;
	if (count == 0)
		return 0;
	if (count > f->max)
		return -EINVAL;
	buf = vmemdup_user(ubuf, count);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	err = f->store(f, buf, count);
	kvfree(buf);
	return err ? err : (ssize_t)count;
}

static int hpc_wfile_open(struct inode *inode, struct file *file)
{
	const struct hpc_wfile *f = pde_data(inode);

	return single_open(file, f->show, (void *)f);
}

static const struct proc_ops hpc_rw_ops = {
	.proc_open = hpc_wfile_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
	.proc_write = hpc_wfile_write,
};

/* Write-only files: reading one, even as root, is refused at open. */
static int hpc_wonly_open(struct inode *inode, struct file *file)
{
	if (file->f_mode & FMODE_READ)
		return -EACCES;
	return nonseekable_open(inode, file);
}

static const struct proc_ops hpc_wo_ops = {
	.proc_open = hpc_wonly_open,
	.proc_write = hpc_wfile_write,
};

int hpc_wfiles_create(struct proc_dir_entry *dir, const struct hpc_wfile *f,
		      size_t n)
{
	const struct proc_ops *ops;
	size_t i;

	for (i = 0; i < n; i++) {
		ops = f[i].show ? &hpc_rw_ops : &hpc_wo_ops;
		if (!proc_create_data(f[i].name, f[i].mode, dir, ops,
				      (void *)&f[i]))
			return -ENOMEM;
	}
	return 0;
}
