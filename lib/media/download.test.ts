import { createHash } from "node:crypto";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DownloadError, downloadToFile } from "@/lib/media/download";

// A real HTTP server playing the file host: chunked bodies, lying lengths, stalls and redirects.
const BODY = Buffer.from(Array.from({ length: 64 * 1024 }, (_, index) => index % 251));
let server: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "kling-download-"));
  server = createServer((req, res) => {
    const route = req.url ?? "/";
    if (route === "/file") return res.end(BODY);
    if (route === "/chunked") {
      res.writeHead(200); // no Content-Length: only the bytes received can be counted
      for (let index = 0; index < 8; index++) res.write(BODY);
      return res.end();
    }
    if (route === "/stall") {
      res.writeHead(200, { "content-length": BODY.length * 2 });
      return res.write(BODY); // then silence
    }
    if (route === "/gone") return res.writeHead(410).end();
    if (route === "/busy") return res.writeHead(503).end();
    if (route === "/to-file") return res.writeHead(302, { location: "file:///etc/passwd" }).end();
    if (route === "/to-data") return res.writeHead(301, { location: "data:text/plain,hello" }).end();
    if (route === "/to-file-ok") return res.writeHead(307, { location: "/file" }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options = { idleTimeoutMs: 500, maxBytes: 1024 * 1024 };
const target = (name: string) => path.join(dir, name);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("downloadToFile", () => {
  it("streams the file to disk and hashes it on the way", async () => {
    const result = await downloadToFile(`${base}/file`, target("a"), options);
    expect(result).toEqual({ bytes: BODY.length, sha256: createHash("sha256").update(BODY).digest("hex") });
    expect(await readFile(target("a"))).toEqual(BODY);
  });

  it("follows a redirect to http(s)", async () => {
    expect((await downloadToFile(`${base}/to-file-ok`, target("b"), options)).bytes).toBe(BODY.length);
  });

  it("enforces the size cap on bytes received, without any Content-Length", async () => {
    const error = await failure(
      downloadToFile(`${base}/chunked`, target("c"), { ...options, maxBytes: 100_000 }),
    );
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ kind: "too_large" });
    expect((await stat(target("c")).catch(() => null))?.size ?? 0).toBeLessThanOrEqual(100_000 + BODY.length);
  });

  it("gives up on a host that goes silent mid-body (idle timeout)", async () => {
    expect(await failure(downloadToFile(`${base}/stall`, target("d"), options))).toMatchObject({
      kind: "transient",
      message: "no data for 500 ms",
    });
  });

  it("tells a dead link (403/404/410) from a busy host", async () => {
    expect(await failure(downloadToFile(`${base}/gone`, target("e"), options))).toMatchObject({
      kind: "link",
    });
    expect(await failure(downloadToFile(`${base}/busy`, target("f"), options))).toMatchObject({
      kind: "transient",
    });
  });

  it("fetches only http(s), and follows redirects only to http(s)", async () => {
    for (const url of ["data:video/mp4;base64,AAAA", "file:///etc/passwd", "not a url"])
      expect(await failure(downloadToFile(url, target("g"), options))).toMatchObject({ kind: "refused" });
    for (const route of ["/to-file", "/to-data"])
      expect(await failure(downloadToFile(`${base}${route}`, target("h"), options))).toMatchObject({
        kind: "refused",
      });
  });
});
