import type { SeededRandom } from "./prng";

// Kling's 2025-2026 task and video ids are 18-digit numeric strings (KLING_API.md §4.3).
export function newNumericId(random: SeededRandom, isTaken: (id: string) => boolean): string {
  for (;;) {
    let id = String(random.int(1, 9));
    while (id.length < 18) id += String(random.int(0, 9));
    if (!isTaken(id)) return id;
  }
}
