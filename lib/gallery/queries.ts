import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import type { GalleryFilter } from "@/lib/gallery/filters";
import { Prisma } from "@/lib/generated/prisma/client";
import { mediaUrl } from "@/lib/media/urls";

export const GALLERY_PAGE_SIZE = 24;

interface Cursor {
  r?: number;
  c: string;
  i: string;
}

interface GalleryRow {
  id: string;
  prompt: string;
  model: string;
  mode: string;
  duration: number;
  aspectRatio: string;
  sound: boolean;
  reviewState: string;
  ratingAverage: number | null;
  ratingCount: number;
  createdAt: Date;
  authorId: string;
  authorName: string;
  posterId: string | null;
  videoId: string | null;
  batchId: string | null;
  batchIndex: number | null;
  batchSize: number | null;
  batchKind: string | null;
  batchChosen: boolean | null;
}

/**
 * One page of the team's finished videos: keyset pagination on (sort key, createdAt, id), so a
 * deep page costs the same as the first; full-text search on the GIN-indexed prompt vector.
 */
export async function listGallery(options: {
  teamId: string;
  filter: GalleryFilter;
  cursor?: string | null;
  limit?: number;
}) {
  const limit = options.limit ?? GALLERY_PAGE_SIZE;
  const cursor = decodeCursor(options.cursor);
  const where = [...filterConditions(options.teamId, options.filter)];
  const order = orderFor(options.filter.sort);
  if (cursor) where.push(order.after(cursor));
  const rows = await db.$queryRaw<GalleryRow[]>`
    SELECT g.id, g.prompt, g.model, g.mode, g.duration, g."aspectRatio", g.sound, g."reviewState",
           g."ratingAverage", g."ratingCount", g."createdAt", g."authorId", u.name AS "authorName",
           (SELECT a.id FROM "asset" a WHERE a."generationId" = g.id AND a.kind = 'poster') AS "posterId",
           (SELECT a.id FROM "asset" a WHERE a."generationId" = g.id AND a.kind = 'video') AS "videoId",
           g."batchId", g."batchIndex",
           (SELECT count(*)::int FROM "generation" t WHERE t."batchId" = g."batchId") AS "batchSize",
           (SELECT b.kind FROM "batch" b WHERE b.id = g."batchId") AS "batchKind",
           (SELECT b."chosenGenerationId" = g.id FROM "batch" b WHERE b.id = g."batchId") AS "batchChosen"
    FROM "generation" g JOIN "user" u ON u.id = g."authorId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order.by}
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(options.filter.sort, last) : null,
  };
}

export type GalleryPage = Awaited<ReturnType<typeof listGallery>>;
export type GalleryItem = GalleryPage["items"][number];

/** The videos before and after `id` in the same filter and order (J/K on the video page). */
export async function galleryNeighbors(options: { teamId: string; filter: GalleryFilter; id: string }) {
  const current = await db.generation.findFirst({
    where: { id: options.id, teamId: options.teamId },
    select: { id: true, createdAt: true, ratingAverage: true },
  });
  if (!current) return { previousId: null, nextId: null };
  const key: Cursor = { r: current.ratingAverage ?? 0, c: current.createdAt.toISOString(), i: current.id };
  const conditions = filterConditions(options.teamId, options.filter);
  const order = orderFor(options.filter.sort);
  const [next] = await db.$queryRaw<Array<{ id: string }>>`
    SELECT g.id FROM "generation" g WHERE ${Prisma.join([...conditions, order.after(key)], " AND ")} ORDER BY ${order.by} LIMIT 1`;
  const [previous] = await db.$queryRaw<Array<{ id: string }>>`
    SELECT g.id FROM "generation" g WHERE ${Prisma.join([...conditions, order.before(key)], " AND ")} ORDER BY ${order.reverse} LIMIT 1`;
  return { previousId: previous?.id ?? null, nextId: next?.id ?? null };
}

/** Authors and models present in the team's gallery, for the filter menus. */
export async function galleryFacets(teamId: string) {
  const [authors, models] = await Promise.all([
    db.$queryRaw<Array<{ id: string; name: string }>>`
      SELECT DISTINCT u.id, u.name FROM "generation" g JOIN "user" u ON u.id = g."authorId"
      WHERE g."teamId" = ${teamId} AND g.status = 'archived' ORDER BY u.name`,
    db.$queryRaw<Array<{ model: string }>>`
      SELECT DISTINCT model FROM "generation" WHERE "teamId" = ${teamId} AND status = 'archived' ORDER BY model`,
  ]);
  return { authors, models: models.map((row) => row.model) };
}

function filterConditions(teamId: string, filter: GalleryFilter): Prisma.Sql[] {
  const conditions = matching(teamId, filter, "g");
  if (filter.batch) conditions.push(Prisma.sql`g."batchId" = ${filter.batch}`);
  // A batch is one stack unless a search or the batch filter asks for every take: its cover is the
  // picked take, else the first finished one (as in lib/batches/batches.validation.ts), among the
  // takes this filter shows, so a rejected pick or a model filter never hides the whole stack.
  else if (!filter.q)
    conditions.push(Prisma.sql`(g."batchId" IS NULL OR g.id = (
      SELECT t.id FROM "generation" t JOIN "batch" b ON b.id = t."batchId" AND b."teamId" = ${teamId}
      WHERE t."batchId" = g."batchId" AND ${Prisma.join(matching(teamId, filter, "t"), " AND ")}
      ORDER BY COALESCE(t.id = b."chosenGenerationId", false) DESC, t."batchIndex" LIMIT 1))`);
  return conditions;
}

/** What a gallery filter asks of one generation (alias `g`, or `t` for a take of g's batch). */
function matching(teamId: string, filter: GalleryFilter, alias: "g" | "t"): Prisma.Sql[] {
  const g = Prisma.raw(alias);
  // Note: the team condition comes first and is never optional.
  const conditions = [Prisma.sql`${g}."teamId" = ${teamId}`, Prisma.sql`${g}.status = 'archived'`];
  if (filter.review && filter.review !== "all")
    conditions.push(Prisma.sql`${g}."reviewState" = ${filter.review}`);
  else if (!filter.review) conditions.push(Prisma.sql`${g}."reviewState" <> 'rejected'`); // hidden unless asked for
  if (filter.model) conditions.push(Prisma.sql`${g}.model = ${filter.model}`);
  if (filter.author) conditions.push(Prisma.sql`${g}."authorId" = ${filter.author}`);
  if (filter.from) conditions.push(Prisma.sql`${g}."createdAt" >= ${new Date(`${filter.from}T00:00:00Z`)}`);
  if (filter.to)
    conditions.push(
      Prisma.sql`${g}."createdAt" < ${new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)}`,
    );
  if (filter.minRating) conditions.push(Prisma.sql`${g}."ratingAverage" >= ${filter.minRating}`);
  if (filter.q)
    conditions.push(Prisma.sql`${g}."promptSearch" @@ websearch_to_tsquery('english', ${filter.q})`);
  return conditions;
}

function orderFor(sort: GalleryFilter["sort"]) {
  const rating = Prisma.sql`COALESCE(g."ratingAverage", 0)`;
  if (sort === "oldest") {
    return {
      by: Prisma.sql`g."createdAt" ASC, g.id ASC`,
      reverse: Prisma.sql`g."createdAt" DESC, g.id DESC`,
      after: (cursor: Cursor) => Prisma.sql`(g."createdAt", g.id) > (${new Date(cursor.c)}, ${cursor.i})`,
      before: (cursor: Cursor) => Prisma.sql`(g."createdAt", g.id) < (${new Date(cursor.c)}, ${cursor.i})`,
    };
  }
  if (sort === "rating") {
    return {
      by: Prisma.sql`${rating} DESC, g."createdAt" DESC, g.id DESC`,
      reverse: Prisma.sql`${rating} ASC, g."createdAt" ASC, g.id ASC`,
      after: (cursor: Cursor) =>
        Prisma.sql`(${rating}, g."createdAt", g.id) < (${cursor.r ?? 0}, ${new Date(cursor.c)}, ${cursor.i})`,
      before: (cursor: Cursor) =>
        Prisma.sql`(${rating}, g."createdAt", g.id) > (${cursor.r ?? 0}, ${new Date(cursor.c)}, ${cursor.i})`,
    };
  }
  return {
    by: Prisma.sql`g."createdAt" DESC, g.id DESC`,
    reverse: Prisma.sql`g."createdAt" ASC, g.id ASC`,
    after: (cursor: Cursor) => Prisma.sql`(g."createdAt", g.id) < (${new Date(cursor.c)}, ${cursor.i})`,
    before: (cursor: Cursor) => Prisma.sql`(g."createdAt", g.id) > (${new Date(cursor.c)}, ${cursor.i})`,
  };
}

function toItem(row: GalleryRow) {
  return {
    id: row.id,
    prompt: row.prompt,
    model: row.model,
    mode: row.mode,
    duration: row.duration,
    aspectRatio: row.aspectRatio,
    sound: row.sound,
    reviewState: row.reviewState,
    ratingAverage: row.ratingAverage,
    ratingCount: row.ratingCount,
    createdAt: row.createdAt.toISOString(),
    author: { id: row.authorId, name: row.authorName },
    posterUrl: mediaUrl(row.posterId),
    videoUrl: mediaUrl(row.videoId),
    batch: row.batchId
      ? {
          id: row.batchId,
          kind: row.batchKind ?? "takes",
          index: row.batchIndex,
          size: row.batchSize ?? 1,
          /** Picked as the cover ("Pick this take"). */
          chosen: row.batchChosen ?? false,
        }
      : null,
  };
}

function encodeCursor(sort: GalleryFilter["sort"], row: GalleryRow) {
  const cursor: Cursor = {
    c: row.createdAt.toISOString(),
    i: row.id,
    ...(sort === "rating" ? { r: row.ratingAverage ?? 0 } : {}),
  };
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

const CURSOR_RULE = "cursor: not a cursor this gallery handed out (use nextCursor from the previous page)";

// Note: a cursor comes from the client; every part is checked before it reaches SQL (a non-numeric
// rating or a NUL in the id would otherwise be Postgres errors 22P02/22021, a 500).
function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(value, "base64url").toString());
  } catch {
    throw new UserError(CURSOR_RULE, { status: 400, field: "cursor" });
  }
  const { r, c, i } = (cursor ?? {}) as Record<string, unknown>;
  const valid =
    typeof c === "string" &&
    !Number.isNaN(Date.parse(c)) &&
    typeof i === "string" &&
    /^[\w-]{1,64}$/.test(i) &&
    (r === undefined || (typeof r === "number" && Number.isFinite(r)));
  if (!valid) throw new UserError(CURSOR_RULE, { status: 400, field: "cursor" });
  return { r: r as number | undefined, c: c as string, i: i as string };
}
