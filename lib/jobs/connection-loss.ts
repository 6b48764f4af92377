/** A Postgres connection that went away (terminated, reset, refused), as opposed to a failing query. */
export function isConnectionLoss(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string") {
    // 57P01–57P03: the server ended or refuses the session; class 08: connection exceptions.
    if (/^57P0[123]$/.test(code) || code.startsWith("08")) return true;
    if (["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"].includes(code)) return true;
  }
  return typeof message === "string" && /^Connection terminated/.test(message);
}

/**
 * pg-boss 10 completes or fails a job without awaiting it (manager.js `onFetch`), so a database
 * connection dropped at that instant becomes an unhandled rejection, and Node ends the process.
 * Nothing is lost by ignoring it: the job is retried when it expires and every step is a
 * compare-and-set on the generation row. Anything else still ends the process, as Node would.
 * Note: only for the standalone worker; the Next server has its own unhandled-rejection handling.
 */
export function surviveLostJobAcknowledgements(log: (line: string) => void) {
  process.on("unhandledRejection", (reason) => {
    if (isConnectionLoss(reason)) {
      log(
        `a job acknowledgement was lost with its database connection (${(reason as Error).message}); it will be retried`,
      );
      return;
    }
    throw reason;
  });
}
