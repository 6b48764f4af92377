import type { APIRequestContext, APIResponse } from "@playwright/test";
import {
  type Caller,
  type Cell,
  expectedOnSession,
  homeTarget,
  otherThan,
  sessionTarget,
  type Target,
} from "./matrix";
import { type Comparison, compare, describeResponse, NONEXISTENT } from "./same-refusal";
import type { Video, World } from "./world";

// Every page, route handler and media URL that takes an id of a team's thing, for both teams'
// things. Team-scoped ones answer for the session's team; share and invite links are public.

interface Probe {
  surface: string;
  /** The id (or search word) the URL carries: swapped for a nonexistent one in the comparison. */
  key: (video: Video, world: World, target: Target) => string;
  path: (key: string, world: World, target: Target) => string;
  public?: true;
  /** Whether the answer handed out the thing (not merely a 200). */
  shows: (response: APIResponse, text: string, video: Video, world: World, target: Target) => boolean;
}

/** A rendered page, not a redirect to sign-in (a 307, or Next's in-body redirect once streaming). */
function rendered(response: APIResponse, text: string) {
  return response.status() === 200 && !/NEXT_REDIRECT;[^"]*\/sign-in|http-equiv="refresh"/.test(text);
}

const byId = (video: Video) => video.id;

export const PROBES: Probe[] = [
  {
    surface: "GET /videos/:id",
    key: byId,
    path: (id) => `/videos/${id}`,
    shows: (r, text, v) => rendered(r, text) && text.includes(v.prompt),
  },
  {
    surface: "GET /?from=:id (remix)",
    key: byId,
    path: (id) => `/?from=${id}`,
    shows: (r, text, v) => rendered(r, text) && text.includes(v.prompt),
  },
  {
    surface: "GET /gallery?q=:word",
    key: (v) => v.word,
    path: (word) => `/gallery?q=${word}`,
    shows: (r, text, v) => rendered(r, text) && text.includes(`/videos/${v.id}`),
  },
  {
    surface: "GET /api/videos/:id/comments",
    key: byId,
    path: (id) => `/api/videos/${id}/comments`,
    shows: (r, text, v) => r.ok() && text.includes(v.comment),
  },
  {
    surface: "GET /api/generations?ids=:id",
    key: byId,
    path: (id) => `/api/generations?ids=${id}`,
    shows: (r, text, v) => r.ok() && text.includes(v.id),
  },
  {
    surface: "GET /api/gallery?q=:word",
    key: (v) => v.word,
    path: (word) => `/api/gallery?q=${word}`,
    shows: (r, text, v) => r.ok() && text.includes(v.id),
  },
  {
    surface: "GET /api/media/:video",
    key: (v) => v.videoAsset,
    path: (id) => `/api/media/${id}`,
    shows: (r) => r.ok(),
  },
  {
    surface: "GET /api/media/:video?download=1",
    key: (v) => v.videoAsset,
    path: (id) => `/api/media/${id}?download=1`,
    shows: (r) => r.ok(),
  },
  {
    surface: "GET /api/media/:poster",
    key: (v) => v.posterAsset,
    path: (id) => `/api/media/${id}`,
    shows: (r) => r.ok(),
  },
  {
    surface: "GET /s/:token (public)",
    key: (v) => v.token,
    path: (token) => `/s/${token}`,
    public: true,
    shows: (r, text, v) => r.status() === 200 && text.includes(v.prompt),
  },
  {
    surface: "GET /s/:token/video (public)",
    key: (v) => v.token,
    path: (token) => `/s/${token}/video`,
    public: true,
    shows: (r) => r.ok(),
  },
  {
    surface: "GET /s/:token/poster (public)",
    key: (v) => v.token,
    path: (token) => `/s/${token}/poster`,
    public: true,
    shows: (r) => r.ok(),
  },
  // Issue 15: comparisons, their public links, the prompt library.
  {
    surface: "GET /compare/:id",
    key: (_v, world, target) => world.comparison[target].batchId,
    path: (id) => `/compare/${id}`,
    shows: (r, text, _v, world, target) =>
      rendered(r, text) && text.includes(world.comparison[target].prompt),
  },
  {
    surface: "GET /api/templates?q=:name",
    key: (_v, world, target) => world.template[target].name,
    path: (name) => `/api/templates?q=${encodeURIComponent(name)}`,
    shows: (r, text, _v, world, target) => r.ok() && text.includes(world.template[target].id),
  },
  {
    surface: "GET /c/:token (public)",
    key: (_v, world, target) => world.comparison[target].token,
    path: (token) => `/c/${token}`,
    public: true,
    shows: (r, text, _v, world, target) =>
      r.status() === 200 && text.includes(world.comparison[target].prompt),
  },
  {
    surface: "GET /c/:token/video/:id (public)",
    key: (_v, world, target) => world.comparison[target].token,
    path: (token, world, target) => `/c/${token}/video/${world.comparison[target].generationIds[0]}`,
    public: true,
    shows: (r) => r.ok(),
  },
  {
    surface: "GET /invite/:id (public link)",
    key: (_v, world, target) => world.invitation[target],
    path: (id) => `/invite/${id}`,
    public: true,
    shows: (r, text, _v, world, target) =>
      r.status() === 200 && text.includes(`Join ${world.teamName[target]}`),
  },
];

async function fetchPath(request: APIRequestContext, path: string) {
  // Media answers are read whole; they are the emulator's small test videos.
  const response = await request.get(path, { maxRedirects: 0 });
  return { response, text: await response.text() };
}

export async function getCells(world: World) {
  const cells: Cell[] = [];
  const comparisons: Comparison[] = [];
  for (const [caller, request] of world.callers) {
    for (const probe of PROBES) {
      for (const target of ["own", "other"] as const) {
        const video = world.video[target];
        const key = probe.key(video, world, target);
        const { response, text } = await fetchPath(request, probe.path(key, world, target));
        cells.push({
          surface: probe.surface,
          caller,
          target,
          expected: probe.public ? true : expectedOnSession(caller, target, "team.view"),
          actual: probe.shows(response, text, video, world, target),
          status: response.status(),
        });
        // The thing of the team the caller is not on, against an id that never existed.
        if (!probe.public && target === foreign(caller)) {
          const real = await describeResponse(response, [key]);
          const missing = await fetchPath(request, probe.path(NONEXISTENT, world, target));
          cells.push({
            surface: `${probe.surface} (missing id)`,
            caller,
            target,
            expected: false,
            actual: probe.shows(missing.response, missing.text, video, world, target),
            status: missing.response.status(),
          });
          comparisons.push(
            compare(probe.surface, caller, real, await describeResponse(missing.response, [key])),
          );
        }
      }
    }
  }
  // A public comparison link with the other team's video id in it: not found, like a missing id.
  for (const [caller, request] of world.callers) {
    for (const target of ["own", "other"] as const) {
      const { token } = world.comparison[target];
      const id = world.comparison[otherThan(target)].generationIds[0];
      const { response } = await fetchPath(request, `/c/${token}/video/${id}`);
      cells.push({
        surface: "GET /c/:token/video/:other team's id",
        caller,
        target: otherThan(target),
        expected: false,
        actual: response.ok(),
        status: response.status(),
      });
      const missing = await fetchPath(request, `/c/${token}/video/${NONEXISTENT}`);
      comparisons.push(
        compare(
          "GET /c/:token/video/:other team's id",
          caller,
          await describeResponse(response, [id]),
          await describeResponse(missing.response, [id]),
        ),
      );
    }
  }
  // Kling's callback takes a generation id from anyone (it only triggers a re-fetch from Kling):
  // another team's id and a missing one get the same answer.
  for (const [caller, request] of world.callers) {
    const id = world.video[foreign(caller)].id;
    const notify = async (external: string) =>
      describeResponse(
        await request.post("/api/kling/callback", {
          data: { task_id: external, task_info: { external_task_id: external } },
        }),
        [id],
      );
    comparisons.push(
      compare("POST /api/kling/callback", caller, await notify(id), await notify(NONEXISTENT)),
    );
  }
  return { cells, comparisons };
}

function foreign(caller: Caller): Target {
  return sessionTarget(caller) ? otherThan(homeTarget(caller)) : "other";
}

/** Pages and route handlers that take no id: they answer for the session's team, or refuse. */
export async function sessionCells(world: World) {
  const cells: Cell[] = [];
  const pages = ["/", "/gallery", "/settings"];
  const routes = [
    "/api/me",
    "/api/generations",
    "/api/gallery",
    "/api/generations?active=1",
    "/api/templates",
  ];
  for (const [caller, request] of world.callers) {
    const target = sessionTarget(caller) ?? "own";
    for (const path of [...pages, ...routes]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const text = await response.text();
      cells.push({
        surface: `GET ${path}`,
        caller,
        target,
        expected: expectedOnSession(caller, target, "team.view"),
        actual: pages.includes(path)
          ? rendered(response, text) && text.includes('aria-label="Main"')
          : response.ok(),
        status: response.status(),
      });
    }
  }
  return cells;
}
