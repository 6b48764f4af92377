import { EMULATOR_URL } from "../support";

// The studio's Kling emulator, seen from outside the studio: playwright.config.ts starts it on a
// known port with its admin API open, so a test can count what reached "Kling".

export interface CreateCounts {
  total: number;
  /** Create POSTs that made a task, per external_task_id (the studio sends its generation id). */
  createdByExternalId: Record<string, number>;
}

export async function emulatorCreates(): Promise<CreateCounts> {
  const response = await fetch(`${EMULATOR_URL}/__emulator/creates`);
  if (!response.ok) throw new Error(`emulator admin answered ${response.status}`);
  return (await response.json()) as CreateCounts;
}

/** The prompts of every task the emulator holds: what any caller managed to send to "Kling". */
export async function emulatorPrompts(): Promise<string[]> {
  const response = await fetch(`${EMULATOR_URL}/__emulator/tasks`);
  if (!response.ok) throw new Error(`emulator admin answered ${response.status}`);
  const { tasks } = (await response.json()) as { tasks: Array<{ request: { prompt?: string } }> };
  return tasks.map((task) => task.request.prompt ?? "");
}
