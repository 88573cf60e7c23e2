#!/usr/bin/env python3
"""Drops from `runner/src/types.rs` every module that does not compile (a
type the derive refuses, or one rustc refuses: both are drawn), until the
runner builds; writes each dropped module's first errors to
`runner/pruned.txt` (left as it was when nothing is dropped, so that a
second run over pruned types keeps the first run's record).

    python3 prune.py

Builds with cargo's default target directory for the runner
(`runner/target`) unless CARGO_TARGET_DIR says otherwise."""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, "runner")
TYPES = os.path.join(RUNNER, "src", "types.rs")


def modules(lines):
    """(first line, last line, name) of each generated module, 1-based."""
    found, start = [], None
    for i, line in enumerate(lines, 1):
        m = re.match(r"pub mod (m\d+) \{", line)
        if m:
            start = (i, m.group(1))
        if line == "} // end" and start:
            found.append((start[0], i, start[1]))
            start = None
    return found


def main():
    log = []
    try:
        prune(log)
    finally:
        if log:
            with open(os.path.join(RUNNER, "pruned.txt"), "w") as f:
                f.writelines(log)


def prune(log):
    """Drops the modules that do not compile, noting each error in `log`."""
    for round_ in range(10):
        lines = open(TYPES).read().split("\n")
        spans = modules(lines)
        run = subprocess.run(
            ["cargo", "check", "--locked", "--message-format", "short"],
            cwd=RUNNER, capture_output=True, text=True,
        )
        if run.returncode == 0:
            print(f"builds after {round_} rounds; {len(spans)} modules left")
            return
        bad = set()
        for error in (l for l in run.stderr.split("\n") if ": error" in l):
            m = re.match(r"src/types\.rs:(\d+):", error)
            if m:
                line = int(m.group(1))
                names = [name for a, b, name in spans if a <= line <= b]
            else:
                names = re.findall(r"`(m\d+)::", error)
            for name in names:
                bad.add(name)
                log.append(f"{name}\t{error}\n")
        if not bad:
            sys.exit("errors outside the generated modules:\n" + run.stderr[-4000:])
        print(f"round {round_}: dropping {len(bad)} modules")
        out, skip = [], False
        for line in lines:
            m = re.match(r"pub mod (m\d+) \{", line)
            if m and m.group(1) in bad:
                skip = True
                if out and out[-1].startswith("#[allow("):
                    out.pop()
                continue
            if skip:
                skip = line != "} // end"
                continue
            m = re.match(r"\s*\$m!\((m\d+)::", line)
            if m and m.group(1) in bad:
                continue
            out.append(line)
        open(TYPES, "w").write("\n".join(out))
    sys.exit("still does not build after 10 rounds")


if __name__ == "__main__":
    main()
