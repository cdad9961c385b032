#!/usr/bin/env bash
# Takes down what integration tests killed by their timeout left in RUN: clusters
# (omcluster state directories) and sshd servers (pid files). Quiet when all is clean.
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: cleanup.sh OMCLUSTER RUN" >&2; exit 2; }
omcluster=$1 run=$2
[[ -d $run ]] || exit 0
shopt -s nullglob
for tag in "$run"/*/tag; do
	state=${tag%/tag}
	echo "cleanup: taking down the cluster left in $state"
	"$omcluster" down "$state"
done
for pidfile in "$run"/*/sshd.pid; do
	pid=$(cat "$pidfile")
	# Only the sshd the test started: a reused pid belongs to someone else.
	if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == sshd* ]]; then
		echo "cleanup: stopping sshd $pid left by ${pidfile%/sshd.pid}"
		kill "$pid"
	fi
	rm -f "$pidfile"
done
