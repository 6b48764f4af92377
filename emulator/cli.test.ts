import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { helpText, parseCli, parseDuration } from "./cli-args";
import { CLI_OPTIONS } from "./cli-options";

describe("CLI flags and environment", () => {
  it("reads every documented environment variable", () => {
    const { options } = parseCli([], {
      EMULATOR_PORT: "4999",
      KLING_ACCESS_KEY: "ak_env",
      KLING_SECRET_KEY: "sk_env",
      KLING_API_KEY: "key_env",
      EMULATOR_SPEED: "fast",
      EMULATOR_SEED: "9",
      EMULATOR_STATE_FILE: "/tmp/state.json",
      EMULATOR_VIDEO_SIZE: "small",
      EMULATOR_RETENTION: "10s",
      EMULATOR_FAULTS: "1",
      EMULATOR_WEBHOOK_SECRET: "whsec_abc=",
      EMULATOR_BLOCKED_WORDS: "gore, war",
      EMULATOR_CONTENT_POLICY: "fail",
      EMULATOR_RETIRED_MODELS: "kling-v1",
      EMULATOR_FAULT_RULES: "kind=http_500,scope=create,count=2;kind=latency,latencyMs=300",
    });
    expect(options).toEqual({
      port: 4999,
      accessKey: "ak_env",
      secretKey: "sk_env",
      apiKey: "key_env",
      speed: "fast",
      seed: 9,
      stateFile: "/tmp/state.json",
      videoSize: "small",
      retentionMs: 10_000,
      faultsEnabled: true,
      webhookSecret: "whsec_abc=",
      blockedWords: ["gore", "war"],
      contentPolicyMode: "fail",
      retiredModels: ["kling-v1"],
      faults: [
        { kind: "http_500", scope: "create", count: 2 },
        { kind: "latency", latencyMs: 300 },
      ],
    });
  });

  it("flags win over the environment and take --flag value or --flag=value", () => {
    const { options, quiet } = parseCli(
      [
        "--port",
        "5000",
        "--speed=demo",
        "--retention",
        "30d",
        "--faults",
        "--quiet",
        "--fault",
        "kind=reset",
      ],
      { EMULATOR_PORT: "4999", EMULATOR_SPEED: "fast", EMULATOR_FAULT_RULES: "kind=http_503" },
    );
    expect(options).toMatchObject({
      port: 5000,
      speed: "demo",
      retentionMs: 30 * 86_400_000,
      faultsEnabled: true,
    });
    expect(options.faults).toEqual([{ kind: "reset" }]);
    expect(quiet).toBe(true);
  });

  it("fails loudly, naming the flag or variable, the value and the rule", () => {
    expect(() => parseCli(["--speed", "warp"], {})).toThrow('--speed must be one of demo, fast; got "warp"');
    expect(() => parseCli([], { EMULATOR_PORT: "http" })).toThrow(
      'EMULATOR_PORT must be a non-negative integer; got "http"',
    );
    expect(() => parseCli(["--retention", "soon"], {})).toThrow(
      /--retention must be a duration such as 500ms, 10s/,
    );
    expect(() => parseCli(["--bogus"], {})).toThrow(
      "unknown option --bogus; run with --help to see the options",
    );
    expect(() => parseCli(["--port"], {})).toThrow("--port needs a value");
  });

  it("parses durations", () => {
    expect([
      parseDuration("500ms"),
      parseDuration("10s"),
      parseDuration("2m"),
      parseDuration("12h"),
      parseDuration("250"),
    ]).toEqual([500, 10_000, 120_000, 43_200_000, 250]);
  });

  it("documents every option in --help", () => {
    const help = helpText();
    for (const option of CLI_OPTIONS) {
      expect(help).toContain(option.flag);
      if (option.env) expect(help).toContain(option.env);
    }
  });
});

describe("npm run emulator", () => {
  it("prints its URL and credentials when ready and exits cleanly on SIGTERM", async () => {
    const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
    const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
    const child = spawn(tsx, [cli, "--port", "0", "--speed", "fast", "--api-key", "cli-key"], {
      env: { ...process.env, KLING_ACCESS_KEY: "", KLING_SECRET_KEY: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!/KLING_API_KEY=/.test(output) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const url = /Kling emulator ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(url, output).toBeDefined();
    expect(output).toMatch(/KLING_ACCESS_KEY=ak_[0-9a-f]{24}/);
    expect(output).toContain("KLING_API_KEY=cli-key");
    const list = await fetch(`${url}/v1/videos/text2video`, { headers: { authorization: "Bearer cli-key" } });
    expect(list.status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
