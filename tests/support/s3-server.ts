import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { verifySigV4 } from "./sigv4";

export interface TestS3Server {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The STORAGE=s3 environment for a studio process pointed at this server. */
  env: Record<string, string>;
  /** Requests as the server saw them ("PUT /bucket/key?partNumber=1"), to count from outside. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A real S3 protocol server on loopback for tests: s3rver (objects on disk, multipart, Range,
 * presigned query auth) behind a front that recomputes every Signature V4, so wrong secrets,
 * tampered URLs and expired URLs are refused as a real store would.
 */
export async function startTestS3Server(options: { bucket?: string } = {}): Promise<TestS3Server> {
  const bucket = options.bucket ?? "studio-media";
  const directory = await mkdtemp(path.join(os.tmpdir(), "kling-studio-s3-"));
  // s3rver knows one key id; the secret is ours, checked by the front below (s3rver never checks it).
  const accessKeyId = "S3RVER";
  const secretAccessKey = randomBytes(20).toString("hex");
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: [{ name: bucket, configs: [] }] });
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const check = verifySigV4(request, (id) => (id === accessKeyId ? secretAccessKey : undefined));
    if (!check.ok) {
      request.resume();
      response.writeHead(403, { "content-type": "application/xml" });
      response.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${check.code}</Code><Message>${check.message}</Message></Error>`,
      );
      return;
    }
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    bucket,
    accessKeyId,
    secretAccessKey,
    requests,
    env: {
      STORAGE: "s3",
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
      S3_FORCE_PATH_STYLE: "1",
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(directory, { recursive: true, force: true });
    },
  };
}
