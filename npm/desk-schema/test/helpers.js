// Shared by the package's tests: the corpus, and the Rust CLI's verdicts on it.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const here = path.dirname(fileURLToPath(import.meta.url));
export const pkg = path.join(here, "..");
export const root = path.join(pkg, "..", "..");

const lines = fs
  .readFileSync(path.join(root, "corpus", "create_group.requests.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim());
export const cases = lines.map((line) => JSON.parse(line));

// The request as written in the corpus (the last key of each line), so that
// `500.0` reaches the CLI as written; JSON.stringify would print `500`.
const requestTexts = lines.map((line) => {
  const at = line.indexOf('"request": ');
  if (at < 0 || !line.endsWith("}")) throw new Error(`corpus line without a final "request": ${line}`);
  return line.slice(at + '"request": '.length, -1);
});

/**
 * The Rust CLI, built by cargo as .ci/run builds it: its standard output for
 * `args`, with `input` on standard input. Exit 1 (some request is invalid)
 * is an answer, not a failure.
 */
export function desk(args, input = "") {
  // English, as the tests compare it, whatever language the caller's
  // environment asks the CLI for.
  const env = { ...process.env };
  for (const name of ["DESK_SCHEMA_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]) delete env[name];
  try {
    return execFileSync("cargo", ["run", "-q", "--release", "-p", "desk-schema", "--all-features", "--", ...args], {
      cwd: root,
      env,
      input,
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
  } catch (e) {
    if (e.status !== 1) throw e;
    return e.stdout;
  }
}

/** `desk-schema validate --jsonl --format json` on every corpus request, one report per case. */
export function cliReports(extraArgs = []) {
  const out = desk(["validate", "--jsonl", "--format", "json", ...extraArgs], requestTexts.join("\n") + "\n");
  const reports = out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  if (reports.length !== cases.length) throw new Error(`${reports.length} reports for ${cases.length} cases`);
  return reports;
}

/** A violation as a canonical string: every key, sorted. */
export const canonical = (v) => JSON.stringify(Object.fromEntries(Object.entries(v).sort()));
export const sorted = (violations) => violations.map(canonical).sort();
