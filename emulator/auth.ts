import { timingSafeEqual } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from "jose";
import {
  authFailed,
  authorizationEmpty,
  authorizationExpired,
  authorizationInvalid,
  authorizationNotYetValid,
  KlingError,
} from "./errors";

export interface Credentials {
  accessKey: string;
  secretKey: string;
  apiKey: string;
  /** Seconds of clock skew forgiven on nbf and exp. */
  clockSkewSec: number;
}

/**
 * Checks `Authorization: Bearer <token>` the way KLING_API.md §2 describes:
 * 1001 no header, 1000 not a Bearer credential, 1002 unknown key / bad JWT, 1003 nbf, 1004 exp.
 */
export function createAuthenticator(credentials: Credentials): (header: string | undefined) => Promise<void> {
  const secret = new TextEncoder().encode(credentials.secretKey);
  return async (header) => {
    if (header === undefined || header.trim() === "") throw authorizationEmpty();
    const match = /^Bearer +(\S+)\s*$/.exec(header.trim());
    if (!match) {
      throw authFailed(`the Authorization header must be "Bearer <token>"; got "${header.slice(0, 20)}..."`);
    }
    const token = match[1];
    if (sameSecret(token, credentials.apiKey)) return;
    await verifyJwt(token, credentials, secret);
  };
}

async function verifyJwt(token: string, credentials: Credentials, secret: Uint8Array): Promise<void> {
  let issuer: unknown;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== "HS256") {
      throw authorizationInvalid(`JWT alg must be HS256; got ${JSON.stringify(header.alg)}`);
    }
    issuer = decodeJwt(token).iss;
  } catch (error) {
    if (error instanceof KlingError) throw error;
    throw authorizationInvalid("the token is neither a known API key nor a well-formed JWT");
  }
  if (typeof issuer !== "string" || !sameSecret(issuer, credentials.accessKey)) {
    throw authorizationInvalid(`JWT iss must be a known access key; got ${JSON.stringify(issuer ?? null)}`);
  }
  try {
    // Note: the signature is checked before the time claims, so a forged expired token gets 1002, not 1004.
    await jwtVerify(token, secret, {
      algorithms: ["HS256"],
      issuer: credentials.accessKey,
      requiredClaims: ["exp"],
      clockTolerance: credentials.clockSkewSec,
    });
  } catch (error) {
    throw mapJoseError(error);
  }
}

function mapJoseError(error: unknown): KlingError {
  if (error instanceof joseErrors.JWTExpired) return authorizationExpired("the JWT exp is in the past");
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === "nbf") return authorizationNotYetValid("the JWT nbf is in the future");
    return authorizationInvalid(`JWT claim ${error.claim} failed: ${error.reason}`);
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return authorizationInvalid("the JWT signature does not match the secret key of its iss");
  }
  return authorizationInvalid(`the JWT could not be verified (${(error as Error).message})`);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
