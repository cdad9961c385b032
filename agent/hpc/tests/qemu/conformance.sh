# The omhpc conformance suite (tst_hpcbackend) against the real /proc/hpc of
# hpc.ko: the same checks the emulation passes on the host. Each QtTest
# result becomes one TAP line.
. /tests/lib.sh

out=/tmp/conformance.txt
tst_hpcbackend --backend=proc --root=/proc/hpc -o "$out,txt" -maxwarnings 0 >/dev/null 2>&1
rc=$?
while IFS= read -r line; do
	case $line in
	"PASS   : "*) pass "${line#PASS   : }" ;;
	"FAIL!  : "*) fail "${line#FAIL!  : }" ;;
	"SKIP   : "*) skip "${line#SKIP   : }" "skipped by the suite" ;;
	"XFAIL  : "* | "XPASS  : "*) fail "$line" ;;
	"   Loc: "* | "   Actual "* | "   Expected "*) note "$line" ;;
	esac
done <"$out"
is "tst_hpcbackend exit status" 0 "$rc"
