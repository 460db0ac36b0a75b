#!/bin/bash
# make test: every suite on the plain build, the golden tests under
# valgrind, then every suite under ASan+UBSan; ends with the total of all
# "NAME: N passed, N failed" lines (the per-file unit lines, not their sum).
set -o pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# compiled lexicons (src/cache.c) go to the build tree, not the user's
# cache: the first run saves them, every later run of both builds maps them
export XDG_CACHE_HOME="$PWD/build/test-cache"
{ make --no-print-directory check && make --no-print-directory check-valgrind &&
	make --no-print-directory san; } 2>&1 | tee "$log"
status=$?
awk '/^[A-Za-z0-9_ -]+: [0-9]+ passed, [0-9]+ failed/ && !/^unit:/ {
	n = split($0, a, /[:,]/); p += a[2] + 0; f += a[3] + 0 }
	END { if (status) f += (f ? 0 : 1); printf "total: %d passed, %d failed\n", p, f }' status=$status "$log"
exit $status
