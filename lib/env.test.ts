import { describe, expect, it } from "vitest";
import { appConfig, hasKlingKeys, klingConfig, LIVE_KLING_API_BASE } from "@/lib/env";

describe("configuration", () => {
  it("has a default for every optional variable; an empty value counts as unset", () => {
    const config = appConfig({ DATABASE_URL: "", KLING_POLL_INTERVAL_SECONDS: "" });
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: ".data",
      WORKER: "in-process",
      KLING_POLL_INTERVAL_SECONDS: 5,
      KLING_TASK_DEADLINE_SECONDS: 3600,
      KLING_MAX_SUBMIT_ATTEMPTS: 10,
      EMULATOR_SPEED: "demo",
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("refuses a bad value naming the variable, instead of falling back silently", () => {
    expect(() => appConfig({ KLING_POLL_INTERVAL_SECONDS: "soon" })).toThrow(/KLING_POLL_INTERVAL_SECONDS/);
    expect(() => appConfig({ WORKER: "elsewhere" })).toThrow(/WORKER/);
    expect(() => appConfig({ KLING_LATE_CHECKS_PER_TICK: "0" })).toThrow(
      /KLING_LATE_CHECKS_PER_TICK: must be at least 1/,
    );
    expect(appConfig({ KLING_TASK_DEADLINE_SECONDS: "0.05" }).KLING_TASK_DEADLINE_SECONDS).toBe(0.05);
  });

  it("knows when Kling keys are configured and where the live API is", () => {
    expect(hasKlingKeys({ KLING_ACCESS_KEY: "ak" })).toBe(false);
    expect(hasKlingKeys({ KLING_ACCESS_KEY: "ak", KLING_SECRET_KEY: "sk" })).toBe(true);
    expect(klingConfig(appConfig({ KLING_API_KEY: "key" }))?.baseUrl).toBe(LIVE_KLING_API_BASE);
    expect(klingConfig(appConfig({}))).toBeUndefined();
  });
});
