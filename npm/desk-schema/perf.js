// Times `validateRequest` on one request, as a page would call it:
//
//   cargo run -q --release -p desk-schema-bench --example texts -- sparse_invalid > /tmp/sparse_invalid.json
//   node npm/desk-schema/perf.js /tmp/sparse_invalid.json [RUNS]
//
// (the issue "One rule, one definition"'s invalid text: 150 violations).
// Reads `dist/` (`npm run build` first), warms up on a tenth as many runs,
// then prints the median of five rounds of RUNS calls (200 unless given).
import fs from "node:fs";
import { validateRequest } from "./dist/index.js";

const [file, runsText] = process.argv.slice(2);
if (!file) {
  console.error("usage: node perf.js REQUEST.json [RUNS]");
  process.exit(2);
}
const data = JSON.parse(fs.readFileSync(file, "utf8"));
const runs = Number(runsText ?? 200);
let violations = validateRequest(data);
for (let i = 0; i < runs / 10; i++) violations = validateRequest(data);
const rounds = [];
for (let round = 0; round < 5; round++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) violations = validateRequest(data);
  rounds.push(Number(process.hrtime.bigint() - start) / 1e3 / runs);
}
const median = rounds.sort((a, b) => a - b)[2];
console.log(
  `${violations.length} violations: ${median.toFixed(0)} µs a call (rounds ${rounds.map((r) => r.toFixed(0)).join(", ")}), ` +
    `${(median / Math.max(violations.length, 1)).toFixed(1)} µs a violation`,
);
