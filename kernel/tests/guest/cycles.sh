# SPDX-License-Identifier: GPL-2.0
# 100 insmod/rmmod cycles, each with the module's state in use when it goes:
# a map with node directories, peer records, a guest, a locked process, a
# queued request, and every tenth time a reader blocked on the queue and a
# process with its decay class set. Slab growth across all cycles is
# measured as a coarse leak check, kmemleak or not.
. /tests/lib.sh

A=$HPC/admin
CYCLES=100
BAD=/tmp/cycles.bad

# settle: let deferred frees (RCU, workqueues) run before slab is measured.
settle() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
	sleep 2
}

# kmalloc_objs: "CACHE ACTIVE-OBJECTS" of the kmalloc caches.
kmalloc_objs() {
	awk '$1 ~ /^kmalloc-/ { print $1, $2 }' /proc/slabinfo
}

# use_module N PID: puts state into the freshly loaded module.
use_module() {
	echo "1 10.0.0.1 16
20 fd00::1 4" >$A/config || return 1
	echo 1 >$A/mospe || return 1
	echo "2 3 10 20000 2 1000 900 2000 5
3 -101" >$A/loads || return 1
	echo "add $2 2 42" >$A/guests || return 1
	echo "$2 1" >$A/lock || return 1
	echo "$2 3" >$A/migrate || return 1
	cat $HPC/procs $HPC/nodes/2/* $HPC/remote/$2/* >/dev/null || return 1
	[ "$(cat $A/version)" = "hpc 1.0.0" ] || return 1
}

cycle() {
	local n=$1 victim=$2 reader= marked=
	insmod /hpc.ko || { echo "$n: insmod failed" >>$BAD; return; }
	use_module "$n" "$victim" || echo "$n: using the module failed" >>$BAD
	if [ $((n % 10)) -eq 0 ]; then
		hpcreq -d >/dev/null
		hpcreq >/dev/null 2>&1 &
		reader=$!
		sh -c "echo 1 >$HPC/decay/fast; exec sleep 30" &
		marked=$!
		sleep 0.2
	fi
	rmmod hpc || echo "$n: rmmod failed" >>$BAD
	[ -e $HPC ] && echo "$n: /proc/hpc left after rmmod" >>$BAD
	if [ -n "$reader" ]; then
		wait_for 5 gone $reader || echo "$n: blocked reader not released" >>$BAD
		stop $reader $marked
	fi
}

t0=$(cut -d. -f1 /proc/uptime)
check "rmmod the module /init loaded" rmmod hpc
sleep 600 &
victim=$!
settle
kmalloc_objs >/tmp/slab.before
unreclaim0=$(awk '/SUnreclaim/ { print $2 }' /proc/meminfo)
rm -f $BAD
i=1
while [ $i -le $CYCLES ]; do
	cycle $i $victim
	i=$((i + 1))
done
settle
kmalloc_objs >/tmp/slab.after
unreclaim1=$(awk '/SUnreclaim/ { print $2 }' /proc/meminfo)
note "$CYCLES cycles in $(($(cut -d. -f1 /proc/uptime) - t0)) s"
is "$CYCLES insmod/rmmod cycles without a failure" "" "$(head -n 5 $BAD 2>/dev/null)"
note "unreclaimable slab: $unreclaim0 kB before, $unreclaim1 kB after"
# One object left behind per cycle is a leak; allocations of the rest of
# the system come and go by fewer than that once settled.
growth=$(awk 'NR == FNR { before[$1] = $2; next }
	$2 != before[$1] { print $1, $2 - before[$1] }' /tmp/slab.before /tmp/slab.after)
note "kmalloc objects after - before: $(echo "$growth" | tr '\n' ',')"
grown=$(echo "$growth" | awk -v c=$CYCLES '$2 >= c')
is "no kmalloc cache grew by one object per cycle" "" "$grown"
within "unreclaimable slab grew by less than 4 MiB" -1000000 4096 $((unreclaim1 - unreclaim0))
check "insmod again for /init's checks" insmod /hpc.ko
stop $victim
