/**
 * Identity resolution as pure functions of the request headers and the auth settings, so both the route helper
 * (lib/server/auth/identity.ts) and proxy.ts share one rule. No process.env and no server-only imports here: proxy.ts
 * runs before the app and passes the settings in.
 */

export type Role = "engineer" | "viewer";
export type Identity = { user: string | null; role: Role };
export type AuthSettings = { authMode: "none" | "proxy"; authUserHeader: string; authGroupsHeader: string; engineerGroups: readonly string[] };

// Only the proxy should set these headers; bound them anyway so logs and the header bar stay sane.
const MAX_USER_LENGTH = 320;

/** Comma-separated groups, as oauth2-proxy sends X-Forwarded-Groups; compared exactly, like the IdP's names. */
export function parseGroups(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((group) => group.trim())
    .filter((group) => group.length > 0);
}

export function roleForGroups(groups: readonly string[], engineerGroups: readonly string[]): Role {
  return groups.some((group) => engineerGroups.includes(group)) ? "engineer" : "viewer";
}

/**
 * The caller, or null when proxy mode finds no usable user header: such a request did not come through the
 * authenticating proxy, so it gets a 401 rather than a guess. In none mode everyone is an engineer (local use).
 */
export function resolveIdentity(headers: Headers, settings: AuthSettings): Identity | null {
  if (settings.authMode === "none") return { user: null, role: "engineer" };
  const user = headers.get(settings.authUserHeader)?.trim() ?? "";
  if (user.length === 0 || user.length > MAX_USER_LENGTH) return null;
  return { user, role: roleForGroups(parseGroups(headers.get(settings.authGroupsHeader)), settings.engineerGroups) };
}
