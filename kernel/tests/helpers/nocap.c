// SPDX-License-Identifier: GPL-2.0
/*
 * nocap [-u UID] CMD [ARG...]: runs CMD without CAP_SYS_ADMIN, as root
 * (so the module must check the capability, not the uid) or as UID. The
 * capability leaves the bounding and inheritable sets too, so that it does
 * not come back when CMD is executed as root.
 */
#define _GNU_SOURCE
#include <grp.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static int drop_sys_admin(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
	const unsigned int word = CAP_TO_INDEX(CAP_SYS_ADMIN);
	const unsigned int bit = CAP_TO_MASK(CAP_SYS_ADMIN);

	if (prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN, 0, 0, 0) < 0) {
		perror("nocap: PR_CAPBSET_DROP");
		return -1;
	}
	if (syscall(SYS_capget, &hdr, data) < 0) {
		perror("nocap: capget");
		return -1;
	}
	data[word].effective &= ~bit;
	data[word].permitted &= ~bit;
	data[word].inheritable &= ~bit;
	if (syscall(SYS_capset, &hdr, data) < 0) {
		perror("nocap: capset");
		return -1;
	}
	return 0;
}

static int become(uid_t uid)
{
	if (setgroups(0, NULL) < 0 || setgid(uid) < 0 || setuid(uid) < 0) {
		perror("nocap: switching user");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int first = 1;
	long uid = -1;

	if (argc > 2 && strcmp(argv[1], "-u") == 0) {
		uid = strtol(argv[2], NULL, 10);
		first = 3;
	}
	if (first >= argc) {
		fprintf(stderr, "usage: nocap [-u UID] CMD [ARG...]\n");
		return 2;
	}
	if (drop_sys_admin() < 0)
		return 1;
	if (uid >= 0 && become((uid_t)uid) < 0)
		return 1;
	execvp(argv[first], argv + first);
	perror("nocap: exec");
	return 127;
}
