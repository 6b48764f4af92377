// Kling's error envelope: an HTTP status plus a business code (KLING_API.md §7).
export class KlingError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "KlingError";
  }
}

export function authFailed(message: string): KlingError {
  return new KlingError(401, 1000, `Authentication failed: ${message}`);
}

export function authorizationEmpty(): KlingError {
  return new KlingError(401, 1001, "Authorization is empty");
}

export function authorizationInvalid(message: string): KlingError {
  return new KlingError(401, 1002, `Authorization is invalid: ${message}`);
}

export function authorizationNotYetValid(message: string): KlingError {
  return new KlingError(401, 1003, `Authorization is not yet valid: ${message}`);
}

export function authorizationExpired(message: string): KlingError {
  return new KlingError(401, 1004, `Authorization has expired: ${message}`);
}

export function resourcePackExhausted(message: string): KlingError {
  return new KlingError(429, 1102, `Resource pack exhausted: ${message}`);
}

export function invalidRequest(message: string): KlingError {
  return new KlingError(400, 1200, `Invalid request parameters: ${message}`);
}

export function invalidParameter(message: string): KlingError {
  return new KlingError(400, 1201, message);
}

export function methodInvalid(message: string): KlingError {
  return new KlingError(404, 1202, `The requested method is invalid: ${message}`);
}

export function resourceNotFound(message: string): KlingError {
  return new KlingError(404, 1203, message);
}

export function contentPolicyViolation(message: string): KlingError {
  return new KlingError(400, 1301, message);
}

export function rateLimited(): KlingError {
  return new KlingError(429, 1302, "API request too fast, exceeding the rate limit");
}

// Note: clients match on this literal ([OFF] KLING_API.md §11); do not reword it.
export const CONCURRENCY_MESSAGE = "parallel task over resource pack limit";

export function concurrencyExceeded(): KlingError {
  return new KlingError(429, 1303, CONCURRENCY_MESSAGE);
}

export function internalError(): KlingError {
  return new KlingError(500, 5000, "Server internal error");
}

export function serviceUnavailable(): KlingError {
  return new KlingError(503, 5001, "Service temporarily unavailable, usually due to maintenance");
}

export function internalTimeout(): KlingError {
  return new KlingError(504, 5002, "Server internal timeout, usually due to a backlog");
}
