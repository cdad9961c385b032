// SPDX-License-Identifier: GPL-2.0
/*
 * hpcw FILE [-n] TEXT: writes TEXT (plus a newline unless -n) to FILE in a
 * single write(2) and prints OK or the errno name, so that tests can tell
 * -EINVAL from -EPERM; a shell's echo only says that a write failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int report(int err)
{
	const char *name = err ? strerrorname_np(err) : "OK";

	printf("%s\n", name ? name : "UNKNOWN");
	return err ? 1 : 0;
}

int main(int argc, char **argv)
{
	const char *path, *text;
	bool newline = true;
	size_t len;
	char *buf;
	ssize_t n;
	int fd, err = 0;

	if (argc == 4 && strcmp(argv[2], "-n") == 0) {
		newline = false;
		text = argv[3];
	} else if (argc == 3) {
		text = argv[2];
	} else {
		fprintf(stderr, "usage: hpcw FILE [-n] TEXT\n");
		return 2;
	}
	path = argv[1];
	len = strlen(text);
	buf = malloc(len + 1);
	if (!buf)
		return report(ENOMEM);
	memcpy(buf, text, len);
	if (newline)
		buf[len++] = '\n';

	fd = open(path, O_WRONLY);
	if (fd < 0) {
		err = errno;
		goto out;
	}
	n = write(fd, buf, len);
	if (n < 0)
		err = errno;
	if (close(fd) < 0 && !err)
		err = errno;
	/* The contract wants the whole value taken by one write. */
	if (!err && (size_t)n != len) {
		printf("SHORT %zd/%zu\n", n, len);
		free(buf);
		return 1;
	}
out:
	free(buf);
	return report(err);
}
