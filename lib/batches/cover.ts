// Client-safe: the queue panel and the server agree on which take is a batch's cover.

/**
 * The cover of a batch: the picked take, else its first finished take, else its first take.
 * The gallery's SQL (lib/gallery/queries.ts) applies the same rule.
 */
export function coverOf<T extends { id: string; status: string; batchIndex: number | null }>(
  takes: T[],
  chosenGenerationId: string | null,
): T | undefined {
  const ordered = [...takes].sort((a, b) => (a.batchIndex ?? 0) - (b.batchIndex ?? 0));
  return (
    ordered.find((take) => take.id === chosenGenerationId) ??
    ordered.find((take) => take.status === "archived") ??
    ordered[0]
  );
}
