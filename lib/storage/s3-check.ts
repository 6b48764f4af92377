import "server-only";
import { randomUUID } from "node:crypto";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { StorageConfigError } from "@/lib/storage/errors";

/**
 * The bucket exists and these credentials can write to it and read back: writes a small probe
 * object, reads it, deletes it. Each failure names the variable an operator has to fix.
 */
export async function checkBucket(client: S3Client, bucket: string, where: string) {
  // At the bucket's top level: a store on a file system (s3rver, and some self-hosted servers)
  // removes a "folder" once its last object is deleted, which races a second instance's probe.
  const key = `.kling-studio-write-check-${randomUUID()}`;
  const body = `write check ${new Date().toISOString()}`;
  try {
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: "text/plain" }),
    );
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const read = await object.Body?.transformToString();
    if (read !== body) {
      throw new StorageConfigError(
        "S3_ENDPOINT",
        `bucket ${bucket} returned different bytes than were written (is S3_ENDPOINT an S3 server?)`,
      );
    }
  } catch (error) {
    throw error instanceof StorageConfigError ? error : explain(error, bucket, where);
  }
  // The probe is only litter if deleting fails; the studio itself never needs to delete.
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch(() => {});
}

function explain(error: unknown, bucket: string, where: string): StorageConfigError {
  const failure = error as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const name = failure.name ?? "";
  const status = failure.$metadata?.httpStatusCode;
  switch (name) {
    case "NoSuchBucket":
      return new StorageConfigError("S3_BUCKET", `bucket ${bucket} does not exist at ${where}`);
    case "InvalidAccessKeyId":
      return new StorageConfigError("S3_ACCESS_KEY_ID", `${where} does not know this access key id`);
    case "SignatureDoesNotMatch":
      return new StorageConfigError(
        "S3_SECRET_ACCESS_KEY",
        `${where} rejected the request signature: the secret does not belong to S3_ACCESS_KEY_ID`,
      );
    case "AccessDenied":
      return new StorageConfigError(
        "S3_ACCESS_KEY_ID",
        `these credentials may not write to and read from bucket ${bucket} at ${where}`,
      );
    case "PermanentRedirect":
    case "AuthorizationHeaderMalformed":
    case "IllegalLocationConstraintException":
      return new StorageConfigError("S3_REGION", `bucket ${bucket} is in another region (${name})`);
    case "CredentialsProviderError":
      return new StorageConfigError(
        "S3_ACCESS_KEY_ID",
        "no credentials: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (or give the machine an IAM role)",
      );
  }
  const code = failure.code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code || name === "TimeoutError" || status === undefined) {
    return new StorageConfigError("S3_ENDPOINT", `cannot reach ${where}: ${code ?? name ?? failure.message}`);
  }
  return new StorageConfigError("S3_BUCKET", `bucket ${bucket} at ${where} answered HTTP ${status} ${name}`);
}
