# SPDX-License-Identifier: GPL-2.0
# The migration request queue: poll(2) and blocking reads wake on a migrate
# write, on expel and bring, and on a balancing decision once the fed node
# table shows an idle faster peer; the balancer is silent while stay, quiet
# or mospe 0; O_NONBLOCK gives EAGAIN; whole lines, one reader per request,
# at most one request per PID and 256 in all; rmmod with readers blocked.
. /tests/lib.sh

A=$HPC/admin
D=$HPC/decay
R=/tmp/req
mkdir -p $R

empty() {
	is "$1" EAGAIN "$(hpcreq -n)"
}

drain() {
	hpcreq -d
}

# reader VAR FILE ARGS...: starts hpcreq ARGS in the background, output to
# FILE; waits until it sleeps in the kernel.
reader() {
	local var=$1 out=$2 p
	shift 2
	hpcreq "$@" >"$out" 2>&1 &
	p=$!
	eval "$var=$p"
	wait_for 5 asleep_or_done $p
}

# asleep_or_done PID: sleeping, or finished already (what it waited for came
# first): waiting on would only make what follows late.
asleep_or_done() {
	sleeping "$1" || gone "$1"
}

sleeping() {
	[ "$(cut -d' ' -f3 /proc/$1/stat 2>/dev/null)" = S ]
}

setup() {
	hpcw $A/config "1 10.0.0.1 3" >/dev/null
	hpcw $A/mospe 1 >/dev/null
	sleep 600 &
	V1=$!
	sleep 600 &
	V2=$!
	sleep 600 &
	V3=$!
	wait_for 3 tracked $V3
}

basics() {
	empty "empty queue: O_NONBLOCK read gives EAGAIN"
	is "empty queue: poll times out" TIMEOUT "$(hpcreq -p 300)"
	writes "migrate refuses an untracked PID" $A/migrate "999999 2" ESRCH
	writes "migrate refuses an unmapped node" $A/migrate "$V1 9" ENOENT
	writes "migrate refuses node 0" $A/migrate "$V1 0" EINVAL
	writes "migrate refuses a missing target" $A/migrate "$V1" EINVAL
	writes "migrate refuses a word target" $A/migrate "$V1 two" EINVAL
	writes "migrate refuses a malformed PID" $A/migrate "x 2" EINVAL
	writes "migrate refuses a third field" $A/migrate "$V1 2 3" EINVAL
	writes "migrate balance with no better node" $A/migrate "$V1 balance" EAGAIN
	empty "refused writes queue nothing"
	hpcw $A/migrate "$V1 2" >/dev/null
	is "a buffer too short for a line" EINVAL "$(hpcreq -n -s 4)"
	is "... takes nothing" "$V1 2 user" "$(drain)"
	hpcw $A/lock "$V1 1" >/dev/null
	writes "migrate sends a locked process by hand" $A/migrate "$V1 3" OK
	is "... as a user request" "$V1 3 user" "$(drain)"
	hpcw $A/lock "$V1 0" >/dev/null
}

wakeups() {
	local r
	reader r $R/poll -p 15000
	check "poll sleeps on an empty queue" running $r
	writes "migrate to node 2" $A/migrate "$V1 2" OK
	check "poll wakes on a migrate write" wait_for 5 gone $r
	is "the request as read" "$V1 2 user" "$(cat $R/poll)"
	empty "a read request leaves the queue"

	writes "migrate home" $A/migrate "$V1 home" OK
	is "a request home" "$V1 home user" "$(drain)"

	hpcw $A/migrate "$V1 2" >/dev/null
	hpcw $A/migrate "$V1 3" >/dev/null
	is "a later request for the same PID replaces the queued one" \
		"$V1 3 user" "$(drain)"

	hpcw $A/migrate "$V1 2" >/dev/null
	hpcw $A/migrate "$V2 3" >/dev/null
	is "requests for two PIDs" "$V1 2 user
$V2 3 user" "$(drain | sort)"

	hpcw $A/migrate "$V1 2" >/dev/null
	hpcw $A/migrate "$V2 3" >/dev/null
	r=$(hpcreq -n -s 16)
	is "a short buffer gets one whole line" 1 "$(printf '%s\n' "$r" | wc -l)"
	like "... and it is one of the two" "^($V1 2|$V2 3) user$" "$r"
	r=$r$(printf '\n%s' "$(drain)")
	is "the other stays queued" "$V1 2 user
$V2 3 user" "$(printf '%s\n' "$r" | sort)"

	reader r $R/block
	check "a blocking read sleeps on an empty queue" running $r
	writes "migrate while a reader sleeps" $A/migrate "$V2 2" OK
	check "the blocking read wakes" wait_for 5 gone $r
	is "the blocking read gets the request" "$V2 2 user" "$(cat $R/block)"
}

one_reader() {
	local r1 r2 got
	reader r1 $R/one
	reader r2 $R/two
	hpcw $A/migrate "$V1 2" >/dev/null
	sleep 2
	got=$(cat $R/one $R/two)
	is "one request wakes one reader" "$V1 2 user" "$got"
	hpcw $A/migrate "$V2 3" >/dev/null
	wait_for 5 gone $r1
	wait_for 5 gone $r2
	is "the second request goes to the other reader" "$V1 2 user
$V2 3 user" "$(cat $R/one $R/two | sort)"
	stop $r1 $r2
}

expel_bring() {
	local r g=$V3
	hpcw $A/guests "add $g 2 4242" >/dev/null
	reader r $R/expel -p 15000
	writes "expel" $A/expel 1 OK
	check "poll wakes on expel" wait_for 5 gone $r
	is "an expel request home for the guest" "$g home expel" "$(cat $R/expel)"
	is "expel sets block" 1 "$(val $A/block)"
	empty "expel asks once per guest"
	hpcw $A/guests "del $g" >/dev/null
	hpcw $A/block 0 >/dev/null

	hpcw $A/where "$V2 3" >/dev/null
	reader r $R/bring -p 15000
	writes "bring" $A/bring 1 OK
	check "poll wakes on bring" wait_for 5 gone $r
	is "a bring request for the process away" "$V2 home bring" "$(cat $R/bring)"
	is "bring sets lstay" 1 "$(val $A/lstay)"
	empty "bring asks only for processes away"
	hpcw $A/where "$V2 0" >/dev/null
	hpcw $A/lstay 0 >/dev/null
}

feed_idle_peers() {
	hpcw $A/loads "2 3 0 20000 2 200000 200000 250000 0
3 3 0 20000 2 200000 200000 250000 0" >/dev/null
}

# stamp: prefixes each line of its input with the uptime.
stamp() {
	local up line
	while IFS= read -r line; do
		read -r up _ </proc/uptime
		echo "$up $line"
	done
}

# quiet_for NAME SECONDS: the balancer queues nothing in that time.
quiet_for() {
	drain >/dev/null
	feed_idle_peers
	sleep "$2"
	empty "$1"
}

# CPUS + 2 fast-decaying spinners overload this node while two idle peers
# twice as fast wait. One spinner is a guest from node 2: it goes home.
balancing() {
	local i=0 spin= r guest
	while [ $i -le "$(nproc)" ]; do
		sh -c "echo 1 >$D/fast; exec hpcproc spin" >/dev/null &
		spin="$spin $!"
		i=$((i + 1))
	done
	sh -c "echo 1 >$D/fast; exec hpcproc spin" >/dev/null &
	guest=$!
	wait_for 3 tracked $guest
	hpcw $A/guests "add $guest 2 777" >/dev/null
	hpcw $A/stay 1 >/dev/null
	quiet_for "nothing queued while stay is set" 6
	set -- $spin
	writes "migrate balance refused while stay is set" $A/migrate "$1 balance" EAGAIN
	hpcw $A/stay 0 >/dev/null
	hpcw $A/quiet 1 >/dev/null
	quiet_for "nothing queued while quiet is set" 3
	hpcw $A/quiet 0 >/dev/null
	hpcw $A/mospe 0 >/dev/null
	quiet_for "nothing queued while mospe is 0" 3
	hpcw $A/mospe 1 >/dev/null
	drain >/dev/null
	feed_idle_peers
	reader r $R/first -p 15000
	check "poll wakes on a balancing decision" wait_for 15 gone $r
	stamp <$R/first >$R/balance
	like "a balance request for a spinner to an idle peer" \
		"^(($(echo $spin | tr ' ' '|')) (2|3)|$guest home) balance$" \
		"$(head -n 1 $R/first)"
	note "balancer: $(tr '\n' ',' <$R/first) load $(val $HPC/info/load)"
	i=0
	while [ $i -lt 16 ]; do
		feed_idle_peers
		drain | stamp >>$R/balance
		sleep 0.5
		i=$((i + 1))
	done
	note "balancer, then (uptime request): $(tr '\n' ',' <$R/balance)"
	# A request is seen up to one drain (under TCG on a busy host, up to
	# 2 s) after it was made: asks 8 s apart may be 10 s apart.
	is "no process asked again within 10 s" "" "$(awk '
		{ if ($2 in last && $1 - last[$2] < 8) print $2; last[$2] = $1 }' $R/balance)"
	is "the guest is sent home" "$guest home balance" \
		"$(awk -v g=$guest '$2 == g { print $2, $3, $4; exit }' $R/balance)"
	unlike "... and never elsewhere" "^$guest [0-9]" "$(cut -d' ' -f2- $R/balance)"
	set -- $spin
	drain >/dev/null
	writes "migrate balance with idle faster peers" $A/migrate "$1 balance" OK
	like "... queues a user request to one of them" "^$1 (2|3) user$" \
		"$(drain | grep "^$1 ")"
	hpcw $A/stay 1 >/dev/null
	stop $spin $guest
	drain >/dev/null
}

full_queue() {
	local i=0 p pids= refused=0
	while [ $i -lt 257 ]; do
		sleep 600 &
		pids="$pids $!"
		i=$((i + 1))
	done
	wait_for 5 tracked $!
	set -- $pids
	while [ $# -gt 1 ]; do
		echo "$1 2" >$A/migrate 2>/dev/null || refused=$((refused + 1))
		shift
	done
	is "the queue takes 256 requests" 0 "$refused"
	writes "a full queue refuses migrate" $A/migrate "$1 2" EBUSY
	hpcw $A/guests "add $1 2 99" >/dev/null
	writes "a full queue refuses expel" $A/expel 1 EBUSY
	is "a refused expel leaves block alone" 0 "$(val $A/block)"
	hpcw $A/guests "del $1" >/dev/null
	is "the queue holds 256 requests" 256 "$(drain | wc -l)"
	writes "a drained queue takes requests again" $A/migrate "$1 2" OK
	drain >/dev/null
	stop $pids
}

# The blocked reader reads twice: at the unload (end of file), then 5 s
# later, with the file gone (EIO). The poller sees POLLHUP.
rmmod_readers() {
	local r1 r2 t0 rc
	reader r1 $R/rm-read -c 2 -i 5000
	reader r2 $R/rm-poll -v -p 60000
	t0=$(cut -d. -f1 /proc/uptime)
	timeout -s KILL 30 rmmod hpc
	rc=$?
	is "rmmod with a blocked reader and a poller" 0 "$rc"
	within "rmmod did not wait for the readers (s)" 0 5 \
		$(($(cut -d. -f1 /proc/uptime) - t0))
	check "the poller returns" wait_for 5 gone $r2
	check "the blocked reader returns" wait_for 10 gone $r1
	is "the blocked reader: end of file, then EIO" "EOF
EIO" "$(cat $R/rm-read)"
	like "the poller: POLLHUP" '^[A-Z|]*POLLHUP' "$(head -n 1 $R/rm-poll)"
	note "poller after rmmod: $(tr '\n' ' ' <$R/rm-poll)"
	check "insmod after that" insmod /hpc.ko
	empty "the new queue is empty"
}

setup
basics
wakeups
one_reader
expel_bring
balancing
full_queue
rmmod_readers
