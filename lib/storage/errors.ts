/** A storage setting that does not work, with the environment variable to fix. */
export class StorageConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = "StorageConfigError";
  }
}
