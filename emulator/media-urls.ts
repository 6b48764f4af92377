import { createHmac, timingSafeEqual } from "node:crypto";

export type MediaVariant = "video" | "watermark";

/**
 * Result URLs in Kling's anti-leech shape (?ksTime=<hex expiry seconds>&ksSecret=<signature>).
 * The signature covers the file and expiry, so a URL cannot be extended by editing ksTime.
 */
export class MediaUrls {
  constructor(
    private readonly signingKey: string,
    private readonly baseUrl: () => string,
  ) {}

  url(videoId: string, variant: MediaVariant, expiresAt: number): string {
    const fileName = mediaFileName(videoId, variant);
    const ksTime = Math.floor(expiresAt / 1000).toString(16);
    return `${this.baseUrl()}/media/${fileName}?ksTime=${ksTime}&ksSecret=${this.sign(fileName, ksTime)}`;
  }

  isSigned(fileName: string, ksTime: string | null, ksSecret: string | null): boolean {
    if (!ksTime || !ksSecret) return false;
    const expected = Buffer.from(this.sign(fileName, ksTime));
    const given = Buffer.from(ksSecret);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(fileName: string, ksTime: string): string {
    return createHmac("sha256", this.signingKey).update(`${fileName}:${ksTime}`).digest("hex").slice(0, 32);
  }
}

export function mediaFileName(videoId: string, variant: MediaVariant): string {
  return variant === "video" ? `${videoId}.mp4` : `${videoId}-watermark.mp4`;
}
