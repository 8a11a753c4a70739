import { accountIdOf } from "./account-ids";

/**
 * Who is asking, and where: the SigV4 credential scope of a request, parsed the way AWS's front ends read it.
 *
 * AWS tells regions apart by endpoint, but also requires the signature's credential scope
 * (`Credential=<access key id>/<yyyymmdd>/<region>/<service>/aws4_request`) to name the region it serves. The local
 * services answer every region on one port, so the scope is how they tell regions apart; the access key id tells
 * accounts apart (see account-ids.ts). Signatures are not verified: there are no secrets here, only the scope is read.
 */
export type CredentialScope = {
  accessKeyId: string;
  /** yyyymmdd, as signed. */
  date: string;
  region: string;
  /** The signing name: `dynamodb`, `monitoring`, … */
  service: string;
};

/** The tenant a request belongs to: its account (from the access key) and region. */
export type RequestScope = { accessKeyId: string; accountId: string; region: string };

/**
 * The two ways AWS refuses a request before reading it, as listed in AWS's common errors:
 * no credentials at all (MissingAuthenticationToken), or an Authorization header that is not a complete SigV4 one
 * (IncompleteSignature).
 */
export type AuthProblem = { code: "MissingAuthenticationToken" | "IncompleteSignature"; message: string };

export type ScopeResult = { ok: true; scope: CredentialScope } | { ok: false; problem: AuthProblem };

const ALGORITHM = "AWS4-HMAC-SHA256";
const REQUIRED = ["Credential", "SignedHeaders", "Signature"] as const;
const DATE = /^\d{8}$/;
// Region and service names are lower-case words joined by hyphens (us-east-1, eu-west-1, dynamodb, monitoring).
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const incomplete = (message: string): ScopeResult => ({ ok: false, problem: { code: "IncompleteSignature", message } });

/** Reads the credential scope from an Authorization header (undefined when the request carries none). */
export function parseCredentialScope(authorization: string | undefined): ScopeResult {
  if (authorization === undefined || authorization.trim() === "") {
    return { ok: false, problem: { code: "MissingAuthenticationToken", message: "Request is missing Authentication Token" } };
  }
  const header = authorization.trim();
  const space = header.indexOf(" ");
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) return incomplete(`Unsupported AWS 'algorithm': '${algorithm}'. Authorization=${header}`);
  const parameters = new Map<string, string>();
  for (const part of header.slice(space + 1).split(",")) {
    const equals = part.indexOf("=");
    if (equals > 0) parameters.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const missing = REQUIRED.filter((name) => !parameters.get(name));
  if (missing.length > 0) {
    return incomplete(`${missing.map((name) => `Authorization header requires '${name}' parameter.`).join(" ")} Authorization=${header}`);
  }
  const credential = parameters.get("Credential") ?? "";
  const parts = credential.split("/");
  const [accessKeyId = "", date = "", region = "", service = "", terminator = ""] = parts;
  if (parts.length !== 5 || accessKeyId === "") {
    return incomplete(`Credential should be scoped to a valid region, service and date: '${credential}'.`);
  }
  if (terminator !== "aws4_request") return incomplete(`Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`);
  if (!DATE.test(date)) return incomplete(`Date must be in ISO-8601 'basic format'. Got '${date}'.`);
  if (!NAME.test(region)) return incomplete(`Credential should be scoped to a valid region, not '${region}'.`);
  if (!NAME.test(service)) return incomplete(`Credential should be scoped to a valid service, not '${service}'.`);
  return { ok: true, scope: { accessKeyId, date, region, service } };
}

/** The scope's tenant: the access key's account, in the signed region. */
export function requestScopeOf(scope: Pick<CredentialScope, "accessKeyId" | "region">): RequestScope {
  return { accessKeyId: scope.accessKeyId, accountId: accountIdOf(scope.accessKeyId), region: scope.region };
}

/** A map key for per-tenant state. Account and region ids contain neither '/' nor spaces. */
export function scopeKey(scope: { accountId: string; region: string }): string {
  return `${scope.accountId}/${scope.region}`;
}

/**
 * An Authorization header that carries a scope but no real signature, for the local services' own extensions
 * (`/_local/…` routes), which read the scope the same way as the AWS operations do.
 */
export function unsignedAuthorization(accessKeyId: string, region: string, service: string, at: Date = new Date()): string {
  const date = at.toISOString().slice(0, 10).replaceAll("-", "");
  return `${ALGORITHM} Credential=${accessKeyId}/${date}/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;
}
