#!/usr/bin/env bash
# The build-time probe counted in instructions rather than seconds: one
# debug rebuild of each probe crate (its lib.rs touched, the incremental
# cache warm), the rustc command run under `valgrind --tool=callgrind`.
# Instruction counts repeat to within 0.1% whatever else the machine is
# doing, so they tell a 1% change in the generated code apart, which the
# wall clock (bench/probe/measure.sh) cannot on a shared machine.
#   bench/probe/instructions.sh        # needs valgrind (apt-get install valgrind)
set -euo pipefail
cd "$(dirname "$0")"
python3 gen.py

count() {
  local crate=$1 cmd
  export CARGO_TARGET_DIR="$PWD/target/$crate"
  (cd "$crate" && cargo build -q)
  touch "$crate/src/lib.rs"
  # The rustc command cargo runs for the crate, with its environment.
  cmd=$(cd "$crate" && cargo build -v 2>&1 | grep 'Running `' | tail -1 | sed 's/.*Running `//; s/`$//')
  touch "$crate/src/lib.rs"
  (cd "$crate" && eval "valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd" 2>&1) |
    grep Collected | awk '{gsub(",", "", $4); print $4}'
}

desk=$(count desk)
garde=$(count garde)
printf 'debug rebuild, instructions: desk-schema %d M, garde + schemars %d M, ratio %.4f\n' \
  "$((desk / 1000000))" "$((garde / 1000000))" "$(echo "$desk / $garde" | bc -l)"
