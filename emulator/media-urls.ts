import { createHmac, timingSafeEqual } from "node:crypto";

export type MediaVariant = "video" | "watermark";

/**
 * Result URLs in Kling's anti-leech shape (?ksTime=<hex expiry seconds>&ksSecret=<signature>).
 * The signature covers the file and expiry, so a URL cannot be extended by editing ksTime.
 */
export class MediaUrls {
  /** Links a `link_expired` fault killed ("file:ksTime"): they stay dead, like a real expired link. */
  private readonly expired = new Set<string>();
  /** Per file, how many links were killed: each new link is minted one second earlier, so it differs. */
  private readonly reissued = new Map<string, number>();

  constructor(
    private readonly signingKey: string,
    private readonly baseUrl: () => string,
  ) {}

  url(videoId: string, variant: MediaVariant, expiresAt: number): string {
    const fileName = mediaFileName(videoId, variant);
    const shift = this.reissued.get(fileName) ?? 0;
    const ksTime = (Math.floor(expiresAt / 1000) - shift).toString(16);
    return `${this.baseUrl()}/media/${fileName}?ksTime=${ksTime}&ksSecret=${this.sign(fileName, ksTime)}`;
  }

  /** Ends this one link; asking Kling for the task again (GET) hands out a fresh one. */
  expire(fileName: string, ksTime: string): void {
    const key = `${fileName}:${ksTime}`;
    if (this.expired.has(key)) return;
    this.expired.add(key);
    this.reissued.set(fileName, (this.reissued.get(fileName) ?? 0) + 1);
  }

  isExpired(fileName: string, ksTime: string | null): boolean {
    return this.expired.has(`${fileName}:${ksTime}`);
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
