#!/bin/bash
# The omtools bash completion, driven the way bash drives it: COMP_WORDS and
# COMP_CWORD set, the function `complete -p` names called, COMPREPLY read.
# Node IDs come from a stub showmap printing showmap's table.
# usage: completion.sh path/to/omtools.bash
set -u
source "$1" || exit 1

stub=$(mktemp -d)
trap 'rm -rf "$stub"' EXIT
cat >"$stub/showmap" <<'STUB'
#!/bin/sh
# Only the agent named on the completed line answers, when one is named.
if [ "${1-}" = --socket ] && [ "$2" != /wanted.sock ]; then exit 3; fi
printf 'My Node-Id: 0x0001\n\nBase Node-Id Address          Count\n'
printf -- '------------ ---------------- -----\n'
printf '0x0001       127.0.0.1        1\n0x0002       127.0.0.2        1\n'
printf '0x000c       10.0.0.12        1\n'
STUB
chmod +x "$stub/showmap"

failures=0
checks=0

# complete WORD...: the last word is the one being completed; sets `reply`.
complete_line() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    local spec func
    spec=$(complete -p "${1##*/}" 2>/dev/null) || {
        reply="<no completion for ${1##*/}>"
        return
    }
    func=${spec#*-F }
    func=${func%% *}
    COMPREPLY=()
    "$func" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    reply="${COMPREPLY[*]}"
}

# expect "WANTED" WORD...: COMPREPLY, joined by spaces, is exactly WANTED.
expect() {
    local wanted=$1
    shift
    complete_line "$@"
    checks=$((checks + 1))
    if [[ $reply != "$wanted" ]]; then
        echo "FAIL: [$*] gave '$reply', expected '$wanted'"
        failures=$((failures + 1))
    fi
}

M=$stub/migrate
nodes="1 2 12"

# Every tool name has the completion.
for tool in omtools mosctl setpe showmap mps migrate mosrun nomig runhome runon cpujob iojob \
    nodecay slowdecay fastdecay; do
    checks=$((checks + 1))
    complete -p "$tool" >/dev/null 2>&1 || {
        echo "FAIL: no completion registered for $tool"
        failures=$((failures + 1))
    }
done

# migrate: PIDs first, from /proc.
complete_line "$M" ""
checks=$((checks + 1))
if [[ " $reply " != *" $$ "* ]] || [[ $reply =~ [^0-9\ ] ]]; then
    echo "FAIL: migrate's first argument: this shell's PID $$ missing or not only PIDs"
    failures=$((failures + 1))
fi
complete_line "$M" "$$"
checks=$((checks + 1))
if [[ " $reply " != *" $$ "* ]]; then
    echo "FAIL: migrate $$<TAB> does not offer $$: '$reply'"
    failures=$((failures + 1))
fi

# migrate: then the map's node IDs, home and balance.
expect "$nodes home balance" "$M" 4242 ""
expect "home" "$M" 4242 h
expect "balance" "$M" 4242 b
expect "1 12" "$M" 4242 1
expect "" "$M" 4242 2 ""
expect "$nodes home balance" "$M" --node 2 4242 ""
expect "$nodes home balance" "$M" --json --node = 2 4242 ""
expect "$nodes" "$M" --node ""
expect "$nodes" "$M" --node =
expect "2" "$M" --node = 2
expect "--node" "$M" --n
expect "$nodes home balance" "$M" --socket /wanted.sock 4242 ""
expect "$nodes home balance" "$M" --socket = /wanted.sock 4242 ""
expect "home balance" "$M" --socket /other.sock 4242 ""
expect "$nodes home balance" "$stub/omtools" migrate 4242 ""
expect "mosctl mps migrate" "$stub/omtools" m
# By its bare name the tool, and showmap, come from PATH.
PATH=$stub:$PATH expect "$nodes home balance" migrate 4242 ""
expect "home balance" migrate 4242 ""

# mosctl: its commands, then node IDs where a command takes one.
expect "setyard setspeed setdecay" "$stub/mosctl" set
expect "stay status" "$stub/mosctl" sta
expect "nostay" "$stub/mosctl" --json nos
complete_line "$stub/mosctl" ""
checks=$((checks + 1))
if [[ $(wc -w <<<"$reply") -ne 24 ]]; then
    echo "FAIL: mosctl <TAB> offers $(wc -w <<<"$reply") commands: '$reply'"
    failures=$((failures + 1))
fi
expect "$nodes" "$stub/mosctl" getload ""
expect "$nodes" "$stub/mosctl" whois ""
expect "this" "$stub/mosctl" setyard ""
expect "" "$stub/mosctl" stay ""
expect "" "$stub/mosctl" getload 1 ""
expect "$nodes" "$stub/omtools" mosctl isup ""

# The others: options.
expect "-off" "$stub/setpe" -o
expect "$nodes" "$stub/setpe" -w -p ""
expect "--guests" "$stub/mps" --g
expect "--socket" "$stub/showmap" --so

# mosrun: placement options with the map's nodes, then a command, then files.
expect "-j1 -j2 -j12" "$stub/mosrun" -j
expect "-1 -12" "$stub/mosrun" -c -1
expect "--socket" "$stub/mosrun" --so
expect "$nodes" "$stub/runon" ""
expect "-z" "$stub/runon" 2 -
expect "-z" "$stub/nomig" -
expect "-h" "$stub/cpujob" -h
complete_line "$stub/mosrun" -2 bas
checks=$((checks + 1))
if [[ " $reply " != *" bash "* ]]; then
    echo "FAIL: mosrun -2 bas<TAB> does not offer bash: '$reply'"
    failures=$((failures + 1))
fi
complete_line "$stub/mosrun" -2 ls /et
checks=$((checks + 1))
if [[ " $reply " != *" /etc "* ]]; then
    echo "FAIL: mosrun -2 ls /et<TAB> does not offer /etc: '$reply'"
    failures=$((failures + 1))
fi

echo "$checks checks, $failures failed"
[[ $failures -eq 0 ]]
