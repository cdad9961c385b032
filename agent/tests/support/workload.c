/*
 * omworkload: processes for the migration tests, each of which proves by a file it keeps
 * writing that it still runs, that it runs once, and that its state survived every move.
 *
 *   omworkload count FILE          a counter, written to FILE ten times a second
 *   omworkload heap MIB FILE       MIB MiB of seeded pseudo-random data; FILE gets
 *                                  "<rounds> <ok|BAD> <checksum>" after every check
 *   omworkload append FILE         appends "<n>\n" to FILE twenty times a second
 *   omworkload threads N FILE      N threads counting; FILE gets each count and the sum
 *   omworkload dirty MIB PCT FILE  MIB MiB resident, PCT % of its pages written each second;
 *                                  FILE gets the CLOCK_MONOTONIC time in ms every 10 ms, so
 *                                  a reader sees how long the process did not run
 *   omworkload print N MS CODE     prints "out <i>" on stdout and "err <i>" on stderr for
 *                                  i = 1..N, one pair every MS ms, then exits with CODE;
 *                                  SIGUSR1 makes it print "usr1 <i>" (mosrun's tests)
 *
 * Each writes its state with write(2) on a descriptor it opens anew every time, so no
 * descriptor outlives a move on a path the target does not have.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void put(const char *file, const char *text)
{
	char tmp[4096];
	int fd;

	snprintf(tmp, sizeof(tmp), "%s.tmp", file);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	if (write(fd, text, strlen(text)) < 0) {
		close(fd);
		return;
	}
	close(fd);
	rename(tmp, file); /* readers never see half a line */
}

static void nap(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0)
		;
}

static int count(const char *file)
{
	char text[64];
	unsigned long i;

	for (i = 1;; i++) {
		snprintf(text, sizeof(text), "%lu\n", i);
		put(file, text);
		nap(100);
	}
	return 0;
}

static uint64_t next(uint64_t *s)
{
	/* xorshift64*: cheap, and the same sequence on every node */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static uint64_t sum(const uint64_t *p, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	return h;
}

static int heap(long mib, const char *file)
{
	size_t n = (size_t)mib * 1024 * 1024 / sizeof(uint64_t);
	uint64_t *p = malloc(n * sizeof(*p));
	uint64_t seed = 42, want, got;
	unsigned long rounds;
	char text[128];
	size_t i;

	if (!p)
		return 1;
	for (i = 0; i < n; i++)
		p[i] = next(&seed);
	want = sum(p, n);
	for (rounds = 1;; rounds++) {
		got = sum(p, n);
		snprintf(text, sizeof(text), "%lu %s %016llx\n", rounds,
			 got == want ? "ok" : "BAD", (unsigned long long)got);
		put(file, text);
		nap(200);
	}
	return 0;
}

static int append(const char *file)
{
	char text[64];
	unsigned long i;
	int fd;

	for (i = 1;; i++) {
		fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
		if (fd >= 0) {
			snprintf(text, sizeof(text), "%lu\n", i);
			if (write(fd, text, strlen(text)) < 0)
				i--; /* written again next time: no gap */
			close(fd);
		}
		nap(50);
	}
	return 0;
}

static volatile unsigned long counters[64];

static void *spin(void *arg)
{
	volatile unsigned long *c = arg;

	for (;;) {
		(*c)++;
		nap(10);
	}
	return NULL;
}

static int threads(int n, const char *file)
{
	pthread_t t;
	char text[2048];
	unsigned long total;
	int i, len;

	if (n < 1 || n > 64)
		return 2;
	for (i = 0; i < n; i++)
		if (pthread_create(&t, NULL, spin, (void *)&counters[i]) != 0)
			return 1;
	for (;;) {
		total = 0;
		len = 0;
		for (i = 0; i < n; i++) {
			total += counters[i];
			len += snprintf(text + len, sizeof(text) - len, "%lu ", counters[i]);
		}
		snprintf(text + len, sizeof(text) - len, "= %lu\n", total);
		put(file, text);
		nap(100);
	}
	return 0;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int dirty(long mib, long pct, const char *file)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t pages = (size_t)mib * 1024 * 1024 / page;
	size_t per_tick = pages * (size_t)pct / 100 / 100; /* 100 ticks a second */
	size_t at = 0, i;
	unsigned char *p = malloc(pages * page);
	char text[64];
	uint64_t seed = 7;

	if (!p)
		return 1;
	for (i = 0; i < pages; i++)
		p[i * page] = (unsigned char)next(&seed);
	for (;;) {
		for (i = 0; i < per_tick; i++) {
			p[at * page] ^= 1;
			at = (at + 7919) % pages; /* spread over the whole heap */
		}
		snprintf(text, sizeof(text), "%lld\n", now_ms());
		put(file, text);
		nap(10);
	}
	return 0;
}

static volatile sig_atomic_t usr1;

static void on_usr1(int sig)
{
	(void)sig;
	usr1 = 1;
}

static int print(long n, long ms, int code)
{
	long i;

	signal(SIGUSR1, on_usr1);
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 1; i <= n; i++) {
		if (usr1) {
			usr1 = 0;
			printf("usr1 %ld\n", i);
		}
		printf("out %ld\n", i);
		fprintf(stderr, "err %ld\n", i);
		nap(ms);
	}
	return code;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "print"))
		return print(atol(argv[2]), atol(argv[3]), atoi(argv[4]));
	if (argc == 3 && !strcmp(argv[1], "count"))
		return count(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "heap"))
		return heap(atol(argv[2]), argv[3]);
	if (argc == 3 && !strcmp(argv[1], "append"))
		return append(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "threads"))
		return threads(atoi(argv[2]), argv[3]);
	if (argc == 5 && !strcmp(argv[1], "dirty"))
		return dirty(atol(argv[2]), atol(argv[3]), argv[4]);
	fprintf(stderr, "usage: omworkload {count FILE|heap MIB FILE|append FILE|threads N FILE|"
			"dirty MIB PCT FILE|print N MS CODE}\n");
	return 2;
}
