# omagentd on the real module (--hpc=proc) and the openMosix tools through
# it: what mosctl and setpe change is what /proc/hpc shows, and what the
# module refuses is refused with the old value kept.
. /tests/lib.sh

SOCK=/tmp/omagentd.sock
export OMVIEW_SOCKET=$SOCK
head -c 32 /dev/urandom >/tmp/cluster.key
chmod 600 /tmp/cluster.key
echo "1 127.0.0.1 1" >/tmp/openmosix.map
ip link set lo up 2>/dev/null || ifconfig lo 127.0.0.1 up

omagentd --config /dev/null --hpc=proc --socket "$SOCK" --cluster-key /tmp/cluster.key \
	--map /tmp/openmosix.map --bind 127.0.0.1 >/tmp/agent.log 2>&1 &
agent=$!
if ! wait_for 60 test -S "$SOCK"; then
	fail "omagentd starts on the module" "$(tail -5 /tmp/agent.log)"
	exit 0
fi
pass "omagentd starts on the module"

mosctl() { omtools mosctl "$@"; }
setpe() { omtools setpe "$@"; }

check "setpe -w loads the map" sh -c 'echo "1 127.0.0.1 1
2 127.0.0.2 2" | omtools setpe -w'
read_value "$HPC/admin/config"
is "admin/config holds the map" "1 127.0.0.1 1${NL}2 127.0.0.2 2" "$VAL"
read_value "$HPC/admin/mospe"
is "setpe set mospe" 1 "$VAL"
is "whois" "This is openMosix #1" "$(mosctl whois)"
is "nodes/3 exists" yes "$(test -d $HPC/nodes/3 && echo yes)"

check "mosctl stay" mosctl stay
read_value "$HPC/admin/stay"
is "admin/stay after mosctl stay" 1 "$VAL"
check "mosctl nostay" mosctl nostay
read_value "$HPC/admin/stay"
is "admin/stay after mosctl nostay" 0 "$VAL"
for f in block lstay quiet; do
	check "mosctl $f" mosctl $f
	read_value "$HPC/admin/$f"
	is "admin/$f after mosctl $f" 1 "$VAL"
	check "mosctl no$f" mosctl no$f
	read_value "$HPC/admin/$f"
	is "admin/$f after mosctl no$f" 0 "$VAL"
done

check "mosctl setspeed 12345" mosctl setspeed 12345
read_value "$HPC/admin/speed"
is "admin/speed" 12345 "$VAL"
mosctl setspeed 0 2>/tmp/err
is "setspeed 0 refused" 1 "$?"
read_value "$HPC/admin/speed"
is "admin/speed kept" 12345 "$VAL"

check "mosctl setdecay 7 980 930" mosctl setdecay 7 980 930
read_value "$HPC/admin/decayinterval"
is "decayinterval" 7 "$VAL"
read_value "$HPC/admin/slowdecay"
is "slowdecay" 980 "$VAL"
read_value "$HPC/admin/fastdecay"
is "fastdecay" 930 "$VAL"
mosctl setdecay 7 900 950 2>/tmp/err
is "slow < fast refused" 1 "$?"
read_value "$HPC/admin/slowdecay"
is "slowdecay kept" 980 "$VAL"
is "getdecay" "Decay interval: 7 seconds${NL}Slow decay: 980 per 1000 kept${NL}Fast decay: 930 per 1000 kept" "$(mosctl getdecay)"
is "getyard" 10000 "$(mosctl getyard)"
like "getload is a number" '^[0-9]+$' "$(mosctl getload)"
is "isup" yes "$(mosctl isup)"

echo "1 127.0.0.1 1
1 127.0.0.2 1" | setpe -w 2>/tmp/err
is "a bad map is refused" 1 "$?"
like "the error names the line" "line 2" "$(cat /tmp/err)"
read_value "$HPC/admin/config"
is "admin/config kept" "1 127.0.0.1 1${NL}2 127.0.0.2 2" "$VAL"

sleep 100 &
pid=$!
wait_for 10 sh -c "omtools mps $pid >/dev/null"
like "mps lists a process with NODE 0" "^ *$pid +[^ ]+ +0 +S " "$(omtools mps $pid | tail -n 1)"
kill $pid

check "setpe -off" setpe -off
read_value "$HPC/admin/mospe"
is "mospe after setpe -off" 0 "$VAL"

kill $agent
wait $agent
is "omagentd stops on SIGTERM" 0 "$?"
