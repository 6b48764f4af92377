import type { TextToVideoRequest } from "./validation";

/**
 * The first blocked word or phrase found in the prompt (or a multi-shot prompt), else null.
 * Whole words only and case-insensitive, so "ass" does not block "classic". The negative prompt is
 * not checked: it lists what the user wants kept out.
 */
export function findBlockedWord(request: TextToVideoRequest, blockedWords: readonly string[]): string | null {
  const texts = [request.prompt, ...(request.multiShot?.shots.map((shot) => shot.prompt) ?? [])];
  for (const word of blockedWords) {
    if (word.trim() === "") continue;
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word.trim())}($|[^\\p{L}\\p{N}])`, "iu");
    if (texts.some((text) => pattern.test(text))) return word.trim();
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
