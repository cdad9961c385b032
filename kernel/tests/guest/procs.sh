# SPDX-License-Identifier: GPL-2.0
# The per-process table: which processes are tracked, the CANTMOVE reasons,
# decayed usage per decay class, decay/clear, and that decay classes, job
# kinds and lock pass to the children a process forks afterwards.
. /tests/lib.sh

D=$HPC/decay
PIDS=
SPAWNED=0

# spawn VAR CMD...: starts CMD in the background, waits for the "ready" line
# of hpcproc (or 1 s for anything else), sets VAR to its PID.
spawn() {
	local var=$1 out
	SPAWNED=$((SPAWNED + 1))
	out=/tmp/spawn.$SPAWNED
	shift
	"$@" >"$out" 2>&1 &
	eval "$var=$!"
	PIDS="$PIDS $!"
	case $1 in
	hpcproc) wait_for 5 grep -q ready "$out" ;;
	*) sleep 1 ;;
	esac
}

# has_reason PID REASON: PID's CANTMOVE lists REASON.
has_reason() {
	proc_field "$1" 8 | grep -Eq "(^|,)$2(,|\$)"
}

# decay_of PID: "DECAY JOB LOCK" of PID's procs line, once it has one.
decay_of() {
	wait_for 3 tracked "$1"
	echo "$(proc_field "$1" 6) $(proc_field "$1" 7) $(proc_field "$1" 3)"
}

table() {
	local p
	is "procs header" "# PID WHERE LOCK NMIGS USAGE DECAY JOB CANTMOVE" \
		"$(head -n 1 $HPC/procs)"
	is "procs: every line has 8 fields" "" \
		"$(awk 'NR > 1 && NF != 8' $HPC/procs)"
	is "procs: no PID twice" "" "$(awk 'NR > 1 { print $1 }' $HPC/procs | sort | uniq -d)"
	like "procs: init cannot move (system)" '(^|,)system(,|$)' "$(proc_field 1 8)"
	is "procs: kernel threads untracked (kthreadd)" "" "$(proc_field 2 1)"
	p=$(awk 'NR > 1 { print $1 }' $HPC/procs | while read -r p; do
		[ -z "$(cat /proc/$p/cmdline 2>/dev/null)" ] && [ "$p" != 1 ] &&
			[ -e /proc/$p ] && echo "$p"
	done)
	is "procs: no kernel thread at all" "" "$p"
	is "procs: this shell with defaults" "0 0 0 slow any" \
		"$(proc_field $$ 2) $(proc_field $$ 3) $(proc_field $$ 4) $(proc_field $$ 6) $(proc_field $$ 7)"
	is "procs: an ordinary process can move" "-" "$(proc_field $$ 8)"
}

cantmove() {
	local m t r p
	spawn m hpcproc mlock
	wait_for 3 has_reason $m mem_lock
	like "procs: mlocked process: mem_lock" '(^|,)mem_lock(,|$)' "$(proc_field $m 8)"
	spawn t hpcproc thread
	wait_for 3 has_reason $t clone_vm
	like "procs: threaded process: clone_vm" '(^|,)clone_vm(,|$)' "$(proc_field $t 8)"
	spawn r hpcproc rt
	wait_for 3 has_reason $r rt_sched
	like "procs: SCHED_FIFO process: rt_sched" '(^|,)rt_sched(,|$)' "$(proc_field $r 8)"
	hpcw $HPC/admin/lock "$r 1" >/dev/null
	wait_for 3 has_reason $r user_lock
	p=$(proc_field $r 8)
	like "procs: several reasons comma-separated" '^[a-z_]+(,[a-z_]+)+$' "$p"
	like "procs: locked SCHED_FIFO: rt_sched and user_lock" \
		'(^|,)rt_sched,(.*,)?user_lock(,|$)|(^|,)user_lock,(.*,)?rt_sched(,|$)' "$p"
	stop $m $t $r
	check "procs: lines go with their processes" wait_for 3 untracked $m
}

# A shell writes the decay files for itself, then forks; a child forked
# before keeps the defaults. forked DIR WRITES runs such a shell with WRITES
# (shell commands) and leaves the PID of its later child in DIR/late.
forked() {
	local dir=$1 writes=$2
	shift 2
	rm -f $dir/late
	spawn FORKER "$@" sh -c "$writes
		sleep 600 & echo \$! >$dir/late
		wait"
	wait_for 5 test -s $dir/late
	LATE=$(cat $dir/late)
}

inheritance() {
	local dir=/tmp/inherit parent early late grand
	mkdir -p $dir
	chmod 1777 $dir
	spawn parent sh -c "
		sleep 600 & echo \$! >$dir/early
		echo 1 >$D/fast
		echo 1 >$D/cpujob
		hpcw $HPC/admin/lock \"\$\$ 1\" >/dev/null
		sleep 600 & echo \$! >$dir/late
		sh -c 'sleep 600 & echo \$! >$dir/grand; wait' &
		wait"
	wait_for 5 test -s $dir/grand
	early=$(cat $dir/early) late=$(cat $dir/late) grand=$(cat $dir/grand)
	is "writer: fast cpu locked" "fast cpu 1" "$(decay_of $parent)"
	is "child forked before: slow any unlocked" "slow any 0" "$(decay_of $early)"
	is "child forked after: fast cpu locked" "fast cpu 1" "$(decay_of $late)"
	is "grandchild: fast cpu locked" "fast cpu 1" "$(decay_of $grand)"
	hpcw $HPC/admin/lock "$late 0" >/dev/null
	is "unlocking a child leaves its parent locked" "1 0" \
		"$(proc_field $parent 3) $(proc_field $late 3)"

	forked $dir "echo 1 >$D/nodecay; echo 1 >$D/iojob"
	is "nodecay iojob writer" "nodecay io 0" "$(decay_of $FORKER)"
	is "nodecay iojob inherited" "nodecay io 0" "$(decay_of $LATE)"

	forked $dir "echo 1 >$D/fast; echo 1 >$D/slow; echo 1 >$D/iojob; echo 1 >$D/cpujob"
	is "the last class and kind written win" "slow cpu 0" "$(decay_of $LATE)"

	forked $dir "echo 1 >$D/fast" nocap -u 65534
	is "unprivileged writer: fast inherited" "fast any 0" "$(decay_of $LATE)"
	is "unprivileged writer changed only itself" "slow any" \
		"$(proc_field $$ 6) $(proc_field $$ 7)"
	stop $PIDS
	PIDS=
}

# Two spinners, fast and slow, get the same CPU; the fast one's usage must
# climb quicker. A nodecay spinner averages all its history. decay/clear
# zeroes a process's usage, done by a spinning shell when told to.
usage() {
	local fast slow nd clr u uf us
	spawn fast sh -c "echo 1 >$D/fast; exec hpcproc spin"
	spawn slow sh -c "echo 1 >$D/slow; exec hpcproc spin"
	sleep 5
	uf=$(proc_field $fast 5) us=$(proc_field $slow 5)
	within "usage of a fast-decay spinner after 5 s" 150 1000 "$uf"
	within "usage of a slow-decay spinner after 5 s" 30 400 "$us"
	if [ "${uf:-0}" -gt "${us:-0}" ]; then
		pass "fast decay climbs quicker than slow ($uf > $us)"
	else
		fail "fast decay climbs quicker than slow" "fast $uf, slow $us"
	fi
	stop $fast $slow

	spawn nd sh -c "echo 1 >$D/nodecay; exec hpcproc spin"
	sleep 4
	within "usage of a nodecay spinner after 4 s" 400 1000 "$(proc_field $nd 5)"
	stop $nd

	rm -f /tmp/clear
	spawn clr sh -c "echo 1 >$D/fast
		while :; do
			[ -e /tmp/clear ] && echo 1 >$D/clear && rm /tmp/clear
		done"
	sleep 5
	u=$(proc_field $clr 5)
	within "usage of a spinning shell after 5 s" 150 1000 "$u"
	touch /tmp/clear
	wait_for 3 test ! -e /tmp/clear
	within "decay/clear drops the usage" 0 150 "$(proc_field $clr 5)"
	is "decay/clear keeps the class" fast "$(proc_field $clr 6)"
	stop $clr
	within "an idle shell's usage" 0 100 "$(proc_field $$ 5)"
}

table
cantmove
inheritance
usage
