// Where the browser fetches a stored asset (app/api/media/[assetId]/route.ts serves it, to members
// of its team only). Client-safe.
export function mediaUrl(assetId: string): string;
export function mediaUrl(assetId: string | null | undefined): string | null;
export function mediaUrl(assetId: string | null | undefined) {
  return assetId ? `/api/media/${assetId}` : null;
}
