import type { ActionResult } from "@/lib/errors";

/** Runs a server action from the video page: a toast either way, then the page re-reads its detail. */
export type RunAction = (work: () => Promise<ActionResult<unknown>>, success: string) => void;
