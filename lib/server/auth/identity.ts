import "server-only";
import { resolveIdentity, type AuthSettings, type Identity } from "@/lib/auth/resolve-identity";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

export type { Identity, Role } from "@/lib/auth/resolve-identity";

export const UNAUTHORIZED_MESSAGE = "Sign in through the company's login proxy: this request carries no user identity.";

/** The caller per the auth settings; a 401 AppError in proxy mode without the user header. */
export function identityFromHeaders(headers: Headers, settings: AuthSettings = env()): Identity {
  const identity = resolveIdentity(headers, settings);
  if (!identity) throw new AppError("UNAUTHORIZED", UNAUTHORIZED_MESSAGE);
  return identity;
}

export function requestIdentity(request: Request): Identity {
  return identityFromHeaders(request.headers);
}
