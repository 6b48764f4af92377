import path from "node:path";
import { checkConfiguredStorage } from "../../lib/storage/check";
import { StorageConfigError } from "../../lib/storage/errors";
import { LaunchError } from "./errors";

/** Before anything slow starts: the media storage (local or STORAGE=s3) works, or a named error. */
export async function assertStorageReady(dataDir: string): Promise<string> {
  try {
    return await checkConfiguredStorage({ mediaDir: path.join(dataDir, "media") });
  } catch (error) {
    if (error instanceof StorageConfigError)
      throw new LaunchError(`Media storage is not usable: ${error.message}`);
    throw error;
  }
}
