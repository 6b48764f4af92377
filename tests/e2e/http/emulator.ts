// The studio's Kling emulator, seen from outside the studio: playwright.config.ts starts it two
// ports above the studio with its admin endpoints open, so a test can count what reached "Kling".

export function emulatorUrl(baseURL: string) {
  const url = new URL(baseURL);
  url.port = String(Number(url.port) + 2);
  return url.origin;
}

export interface CreateCounts {
  total: number;
  /** Create POSTs that made a task, per external_task_id (the studio sends its generation id). */
  createdByExternalId: Record<string, number>;
}

export async function emulatorCreates(baseURL: string): Promise<CreateCounts> {
  const response = await fetch(`${emulatorUrl(baseURL)}/__emulator/creates`);
  if (!response.ok) throw new Error(`emulator admin answered ${response.status}`);
  return (await response.json()) as CreateCounts;
}

/** The prompts of every task the emulator holds: what any caller managed to send to "Kling". */
export async function emulatorPrompts(baseURL: string): Promise<string[]> {
  const response = await fetch(`${emulatorUrl(baseURL)}/__emulator/tasks`);
  if (!response.ok) throw new Error(`emulator admin answered ${response.status}`);
  const { tasks } = (await response.json()) as { tasks: Array<{ request: { prompt?: string } }> };
  return tasks.map((task) => task.request.prompt ?? "");
}
