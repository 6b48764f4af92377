/** A failure the person running the launcher can fix; printed as one line, without a stack trace. */
export class LaunchError extends Error {}
