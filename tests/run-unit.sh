#!/bin/sh
# Run every unit test binary given; print their results and a total line.
pass=0 fail=0 status=0
for t in "$@"; do
	out=$("$t") || status=1
	printf '%s\n' "$out"
	p=$(printf '%s\n' "$out" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' | tail -1)
	pass=$((pass + ${p:-0})) fail=$((fail + ${f:-1}))
done
echo "unit: $pass passed, $fail failed"
exit $status
