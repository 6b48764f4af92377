import { describe, expect, it } from "vitest";
import { storageEnv } from "@/lib/env";

describe("storage settings", () => {
  it("default to local disk with nothing set", () => {
    expect(storageEnv({}).STORAGE).toBe("local");
  });

  it("parse a complete S3 configuration", () => {
    const env = storageEnv({
      STORAGE: "s3",
      S3_BUCKET: "studio-media",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_ACCESS_KEY_ID: "AKIA",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_FORCE_PATH_STYLE: "true",
    });
    expect(env).toMatchObject({
      S3_BUCKET: "studio-media",
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: true,
      S3_PROXY: false,
      S3_URL_TTL_SECONDS: 300,
    });
  });

  it.each([
    [{ STORAGE: "gcs" }, 'STORAGE: must be "local" or "s3"'],
    [{ STORAGE: "s3" }, "S3_BUCKET: is required when STORAGE=s3"],
    [{ STORAGE: "s3", S3_BUCKET: "Bad_Bucket" }, "S3_BUCKET: must be a bucket name"],
    [{ STORAGE: "s3", S3_BUCKET: "media", S3_ENDPOINT: "minio:9000" }, "S3_ENDPOINT: must be an http(s) URL"],
    [
      { STORAGE: "s3", S3_BUCKET: "media", S3_ACCESS_KEY_ID: "AKIA" },
      "S3_SECRET_ACCESS_KEY: is required with the other S3 key",
    ],
    [{ STORAGE: "s3", S3_BUCKET: "media", S3_PROXY: "yes" }, "S3_PROXY: must be 1, 0, true or false"],
    [{ STORAGE: "s3", S3_BUCKET: "media", S3_URL_TTL_SECONDS: "86400" }, "S3_URL_TTL_SECONDS:"],
  ])("name the variable for %j", (source, message) => {
    expect(() => storageEnv(source)).toThrow(message);
  });
});
