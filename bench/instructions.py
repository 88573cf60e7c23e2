#!/usr/bin/env python3
"""Counts the instructions of each benchmark case under callgrind, and
desk-schema's ratio to its contender: the groups and targets of
`ratios.py`, without the noise of a shared machine (a count repeats to
within a fraction of a percent; a time on this machine can move 2x).

    python3 bench/instructions.py [group ...]     # default: every group
    python3 bench/instructions.py --floors        # each text read with less than from_json_str does
    python3 bench/instructions.py --floors-time   # the same, in time (no valgrind)
    python3 bench/instructions.py --time [group ...]  # every group in time, paired (no valgrind)
    python3 bench/instructions.py --units [group ...]  # desk-schema built with one codegen unit
                                                       # against 16, in time (no valgrind)
    python3 bench/instructions.py --one-cgu [any of the above but --units]  # built with one unit

A group not in `ratios.py`, or two modes at once, is refused (exit 1).

Each case (`bench/benches/common/mod.rs`) runs in
`examples/instructions.rs` FEW times and FEW + n times, n chosen so that
the n runs count about 15 million instructions; the difference, divided by
n, is one run's count with the set-up taken out; the median of eight
processes with environments of different sizes (`per_run`).
Needs valgrind. Exits 2 when a ratio misses its target.

`--one-cgu` builds the cases with `codegen-units = 1`, in a target
directory of their own (`<target>/one-cgu`). With rustc's default of 16
units, which functions share a unit (and so can be inlined into each
other) moves with unrelated changes: one build's `raw_value_valid` read
5.1 K instructions and 6% more time after a change to the strict parse
alone, and the same two builds with one unit were within 0.1%. A change
that moves a case by a few per cent should be read both ways. `--units`
times each group's desk-schema side built both ways, in turn.

The issue's targets are on time: a count is a second view, not the
verdict. Work that waits on memory (allocation, a parse) takes more time
per instruction than a tight loop over bytes in cache, so the two ratios
differ."""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ratios import GROUPS, HEADER, TARGET, row  # noqa: E402

FEW = 10
BUDGET = 15_000_000
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
EXE = os.path.join(TARGET, "release", "examples", "instructions")


# Sizes of an environment variable each count is taken with (see
# `per_run`): valgrind puts a process at the same addresses each time, and
# the environment's size moves the stack against the heap, across a page.
PADS = range(0, 4096, 512)


def count(group, side, n, pad=0):
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", EXE, group, side, str(n)],
        capture_output=True, text=True, check=True, env=dict(os.environ, DESK_BENCH_PAD="x" * pad),
    )
    return int(re.search(r"refs:\s+([\d,]+)", run.stderr).group(1).replace(",", ""))


def per_run(group, side):
    """One run's count, the median of `PADS`: the count of one build moves
    between processes with where the stack falls against the heap. glibc
    copies a block by one path or another with how the two addresses fall
    within a page, and the paths differ by thousands of instructions (not
    in time): on the sparse invalid text one build read 422 K in seven
    processes of eight and 407 K in the eighth. The median is the count of
    the usual path, comparable from one build to the next."""
    import statistics
    return statistics.median(per_run_padded(group, side, pad) for pad in PADS)


def per_run_padded(group, side, pad):
    few = count(group, side, FEW, pad)
    # A rough count first, over 100 runs: the set-up's count moves by a few
    # thousand from one process to the next (hash seeds), which over fewer
    # runs could read as a run costing almost nothing, and so as millions
    # of runs to count.
    rough = max((count(group, side, FEW + 100, pad) - few) / 100, 1000)
    n = max(100, round(BUDGET / rough))
    return (count(group, side, FEW + n, pad) - few) / n


# Readings of each text with less than `from_json_str` does, each as a
# share of the group's contender. On the invalid texts, serde_json's
# reading with no check at all: what `from_json_str` cannot cost less than
# there. On the valid one, serde's parse and then `validate()`: the two
# steps `from_json_str` takes there, without its strict wrapper around the
# parse. Not a floor in instructions (the wrapper's parse counts a little
# fewer), but in time the wrapper once cost 2% (BENCHMARKS.md, fifty-second
# session). On both sparse texts, also the walk alone (`desk_walk`, not a
# floor either): what reading every problem without serde's value costs.
FLOORS = [
    ("from_json_str_sparse_valid", ["serde_typed_then_validate", "desk_walk"]),
    ("from_json_str_sparse_invalid", ["serde_typed_checks_unsorted", "serde_typed", "serde_ignored_any", "desk_walk"]),
    ("from_json_str_invalid", ["serde_typed", "serde_ignored_any"]),
    ("from_json_str_invalid_shape", ["serde_ignored_any"]),
]


def contender(group):
    return next(other for g, other, _ in GROUPS if g == group)


def floors():
    print("| group | reading | instructions | share of the contender |\n|---|---|---|---|")
    for group, sides in FLOORS:
        theirs = per_run(group, contender(group))
        for side in sides:
            count = per_run(group, side)
            print(f"| {group} | {side} | {count / 1000:,.1f} K | {count / theirs:.3f} of {contender(group)} |")


def per_run_time(group, side, exe=None):
    """One run's time in seconds, timed inside the process (after a tenth
    as many runs to warm up, and the set-up, outside the clock): about
    0.3 s of runs. `exe`: another build of the cases than `EXE`."""
    def timed(n):
        run = subprocess.run([exe or EXE, group, side, str(n), "--time"], check=True, capture_output=True, text=True)
        return int(run.stdout.strip()) / 1e9
    rough = max(timed(50), 1e-8)
    return timed(max(100, round(0.3 / rough)))


def timed_pairs(first, second, pairs):
    """`first()` then `second()`, each one run's time, `pairs` times over:
    both lists of times, and the pairs' ratios, second over first."""
    firsts, seconds = [], []
    for _ in range(pairs):
        firsts.append(first())
        seconds.append(second())
    return firsts, seconds, [b / a for a, b in zip(firsts, seconds)]


def floors_time(pairs=9):
    """Each reading timed right after the contender, `pairs` times over:
    the median of the pairs' ratios (a shared machine's speed drifts by
    the minute, so that two medians taken apart would compare two
    machines), their range, and the ratio of the least times (see
    `paired_time`)."""
    import statistics
    print("| group | reading | median time | share of the contender (median; range) | least times' ratio |")
    print("|---|---|---|---|---|")
    for group, sides in FLOORS:
        other = contender(group)
        for side in ["desk_schema", *sides]:
            theirs_all, times, ratios = timed_pairs(
                lambda: per_run_time(group, other), lambda: per_run_time(group, side), pairs
            )
            print(
                f"| {group} | {side} | {statistics.median(times) * 1e6:,.1f} µs | "
                f"{statistics.median(ratios):.3f} of {other} ({min(ratios):.3f} to {max(ratios):.3f}) | "
                f"{min(times) / min(theirs_all):.3f} |"
            )


def paired_time(wanted, pairs=9):
    """Each group's desk-schema side timed right after its contender,
    `pairs` times over, as `floors_time` does: the median of the pairs'
    ratios, and their range, against the issue's targets. Exits 2 when a
    median misses its target.

    Also the ratio of the least times, each side's quietest process: a
    neighbour's load only ever adds time, so on a loaded machine the least
    time is the steadiest reading of a side's own cost (on the sparse valid
    text, each side's moved by at most 1.3% over three runs whose median
    ratios were 1.033, 1.052 and 1.067). The verdict stays on the median."""
    import statistics
    print("| group | desk-schema (median) | contender (median) | ratio (median; range) | least times' ratio | target |")
    print("|---|---|---|---|---|---|")
    missed = False
    for group, other, target in GROUPS:
        if wanted and group not in wanted:
            continue
        theirs_all, ours_all, ratios = timed_pairs(
            lambda: per_run_time(group, other), lambda: per_run_time(group, "desk_schema"), pairs
        )
        ratio = statistics.median(ratios)
        verdict = "" if target is None else f"≤ {target} {'met' if ratio <= target else 'MISSED'}"
        missed |= target is not None and ratio > target
        print(
            f"| {group} | {statistics.median(ours_all) * 1e6:,.2f} µs | {other}: "
            f"{statistics.median(theirs_all) * 1e6:,.2f} µs | {ratio:.3f} "
            f"({min(ratios):.3f} to {max(ratios):.3f}) | {min(ours_all) / min(theirs_all):.3f} | {verdict} |"
        )
    sys.exit(2 if missed else 0)


def units(wanted, pairs=9):
    """Each group's desk-schema side built with one codegen unit and with
    rustc's default 16, timed in turn `pairs` times over: the medians, and
    the ratio of the medians and of the least times, one unit over 16."""
    import statistics
    print("| group | 16 units (median) | one unit (median) | one / 16 (medians) | one / 16 (least) |")
    print("|---|---|---|---|---|")
    for group, _, _ in GROUPS:
        if wanted and group not in wanted:
            continue
        default, one, _ = timed_pairs(
            lambda: per_run_time(group, "desk_schema"),
            lambda: per_run_time(group, "desk_schema", ONE_CGU_EXE),
            pairs,
        )
        print(
            f"| {group} | {statistics.median(default) * 1e6:,.2f} µs | {statistics.median(one) * 1e6:,.2f} µs | "
            f"{statistics.median(one) / statistics.median(default):.3f} | {min(one) / min(default):.3f} |"
        )


ONE_CGU_TARGET = os.path.join(TARGET, "one-cgu")
ONE_CGU_EXE = os.path.join(ONE_CGU_TARGET, "release", "examples", "instructions")
MODES = ["--floors", "--floors-time", "--time", "--units"]


def build(one_cgu):
    env = dict(os.environ)
    if one_cgu:
        env.update(CARGO_PROFILE_RELEASE_CODEGEN_UNITS="1", CARGO_TARGET_DIR=ONE_CGU_TARGET)
    subprocess.run(
        ["cargo", "build", "-q", "--release", "-p", "desk-schema-bench", "--example", "instructions"],
        cwd=ROOT, check=True, env=env,
    )


def main():
    global EXE
    args = sys.argv[1:]
    one_cgu = "--one-cgu" in args
    modes = [a for a in args if a.startswith("--") and a != "--one-cgu"]
    groups = {a for a in args if not a.startswith("--")}
    known = {group for group, _, _ in GROUPS}
    refused = (
        [m for m in modes if m not in MODES]
        + sorted(groups - known)
        + (["two modes"] if len(modes) > 1 else [])
        + (["groups with " + modes[0]] if modes[:1] in (["--floors"], ["--floors-time"]) and groups else [])
        + (["--one-cgu with --units"] if one_cgu and modes == ["--units"] else [])
    )
    if refused:
        sys.exit(f"refused: {', '.join(refused)} (see the usage at the top of {sys.argv[0]})")
    mode = modes[0] if modes else None
    if one_cgu:
        EXE = ONE_CGU_EXE
    build(one_cgu)
    if mode == "--units":
        build(True)
        units(groups)
        return
    if mode == "--floors":
        floors()
        return
    if mode == "--floors-time":
        floors_time()
        return
    if mode == "--time":
        paired_time(groups)
    print(HEADER)
    missed = False
    for group, other, target in GROUPS:
        if groups and group not in groups:
            continue
        ours, theirs = per_run(group, "desk_schema"), per_run(group, other)
        missed |= row(group, f"{ours / 1000:,.1f} K", other, f"{theirs / 1000:,.1f} K", ours / theirs, target)
    sys.exit(2 if missed else 0)


if __name__ == "__main__":
    main()
