import { describe, expect, it } from "vitest";
import { storageEnv } from "@/lib/env";
import { presignedMediaOrigins } from "@/lib/storage/origin";

const origins = (source: Record<string, string>) => presignedMediaOrigins(storageEnv(source));

describe("presignedMediaOrigins", () => {
  it("none for local disk or when media is proxied through the studio", () => {
    expect(origins({})).toEqual([]);
    expect(origins({ STORAGE: "s3", S3_BUCKET: "media", S3_PROXY: "1" })).toEqual([]);
  });

  it("the endpoint's origin with path style, keeping the port", () => {
    expect(
      origins({
        STORAGE: "s3",
        S3_BUCKET: "media",
        S3_ENDPOINT: "http://127.0.0.1:9000/",
        S3_FORCE_PATH_STYLE: "1",
      }),
    ).toEqual(["http://127.0.0.1:9000"]);
  });

  it("virtual-hosted and path-style origins otherwise, AWS's regional host without an endpoint", () => {
    expect(origins({ STORAGE: "s3", S3_BUCKET: "media", S3_REGION: "eu-west-1" })).toEqual([
      "https://media.s3.eu-west-1.amazonaws.com",
      "https://s3.eu-west-1.amazonaws.com",
    ]);
    expect(origins({ STORAGE: "s3", S3_BUCKET: "media", S3_ENDPOINT: "https://r2.example.com" })).toEqual([
      "https://media.r2.example.com",
      "https://r2.example.com",
    ]);
  });
});
