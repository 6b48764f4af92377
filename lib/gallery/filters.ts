import { z } from "zod";
import { REVIEW_STATES } from "@/lib/review/review.validation";

export const SORTS = ["newest", "oldest", "rating"] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

/** The gallery's filters, from URL search params (so a filtered gallery is a shareable URL). */
export const galleryFilterSchema = z.object({
  // Long searches are cut, not refused: the gallery is a URL people edit by hand.
  q: optionalText.transform((value) => value?.slice(0, 200)),
  review: z
    .enum([...REVIEW_STATES, "all"])
    .optional()
    .catch(undefined),
  model: optionalText,
  author: optionalText,
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  minRating: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  sort: z.enum(SORTS).default("newest").catch("newest"),
  /** Every take of one batch; without it (and without a search) a batch shows as its cover only. */
  batch: optionalText,
});
export type GalleryFilter = z.infer<typeof galleryFilterSchema>;

export function parseGalleryFilter(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): GalleryFilter {
  const entries =
    params instanceof URLSearchParams
      ? Object.fromEntries(params)
      : Object.fromEntries(
          Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
        );
  return galleryFilterSchema.parse(entries);
}

/** Back to a query string (without defaults), for links that keep the current filter. */
export function filterToQuery(filter: GalleryFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === "" || (key === "sort" && value === "newest")) continue;
    params.set(key, String(value));
  }
  return params.toString();
}
