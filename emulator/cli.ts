// npm run emulator -- [options]: starts the Kling emulator and prints where it is and how to call it.
import { helpText, parseCli } from "./cli-args";
import { startEmulator } from "./server";

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`kling emulator: ${(error as Error).message}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(helpText());
    return;
  }
  const emulator = await startEmulator({
    ...parsed.options,
    logger: parsed.quiet ? null : (line) => console.log(`[emulator] ${line}`),
  });
  const o = emulator.options;
  console.log(`Kling emulator ready at ${emulator.url}`);
  console.log(`  KLING_API_BASE=${emulator.url}`);
  console.log(`  KLING_ACCESS_KEY=${emulator.accessKey}`);
  console.log(`  KLING_SECRET_KEY=${emulator.secretKey}`);
  console.log(`  KLING_API_KEY=${emulator.apiKey}`);
  if (emulator.webhookSecret) console.log(`  webhook secret: ${emulator.webhookSecret}`);
  console.log(
    `  speed ${o.speed} (submitted ${o.submittedMs} ms, processing ${o.processingMs} ms), size ${o.videoSize}, seed ${o.seed}`,
  );
  console.log(`  state ${o.stateFile ?? "in memory"}, media ${emulator.mediaDir}`);
  if (o.faultsEnabled) console.log(`  admin: ${emulator.url}/__emulator/faults`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`kling emulator: ${signal}, shutting down`);
    emulator.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`kling emulator: shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: Error) => {
  console.error(`kling emulator: ${error.message}`);
  process.exit(1);
});
