import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Regenerates the Prisma client when it is missing or older than the schema or the lockfile. */
export function ensurePrismaClient(log: (line: string) => void = console.log) {
  const generated = path.join(root, "lib/generated/prisma/client.ts");
  const inputs = ["prisma/schema.prisma", "package-lock.json"].map((file) => path.join(root, file));
  const stale =
    !existsSync(generated) || inputs.some((input) => statSync(input).mtimeMs > statSync(generated).mtimeMs);
  if (!stale) return;
  log("Generating the Prisma client…");
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    // Note: generate never runs the schema engine, but the CLI insists on finding one and this
    // environment cannot download it (DESIGN.md).
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
