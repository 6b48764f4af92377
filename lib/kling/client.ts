import "server-only";
import { z } from "zod";
import { createAuthorizer, type KlingCredentials } from "@/lib/kling/auth";
import { errorFromResponse, KlingError } from "@/lib/kling/errors";

export const klingTaskSchema = z.object({
  task_id: z.string(),
  task_status: z.enum(["submitted", "processing", "succeed", "failed"]),
  task_status_msg: z.string().optional().default(""),
  task_info: z.object({ external_task_id: z.string().optional() }).partial().optional().default({}),
  task_result: z
    .object({
      videos: z
        .array(z.object({ id: z.string(), url: z.string(), duration: z.string().optional() }))
        .optional(),
    })
    .optional()
    .default({}),
  final_unit_deduction: z.string().optional(),
  created_at: z.number(),
  updated_at: z.number(),
});
export type KlingTask = z.infer<typeof klingTaskSchema>;

const envelopeSchema = z.object({
  code: z.number(),
  message: z.string().optional(),
  request_id: z.string().optional(),
  data: z.unknown().optional(), // error bodies carry none
});

export interface KlingClientOptions {
  baseUrl: string;
  credentials: KlingCredentials;
  timeoutMs?: number;
}

/** The legacy text-to-video surface of the Kling API, typed and validated (docs/KLING_API.md). */
export class KlingClient {
  private readonly authorization: () => Promise<string>;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  /** Requests made, for benchmarks and the O(1)-per-tick claim. */
  requestCount = 0;

  constructor(options: KlingClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.authorization = createAuthorizer(options.credentials);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Creates a task. Never retried here: on an uncertain failure look the task up by external id first. */
  async createTextToVideo(body: Record<string, unknown>): Promise<KlingTask> {
    return klingTaskSchema.parse(await this.request("POST", "/v1/videos/text2video", body));
  }

  async getTask(taskId: string): Promise<KlingTask> {
    return klingTaskSchema.parse(
      await this.request("GET", `/v1/videos/text2video/${encodeURIComponent(taskId)}`),
    );
  }

  /**
   * The task created with this external_task_id, or null when Kling has none. Classified by where
   * the error comes from: on a lookup, 1203 means "no such task" whatever its message says (the
   * message-based "unknown model" reading only makes sense for a create).
   */
  async findByExternalId(externalTaskId: string): Promise<KlingTask | null> {
    try {
      // The documented form puts the external id in the path (docs/KLING_API.md §5.1).
      return await this.getTask(externalTaskId);
    } catch (error) {
      if (error instanceof KlingError && (error.kind === "not_found" || error.details.code === 1203))
        return null;
      throw error;
    }
  }

  /**
   * Newest first; pageNum 1–1000, pageSize 1–500. Parsed per item: one task of an unexpected shape
   * is reported in `skipped` and the rest are still used.
   */
  async listTasks(
    options: { pageNum?: number; pageSize?: number } = {},
  ): Promise<{ tasks: KlingTask[]; skipped: string[] }> {
    const query = new URLSearchParams({
      pageNum: String(options.pageNum ?? 1),
      pageSize: String(options.pageSize ?? 500),
    });
    const items = parseAs(z.array(z.unknown()), await this.request("GET", `/v1/videos/text2video?${query}`));
    const tasks: KlingTask[] = [];
    const skipped: string[] = [];
    for (const [index, item] of items.entries()) {
      const parsed = klingTaskSchema.safeParse(item);
      if (parsed.success) tasks.push(parsed.data);
      else {
        const issue = parsed.error.issues[0];
        const taskId = (item as { task_id?: unknown } | null)?.task_id;
        skipped.push(
          `item ${index}${typeof taskId === "string" ? ` (task ${taskId})` : ""}: ${issue.path.join(".") || "item"}: ${issue.message}`,
        );
      }
    }
    return { tasks, skipped };
  }

  async accountCosts(options: { startTime: number; endTime: number }) {
    const query = new URLSearchParams({
      start_time: String(options.startTime),
      end_time: String(options.endTime),
    });
    return this.request("GET", `/account/costs?${query}`);
  }

  private async request(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    this.requestCount++;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: await this.authorization(),
          ...(body ? { "content-type": "application/json" } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new KlingError(
        timedOut ? "timeout" : "network",
        timedOut
          ? `Kling did not answer within ${this.timeoutMs / 1000} s`
          : `Kling is unreachable: ${causeOf(error)}`,
      );
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw errorFromResponse(response.status, null);
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) throw errorFromResponse(response.status, null);
    if (!response.ok || envelope.data.code !== 0) {
      throw errorFromResponse(response.status, { ...envelope.data });
    }
    return envelope.data.data;
  }
}

/** A body of an unexpected shape is Kling's problem, typed like any other Kling error. */
function parseAs<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new KlingError(
    "protocol",
    `Kling answered with an unexpected body (${issue.path.join(".") || "data"}: ${issue.message})`,
  );
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? String(error);
}
