# SPDX-License-Identifier: GPL-2.0
# 30 s of everything at once: tunables, maps (so nodes/ directories come and
# go under readers), peer records, guests, where, lock, migrate requests,
# blocking and draining queue readers, readers of every file, processes
# forking and exiting, a spinner. Afterwards every file must still read and
# the queue still work; the kernel log is checked by /init.
. /tests/lib.sh

A=$HPC/admin
D=$HPC/decay
S=/tmp/stress
SECONDS_RUN=30
MAP_A="1 10.0.0.1 8"
MAP_B="1 10.0.0.1 4
6 10.0.1.6 4"
mkdir -p $S
rm -f $S/stop

# worker NAME BODY: runs the shell code BODY in a loop in the background
# until told to stop, counting rounds in $S/NAME.
worker() {
	local name=$1 body=$2
	(
		n=0
		while [ ! -e $S/stop ]; do
			eval "$body"
			n=$((n + 1))
			echo $n >$S/$name.count
		done
	) >/dev/null 2>&1 &
	WORKERS="$WORKERS $!"
}

victims() {
	local i=0
	while [ $i -lt 8 ]; do
		sleep 600 &
		VICTIMS="$VICTIMS $!"
		i=$((i + 1))
	done
}

start() {
	hpcw $A/config "$MAP_A" >/dev/null
	hpcw $A/mospe 1 >/dev/null
	victims
	hpcproc spin >/dev/null &
	SPIN=$!
	worker tunables '
		for v in 5000 20000 10000; do echo $v >'$A'/speed; done
		echo 20000 >'$A'/sspeed; echo 10000 >'$A'/sspeed
		echo "2000 20 60 200" >'$A'/overheads
		echo "1300 10 50 100" >'$A'/overheads
		echo "1300 10 50" >'$A'/overheads
		echo 2 >'$A'/decayinterval; echo 1 >'$A'/decayinterval
		echo 900 >'$A'/fastdecay; echo 990 >'$A'/slowdecay
		echo 975 >'$A'/slowdecay; echo 926 >'$A'/fastdecay
		echo 1001 >'$A'/slowdecay
		for f in stay lstay block quiet; do
			echo 1 >'$A'/$f; echo 0 >'$A'/$f; echo 2 >'$A'/$f
		done'
	worker maps '
		echo "$MAP_B" >'$A'/config; echo 1 >'$A'/mospe
		echo "0 10.0.0.1 1" >'$A'/config
		echo "$MAP_A" >'$A'/config; echo 1 >'$A'/mospe'
	worker loads '
		for id in 2 3 4 5 6 7 8; do
			echo "$id 3 $((id * 10)) 20000 2 1000 900 2000 10" >'$A'/loads
		done
		echo "7 -101" >'$A'/loads
		echo "2 3 50" >'$A'/loads'
	worker agent '
		for p in '"$VICTIMS"'; do
			echo "$p 2" >'$A'/migrate
			echo "$p 3" >'$A'/where; echo "$p 0" >'$A'/where
			echo "$p 1" >'$A'/lock; echo "$p 0" >'$A'/lock
		done
		set -- '"$VICTIMS"'
		echo "add $1 2 1001" >'$A'/guests; echo "add $2 3 1002" >'$A'/guests
		cat '$HPC'/remote/*/* >/dev/null
		echo "del $1" >'$A'/guests; echo "del $2" >'$A'/guests
		echo "$3 balance" >'$A'/migrate'
	worker expel '
		echo 1 >'$A'/expel; echo 1 >'$A'/bring; sleep 1'
	worker blockread 'timeout -s KILL 5 hpcreq'
	worker drain 'hpcreq -d; hpcreq -n -s 16; hpcreq -p 100'
	worker readall 'find '$HPC' -type f -perm -0004 -exec cat {} +'
	worker readnodes 'cat '$HPC'/nodes/*/* '$HPC'/procs '$HPC'/admin/config'
	worker forks '
		sh -c "echo 1 >'$D'/fast; echo 1 >'$D'/cpujob; true" &
		sh -c "echo 1 >'$D'/nodecay; echo 1 >'$D'/clear; sleep 0" &
		nocap -u 65534 sh -c "echo 1 >'$D'/iojob" &
		wait'
}

workers_done() {
	local w
	for w in $WORKERS; do
		running $w && return 1
	done
	return 0
}

finish() {
	local w bad
	touch $S/stop
	# Each worker ends its round first; the blocking reader's is at most 5 s.
	check "workers stop" wait_for 15 workers_done
	stop $WORKERS
	killall -KILL hpcreq 2>/dev/null
	for w in tunables maps loads agent expel blockread drain readall readnodes forks; do
		within "worker $w made progress" 3 1000000 "$(cat $S/$w.count 2>/dev/null || echo 0)"
	done
	note "rounds: $(for w in $S/*.count; do echo -n "$(basename $w .count)=$(cat $w) "; done)"
	bad=$(find $HPC -type f -perm -0004 | while read -r f; do
		cat "$f" >/dev/null 2>&1 || echo "$f"
	done)
	is "every readable file still reads" "" "$bad"
	for w in stay lstay block quiet; do
		hpcw $A/$w 0 >/dev/null
	done
	within "speed sane" 1 1000000 "$(val $A/speed)"
	like "overheads sane" '^[0-9]+ [0-9]+ [0-9]+ [0-9]+$' "$(val $A/overheads)"
	like "config is one of the maps" "^(1 10.0.0.1 8|1 10.0.0.1 4)" "$(val $A/config)"
	is "procs: every line has 8 fields" "" "$(awk 'NR > 1 && NF != 8' $HPC/procs)"
	writes "config after the storm" $A/config "$MAP_A" OK
	writes "mospe after the storm" $A/mospe 1 OK
	is "nodes/ after the storm" 8 "$(ls $HPC/nodes | wc -l)"
	hpcw $A/stay 1 >/dev/null
	hpcreq -d >/dev/null
	set -- $VICTIMS
	writes "migrate after the storm" $A/migrate "$1 2" OK
	is "the queue after the storm" "$1 2 user" "$(hpcreq -n)"
	stop $SPIN $VICTIMS
}

start
sleep $SECONDS_RUN
finish
