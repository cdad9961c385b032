#!/bin/sh
# Builds hpc.ko for the one kernel whose headers are installed, in OUTDIR:
#   build-module.sh OUTDIR
# Runs inside a kernel root (lab/devroot/devroot run kernel-6.12 -- ...).
# The sources are copied to OUTDIR so builds for different kernels never
# share objects and the source tree stays clean. Any compiler warning fails
# the build.
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTDIR" >&2
	exit 2
fi
src=$(cd "$(dirname "$0")" && pwd)
out=$1

set -- /lib/modules/*/build
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
	echo "$0: need exactly one /lib/modules/*/build, found: $*" >&2
	exit 1
fi
kdir=$1

mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -rf "$out/core"
mkdir -p "$out/core"
cp "$src"/*.c "$src"/*.h "$src"/Kbuild "$out"/
cp "$src"/core/*.c "$out/core/"
cp -R "$src/core/include" "$out/core/"

# Fresh copies have new mtimes, so every object is rebuilt and every
# warning is printed again.
rm -f "$out/hpc.ko"
log="$out/build.log"
if ! make -C "$kdir" M="$out" W=1 modules >"$log" 2>&1; then
	cat "$log"
	echo "$0: build failed" >&2
	exit 1
fi
cat "$log"
if grep -qi "warning" "$log"; then
	echo "$0: the compiler printed warnings" >&2
	exit 1
fi
echo "$0: built $out/hpc.ko"
