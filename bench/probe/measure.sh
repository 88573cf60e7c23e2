#!/usr/bin/env bash
# The build-time probe (issue "One rule, one definition"): rebuilding a crate
# of 40 structs x 8 fields with desk-schema's derive, against the same rules
# with garde 0.23 + schemars 1, in debug and in release. Dependencies are
# built first; each figure is the median of RUNS rebuilds of the probe crate
# alone (its lib.rs touched). Prints the seconds and the ratio.
#   bench/probe/measure.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
RUNS="${1:-5}"
python3 gen.py

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

time_builds() { # crate profile-flag
  local crate=$1 flag=$2
  export CARGO_TARGET_DIR="$PWD/target/$crate"
  (cd "$crate" && cargo build -q $flag)
  for _ in $(seq "$RUNS"); do
    touch "$crate/src/lib.rs"
    local start end
    start=$(date +%s.%N)
    (cd "$crate" && cargo build -q $flag)
    end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median
}

for profile in debug release; do
  flag=""
  [ "$profile" = release ] && flag="--release"
  desk=$(time_builds desk "$flag")
  garde=$(time_builds garde "$flag")
  printf '%-7s desk-schema %6.2f s   garde + schemars %6.2f s   ratio %.2f\n' \
    "$profile" "$desk" "$garde" "$(echo "$desk / $garde" | bc -l)"
done
