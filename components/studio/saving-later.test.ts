import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SavingLater } from "@/components/studio/saving-later";
import { TeamScopeProvider } from "@/components/team-scope";
import type { GenerationSummary } from "@/lib/generations/queries";

// The "saving… next try" state as the queue renders it (server-rendered markup, no browser).
const nextTry = new Date(Date.UTC(2026, 11, 1, 14, 5));
const generation = {
  id: "g1",
  status: "archive_waiting",
  archiveError: "Kling's file host did not deliver the video.",
  nextAttemptAt: nextTry.toISOString(),
} as GenerationSummary;

const render = (canRetry: boolean) =>
  renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(
        TeamScopeProvider,
        { teamId: "t1" } as Parameters<typeof TeamScopeProvider>[0],
        createElement(SavingLater, { generation, canRetry }),
      ),
    ),
  );

describe("SavingLater", () => {
  it("says when the next try is and why, never that the video failed", () => {
    const html = render(false);
    const at = nextTry.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    expect(html).toContain(`Saving… next try ${at}`);
    expect(html).toContain(
      "Kling&#x27;s file host did not deliver the video. Kling keeps the video, so nothing is lost.",
    );
    expect(html).toContain(`<time dateTime="${nextTry.toISOString()}"`);
    expect(html).not.toMatch(/fail/i);
  });

  it("offers Retry now only to those who may generate", () => {
    expect(render(true)).toMatch(/<button type="button"[^>]*>Retry now<\/button>/);
    expect(render(false)).not.toContain("Retry now");
  });
});
