#!/usr/bin/env bash
# Peak memory of `desk-schema validate --jsonl` on a large JSON Lines file
# (default 1 GiB of the shared corpus's requests, repeated), against a small
# one: streaming keeps the peak flat. Usage: bench/jsonl_memory.sh [BYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-1073741824}"
cargo build -q --release -p desk-schema --features cli
target="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
bin="$target/release/desk-schema"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" "$size" <<'PY'
import json, sys
dir, size = sys.argv[1], int(sys.argv[2])
lines = [json.dumps(json.loads(l)["request"], ensure_ascii=False) + "\n"
         for l in open("corpus/create_group.requests.jsonl", encoding="utf-8")]
block = "".join(lines).encode()
with open(f"{dir}/small.jsonl", "wb") as f:
    f.write(block)
with open(f"{dir}/big.jsonl", "wb") as f:
    written = 0
    while written < size:
        f.write(block)
        written += len(block)
PY
for file in small big; do
  bytes=$(stat -c %s "$dir/$file.jsonl")
  /usr/bin/time -f "%M %e" -o "$dir/time" "$bin" validate --jsonl --format json "$dir/$file.jsonl" \
    | wc -l > "$dir/count" || true
  read -r kib secs < <(tail -n 1 "$dir/time")
  echo "$file: $bytes bytes, $(cat "$dir/count") reports, peak RSS ${kib} KiB, ${secs} s"
done
