/** How the e2e proxy-auth server is configured, and the headers an authenticating proxy would add for each user. */
export const PROXY_AUTH_ENV = {
  AUTH_MODE: "proxy",
  ENGINEER_GROUPS: "sre",
  REDACT_ATTRIBUTES: "email,*name*",
} as const;

export const AS_VIEWER = { "X-Forwarded-Email": "pat.viewer@corp.example", "X-Forwarded-Groups": "sales,staff" } as const;
export const AS_ENGINEER = { "X-Forwarded-Email": "sam.sre@corp.example", "X-Forwarded-Groups": "staff,sre" } as const;

/** The proxy-auth server's address, which global setup puts in the environment for the workers. */
export function proxyAuthUrl(): string {
  const url = process.env.E2E_PROXY_AUTH_URL;
  if (!url) throw new Error("E2E_PROXY_AUTH_URL is not set; global setup did not run");
  return url;
}
