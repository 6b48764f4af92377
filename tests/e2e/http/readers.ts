import type { APIRequestContext } from "@playwright/test";

// Reading the studio's state the way its pages show it, from outside: JSON route handlers where
// there is one, else the props a page hands its client components (the RSC payload inlined in the
// HTML). Each reader runs as a member whose session is on the team being read.

/** The page's flight data with its JSON string escapes undone, so props can be matched as JSON. */
async function pageProps(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  if (response.status() !== 200) throw new Error(`${path} answered ${response.status()}`);
  return (await response.text()).replaceAll('\\"', '"');
}

/** Settings' member list (MembersPanel's props): id, role and email of every member. */
export async function membersOf(reader: APIRequestContext) {
  const props = await pageProps(reader, "/settings");
  const pattern =
    /\{"id":"([\w-]+)","role":"(\w+)","joinedAt":"[^"]*","user":\{"id":"[\w-]+","name":"[^"]*","email":"([^"]+)"\}\}/g;
  return [...props.matchAll(pattern)].map(([, id, role, email]) => ({ id, role, email }));
}

/** The video page's live share links (only roles that manage sharing receive them). */
export async function shareLinksOf(reader: APIRequestContext, generationId: string) {
  const props = await pageProps(reader, `/videos/${generationId}`);
  return [...props.matchAll(/\{"id":"([\w-]+)","token":"([\w-]+)","hidePrompt"/g)].map(([, id, token]) => ({
    id,
    token,
  }));
}

export interface GalleryItem {
  id: string;
  reviewState: string;
  ratingCount: number;
  ratingAverage: number | null;
}

/** A video as the gallery lists it, found by a word only its prompt has. */
export async function galleryItem(reader: APIRequestContext, word: string, id: string) {
  const response = await reader.get(`/api/gallery?q=${encodeURIComponent(word)}`);
  if (!response.ok()) throw new Error(`/api/gallery answered ${response.status()}`);
  const { items } = (await response.json()) as { items: GalleryItem[] };
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`video ${id} is not in its team's gallery`);
  return item;
}

export async function commentBodies(reader: APIRequestContext, generationId: string) {
  const response = await reader.get(`/api/videos/${generationId}/comments`);
  if (!response.ok()) throw new Error(`comments answered ${response.status()}`);
  const { comments } = (await response.json()) as { comments: Array<{ body: string }> };
  return comments.map((comment) => comment.body);
}

/** 200 while the caller has a team; 403 once they left their only one. */
export async function hasTeam(request: APIRequestContext) {
  return (await request.get("/api/me")).status() === 200;
}
