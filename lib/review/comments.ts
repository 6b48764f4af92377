import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { findArchivedVideo } from "@/lib/generations/queries";

/** Comments per page: the video page shows the newest page and loads earlier ones on demand. */
export const COMMENT_PAGE = 50;

export type CommentView = {
  id: string;
  body: string;
  timecodeSeconds: number | null;
  author: string;
  createdAt: string;
};

export type CommentsPage = { comments: CommentView[]; earlier: string | null; total: number };

/**
 * One page of a video's comments, oldest first, ending just before `before` (a cursor this
 * function handed out) or at the newest. `earlier` is the cursor for the page before, or null.
 */
export async function listComments(options: {
  teamId: string;
  generationId: string;
  before?: string | null;
  limit?: number;
}): Promise<CommentsPage> {
  const video = await findArchivedVideo(db, options);
  const limit = options.limit ?? COMMENT_PAGE;
  const before = decodeBefore(options.before);
  const rows = await db.comment.findMany({
    where: {
      generationId: video.id,
      teamId: options.teamId,
      ...(before && {
        OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }],
      }),
    },
    include: { author: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit).reverse();
  const total = await db.comment.count({ where: { generationId: video.id, teamId: options.teamId } });
  return {
    comments: page.map((comment) => ({
      id: comment.id,
      body: comment.body,
      timecodeSeconds: comment.timecodeSeconds,
      author: comment.author.name,
      createdAt: comment.createdAt.toISOString(),
    })),
    earlier: rows.length > limit && page[0] ? `${page[0].createdAt.toISOString()}~${page[0].id}` : null,
    total,
  };
}

const BEFORE_RULE = "before: not a cursor this video handed out (use earlier from the previous page)";

function decodeBefore(value: string | null | undefined) {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([\w-]{1,64})$/.exec(value);
  const createdAt = match ? new Date(match[1]) : null;
  if (!match || !createdAt || Number.isNaN(createdAt.getTime()))
    throw new UserError(BEFORE_RULE, { status: 400, field: "before" });
  return { createdAt, id: match[2] };
}
