# SPDX-License-Identifier: GPL-2.0
# Test library of the qemu guest (busybox sh). Assertions print TAP-like lines,
# "ok N - name" or "not ok N - name: expected X got Y", and tap_summary ends
# the run with "# summary: ...". The counters live in files so that /init, the
# test script it runs and their subshells all number one sequence.

HPC=/proc/hpc
TAP_DIR=/tmp/tap

tap_init() {
	mkdir -p "$TAP_DIR"
	echo 0 >"$TAP_DIR/n"
	echo 0 >"$TAP_DIR/failed"
	echo 0 >"$TAP_DIR/skipped"
}

# Assertions run hundreds of times under TCG, where every fork is slow: the
# helpers below use builtins only and hand results back in variables.

# _tap_bump COUNTER: increments it; the new value is left in TAP_NUM.
_tap_bump() {
	read -r TAP_NUM <"$TAP_DIR/$1"
	TAP_NUM=$((TAP_NUM + 1))
	echo "$TAP_NUM" >"$TAP_DIR/$1"
}

NL='
'

# _tap_line TEXT: prints TEXT as one line, newlines shown as \n.
_tap_line() {
	case $1 in
	*"$NL"*) printf '%s\n' "$1" | awk 'NR > 1 { printf "\\n" } { printf "%s", $0 } END { print "" }' ;;
	*) echo "$1" ;;
	esac
}

note() {
	echo "# $*"
}

pass() {
	_tap_bump n
	_tap_line "ok $TAP_NUM - $1"
}

# fail NAME DETAIL
fail() {
	_tap_bump failed
	_tap_bump n
	_tap_line "not ok $TAP_NUM - $1${2:+: $2}"
}

# skip NAME REASON: the check cannot be made here; says why.
skip() {
	_tap_bump skipped
	_tap_bump n
	_tap_line "ok $TAP_NUM - $1 # SKIP $2"
}

# is NAME EXPECTED GOT
is() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "expected '$2' got '$3'"
	fi
}

# like NAME ERE GOT: GOT matches the extended regular expression.
like() {
	if printf '%s\n' "$3" | grep -Eq -- "$2"; then
		pass "$1"
	else
		fail "$1" "expected to match /$2/ got '$3'"
	fi
}

# unlike NAME ERE GOT
unlike() {
	if printf '%s\n' "$3" | grep -Eq -- "$2"; then
		fail "$1" "expected no match of /$2/ got '$3'"
	else
		pass "$1"
	fi
}

# within NAME LO HI GOT: LO <= GOT <= HI, integers.
within() {
	case $4 in
	'' | *[!0-9-]*)
		fail "$1" "expected $2..$3 got '$4'"
		return
		;;
	esac
	if [ "$4" -ge "$2" ] && [ "$4" -le "$3" ]; then
		pass "$1"
	else
		fail "$1" "expected $2..$3 got '$4'"
	fi
}

# check NAME CMD...: CMD exits 0.
check() {
	local name=$1
	shift
	if "$@"; then
		pass "$name"
	else
		fail "$name" "'$*' failed with $?"
	fi
}

# val FILE: the file's content without the trailing newline.
val() {
	cat "$1" 2>/dev/null || echo "<unreadable>"
}

# read_value FILE: the same into VAL, without forking.
read_value() {
	local line
	VAL=
	{
		while IFS= read -r line || [ -n "$line" ]; do
			VAL="$VAL${VAL:+$NL}$line"
			line=
		done
	} <"$1" 2>/dev/null || VAL="<unreadable>"
}

# writes NAME FILE TEXT RESULT: one write(2) of TEXT ends in RESULT (OK or
# an errno name such as EINVAL).
writes() {
	is "$1" "$4" "$(hpcw "$2" "$3")"
}

# accepts FILE TEXT [READBACK]: the write succeeds and the file then reads
# READBACK (default TEXT).
accepts() {
	local got
	got=$(hpcw "$1" "$2")
	if [ "$got" != OK ]; then
		fail "${1#$HPC/} accepts '$2'" "expected OK got $got"
		return
	fi
	read_value "$1"
	is "${1#$HPC/} accepts '$2'" "${3-$2}" "$VAL"
}

# rejects FILE TEXT ERR: the write fails with ERR and the value stays.
rejects() {
	local before got after
	read_value "$1"
	before=$VAL
	got=$(hpcw "$1" "$2")
	read_value "$1"
	after=$VAL
	if [ "$got" != "$3" ]; then
		fail "${1#$HPC/} rejects '$2'" "expected $3 got $got"
	elif [ "$before" != "$after" ]; then
		fail "${1#$HPC/} rejects '$2'" "value changed from '$before' to '$after'"
	else
		pass "${1#$HPC/} rejects '$2' with $3"
	fi
}

# wait_for SECONDS CMD...: polls CMD every 0.2 s until it succeeds; fails
# (returns 1) when SECONDS pass first.
wait_for() {
	local tries=$(($1 * 5))
	shift
	while ! "$@"; do
		tries=$((tries - 1))
		[ "$tries" -gt 0 ] || return 1
		sleep 0.2
	done
}

# running PID: the process exists and is not a zombie.
running() {
	local state
	[ -r "/proc/$1/stat" ] || return 1
	state=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)
	[ -n "$state" ] && [ "$state" != Z ]
}

# gone PID
gone() {
	! running "$1"
}

# proc_field PID COLUMN: column COLUMN (1-based, PID first) of PID's line in
# /proc/hpc/procs, empty when it has none.
proc_field() {
	awk -v p="$1" -v c="$2" '$1 == p { print $c; exit }' "$HPC/procs"
}

# tracked PID: /proc/hpc/procs has a line for PID.
tracked() {
	[ -n "$(proc_field "$1" 1)" ]
}

# untracked PID: /proc/hpc/procs has no line for PID.
untracked() {
	[ -z "$(proc_field "$1" 1)" ]
}

# masked VALUE MASK: VALUE & MASK, or "?" when VALUE is no number.
masked() {
	case $1 in
	'' | *[!0-9]*) echo "?" ;;
	*) echo $(($1 & $2)) ;;
	esac
}

# stop PID...: kills and reaps background jobs.
stop() {
	kill -KILL "$@" 2>/dev/null
	wait "$@" 2>/dev/null
	return 0
}

tap_summary() {
	local n f s
	read -r n <"$TAP_DIR/n"
	read -r f <"$TAP_DIR/failed"
	read -r s <"$TAP_DIR/skipped"
	echo "# summary: $n tests, $f failed, $s skipped"
}
