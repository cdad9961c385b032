/*
 * omjobinit: the first process of a job that mosrun or proc.spawn starts.
 *
 *   omjobinit [--user UID:GID] [--stopped] PROGRAM ARGV0 [ARG...]
 *
 * Started by the agent with the job's stdout and stderr on fds 1 and 2 and a
 * status pipe on fd 3. It makes a PID namespace and forks its init there: the
 * job's processes then have PIDs of their own (1, 2, ...), which criu restores
 * on any node, however busy the target's PID space is. The first process
 * writes "pid N" (the init's PID as the agent sees it) on fd 3 and exits; the
 * agent no longer needs to reap anything of the job.
 *
 * The init (PID 1 of the namespace) leads a session of its own, so that the
 * whole session lies inside the namespace, as criu requires. With --user the
 * program runs as that user (the one who asked the agent for the job); the
 * init stays root, as criu needs it to be: its parasite mounts a /proc of the
 * job's namespace from inside the init. With --stopped it waits for
 * SIGCONT first: the agent moves it to the chosen node before the program
 * starts there. It forks PROGRAM as PID 2 in a process group of its
 * own, passes every signal it gets on to that group (PID 1 of a namespace
 * ignores the signals it does not handle, so a job would otherwise not stop on
 * Ctrl-C), reaps what the job orphans, and when PROGRAM ends writes
 * "exit CODE" or "signal NUMBER" on fd 3 and exits in the same way.
 *
 * Written in C with nothing but libc: it is part of every dumped job, so it
 * must be small, and exist at the same path on every node.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { STATUS_FD = 3 };

static volatile pid_t job_group;
static volatile sig_atomic_t released;

static void release(int sig)
{
	(void)sig;
	released = 1;
}

/*
 * Waits for SIGCONT before the program starts. Not a stop (SIGSTOP): criu dumps a
 * stopped init of a namespace badly, and a process waiting in sigsuspend() is as
 * good to move. The agent sends SIGCONT once the job is where it is to run.
 */
static void hold(void)
{
	struct sigaction sa;
	sigset_t wait_set, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = release;
	sigaction(SIGCONT, &sa, NULL);
	sigfillset(&wait_set);
	sigprocmask(SIG_BLOCK, &wait_set, &old);
	sigdelset(&wait_set, SIGCONT);
	sigdelset(&wait_set, SIGKILL);
	while (!released)
		sigsuspend(&wait_set);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void forward(int sig)
{
	/* The job may not have made its group yet: then the signal is for it alone. */
	if (job_group > 0 && kill(-job_group, sig) < 0 && errno == ESRCH)
		kill(job_group, sig);
}

static void status_line(const char *word, int value)
{
	char line[64];
	int n = snprintf(line, sizeof(line), "%s %d\n", word, value);

	/* A full status pipe cannot happen: a few lines in a job's life. */
	if (n > 0 && write(STATUS_FD, line, (size_t)n) < 0)
		return;
}

static int become(uid_t uid, gid_t gid)
{
	struct passwd *pw;

	if (getuid() == uid && getgid() == gid)
		return 0;
	pw = getpwuid(uid);
	if (pw ? initgroups(pw->pw_name, gid) : setgroups(0, NULL))
		return -1;
	if (setgid(gid) || setuid(uid))
		return -1;
	return 0;
}

static int run_init(int stopped, uid_t uid, gid_t gid, char *program, char **argv)
{
	struct sigaction sa;
	sigset_t all, none;
	pid_t child;
	int sig, status;

	if (setsid() < 0)
		return 125;
	if (stopped)
		hold();

	sigfillset(&all);
	sigemptyset(&none);
	sigprocmask(SIG_BLOCK, &all, NULL);
	child = fork();
	if (child < 0) {
		status_line("exit", 125);
		return 125;
	}
	if (child == 0) {
		/* The job: a group of its own, default signals, no status pipe. */
		setpgid(0, 0);
		close(STATUS_FD);
		if (become(uid, gid) < 0) {
			fprintf(stderr, "mosrun: cannot become user %u: %s\n", (unsigned)uid,
				strerror(errno));
			_exit(126);
		}
		for (sig = 1; sig < NSIG; sig++)
			signal(sig, SIG_DFL);
		sigprocmask(SIG_SETMASK, &none, NULL);
		execvp(program, argv);
		fprintf(stderr, "mosrun: %s: %s\n", program, strerror(errno));
		_exit(errno == ENOENT ? 127 : 126);
	}
	setpgid(child, child);
	job_group = child;
	fcntl(STATUS_FD, F_SETFD, FD_CLOEXEC);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = forward;
	sigfillset(&sa.sa_mask);
	for (sig = 1; sig < NSIG; sig++) {
		if (sig == SIGKILL || sig == SIGSTOP || sig == SIGCHLD)
			continue;
		sigaction(sig, &sa, NULL);
	}
	sigprocmask(SIG_SETMASK, &none, NULL);

	for (;;) {
		pid_t done = waitpid(-1, &status, 0);

		if (done < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (done != child)
			continue; /* an orphan of the job, reaped */
		if (WIFSIGNALED(status)) {
			status_line("signal", WTERMSIG(status));
			return 128 + WTERMSIG(status);
		}
		status_line("exit", WEXITSTATUS(status));
		return WEXITSTATUS(status);
	}
	status_line("exit", 125);
	return 125;
}

int main(int argc, char **argv)
{
	int stopped = 0, first = 1;
	unsigned uid = getuid(), gid = getgid();
	pid_t init;

	if (first + 1 < argc && strcmp(argv[first], "--user") == 0) {
		if (sscanf(argv[first + 1], "%u:%u", &uid, &gid) != 2) {
			fprintf(stderr, "omjobinit: --user takes UID:GID\n");
			return 2;
		}
		first += 2;
	}
	if (first < argc && strcmp(argv[first], "--stopped") == 0) {
		stopped = 1;
		first++;
	}
	if (argc - first < 2 || fcntl(STATUS_FD, F_GETFD) < 0) {
		fprintf(stderr, "usage: omjobinit [--user UID:GID] [--stopped] PROGRAM ARGV0 [ARG...]\n"
				"  (run by omagentd, with a status pipe on fd 3)\n");
		return 2;
	}
	if (unshare(CLONE_NEWPID) < 0) {
		fprintf(stderr, "mosrun: cannot make a PID namespace: %s\n", strerror(errno));
		status_line("exit", 125);
		return 125;
	}
	init = fork();
	if (init < 0) {
		status_line("exit", 125);
		return 125;
	}
	if (init == 0)
		_exit(run_init(stopped, uid, gid, argv[first], argv + first + 1));
	status_line("pid", init);
	return 0;
}
