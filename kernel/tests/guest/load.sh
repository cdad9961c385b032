# SPDX-License-Identifier: GPL-2.0
# The load estimate against kernel/core/include/hpc/load.h: with CPU-bound
# processes running, the export load (sent to peers) rises at once and the
# mean load (used here) slowly; when they stop, the mean drops at once and the
# export decays slowly, by 7/8 a second. Load is normalised by speed against
# the yardstick and by CPU count. A peer record goes stale after 60 s.
. /tests/lib.sh

A=$HPC/admin
CPUS=$(nproc)
SPIN=

# The shell that samples must not itself look like load: it runs at the
# highest priority, so spinners do not keep it waiting on a run queue, and
# samples with builtins only, so it forks just for sleep.
renice -n -20 -p $$ >/dev/null

now_cs() {
	local up
	read -r up _ </proc/uptime
	echo "${up%.*}${up#*.}"
}

# record FILE SECONDS T0: samples "CENTISECONDS MEAN EXPORT" every 0.5 s,
# time counted from T0 (centiseconds of uptime).
record() {
	local file=$1 n=$(($2 * 2)) t0=$3 t up mean export
	: >"$file"
	while [ $n -gt 0 ]; do
		read -r up _ </proc/uptime
		read -r mean <$HPC/info/load
		read -r export <$HPC/info/exportload
		t=${up%.*}${up#*.}
		echo "$((t - t0)) $mean $export" >>"$file"
		sleep 0.5
		n=$((n - 1))
	done
}

# first FILE AWK-CONDITION: "T MEAN EXPORT" of the first sample meeting it.
first() {
	awk "$2 { print; found = 1; exit } END { if (!found) print \"none\" }" "$1"
}

spin() {
	local i=0
	while [ $i -lt "$1" ]; do
		hpcproc spin >/dev/null &
		SPIN="$SPIN $!"
		renice -n 39 -p $! >/dev/null
		i=$((i + 1))
	done
}

# settled SECONDS: waits, looking once a second, until the node is idle.
settled() {
	local n=$1 mean export
	while [ $n -gt 0 ]; do
		sleep 1
		read -r mean <$HPC/info/load
		read -r export <$HPC/info/exportload
		[ "$mean" -le 25 ] && [ "$export" -le 25 ] && return 0
		n=$((n - 1))
	done
	note "not idle: mean $mean export $export"
	return 1
}

setup() {
	hpcw $A/config "1 10.0.0.1 2" >/dev/null
	hpcw $A/mospe 1 >/dev/null
	# No balancing: the spinners are to stay and nobody reads the queue.
	hpcw $A/stay 1 >/dev/null
	writes "peer record fed" $A/loads "2 3 40 10000 1 1000 1000 2000 10" OK
	FED=$(now_cs)
	check "idle load before the test" settled 30
}

# One standard CPU fully busy is 100; CPUS spinners on CPUS CPUs make 100.
# Export follows the new value at once, mean by 3/8 of the step a second.
rise() {
	local s t0 te
	t0=$(now_cs)
	spin "$CPUS"
	record /tmp/rise 10 $t0
	note "rising (t/cs mean export): $(tr '\n' ',' </tmp/rise)"
	s=$(first /tmp/rise '$3 >= 80')
	if [ "$s" = none ]; then
		fail "export rises to 80 within 10 s" "never did"
		return
	fi
	set -- $s
	te=$1
	within "export reaches 80 within 3 s (rises at once)" 0 300 "$1"
	within "mean lags well behind when export reaches 80" 0 $(($3 - 30)) "$2"
	s=$(first /tmp/rise '$2 >= 80')
	set -- $s
	within "mean reaches 80 within 8 s" 0 800 "${1#none}"
	within "... a fold or more after export (rises slowly)" 50 800 \
		"$((${1#none} - te))"
	is "mean never above export while rising" "" \
		"$(awk '$2 > $3 + 2' /tmp/rise | tr '\n' ',')"
	set -- $(tail -n 1 /tmp/rise)
	# Under TCG on a busy host the guest's own housekeeping adds up to
	# half a task.
	within "steady mean with $CPUS spinners on $CPUS CPUs" 85 160 "$2"
	within "steady export with $CPUS spinners" 85 160 "$3"
	BUSY_UTIL=$(val $HPC/info/util)
	within "util with every CPU busy" 80 100 "$BUSY_UTIL"
	is "nodes/1/load is this node's mean load" 1 \
		"$(wait_for 3 same_load && echo 1)"
}

same_load() {
	[ "$(val $HPC/nodes/1/load)" = "$(val $HPC/info/load)" ]
}

# pair: "MEAN EXPORT" now.
pair() {
	local mean export
	read -r mean <$HPC/info/load
	read -r export <$HPC/info/exportload
	echo "$mean $export"
}

# With twice as many spinners the export load is steady (it only falls
# slowly), so halving it by a faster speed is exact up to rounding.
normalised() {
	local m0 e0 m1 e1
	spin "$CPUS"
	record /tmp/double 3 $(now_cs)
	note "doubled (t/cs mean export): $(tr '\n' ',' </tmp/double)"
	within "export with twice the runnable tasks, within 3 s" 170 300 \
		"$(tail -n 1 /tmp/double | cut -d' ' -f3)"
	sleep 2
	set -- $(pair)
	m0=$1 e0=$2
	hpcw $A/speed 20000 >/dev/null
	sleep 1.5
	set -- $(pair)
	m1=$1 e1=$2
	within "twice the yardstick speed halves the export load ($e0)" \
		$((e0 / 2 - 8)) $((e0 / 2 + 8)) "$e1"
	within "... and the mean load ($m0)" $((m0 / 4)) $((m0 * 3 / 4)) "$m1"
	hpcw $A/sspeed 20000 >/dev/null
	sleep 1.5
	within "a yardstick as fast restores it ($e0)" $((e0 - 30)) $((e0 + 30)) \
		"$(val $HPC/info/exportload)"
	hpcw $A/speed 10000 >/dev/null
	hpcw $A/sspeed 10000 >/dev/null
	# Units are worked out at the fold: one may have seen only one of the
	# two writes.
	sleep 1.5
}

fall() {
	local s e0
	e0=$(val $HPC/info/exportload)
	stop $SPIN
	record /tmp/fall 15 $(now_cs)
	note "falling from export $e0 (t/cs mean export): $(tr '\n' ',' </tmp/fall)"
	s=$(first /tmp/fall '$2 <= 30')
	set -- $s
	within "mean drops below 30 within 2.5 s (drops at once)" 0 250 "${1#none}"
	within "export still over half its value then (decays slowly)" \
		$((e0 / 2)) $((e0 + 10)) "${3:-none}"
	s=$(first /tmp/fall '$1 >= 800')
	set -- $s
	# 7/8 a second: about a third is left after 8 s.
	within "export after 8 s follows the 7/8 decay" $((e0 * 15 / 100)) \
		$((e0 * 60 / 100)) "${3:-none}"
	# Below 60 an idle guest's own bursts under TCG show through.
	is "export never rises while falling" "" \
		"$(awk 'NR > 1 && last > 60 && $3 > last + 3 { print } { last = $3 }' /tmp/fall | tr '\n' ',')"
	within "export after 15 s" 0 $((e0 * 30 / 100)) "$(tail -n 1 /tmp/fall | cut -d' ' -f3)"
	# TCG makes an idle guest's housekeeping expensive, more so on a busy
	# host; it stays below a busy guest all the same.
	within "util falls when the spinners stop" 0 $((BUSY_UTIL - 10)) "$(val $HPC/info/util)"
}

# The record fed in setup() is never renewed: after 60 s its values read
# -110 and the node is no longer up.
stale() {
	local left
	left=$((FED + 6200 - $(now_cs)))
	[ $left -gt 0 ] && sleep $((left / 100 + 1))
	is "peer record stale after 60 s: load -110" -110 "$(val $HPC/nodes/2/load)"
	is "stale peer: cpus -110" -110 "$(val $HPC/nodes/2/cpus)"
	is "stale peer: configured, no longer up" 1 "$(val $HPC/nodes/2/status)"
}

setup
rise
normalised
fall
stale
