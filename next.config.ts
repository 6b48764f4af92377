import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or binary-carrying packages stay as plain Node requires instead of being bundled.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "@prisma/adapter-pg",
    "@ffmpeg-installer/ffmpeg",
    "@ffprobe-installer/ffprobe",
    "@napi-rs/canvas",
  ],
  poweredByHeader: false,
  // `npm test` runs tsc over the whole repository; repeating it inside every `npm start` build
  // would only slow the first start.
  typescript: { ignoreBuildErrors: true },
  // The studio is self-hosted and often reached through a LAN address.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // Responses the proxy does not see (static chunks) still must not be sniffed or framed; the rest
  // of the headers, with the per-request CSP, come from proxy.ts.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
