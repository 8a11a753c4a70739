import "server-only";
import type { STSClientConfig } from "@aws-sdk/client-sts";
import { fromIni, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import type { AccountConfig } from "@/lib/accounts/account-config";
import { readOnlyGuardPlugin } from "./read-only-guard";
import { STS_OPERATIONS } from "./read-only-allowlist";

/** The session name every assumed role carries, so the account's CloudTrail shows who read. */
export const ROLE_SESSION_NAME = "dynamo-lens";
/** One hour: the default maximum session of a role, and long enough that refreshes are rare. */
const ROLE_SESSION_SECONDS = 3_600;
/** Credentials are replaced this long before they expire, so no request is signed with ones about to lapse. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/**
 * A provider that shares one set of credentials between every client of an account (each region and service) and
 * fetches new ones REFRESH_BEFORE_EXPIRY_MS before they expire. Concurrent callers during a refresh wait for the
 * same call. A failed refresh is not hidden: its callers get the error, and the next call tries again.
 */
export function sharedRefreshingCredentials(provider: AwsCredentialIdentityProvider, now: () => number = Date.now): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    const expiresAt = current?.expiration?.getTime();
    if (current && (expiresAt === undefined || expiresAt - now() > REFRESH_BEFORE_EXPIRY_MS)) return current;
    pending ??= provider()
      .then((fresh) => {
        current = fresh;
        return fresh;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}

export type CredentialOptions = {
  /** Tests point the STS client at a fake endpoint; production leaves it to the SDK. */
  stsClientConfig?: Pick<STSClientConfig, "requestHandler" | "endpoint">;
  now?: () => number;
};

/**
 * An account's credentials, or undefined for the SDK's default chain (then the client's `profile`, from AWS_PROFILE,
 * applies as before accounts existed). A role is assumed with STS AssumeRole through a client that the read-only
 * guard limits to that one call, from the source profile's credentials or the default chain.
 */
export function accountCredentials(account: AccountConfig, options: CredentialOptions = {}): AwsCredentialIdentityProvider | undefined {
  const credentials = account.credentials;
  if (credentials.kind === "default-chain") return undefined;
  if (credentials.kind === "profile") return sharedRefreshingCredentials(fromIni({ profile: credentials.profile }), options.now);
  const provider = fromTemporaryCredentials({
    params: {
      RoleArn: credentials.roleArn,
      RoleSessionName: ROLE_SESSION_NAME,
      DurationSeconds: ROLE_SESSION_SECONDS,
      ...(credentials.externalId ? { ExternalId: credentials.externalId } : {}),
    },
    ...(credentials.sourceProfile ? { masterCredentials: fromIni({ profile: credentials.sourceProfile }) } : {}),
    // STS is regional; the account's first region keeps the call close and avoids the global endpoint.
    clientConfig: { region: account.regions[0], ...options.stsClientConfig },
    clientPlugins: [readOnlyGuardPlugin("STS", STS_OPERATIONS)],
  });
  return sharedRefreshingCredentials(provider, options.now);
}
