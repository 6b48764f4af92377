// Client-safe. A v4 UUID for one Generate action (lib/generations/submit.ts idempotencyKey).
// crypto.randomUUID exists only in secure contexts (https, localhost); a studio reached over plain
// http on a LAN has getRandomValues only, so the UUID is built from that.
export function newSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
