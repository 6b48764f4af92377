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
};

export default nextConfig;
