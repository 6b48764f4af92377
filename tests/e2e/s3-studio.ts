// Playwright's second web server: the studio with STORAGE=s3 against a real S3 protocol server
// started here (tests/support/s3-server.ts), through the normal launcher and its start-up check.
import { spawn } from "node:child_process";
import path from "node:path";
import { TSX_NODE_ARGS } from "../../scripts/lib/tsx";
import { startTestS3Server } from "../support/s3-server";

const s3 = await startTestS3Server();
const studio = spawn(
  process.execPath,
  [...TSX_NODE_ARGS, path.join(import.meta.dirname, "../../scripts/launch.ts"), "start"],
  { env: { ...process.env, ...s3.env }, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => studio.kill(signal));
studio.on("exit", async (code) => {
  await s3.close();
  process.exit(code ?? 1);
});
