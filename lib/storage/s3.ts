import "server-only";
import { createReadStream } from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { StorageEnv } from "@/lib/env";
import type { ByteRange, SignedUrlOptions, Storage } from "@/lib/storage";
import { checkBucket } from "@/lib/storage/s3-check";

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

export function s3Settings(env: StorageEnv): S3Settings {
  if (!env.S3_BUCKET) throw new Error("S3_BUCKET: is required when STORAGE=s3");
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

/** Parts of 8 MiB: a 5 s 1080p video is one PUT, anything past 8 MiB goes up in parallel parts. */
export const MULTIPART_PART_BYTES = 8 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  ".mp4": "video/mp4",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
};

/** Media in an S3-compatible bucket (AWS, R2, Garage, SeaweedFS, Ceph, MinIO…), keys as on disk. */
export class S3Storage implements Storage {
  readonly description: string;
  readonly client: S3Client;
  private readonly bucket: string;
  private readonly where: string;

  constructor(settings: S3Settings, options: { maxAttempts?: number; requestTimeoutMs?: number } = {}) {
    this.bucket = settings.bucket;
    this.where = settings.endpoint ?? `AWS S3 (${settings.region})`;
    this.description = `S3 bucket ${settings.bucket} at ${this.where}`;
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
      maxAttempts: options.maxAttempts ?? 3,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: options.requestTimeoutMs ?? 60_000 },
      // Note: most S3-compatible stores do not understand the SDK's default aws-chunked CRC
      // trailers (they would store the chunk framing as content); we verify sha256 ourselves.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async putFile(key: string, sourcePath: string) {
    // A single PUT or a completed multipart upload both appear at once: no half-written object.
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: createReadStream(sourcePath),
        ContentType: CONTENT_TYPES[path.extname(key).toLowerCase()] ?? "application/octet-stream",
      },
      partSize: MULTIPART_PART_BYTES,
      queueSize: 4,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async size(key: string) {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const object = await this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    return object.Body as Readable;
  }

  async remove(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  signedUrl(key: string, options: SignedUrlOptions) {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: options.contentType,
        ResponseContentDisposition: options.downloadName
          ? `attachment; filename="${options.downloadName}"`
          : undefined,
      }),
      { expiresIn: options.expiresInSeconds },
    );
  }

  check() {
    return checkBucket(this.client, this.bucket, this.where);
  }
}

export function isNotFound(error: unknown) {
  return (
    error instanceof S3ServiceException &&
    (error.$metadata.httpStatusCode === 404 || error.name === "NoSuchKey" || error.name === "NotFound")
  );
}
