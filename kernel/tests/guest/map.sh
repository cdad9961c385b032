# SPDX-License-Identifier: GPL-2.0
# The node map and the files the agent feeds: config and mospe with the
# nodes/ tree they make, every map error (refused, old map kept, the line
# named in the kernel log), peers' load records, guests, where and lock.
. /tests/lib.sh

A=$HPC/admin
MAP="# test cluster
1 192.168.1.1 4

4 10.0.0.4 ALIAS # node 4 also answers here
10 fd00::a 1"
CANON="1 192.168.1.1 4
4 10.0.0.4 ALIAS
10 fd00::a 1"
NODE_FILES="cpus load mem rmem speed status tmem util"

# bad_map NAME TEXT LINE: refused with EINVAL, the map kept, and the log
# names LINE.
bad_map() {
	local before logged got
	before=$(val $A/config)
	logged=$(dmesg | grep -c 'hpc: config line')
	got=$(hpcw $A/config "$2")
	if [ "$got" != EINVAL ]; then
		fail "config refuses $1" "expected EINVAL got $got"
		return
	fi
	is "config refuses $1: map kept" "$before" "$(val $A/config)"
	is "config refuses $1: one log line" $((logged + 1)) \
		"$(dmesg | grep -c 'hpc: config line')"
	like "config refuses $1: log names line $3" "hpc: config line $3: " \
		"$(dmesg | grep 'hpc: config line' | tail -n 1)"
}

lines() {
	local i=0
	while [ $i -lt "$1" ]; do
		echo "$((i + 1)) 10.$((i / 250)).$((i % 250)).1 1"
		i=$((i + 1))
	done
}

map_basics() {
	local n f
	is "config empty at first" "" "$(val $A/config)"
	rejects $A/mospe 1 EINVAL
	writes "config takes a map" $A/config "$MAP" OK
	is "config reads back canonical" "$CANON" "$(val $A/config)"
	writes "config takes its canonical form back" $A/config "$CANON" OK
	is "canonical form is a fixed point" "$CANON" "$(val $A/config)"
	is "nodes/ has a directory per ID" "1 10 2 3 4" \
		"$(ls $HPC/nodes | sort | tr '\n' ' ' | sed 's/ $//')"
	for f in $NODE_FILES; do
		check "nodes/3/$f exists" test -f $HPC/nodes/3/$f
	done
	accepts $A/mospe 2
	rejects $A/mospe 5 EINVAL
	rejects $A/mospe 65536 EINVAL
	rejects $A/mospe -2 EINVAL
	is "status: configured and up with mospe set" 3 \
		"$(masked "$(val $HPC/info/status)" 3)"
	for f in cpus speed tmem; do
		is "nodes/2/$f is this node's info/$f" "$(val $HPC/info/$f)" \
			"$(val $HPC/nodes/2/$f)"
	done
	for f in load cpus speed mem; do
		is "nodes/3/$f before any record: never heard (-101)" -101 \
			"$(val $HPC/nodes/3/$f)"
	done
	is "nodes/3 never heard: configured alone" 1 "$(val $HPC/nodes/3/status)"
}

map_errors() {
	bad_map "ID 0" "1 10.0.0.1 1
0 10.0.0.9 1" 2
	is "ID 0: log says why" "hpc: config line 2: ID not a number in 1..65535" \
		"$(dmesg | grep -o 'hpc: config line.*' | tail -n 1)"
	bad_map "ID 65536" "65536 10.0.0.1 1" 1
	bad_map "a range past 65535" "# c
65535 10.0.0.1 2" 2
	bad_map "an address range past its end" "1 255.255.255.255 2" 1
	bad_map "an IPv6 range past its end" "1 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 2" 1
	bad_map "an ID mapped twice" "1 10.0.0.1 3
3 10.0.1.1 1" 2
	bad_map "an address mapped twice" "1 10.0.0.1 1
2 10.0.0.1 1" 2
	bad_map "an address range overlapping another" "1 10.0.0.1 4
9 10.0.0.3 1" 2
	bad_map "an ALIAS for an unmapped ID" "1 10.0.0.1 1
7 10.0.0.7 ALIAS" 2
	bad_map "an ALIAS before its ID is mapped" "7 10.0.0.7 ALIAS
7 10.0.0.8 1" 1
	bad_map "a hostname" "1 node1.example.org 1" 1
	bad_map "a bad IPv4 address" "1 10.0.0.256 1" 1
	bad_map "two fields" "1 10.0.0.1" 1
	bad_map "four fields" "1 10.0.0.1 1 1" 1
	bad_map "count 0" "1 10.0.0.1 0" 1
	bad_map "count not a number" "1 10.0.0.1 many" 1
	bad_map "1025 IDs" "1 10.0.0.1 1025" 1
	bad_map "257 mapping lines" "$(lines 257)" 257
	writes "config takes 256 mapping lines" $A/config "$(lines 256)" OK
	is "256 lines make 256 nodes" 256 "$(ls $HPC/nodes | wc -l)"
	writes "config takes 1024 IDs" $A/config "1 10.0.0.1 1024" OK
	is "1024 IDs make 1024 nodes" 1024 "$(ls $HPC/nodes | wc -l)"
	writes "config refuses more than 64 KiB" $A/config \
		"$(awk 'BEGIN { for (i = 0; i < 1700; i++) printf "# %037d\n", i }')
1 10.0.0.1 1" EINVAL
	writes "config back to the test map" $A/config "$MAP" OK
	accepts $A/mospe 2
}

map_changes() {
	writes "config takes a map without this node's ID" $A/config "1 10.0.0.1 1
3 10.0.0.3 1" OK
	is "mospe falls to 0 when its ID leaves the map" 0 "$(val $A/mospe)"
	is "status: neither configured nor up with mospe 0" 0 \
		"$(masked "$(val $HPC/info/status)" 3)"
	is "nodes/ follows the new map" "1 3" \
		"$(ls $HPC/nodes | sort -n | tr '\n' ' ' | sed 's/ $//')"
	writes "config takes IPv6 with carry" $A/config "20 fd00::ff 2
22 10.1.0.255 2" OK
	is "IPv6 map reads back" "20 fd00::ff 2
22 10.1.0.255 2" "$(val $A/config)"
	writes "config cleared by comments only" $A/config "# nothing" OK
	is "cleared map reads empty" "" "$(val $A/config)"
	is "cleared map: nodes/ empty" "" "$(ls $HPC/nodes)"
	writes "config takes an empty map" $A/config "" OK
	writes "config back to the test map" $A/config "$MAP" OK
	accepts $A/mospe 1
}

peer_loads() {
	local L=$A/loads
	writes "loads takes a record" $L "2 3 50 20000 4 1000 900 2000 75" OK
	is "nodes/2/load from the record" 50 "$(val $HPC/nodes/2/load)"
	is "nodes/2/speed from the record" 20000 "$(val $HPC/nodes/2/speed)"
	is "nodes/2/cpus from the record" 4 "$(val $HPC/nodes/2/cpus)"
	is "nodes/2/mem from the record" 1000 "$(val $HPC/nodes/2/mem)"
	is "nodes/2/rmem from the record" 900 "$(val $HPC/nodes/2/rmem)"
	is "nodes/2/tmem from the record" 2000 "$(val $HPC/nodes/2/tmem)"
	is "nodes/2/util from the record" 75 "$(val $HPC/nodes/2/util)"
	is "nodes/2/status: configured and up" 3 "$(val $HPC/nodes/2/status)"
	writes "loads takes several records, blank lines between" $L "2 3 60 20000 4 1000 900 2000 75

3 39 70 10000 1 500 400 1000 10
" OK
	is "first of several applied" 60 "$(val $HPC/nodes/2/load)"
	is "second of several applied" 70 "$(val $HPC/nodes/3/load)"
	is "a peer's status bits from its record" 39 "$(val $HPC/nodes/3/status)"
	writes "loads takes an unreachable node" $L "3 -101" OK
	is "unreachable node's load reads -101" -101 "$(val $HPC/nodes/3/load)"
	is "unreachable node's cpus reads -101" -101 "$(val $HPC/nodes/3/cpus)"
	is "unreachable node: configured alone" 1 "$(val $HPC/nodes/3/status)"
	writes "loads takes another errno" $L "3 -113" OK
	is "values read that errno" -113 "$(val $HPC/nodes/3/mem)"
	writes "loads takes a record for this node" $L "1 3 77 20000 4 1000 900 2000 75" OK
	is "nodes/<own ID> keeps the local speed" "$(val $HPC/info/speed)" \
		"$(val $HPC/nodes/1/speed)"
	is "nodes/<own ID> keeps the local cpus" "$(val $HPC/info/cpus)" \
		"$(val $HPC/nodes/1/cpus)"
	writes "loads refuses an unmapped ID" $L "9 3 10 10000 1 1 1 1 1" ENOENT
	writes "loads refuses all when one ID is unmapped" $L "2 3 80 20000 4 1000 900 2000 75
9 3 10 10000 1 1 1 1 1" ENOENT
	is "nothing applied from a refused write" 60 "$(val $HPC/nodes/2/load)"
	writes "loads refuses all when one line is malformed" $L "2 3 80 20000 4 1000 900 2000 75
3 3 x 10000 1 1 1 1 1" EINVAL
	is "nothing applied from a malformed write" 60 "$(val $HPC/nodes/2/load)"
	writes "loads refuses a write without records" $L "" EINVAL
	writes "loads refuses a short record" $L "2 3 50" EINVAL
	writes "loads refuses status 64" $L "2 64 50 20000 4 1000 900 2000 75" EINVAL
	writes "loads refuses speed 0" $L "2 3 50 0 4 1000 900 2000 75" EINVAL
	writes "loads refuses cpus 0" $L "2 3 50 20000 0 1000 900 2000 75" EINVAL
	writes "loads refuses util 101" $L "2 3 50 20000 4 1000 900 2000 101" EINVAL
	writes "loads refuses ten fields" $L "2 3 50 20000 4 1000 900 2000 75 1" EINVAL
	writes "loads refuses ID 0" $L "0 3 50 20000 4 1000 900 2000 75" EINVAL
	writes "loads refuses a signed load" $L "2 3 +50 20000 4 1000 900 2000 75" EINVAL
	is "refused records change nothing" 60 "$(val $HPC/nodes/2/load)"
}

no_guests() {
	[ -z "$(ls $HPC/remote)" ]
}

guests() {
	local g n G=$A/guests
	sleep 600 &
	g=$!
	nocap -u 65534 sleep 600 &
	n=$!
	wait_for 3 tracked $n
	writes "guests add" $G "add $g 2 4242" OK
	check "remote/$g/ appears" test -d $HPC/remote/$g
	is "remote/$g/from" "2 192.168.1.2" "$(val $HPC/remote/$g/from)"
	is "remote/$g/identity" "4242 0 sleep" "$(val $HPC/remote/$g/identity)"
	is "remote/$g/statm as /proc/PID/statm" "$(cat /proc/$g/statm)" \
		"$(val $HPC/remote/$g/statm)"
	like "remote/$g/stats" '^[0-9]+ [0-9]+ [0-9]+$' "$(val $HPC/remote/$g/stats)"
	writes "guests add an unprivileged process" $G "add $n 3 4343" OK
	is "remote/$n/identity has its uid" "4343 65534 sleep" \
		"$(val $HPC/remote/$n/identity)"
	writes "guests refuses a guest twice" $G "add $g 3 1" EEXIST
	writes "guests refuses an unmapped home" $G "add $$ 9 1" ENOENT
	writes "guests refuses this node as home" $G "add $$ 1 1" EINVAL
	writes "guests refuses an unknown PID" $G "add 999999 2 1" ESRCH
	writes "guests refuses a missing field" $G "add $$ 2" EINVAL
	writes "guests refuses an unknown verb" $G "move $g" EINVAL
	writes "guests del refuses a non-guest" $G "del $$" ESRCH
	writes "config without the guest's home" $A/config "1 192.168.1.1 1
3 192.168.1.3 2" OK
	is "remote/$g/from without its home in the map" "2 -" "$(val $HPC/remote/$g/from)"
	writes "config back to the test map" $A/config "$MAP" OK
	writes "guests del" $G "del $g" OK
	check "remote/$g/ goes with del" test ! -e $HPC/remote/$g
	writes "guests add again" $G "add $g 3 4243" OK
	stop $g $n
	check "remote/ empties when the guests exit" wait_for 3 no_guests
}

where_lock() {
	local p m
	sleep 600 &
	p=$!
	wait_for 3 tracked $p
	is "procs: new process runs here" "0 0 0" \
		"$(proc_field $p 2) $(proc_field $p 3) $(proc_field $p 4)"
	writes "where: process went to node 3" $A/where "$p 3" OK
	is "procs: WHERE 3, one migration" "3 1" "$(proc_field $p 2) $(proc_field $p 4)"
	writes "where: same node again" $A/where "$p 3" OK
	is "procs: no change, no migration" "3 1" "$(proc_field $p 2) $(proc_field $p 4)"
	writes "where: back home by this node's ID" $A/where "$p 1" OK
	is "procs: WHERE 0, two migrations" "0 2" "$(proc_field $p 2) $(proc_field $p 4)"
	writes "where: node 4" $A/where "$p 4" OK
	writes "where: 0 is home" $A/where "$p 0" OK
	is "procs: WHERE 0, four migrations" "0 4" "$(proc_field $p 2) $(proc_field $p 4)"
	writes "where refuses an unmapped node" $A/where "$p 9" ENOENT
	writes "where refuses an unknown PID" $A/where "999999 3" ESRCH
	writes "where refuses a malformed line" $A/where "$p" EINVAL
	writes "lock 1" $A/lock "$p 1" OK
	is "procs: LOCK 1" 1 "$(proc_field $p 3)"
	like "procs: CANTMOVE says user_lock" user_lock "$(proc_field $p 8)"
	writes "lock 0" $A/lock "$p 0" OK
	is "procs: LOCK 0" 0 "$(proc_field $p 3)"
	unlike "procs: CANTMOVE without user_lock" user_lock "$(proc_field $p 8)"
	writes "lock refuses 2" $A/lock "$p 2" EINVAL
	writes "lock refuses an unknown PID" $A/lock "999999 1" ESRCH
	writes "lock refuses a malformed PID" $A/lock "x 1" EINVAL

	writes "where: process away on node 4" $A/where "$p 4" OK
	stop $p
	sleep 2
	is "an away entry stays after its local process exits" 4 "$(proc_field $p 2)"
	writes "where: PID exited" $A/where "$p exited" OK
	check "procs: entry gone after 'exited'" untracked $p

	# A process coming home is restored by criu under its PID before the
	# agent writes where PID 0: the fork that takes an away PID leaves the
	# record alone. ns_last_pid makes the next fork take it.
	sleep 600 &
	p=$!
	wait_for 3 tracked $p
	hpcw $A/where "$p 4" >/dev/null
	hpcw $A/lock "$p 1" >/dev/null
	stop $p
	echo $((p - 1)) >/proc/sys/kernel/ns_last_pid
	sleep 600 &
	q=$!
	is "a fork takes the PID of an away process" "$p" "$q"
	sleep 2
	is "... the away record keeps it: WHERE 4, LOCK 1, one migration" "4 1 1" \
		"$(proc_field $p 2) $(proc_field $p 3) $(proc_field $p 4)"
	writes "where: home, the record is the process's under its PID" $A/where "$p 0" OK
	is "procs: WHERE 0, LOCK 1, two migrations" "0 1 2" \
		"$(proc_field $p 2) $(proc_field $p 3) $(proc_field $p 4)"
	stop $q
	check "procs: a home entry goes with its process" wait_for 3 untracked $p

	sleep 600 &
	p=$!
	wait_for 3 tracked $p
	hpcw $A/where "$p 3" >/dev/null
	stop $p
	writes "where: the agent brings an exited process home" $A/where "$p 0" OK
	check "a home entry without its process goes within a second" wait_for 3 untracked $p

	hpcproc mlock >/dev/null &
	m=$!
	wait_for 3 tracked $m
	hpcw $A/where "$m 3" >/dev/null
	is "an away process shows no reasons" - "$(proc_field $m 8)"
	hpcw $A/lock "$m 1" >/dev/null
	is "... but user_lock" user_lock "$(proc_field $m 8)"
	stop $m
	is "procs sorted by PID" "" \
		"$(awk 'NR > 2 && $1 <= last { print } NR > 1 { last = $1 }' $HPC/procs)"
}

map_basics
map_errors
map_changes
peer_loads
guests
where_lock
