#!/usr/bin/env bash
# The build-time probe (issue "One rule, one definition"): rebuilding a crate
# of 40 structs x 8 fields with desk-schema's derive, against the same rules
# with garde 0.23 + schemars 1, in debug and in release. Dependencies are
# built first; then the two crates are rebuilt in turn (desk, garde, desk,
# garde, ...: a load that comes and goes on a shared machine falls on both),
# RUNS times each, with the probe crate's lib.rs touched. Prints the median
# wall-clock seconds and the median CPU seconds (user + system, which
# another process's load disturbs less), and the ratio of each.
#   bench/probe/measure.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
RUNS="${1:-5}"
python3 gen.py

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# One rebuild of crate $1 with flag $2: "wall cpu" in seconds.
rebuild() {
  local crate=$1 flag=$2
  touch "$crate/src/lib.rs"
  local out
  out=$( { /usr/bin/time -f "%e %U %S" bash -c "cd $crate && CARGO_TARGET_DIR=$PWD/target/$crate cargo build -q $flag" ; } 2>&1 | tail -1)
  echo "$out" | awk '{printf "%s %.2f\n", $1, $2 + $3}'
}

for profile in debug release; do
  flag=""
  [ "$profile" = release ] && flag="--release"
  for crate in desk garde; do
    (cd "$crate" && CARGO_TARGET_DIR="$PWD/../target/$crate" cargo build -q $flag)
  done
  : > "/tmp/probe-desk-$profile" ; : > "/tmp/probe-garde-$profile"
  for _ in $(seq "$RUNS"); do
    rebuild desk "$flag" >> "/tmp/probe-desk-$profile"
    rebuild garde "$flag" >> "/tmp/probe-garde-$profile"
  done
  dw=$(cut -d' ' -f1 "/tmp/probe-desk-$profile" | median)
  dc=$(cut -d' ' -f2 "/tmp/probe-desk-$profile" | median)
  gw=$(cut -d' ' -f1 "/tmp/probe-garde-$profile" | median)
  gc=$(cut -d' ' -f2 "/tmp/probe-garde-$profile" | median)
  printf '%-7s wall: desk-schema %5.2f s, garde + schemars %5.2f s, ratio %.2f | cpu: %5.2f s, %5.2f s, ratio %.2f\n' \
    "$profile" "$dw" "$gw" "$(echo "$dw / $gw" | bc -l)" "$dc" "$gc" "$(echo "$dc / $gc" | bc -l)"
done
