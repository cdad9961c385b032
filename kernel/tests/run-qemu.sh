#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boots a Debian kernel in qemu with hpc.ko and one guest test script, and
# turns what the guest reports into an exit status for CTest.
#
#   run-qemu.sh --kernel VMLINUZ | --kernel-root ROOT --devroot DEVROOT
#               --module HPC.KO --test NAME --helpers DIR --work DIR
#               [--timeout SECONDS] [--mem MB] [--smp CPUS]
#               [--script FILE] [--payload PROGRAM]...
#
# --kernel-root finds the image in that devroot root's /boot when the test
# runs, so a root remade under a new name is still found.
# The initramfs holds busybox (static), guest/init, guest/lib.sh, the test
# scripts, the static helpers from DIR and the module. The guest writes its
# results to the second serial port (WORK/NAME.tap) and the kernel its console
# to the first (WORK/NAME.console). The run fails on any "not ok", a missing
# or failing summary, a guest that does not power off in time, or a console
# line matching kernel-log.patterns.
# --script runs FILE instead of guest/NAME.sh (tests that live with another
# component); each --payload puts a dynamically linked PROGRAM in /tests/bin
# with the shared libraries ldd names, at their own paths (the agent and its
# Qt libraries, for the agent's tests against the real module).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
kernel='' kroot='' devroot='' module='' test='' helpers='' work='' timeout=180 mem=512 smp=2
script='' payloads=()

die() {
	echo "run-qemu: $*" >&2
	exit 2
}

while [[ $# -gt 0 ]]; do
	case $1 in
	--kernel) kernel=$2 ;;
	--kernel-root) kroot=$2 ;;
	--devroot) devroot=$2 ;;
	--module) module=$2 ;;
	--test) test=$2 ;;
	--helpers) helpers=$2 ;;
	--work) work=$2 ;;
	--timeout) timeout=$2 ;;
	--mem) mem=$2 ;;
	--smp) smp=$2 ;;
	--script) script=$2 ;;
	--payload) payloads+=("$2") ;;
	*) die "unknown argument $1" ;;
	esac
	shift 2
done
if [[ -n $kroot ]]; then
	[[ -x $devroot ]] || die "--kernel-root needs --devroot"
	dir=$("$devroot" path "$kroot") || die "no devroot root $kroot"
	kernel=$(find "$dir/boot" -maxdepth 1 -name 'vmlinuz-*' | head -n 1)
fi
[[ -f $kernel ]] || die "no kernel image '$kernel'"
[[ -f $module ]] || die "no module '$module' (did the module build fail?)"
[[ -n $script ]] || script=$here/guest/$test.sh
[[ -f $script ]] || die "no guest script '$script'"
[[ -d $helpers ]] || die "no helpers directory '$helpers'"
[[ -n $work ]] || die "--work missing"
busybox=$(command -v busybox) || die "busybox not found (busybox-static)"
command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 not found"

# The guest stops its script by this uptime, so that unloading the module
# and scanning the log still finish before qemu is killed.
guest_deadline=$((timeout - 20))
[[ $guest_deadline -ge 40 ]] || die "--timeout $timeout leaves the script no time"

mkdir -p "$work"
tap=$work/$test.tap
console=$work/$test.console
initrd=$work/$test.initrd.gz
rm -f "$tap" "$console" "$initrd"

make_initrd() {
	local root=$work/$test.root
	rm -rf "$root"
	mkdir -p "$root"/{bin,dev,proc,sys,tmp,tests/bin}
	cp "$busybox" "$root/bin/busybox"
	cp "$here/guest/init" "$root/init"
	cp "$here/guest/lib.sh" "$root/tests/"
	cp "$script" "$root/tests/$test.sh"
	cp "$here/kernel-log.patterns" "$root/tests/"
	cp "$helpers"/* "$root/tests/bin/"
	cp "$module" "$root/hpc.ko"
	local p lib
	for p in "${payloads[@]}"; do
		[[ -x $p ]] || die "no payload program '$p'"
		cp -L "$p" "$root/tests/bin/"
		for lib in $(ldd "$p" | grep -o '/[^ ]*'); do
			mkdir -p "$root$(dirname "$lib")"
			cp -Ln "$lib" "$root$lib"
		done
	done
	chmod 0755 "$root/init" "$root/tests/bin"/*
	(cd "$root" && find . | cpio -o -H newc -R 0:0 --quiet | gzip -1) >"$initrd"
	rm -rf "$root"
}

# KVM only where the host CPU offers virtualisation and /dev/kvm opens; a
# nested guest without vmx/svm has the device but cannot run vCPUs.
accel() {
	if [[ -r /dev/kvm && -w /dev/kvm ]] && grep -Eqw 'vmx|svm' /proc/cpuinfo; then
		echo "-accel kvm -cpu host"
	else
		echo "-accel tcg -cpu max"
	fi
}

make_initrd
read -ra accel_args <<<"$(accel)"
status=0
timeout -k 5 "$timeout" qemu-system-x86_64 \
	-nodefaults -display none -no-reboot \
	"${accel_args[@]}" -smp "$smp" -m "$mem" \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 ignore_loglevel no_timer_check panic=-1 oops=panic hpctest=$test hpcdeadline=$guest_deadline" \
	-serial "file:$console" -serial "file:$tap" || status=$?
rm -f "$initrd"

problems=()
if [[ $status -eq 124 || $status -eq 137 ]]; then
	problems+=("guest did not power off within $timeout s (hung or too slow)")
elif [[ $status -ne 0 ]]; then
	problems+=("qemu exited with status $status")
fi
summary=$(grep -a '^# summary:' "$tap" || true)
if [[ -z $summary ]]; then
	problems+=("no summary from the guest (it crashed or was stopped)")
elif [[ ! $summary =~ \ 0\ failed ]]; then
	problems+=("guest reports failures: ${summary#\# }")
fi
failed=$(grep -ac '^not ok' "$tap" || true)
[[ $failed -eq 0 ]] || problems+=("$failed 'not ok' lines")
kernel_bad=$(grep -a -E -f "$here/kernel-log.patterns" "$console" || true)
[[ -z $kernel_bad ]] || problems+=("kernel log shows problems")

cat "$tap"
if [[ ${#problems[@]} -eq 0 ]]; then
	echo "run-qemu: $test passed (logs in $work)"
	exit 0
fi
echo
echo "run-qemu: $test FAILED:"
printf '  - %s\n' "${problems[@]}"
if [[ -n $kernel_bad ]]; then
	echo "--- kernel log lines matching kernel-log.patterns"
	echo "$kernel_bad"
fi
echo "--- kernel console, last 120 lines ($console)"
tail -n 120 "$console"
exit 1
