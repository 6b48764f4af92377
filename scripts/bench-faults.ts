// npm run bench:faults — runs the fault matrix (tests/integration/fault-matrix-*.test.ts: the real
// worker process, embedded Postgres and the emulator over HTTP) and prints one row per fault kind:
// generations, create POSTs received, duplicates, lost, Kling's `succeed` → archived (p50/p95) and,
// for the kills, the time from the new process's start to the dead one's rows being taken over.
// Numbers to read, not thresholds: the matrix itself asserts 0 duplicates and 0 lost.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CaseResult } from "../tests/integration/helpers/fault-matrix";

const root = path.resolve(import.meta.dirname, "..");
const report = path.join(await mkdtemp(path.join(os.tmpdir(), "kling-bench-faults-")), "matrix.jsonl");
const started = Date.now();
const run = spawnSync(
  path.join(root, "node_modules/.bin/vitest"),
  ["run", "tests/integration/fault-matrix-kling.test.ts", "tests/integration/fault-matrix-process.test.ts"],
  // Vitest's own report goes to stderr, so stdout is just the table.
  { cwd: root, stdio: ["ignore", 2, 2], env: { ...process.env, FAULT_MATRIX_REPORT: report } },
);
const rows = (await readFile(report, "utf8").catch(() => ""))
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as CaseResult);

const seconds = (ms: number | undefined) => (ms === undefined ? "–" : `${(ms / 1000).toFixed(1)} s`);
console.log(
  "| fault | generations | create POSTs | duplicates | lost | Kling failed | succeed → archived p50 / p95 | resume after kill |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const row of rows) {
  const latency = row.succeedToArchivedMs
    ? `${seconds(row.succeedToArchivedMs.p50)} / ${seconds(row.succeedToArchivedMs.p95)}`
    : "–";
  console.log(
    `| ${row.name} | ${row.generations} | ${row.createPosts} | ${row.duplicates} | ${row.lost} | ${row.klingFailed} | ${latency} | ${seconds(row.resumeMs)} |`,
  );
}
console.log(
  `\n${rows.length} cases in ${Math.round((Date.now() - started) / 1000)} s on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}); load average ${os.loadavg()[0].toFixed(1)} at the end.`,
);
if (run.status !== 0) {
  console.error(
    `\nThe fault matrix failed (exit ${run.status ?? run.signal}): rows above are the cases that passed.`,
  );
  process.exit(1);
}
