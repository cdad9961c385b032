# bash completion for omtools: mosctl, setpe, showmap, mps, migrate, mosrun and its wrappers
# (nomig, runhome, runon, cpujob, iojob, nodecay, slowdecay, fastdecay).
# Installed once per tool name under share/bash-completion/completions, since
# bash-completion loads a command's completion from the file named after it.
# Needs nothing of bash-completion itself: only COMP_WORDS and COMP_CWORD.

# The words of the line without the tool's name, shifted by one when it is
# called as "omtools TOOL ...". Sets _omtools_tool and _omtools_first.
_omtools_locate() {
    _omtools_tool=${COMP_WORDS[0]##*/}
    _omtools_first=1
    if [[ $_omtools_tool == omtools ]]; then
        _omtools_tool=${COMP_WORDS[1]}
        _omtools_first=2
    fi
}

# The --socket given on the line, so node IDs come from the same agent.
_omtools_socket() {
    local i
    for ((i = _omtools_first; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        --socket)
            # bash splits "--socket=PATH" at the "=" (COMP_WORDBREAKS).
            [[ ${COMP_WORDS[i + 1]} == = ]] && ((i++))
            printf "%s" "${COMP_WORDS[i + 1]}"
            return
            ;;
        esac
    done
}

# The node IDs of the map, read from showmap's table ("0x0002  127.0.0.2  1").
# The showmap next to the tool being completed, else the one on PATH; a slow
# or absent agent gives no IDs rather than a hanging prompt.
_omtools_nodes() {
    local showmap=showmap socket base _address count i
    [[ ${COMP_WORDS[0]} == */* ]] && showmap=${COMP_WORDS[0]%/*}/showmap
    socket=$(_omtools_socket)
    local -a run=("$showmap")
    [[ -n $socket ]] && run+=(--socket "$socket")
    command -v timeout >/dev/null && run=(timeout 2 "${run[@]}")
    while read -r base _address count; do
        [[ $base == 0x[0-9a-fA-F]* && $count =~ ^[0-9]+$ ]] || continue
        for ((i = 0; i < count; i++)); do
            printf '%d\n' $((base + i))
        done
    done < <("${run[@]}" 2>/dev/null)
}

# Process IDs, from /proc.
_omtools_pids() {
    local p
    for p in /proc/[0-9]*; do
        printf '%s\n' "${p#/proc/}"
    done
}

# The positional words before the cursor, options and their values left out.
# Options taking a value are given as arguments: _omtools_positional --node -u
_omtools_positional() {
    local i word takes
    _omtools_args=()
    for ((i = _omtools_first; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        for takes in --socket "$@"; do
            if [[ $word == "$takes" ]]; then
                [[ ${COMP_WORDS[i + 1]} == = ]] && ((i++))
                ((i++))
                continue 2
            fi
        done
        [[ $word == -?* && ! $word =~ ^-[0-9]+$ ]] && continue
        _omtools_args+=("$word")
    done
}

# bash splits "--node=2" into "--node" "=" "2" (COMP_WORDBREAKS), while readline
# completes only what follows the "=". These two see through that: the word
# completed, and the word before it (the option itself after "--node=").
_omtools_cur() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    [[ $cur == = ]] && cur=
    printf "%s" "$cur"
}

_omtools_prev() {
    local prev=${COMP_WORDS[COMP_CWORD - 1]}
    if [[ ${COMP_WORDS[COMP_CWORD]} == = ]]; then
        :
    elif [[ $prev == = ]] && ((COMP_CWORD >= 2)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    printf "%s" "$prev"
}

# COMPREPLY from a newline-separated list of words.
_omtools_reply() {
    local IFS=$'\n'
    COMPREPLY=($(compgen -W "$1" -- "$2"))
}

_omtools_files() {
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$1"))
}

_omtools_migrate() {
    local cur prev
    cur=$(_omtools_cur) prev=$(_omtools_prev)
    case $prev in
    --socket) _omtools_files "$cur"; return ;;
    --node) _omtools_reply "$(_omtools_nodes)" "$cur"; return ;;
    esac
    if [[ $cur == -* && ! $cur =~ ^-[0-9]+$ ]]; then
        _omtools_reply $'--node\n--socket\n--json\n--help' "$cur"
        return
    fi
    _omtools_positional --node
    case ${#_omtools_args[@]} in
    0) _omtools_reply "$(_omtools_pids)" "$cur" ;;
    1) _omtools_reply "$(_omtools_nodes)"$'\nhome\nbalance' "$cur" ;;
    *) COMPREPLY=() ;;
    esac
}

_omtools_mosctl() {
    local cur prev
    cur=$(_omtools_cur) prev=$(_omtools_prev)
    if [[ $prev == --socket ]]; then
        _omtools_files "$cur"
        return
    fi
    if [[ $cur == -* ]]; then
        _omtools_reply $'--socket\n--json\n--help\n--version' "$cur"
        return
    fi
    _omtools_positional
    if ((${#_omtools_args[@]} == 0)); then
        _omtools_reply "$(printf '%s\n' stay nostay lstay nolstay block noblock quiet noquiet \
            expel bring gettune getyard getdecay whois getload getspeed status isup getmem \
            getfree getutil setyard setspeed setdecay)" "$cur"
        return
    fi
    if ((${#_omtools_args[@]} == 1)); then
        case ${_omtools_args[0]} in
        whois | getload | getspeed | status | isup | getmem | getfree | getutil)
            _omtools_reply "$(_omtools_nodes)" "$cur"; return ;;
        setyard) _omtools_reply this "$cur"; return ;;
        esac
    fi
    COMPREPLY=()
}

_omtools_mps() {
    local cur prev
    cur=$(_omtools_cur) prev=$(_omtools_prev)
    case $prev in
    --socket) _omtools_files "$cur"; return ;;
    -u) COMPREPLY=($(compgen -u -- "$cur")); return ;;
    esac
    if [[ $cur == -* ]]; then
        _omtools_reply $'-u\n--guests\n--socket\n--json\n--help' "$cur"
        return
    fi
    _omtools_reply "$(_omtools_pids)" "$cur"
}

_omtools_setpe() {
    local cur prev
    cur=$(_omtools_cur) prev=$(_omtools_prev)
    case $prev in
    -f | --socket) _omtools_files "$cur"; return ;;
    -p) _omtools_reply "$(_omtools_nodes)" "$cur"; return ;;
    esac
    _omtools_reply $'-w\n-W\n-r\n-off\n-c\n-p\n-f\n--socket\n--json\n--help' "$cur"
}

_omtools_showmap() {
    local cur prev
    cur=$(_omtools_cur) prev=$(_omtools_prev)
    if [[ $prev == --socket ]]; then
        _omtools_files "$cur"
        return
    fi
    _omtools_reply $'--socket\n--json\n--help\n--version' "$cur"
}

# One entry point for every name: it finds the tool (also after "omtools").
# mosrun and its wrappers: their options, then the program (a command), then its arguments
# (files). runon takes a node ID first.
_omtools_mosrun() {
    local cur prev i word node opts start=$_omtools_first
    cur=$(_omtools_cur) prev=$(_omtools_prev)
    if [[ $prev == --socket ]]; then
        _omtools_files "$cur"
        return
    fi
    if [[ $_omtools_tool == runon ]]; then
        if ((COMP_CWORD == _omtools_first)); then
            _omtools_reply "$(_omtools_nodes)" "$cur"
            return
        fi
        start=$((_omtools_first + 1))
    fi
    for ((i = start; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == --socket ]]; then
            [[ ${COMP_WORDS[i + 1]} == = ]] && ((i++))
            ((i++))
            continue
        fi
        [[ $word == -?* ]] && continue
        # The program is given: what follows are its arguments.
        _omtools_files "$cur"
        return
    done
    if [[ $cur == -* ]]; then
        case $_omtools_tool in
        mosrun)
            if [[ $cur == -j* ]]; then
                opts=
                for node in $(_omtools_nodes); do opts+=-j$node$'\n'; done
            else
                opts=$'-h\n-j\n-F\n-l\n-L\n-k\n-c\n-i\n-n\n-s\n-f\n-z\n--socket\n--help'
                for node in $(_omtools_nodes); do opts+=$'\n'-$node; done
            fi
            ;;
        nomig | runhome | runon) opts=-z ;;
        *)
            opts=$'-h\n-z'
            for node in $(_omtools_nodes); do opts+=$'\n'-$node; done
            ;;
        esac
        _omtools_reply "$opts" "$cur"
        return
    fi
    local IFS=$'\n'
    COMPREPLY=($(compgen -c -- "$cur"))
}

_omtools() {
    _omtools_locate
    if ((COMP_CWORD < _omtools_first)); then
        _omtools_reply $'mosctl\nsetpe\nshowmap\nmps\nmigrate' "${COMP_WORDS[COMP_CWORD]}"
        return
    fi
    case $_omtools_tool in
    migrate) _omtools_migrate ;;
    mosctl) _omtools_mosctl ;;
    mps) _omtools_mps ;;
    setpe) _omtools_setpe ;;
    showmap) _omtools_showmap ;;
    mosrun | nomig | runhome | runon | cpujob | iojob | nodecay | slowdecay | fastdecay)
        _omtools_mosrun ;;
    *) COMPREPLY=() ;;
    esac
}

complete -F _omtools omtools mosctl setpe showmap mps migrate mosrun nomig runhome runon cpujob \
    iojob nodecay slowdecay fastdecay
