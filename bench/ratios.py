#!/usr/bin/env python3
"""Prints each benchmark group's figures and desk-schema's ratio to its
contender, from criterion's estimates of the last `cargo bench` run (under
$CARGO_TARGET_DIR when it is set, as cargo puts them). Exits 1 when a group
was not run and 2 when a ratio misses its target, so a script can tell."""
import json
import os
import sys

TARGET = os.environ.get("CARGO_TARGET_DIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "target"
)
ROOT = os.path.join(TARGET, "criterion")
GROUPS = [
    ("typed_validate_max_valid", "garde", 0.15),
    ("typed_validate_sparse", "garde", 0.15),
    ("from_json_str_sparse_valid", "serde_json_only", 1.05),
    ("from_json_str_valid", "serde_json_only", 1.05),
    ("from_json_str_sparse_invalid", "value_and_jsonschema", 0.15),
    ("from_json_str_invalid", "value_and_jsonschema", 0.15),
    ("from_json_str_invalid_shape", "value_and_jsonschema", 0.15),
    ("raw_value_valid", "jsonschema_is_valid", None),
    ("raw_value_invalid", "jsonschema_is_valid", None),
]


def median_ns(group, bench):
    path = os.path.join(ROOT, group, bench, "new", "estimates.json")
    with open(path) as f:
        return json.load(f)["median"]["point_estimate"]


def fmt(ns):
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.0f} ns"


HEADER = "| group | desk-schema | contender | ratio | target |\n|---|---|---|---|---|"


def row(group, ours, other, theirs, ratio, target):
    """Prints one group's line (figures already written out) and says
    whether its ratio missed its target."""
    verdict = "" if target is None else (f"≤ {target} {'met' if ratio <= target else 'MISSED'}")
    print(f"| {group} | {ours} | {other}: {theirs} | {ratio:.3f} | {verdict} |")
    return target is not None and ratio > target


def main():
    print(HEADER)
    missed = False
    not_run = False
    for group, other, target in GROUPS:
        try:
            ours, theirs = median_ns(group, "desk_schema"), median_ns(group, other)
        except FileNotFoundError:
            print(f"| {group} | (not run) | | | |")
            not_run = True
            continue
        missed |= row(group, fmt(ours), other, fmt(theirs), ours / theirs, target)
    if not_run:
        print(f"some groups were not run: no estimates under {ROOT}", file=sys.stderr)
        sys.exit(1)
    sys.exit(2 if missed else 0)

if __name__ == "__main__":
    main()
