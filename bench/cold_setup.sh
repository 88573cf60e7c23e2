#!/usr/bin/env bash
# Cold wall time of the README's two set-up commands, run in order on a fresh
# clone of REV (default HEAD) with an empty target directory, as a new user
# runs them. Crates already in ~/.cargo are not downloaded again.
# Usage: bench/cold_setup.sh [REV]
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-HEAD}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
git clone -q "$repo" "$dir/clone" && cd "$dir/clone" && git checkout -q "$rev"
unset CARGO_TARGET_DIR
# The two commands, as the README of that revision gives them.
setup="$(sed -n '/^## Set-up/,/^## /p' README.md)"
run_cmd="$(grep -m1 '^cargo run' <<<"$setup")"
test_cmd="$(grep -m1 '^cargo test' <<<"$setup")"
timed() {
    local start end
    start=$(date +%s.%N)
    bash -c "$1" >"$dir/$2.out" 2>"$dir/$2.err"
    local rc=$?
    end=$(date +%s.%N)
    printf '%-70s exit %d  %6.1f s  %d build units so far\n' "$1" "$rc" \
        "$(echo "$end - $start" | bc)" "$(ls target/debug/.fingerprint | wc -l)"
}
echo "$rev ($(git rev-parse --short HEAD)):"
timed "$run_cmd" run
timed "$test_cmd" test
grep -h 'Finished `test`' "$dir/test.err" | sed 's/^ */  compiling: /'
