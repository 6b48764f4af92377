import { describe, expect, it } from "vitest";
import { clientAddress, requestOrigin } from "@/lib/http/forwarded";

const direct = { trustProxy: false };
const proxied = { trustProxy: true };

describe("X-Forwarded-* only from a trusted proxy", () => {
  const spoofed = new Headers({
    host: "studio.lan:3000",
    "x-forwarded-for": "6.6.6.6, 10.0.0.7",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
  });

  it("ignores a client's X-Forwarded-For without TRUST_PROXY", () => {
    expect(clientAddress(spoofed, direct)).toBeNull();
  });

  it("takes the entry the proxy appended (the last), not the client's own", () => {
    expect(clientAddress(spoofed, proxied)).toBe("10.0.0.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "not an address" }), proxied)).toBeNull();
  });

  it("builds absolute URLs from the Host, not X-Forwarded-Host, without TRUST_PROXY", () => {
    expect(requestOrigin(spoofed, direct)).toBe("http://studio.lan:3000");
    expect(requestOrigin(spoofed, proxied)).toBe("https://evil.example");
  });

  it("prefers PUBLIC_URL over everything and refuses a malformed Host", () => {
    expect(requestOrigin(spoofed, { ...proxied, publicUrl: "https://studio.example/" })).toBe(
      "https://studio.example",
    );
    expect(requestOrigin(new Headers({ host: "a b/<x>" }), direct)).toBe("http://localhost");
  });
});
