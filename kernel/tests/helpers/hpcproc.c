// SPDX-License-Identifier: GPL-2.0
/*
 * hpcproc MODE: a process in a given condition, for the procs table tests.
 * It prints "ready" once in that condition, then stays so until killed:
 *   spin     burns CPU
 *   mlock    locks its memory (cantmove: mem_lock)
 *   thread   shares its mm with a second thread (cantmove: clone_vm)
 *   rt       runs under SCHED_FIFO (cantmove: rt_sched)
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void *idle(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static int enter(const char *mode)
{
	struct sched_param sp = { .sched_priority = 1 };
	pthread_t t;

	if (strcmp(mode, "spin") == 0)
		return 0;
	if (strcmp(mode, "mlock") == 0)
		return mlockall(MCL_CURRENT | MCL_FUTURE);
	if (strcmp(mode, "thread") == 0)
		return pthread_create(&t, NULL, idle, NULL) ? -1 : 0;
	if (strcmp(mode, "rt") == 0)
		return sched_setscheduler(0, SCHED_FIFO, &sp);
	fprintf(stderr, "hpcproc: unknown mode %s\n", mode);
	return -1;
}

int main(int argc, char **argv)
{
	volatile unsigned long n = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: hpcproc spin|mlock|thread|rt\n");
		return 2;
	}
	if (enter(argv[1]) < 0) {
		perror("hpcproc");
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	if (strcmp(argv[1], "spin") == 0)
		for (;;)
			n++;
	idle(NULL);
	return 0;
}
