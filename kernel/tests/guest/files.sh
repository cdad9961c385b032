# SPDX-License-Identifier: GPL-2.0
# The /proc/hpc tree of docs/proc-hpc.md: every file with its mode and
# default, every single-value tunable round-tripping its range and refusing
# what lies outside it with the old value kept, and the privilege rules.
. /tests/lib.sh

NOBODY=65534

# The table's "rw" is 0644 and "w" 0200 (root's, behind CAP_SYS_ADMIN);
# decay/ files act on the writer only, so anyone may write them.
ADMIN_RW="mospe config block stay lstay quiet speed sspeed overheads
decayinterval slowdecay fastdecay"
ADMIN_W="bring expel migrate lock loads guests where"
DECAY="clear cpujob iojob slow fast nodecay"
INFO="cpus load mem rmem tmem speed status util exportload"

mode_is() {
	local got
	got=$(stat -c %a "$HPC/$1" 2>/dev/null || echo missing)
	is "$1 mode $2" "$2" "$got"
}

tree() {
	local f
	for f in admin decay info nodes remote; do
		mode_is "$f" 555
	done
	for f in $ADMIN_RW; do
		mode_is "admin/$f" 644
	done
	for f in $ADMIN_W; do
		mode_is "admin/$f" 200
	done
	mode_is admin/version 444
	for f in $DECAY; do
		mode_is "decay/$f" 222
	done
	for f in $INFO; do
		mode_is "info/$f" 444
	done
	mode_is procs 444
	mode_is requests 400
	is "nodes/ empty without a map" "" "$(ls "$HPC/nodes" 2>&1)"
	is "remote/ empty without guests" "" "$(ls "$HPC/remote" 2>&1)"
}

defaults() {
	is "version" "hpc 1.0.0" "$(val $HPC/admin/version)"
	is "mospe default" 0 "$(val $HPC/admin/mospe)"
	is "config default" "" "$(val $HPC/admin/config)"
	is "block default" 0 "$(val $HPC/admin/block)"
	is "stay default" 0 "$(val $HPC/admin/stay)"
	is "lstay default" 0 "$(val $HPC/admin/lstay)"
	is "quiet default" 0 "$(val $HPC/admin/quiet)"
	is "speed default" 10000 "$(val $HPC/admin/speed)"
	is "sspeed default" 10000 "$(val $HPC/admin/sspeed)"
	is "overheads default" "1300 10 50 100" "$(val $HPC/admin/overheads)"
	is "decayinterval default" 1 "$(val $HPC/admin/decayinterval)"
	is "slowdecay default" 975 "$(val $HPC/admin/slowdecay)"
	is "fastdecay default" 926 "$(val $HPC/admin/fastdecay)"
}

info_values() {
	local tmem
	is "info/cpus" "$(nproc)" "$(val $HPC/info/cpus)"
	is "info/speed follows admin/speed" 10000 "$(val $HPC/info/speed)"
	tmem=$(awk '/MemTotal/ { print int($2 / 4) }' /proc/meminfo)
	within "info/tmem in pages" $((tmem - 1024)) $((tmem + 1024)) "$(val $HPC/info/tmem)"
	within "info/mem <= tmem" 1 "$tmem" "$(val $HPC/info/mem)"
	within "info/rmem <= tmem" 1 "$tmem" "$(val $HPC/info/rmem)"
	within "info/util" 0 100 "$(val $HPC/info/util)"
	within "info/load" 0 10000 "$(val $HPC/info/load)"
	within "info/exportload" 0 10000 "$(val $HPC/info/exportload)"
	within "info/status" 0 63 "$(val $HPC/info/status)"
}

# Shared by every single-value file: what no number parser may take.
malformed() {
	local f=$HPC/admin/$1
	rejects "$f" "" EINVAL
	rejects "$f" "x" EINVAL
	rejects "$f" "1x" EINVAL
	rejects "$f" "1 1" EINVAL
	rejects "$f" "-1" EINVAL
	rejects "$f" "+1" EINVAL
	rejects "$f" "0x10" EINVAL
	rejects "$f" "1.5" EINVAL
	rejects "$f" "4294967297" EINVAL
	rejects "$f" "$(printf '1\n2')" EINVAL
	# At most 256 bytes a write, blanks included (hpcw adds a newline).
	rejects "$f" "$(printf '%256s' 1)" EINVAL
}

# flag NAME BIT: a 0/1 file and its bit in info/status.
flag() {
	local f=$HPC/admin/$1
	accepts "$f" 1
	is "$1 sets status bit $2" "$2" "$(masked "$(val $HPC/info/status)" $2)"
	accepts "$f" 0
	is "$1 clears status bit $2" 0 "$(masked "$(val $HPC/info/status)" $2)"
	accepts "$f" " 1 " 1
	accepts "$f" "$(printf '%255s' 0)" 0
	is "$1 takes a value without newline" OK "$(hpcw $f -n 0)"
	is "$1 reads 0 after it" 0 "$(val $f)"
	is "$1 takes tabs around the value" OK "$(hpcw $f "$(printf '\t1\t')")"
	accepts "$f" 0
	rejects "$f" 2 EINVAL
	malformed "$1"
}

speeds() {
	local s
	for s in speed sspeed; do
		accepts $HPC/admin/$s 1
		accepts $HPC/admin/$s 1000000
		accepts $HPC/admin/$s 20000
		rejects $HPC/admin/$s 0 EINVAL
		rejects $HPC/admin/$s 1000001 EINVAL
		malformed $s
		accepts $HPC/admin/$s 10000
	done
	accepts $HPC/admin/speed 20000
	is "info/speed shows admin/speed" 20000 "$(val $HPC/info/speed)"
	accepts $HPC/admin/speed 10000
}

overheads() {
	local f=$HPC/admin/overheads
	accepts $f "1000 0 0 0"
	accepts $f "10000 10000 1000 1000"
	accepts $f "  2000   20	60 110 " "2000 20 60 110"
	rejects $f "999 10 50 100" EINVAL
	rejects $f "10001 10 50 100" EINVAL
	rejects $f "1300 10001 50 100" EINVAL
	rejects $f "1300 10 1001 100" EINVAL
	rejects $f "1300 10 50 1001" EINVAL
	rejects $f "1300 10 50" EINVAL
	rejects $f "1300 10 50 100 7" EINVAL
	rejects $f "1300 10 50 x" EINVAL
	rejects $f "1300 -10 50 100" EINVAL
	rejects $f "" EINVAL
	accepts $f "1300 10 50 100"
}

decay_params() {
	local a=$HPC/admin
	accepts $a/decayinterval 65535
	accepts $a/decayinterval 1
	rejects $a/decayinterval 0 EINVAL
	rejects $a/decayinterval 65536 EINVAL
	malformed decayinterval
	accepts $a/slowdecay 1000
	accepts $a/fastdecay 1
	rejects $a/slowdecay 1001 EINVAL
	rejects $a/slowdecay 0 EINVAL
	rejects $a/fastdecay 0 EINVAL
	rejects $a/fastdecay 1001 EINVAL
	malformed slowdecay
	malformed fastdecay
	accepts $a/slowdecay 975
	accepts $a/fastdecay 926
	# slow >= fast holds across both files.
	rejects $a/fastdecay 976 EINVAL
	rejects $a/slowdecay 925 EINVAL
	accepts $a/fastdecay 975
	accepts $a/slowdecay 975
	accepts $a/fastdecay 926
}

triggers() {
	local f
	for f in bring expel; do
		rejects_w "$f" 0 EINVAL
		rejects_w "$f" 2 EINVAL
		rejects_w "$f" x EINVAL
		rejects_w "$f" "1 1" EINVAL
	done
	writes "bring 1 is accepted" $HPC/admin/bring 1 OK
	is "bring sets lstay" 1 "$(val $HPC/admin/lstay)"
	writes "expel 1 is accepted" $HPC/admin/expel 1 OK
	is "expel sets block" 1 "$(val $HPC/admin/block)"
	accepts $HPC/admin/lstay 0
	accepts $HPC/admin/block 0
}

# rejects_w NAME TEXT ERR: for write-only files, which have no value to keep.
rejects_w() {
	writes "admin/$1 rejects '$2' with $3" "$HPC/admin/$1" "$2" "$3"
}

# Writes need CAP_SYS_ADMIN, not uid 0 alone: root without the capability
# must get EPERM; an ordinary user is refused one way or the other.
privileges() {
	local f before got
	for f in $ADMIN_RW; do
		before=$(val $HPC/admin/$f)
		got=$(nocap hpcw $HPC/admin/$f "$before")
		is "admin/$f refuses root without CAP_SYS_ADMIN" EPERM "$got"
		got=$(nocap -u $NOBODY hpcw $HPC/admin/$f "$before")
		like "admin/$f refuses uid $NOBODY" '^(EPERM|EACCES)$' "$got"
		is "admin/$f kept after refused writes" "$before" "$(val $HPC/admin/$f)"
		is "admin/$f readable by uid $NOBODY" "$before" \
			"$(nocap -u $NOBODY cat $HPC/admin/$f)"
	done
	for f in bring expel; do
		is "admin/$f refuses root without CAP_SYS_ADMIN" EPERM \
			"$(nocap hpcw $HPC/admin/$f 1)"
	done
	is "bring refused: lstay kept" 0 "$(val $HPC/admin/lstay)"
	is "expel refused: block kept" 0 "$(val $HPC/admin/block)"
	is "admin/migrate refuses root without CAP_SYS_ADMIN" EPERM \
		"$(nocap hpcw $HPC/admin/migrate "$$ home")"
	is "admin/lock refuses root without CAP_SYS_ADMIN" EPERM \
		"$(nocap hpcw $HPC/admin/lock "$$ 1")"
	is "admin/lock refused: not locked" 0 "$(proc_field $$ 3)"
	is "admin/loads refuses root without CAP_SYS_ADMIN" EPERM \
		"$(nocap hpcw $HPC/admin/loads "1 3 0 10000 1 1 1 1 0")"
	is "admin/guests refuses root without CAP_SYS_ADMIN" EPERM \
		"$(nocap hpcw $HPC/admin/guests "del $$")"
	is "admin/where refuses root without CAP_SYS_ADMIN" EPERM \
		"$(nocap hpcw $HPC/admin/where "$$ 0")"
	for f in $DECAY; do
		is "decay/$f writable by uid $NOBODY" OK \
			"$(nocap -u $NOBODY hpcw $HPC/decay/$f 1)"
	done
	like "requests unreadable by uid $NOBODY" '^(EACCES|EPERM)$' \
		"$(nocap -u $NOBODY hpcreq -n)"
	like "procs readable by uid $NOBODY" '^# PID WHERE' \
		"$(nocap -u $NOBODY head -n 1 $HPC/procs)"
}

# Write-only files cannot be opened for reading, not even by root.
write_only() {
	local f
	for f in $ADMIN_W; do
		is "admin/$f refuses reading" EACCES "$(hpcreq -n $HPC/admin/$f)"
	done
	for f in $DECAY; do
		is "decay/$f refuses reading" EACCES "$(hpcreq -n $HPC/decay/$f)"
	done
}

decay_writes() {
	local f
	for f in $DECAY; do
		writes "decay/$f takes 1" $HPC/decay/$f 1 OK
		writes "decay/$f rejects 0" $HPC/decay/$f 0 EINVAL
		writes "decay/$f rejects 2" $HPC/decay/$f 2 EINVAL
		writes "decay/$f rejects x" $HPC/decay/$f x EINVAL
	done
}

check "nocap drops CAP_SYS_ADMIN" sh -c \
	'[ $(( 0x$(nocap awk "/CapEff/ { print \$2 }" /proc/self/status) >> 21 & 1 )) -eq 0 ]'
tree
defaults
info_values
flag stay 4
flag lstay 8
flag block 16
flag quiet 32
malformed mospe
speeds
overheads
decay_params
triggers
privileges
write_only
decay_writes
