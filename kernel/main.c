// SPDX-License-Identifier: GPL-2.0
/*
 * hpc.ko: the openMosix /proc/hpc interface on current kernels. Loading
 * builds the tree and starts tracking processes and sampling the load;
 * unloading must work while the agent still has requests open and blocked.
 */
#define pr_fmt(fmt) "hpc: " fmt

#include <linux/module.h>
#include <linux/proc_fs.h>

#include "hpc.h"

bool hpc_dying;

static struct proc_dir_entry *hpc_root;

static int __init hpc_tree_init(void)
{
	int err;

	hpc_root = proc_mkdir("hpc", NULL);
	if (!hpc_root)
		return -ENOMEM;
	err = hpc_admin_init(hpc_root);
	if (!err)
		err = hpc_nodes_init(hpc_root);
	if (!err)
		err = hpc_procs_init(hpc_root);
	if (!err)
		err = hpc_decay_init(hpc_root);
	if (!err)
		err = hpc_requests_init(hpc_root);
	if (!err)
		err = hpc_remote_init(hpc_root);
	return err;
}

/*
 * Stops in an order that lets every user leave: readers blocked in requests
 * are woken before proc_remove() waits for them, writers that add or remove
 * directories are fenced off before the tree goes, and nothing that could
 * still touch a directory (tracepoints, work items) runs by then.
 */
static void hpc_shutdown(void)
{
	WRITE_ONCE(hpc_dying, true);
	hpc_requests_wake_all();
	hpc_remote_quiesce();
	hpc_nodes_quiesce();
	hpc_sample_stop();
	hpc_procs_stop();
	proc_remove(hpc_root);
	hpc_requests_exit();
	hpc_sample_exit();
	hpc_procs_exit();
	hpc_nodes_exit();
}

static int __init hpc_init(void)
{
	int err;

	err = hpc_procs_start();
	if (err)
		goto fail;
	err = hpc_sample_start();
	if (err)
		goto fail_procs;
	err = hpc_tree_init();
	if (err) {
		hpc_shutdown();
		goto fail;
	}
	pr_info("loaded, %s\n", HPC_VERSION);
	return 0;

fail_procs:
	hpc_procs_stop();
	hpc_procs_exit();
fail:
	pr_err("loading failed: %d\n", err);
	return err;
}

static void __exit hpc_exit(void)
{
	hpc_shutdown();
	pr_info("unloaded\n");
}

module_init(hpc_init);
module_exit(hpc_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("openMosix /proc/hpc interface: load, process tracking, "
		   "migration requests");
MODULE_VERSION("1.0.0");
