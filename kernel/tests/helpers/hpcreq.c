// SPDX-License-Identifier: GPL-2.0
/*
 * hpcreq: a client of /proc/hpc/requests that does one thing per call and
 * prints what happened, so the guest's shell tests can check the queue's
 * wake-ups, blocking and non-blocking reads:
 *   hpcreq [-n] [-p MS [-v]] [-s SIZE] [-c COUNT [-i MS]] [FILE]
 *       read(2) once (COUNT times, MS ms apart), blocking unless -n, after
 *       polling up to MS ms with -p; -v prints the poll events first
 *   hpcreq -d [FILE]
 *       drain: read until EAGAIN
 * Data read is printed verbatim; EOF, TIMEOUT or the errno name otherwise,
 * one line per read.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_FILE "/proc/hpc/requests"

enum { EXIT_DATA = 0, EXIT_ERR = 1, EXIT_USAGE = 2, EXIT_TIMEOUT = 3 };

struct options {
	const char *path;
	bool nonblock;
	bool drain;
	bool events;
	int poll_ms; /* -1: do not poll */
	size_t size;
	int count;
	int interval_ms;
};

static int fail(int err)
{
	const char *name = strerrorname_np(err);

	printf("%s\n", name ? name : "UNKNOWN");
	return EXIT_ERR;
}

static int usage(void)
{
	fprintf(stderr, "usage: hpcreq [-n] [-p MS [-v]] [-s SIZE] "
			"[-c COUNT [-i MS]] [FILE]\n"
			"       hpcreq -d [FILE]\n");
	return EXIT_USAGE;
}

static int parse(int argc, char **argv, struct options *o)
{
	int c;

	*o = (struct options){
		.path = DEFAULT_FILE,
		.poll_ms = -1,
		.size = 4096,
		.count = 1,
	};
	while ((c = getopt(argc, argv, "c:di:np:s:v")) != -1) {
		switch (c) {
		case 'd':
			o->drain = true;
			o->nonblock = true;
			break;
		case 'n':
			o->nonblock = true;
			break;
		case 'p':
			o->poll_ms = atoi(optarg);
			break;
		case 's':
			o->size = strtoul(optarg, NULL, 10);
			break;
		case 'c':
			o->count = atoi(optarg);
			break;
		case 'i':
			o->interval_ms = atoi(optarg);
			break;
		case 'v':
			o->events = true;
			break;
		default:
			return -1;
		}
	}
	if (optind < argc)
		o->path = argv[optind++];
	if (optind != argc || o->size == 0 || o->count < 1)
		return -1;
	return 0;
}

static void print_events(short ev)
{
	static const struct {
		short bit;
		const char *name;
	} names[] = { { POLLIN, "POLLIN" },   { POLLPRI, "POLLPRI" },
		      { POLLOUT, "POLLOUT" }, { POLLERR, "POLLERR" },
		      { POLLHUP, "POLLHUP" }, { POLLNVAL, "POLLNVAL" } };
	const char *sep = "";
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (ev & names[i].bit) {
			printf("%s%s", sep, names[i].name);
			sep = "|";
		}
	}
	printf("\n");
}

static int wait_readable(int fd, int ms, bool events)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int n = poll(&p, 1, ms);

	if (n < 0)
		return fail(errno);
	if (n == 0) {
		printf("TIMEOUT\n");
		return EXIT_TIMEOUT;
	}
	if (events)
		print_events(p.revents);
	return EXIT_DATA;
}

static int drain(int fd, char *buf, size_t size)
{
	ssize_t n;

	while ((n = read(fd, buf, size)) > 0)
		fwrite(buf, 1, n, stdout);
	if (n < 0 && errno != EAGAIN)
		return fail(errno);
	return EXIT_DATA;
}

static int read_once(int fd, char *buf, size_t size)
{
	ssize_t n = read(fd, buf, size);

	if (n < 0)
		return fail(errno);
	if (n == 0) {
		printf("EOF\n");
		return EXIT_DATA;
	}
	fwrite(buf, 1, n, stdout);
	return EXIT_DATA;
}

int main(int argc, char **argv)
{
	struct options o;
	int fd, ret, i;
	char *buf;

	if (parse(argc, argv, &o) < 0)
		return usage();
	buf = malloc(o.size);
	if (!buf)
		return fail(ENOMEM);
	fd = open(o.path, O_RDONLY | (o.nonblock ? O_NONBLOCK : 0));
	if (fd < 0) {
		ret = fail(errno);
		goto out_free;
	}
	if (o.poll_ms >= 0) {
		ret = wait_readable(fd, o.poll_ms, o.events);
		if (ret != EXIT_DATA)
			goto out_close;
	}
	if (o.drain) {
		ret = drain(fd, buf, o.size);
		goto out_close;
	}
	for (i = 0; i < o.count; i++) {
		if (i && o.interval_ms)
			usleep(o.interval_ms * 1000u);
		ret = read_once(fd, buf, o.size);
		fflush(stdout);
	}
out_close:
	close(fd);
out_free:
	free(buf);
	return ret;
}
