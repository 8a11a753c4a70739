import { readFileSync } from "node:fs";
import { z } from "zod";
import { accountsFileSchema, REGION_PATTERN, toAccountConfigs, type AccountConfig } from "./accounts/account-config";

/**
 * The only reader of process.env. Every setting is validated once; a bad value stops the
 * server at start with a message that names the variable (see instrumentation.ts).
 */

const endpointUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http:// or https:// URL");

// RFC 7230 token characters; Fetch's Headers lower-cases names, so we do too.
const headerName = z
  .string()
  .trim()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "must be an HTTP header name")
  .transform((name) => name.toLowerCase());

const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => ["true", "false", "1", "0", "yes", "no"].includes(value), "must be true or false")
  .transform((value) => value === "true" || value === "1" || value === "yes");

const commaList = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const envSchema = z.object({
  AWS_REGION: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(REGION_PATTERN, "must look like an AWS region, e.g. eu-west-1")
      .optional(),
  ),
  AWS_DEFAULT_REGION: z.preprocess(emptyAsUndefined, z.string().optional()),
  AWS_PROFILE: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[\w+=,.@:/-]{1,128}$/, "must be a profile name from your AWS config")
      .optional(),
  ),
  ACCOUNTS_FILE: z.preprocess(emptyAsUndefined, z.string().max(4_096).optional()),
  PRICES_FILE: z.preprocess(emptyAsUndefined, z.string().max(4_096).optional()),
  DYNAMODB_ENDPOINT: z.preprocess(emptyAsUndefined, endpointUrl.optional()),
  CLOUDWATCH_ENDPOINT: z.preprocess(emptyAsUndefined, endpointUrl.optional()),
  STS_ENDPOINT: z.preprocess(emptyAsUndefined, endpointUrl.optional()),
  AUTOSCALING_ENDPOINT: z.preprocess(emptyAsUndefined, endpointUrl.optional()),
  CLOUDTRAIL_ENDPOINT: z.preprocess(emptyAsUndefined, endpointUrl.optional()),
  DYNAMODB_STREAMS_ENDPOINT: z.preprocess(emptyAsUndefined, endpointUrl.optional()),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  CURSOR_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").optional()),
  EXPORT_MAX_ITEMS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000_000).default(100_000)),
  EXPORT_MAX_RCU: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).max(10_000_000).default(5_000)),
  READ_SCAN_BUDGET: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(1_000_000).default(10_000)),
  COUNT_MAX_RCU: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).max(10_000_000).default(2_000)),
  MAX_CONCURRENT_JOBS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(64).default(2)),
  PARTITION_CAP_SCALE: z.preprocess(emptyAsUndefined, z.coerce.number().gt(0).max(1).default(1)),
  CHANGE_LEAD_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1_440).default(30)),
  // AWS allows about 5 GetRecords a second per shard for all readers together; 250 ms would take all of them.
  STREAM_POLL_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(250).max(60_000).default(1_000)),
  STREAM_TAIL_MAX_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(10).max(86_400).default(900)),
  STREAM_SAMPLE_MAX_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(10).max(3_600).default(600)),
  AUTH_MODE: z.preprocess(emptyAsUndefined, z.enum(["none", "proxy"], "must be none or proxy").default("none")),
  AUTH_USER_HEADER: z.preprocess(emptyAsUndefined, headerName.default("x-forwarded-email")),
  AUTH_GROUPS_HEADER: z.preprocess(emptyAsUndefined, headerName.default("x-forwarded-groups")),
  ENGINEER_GROUPS: z.preprocess(emptyAsUndefined, z.string().max(4_096).optional()),
  REDACT_ATTRIBUTES: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .max(4_096)
      .regex(/^[^\x00-\x1f]*$/, "must be a comma list of attribute names or globs (* and ?)")
      .optional(),
  ),
  VIEWER_SHOWS_KEYS: z.preprocess(emptyAsUndefined, booleanFlag.default(false)),
  // Set by Next itself (`next dev` → development); only the CSP reads it, to allow React's dev-only eval.
  NODE_ENV: z.preprocess(emptyAsUndefined, z.string().optional()),
  // Set by `next start -H <address>`; read only to warn when AUTH_MODE=none listens beyond loopback.
  HOSTNAME: z.preprocess(emptyAsUndefined, z.string().max(255).optional()),
  TABLES: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[\w.*?,\s-]+$/, "must be a comma list of table names or globs (letters, digits, _ . - * ?)")
      .optional(),
  ),
});

export type Env = {
  /**
   * The accounts and regions to read, the first account and its first region the default. Without ACCOUNTS_FILE, one
   * account named "default" from the default credential chain, in awsRegion, exposing tablePatterns.
   */
  accounts: AccountConfig[];
  /** Where the accounts came from, for messages; undefined without ACCOUNTS_FILE. */
  accountsFile: string | undefined;
  /** A JSON price table laid over the built-in one (lib/server/cost/prices.ts reads and checks it at start). */
  pricesFile: string | undefined;
  awsRegion: string;
  awsProfile: string | undefined;
  dynamodbEndpoint: string | undefined;
  cloudwatchEndpoint: string | undefined;
  /** Where roles are assumed (ACCOUNTS_FILE roleArn); the SDK's regional STS endpoint when unset. */
  stsEndpoint: string | undefined;
  /** Application Auto Scaling; the SDK's regional endpoint when unset. */
  autoscalingEndpoint: string | undefined;
  /** CloudTrail (change history); the SDK's regional endpoint when unset. */
  cloudtrailEndpoint: string | undefined;
  /** DynamoDB Streams (live tail, stream samples); the SDK's regional endpoint when unset. */
  dynamodbStreamsEndpoint: string | undefined;
  port: number;
  tablePatterns: string[];
  /** Signs pagination cursors; a random per-process key when unset (cursors then die with the process). */
  cursorSecret: string | undefined;
  /** Upper bounds for one export; a request may ask for less. */
  exportMaxItems: number;
  exportMaxRcu: number;
  /** Items a filtered page may examine before it returns what it found. */
  readScanBudget: number;
  /** RCU one exact count may spend before it reports a partial count. */
  countMaxRcu: number;
  /** Background jobs (size audits, key samples) that may run at once on this server; more get a 429. */
  maxConcurrentJobs: number;
  /**
   * Scales the per-partition-key cap (3,000 RCU / 1,000 WCU per second) the diagnosis compares hot keys with. Always 1
   * against AWS; the local demo sets it to its LOCAL_CAPACITY_SCALE, because its metering proxy scales the cap too.
   */
  partitionCapScale: number;
  /** How long before a problem's onset a change still counts as its likely cause (the "changed-before" verdict). */
  changeLeadMinutes: number;
  /** The least time between two GetRecords calls on one shard, per reader (the tail, a stream sample), before back-off. */
  streamPollIntervalMs: number;
  /** A live tail stops reading after this long; resuming starts a new one. */
  streamTailMaxSeconds: number;
  /** The longest stream sample one may ask for. */
  streamSampleMaxSeconds: number;
  /** none: everyone is an engineer (local use). proxy: identity comes from an authenticating reverse proxy's headers. */
  authMode: "none" | "proxy";
  /** Lower-case header names the proxy sets: the user (required in proxy mode) and their comma-separated groups. */
  authUserHeader: string;
  authGroupsHeader: string;
  /** Proxy mode: members of any of these groups are engineers; everyone else is a viewer. */
  engineerGroups: string[];
  /** Globs on attribute names (case-insensitive) whose values viewers never receive. */
  redactAttributes: string[];
  /** Viewers see Contributor Insights, key-sample and audit keys as-is instead of as digests. */
  viewerShowsKeys: boolean;
  /** The listen address `next start -H` set, if any. */
  hostname: string | undefined;
  /** `next dev`: the CSP then allows 'unsafe-eval', which React's development build needs. */
  development: boolean;
};

export class EnvError extends Error {
  override name = "EnvError";
}

type ReadText = (path: string) => string;

/** ACCOUNTS_FILE's accounts; every problem names the file and the field, e.g. `accounts.1.regions.0`. */
function readAccountsFile(path: string, readText: ReadText): AccountConfig[] {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    throw new EnvError(`Invalid configuration: ACCOUNTS_FILE ${path} could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EnvError(`Invalid configuration: ACCOUNTS_FILE ${path} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = accountsFileSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(the file)"} ${issue.message}`);
    throw new EnvError(`Invalid configuration: ACCOUNTS_FILE ${path}: ${problems.join("; ")}`);
  }
  return toAccountConfigs(result.data);
}

export function parseEnv(source: Record<string, string | undefined>, readText: ReadText = (path) => readFileSync(path, "utf8")): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new EnvError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const raw = result.data;
  // The SDK itself also falls back to AWS_DEFAULT_REGION only in some paths, so resolve it here once.
  const awsRegion = raw.AWS_REGION ?? raw.AWS_DEFAULT_REGION ?? "us-east-1";
  const tablePatterns = commaList(raw.TABLES);
  const accounts: AccountConfig[] = raw.ACCOUNTS_FILE
    ? readAccountsFile(raw.ACCOUNTS_FILE, readText).map((account) => ({ ...account, tablePatterns: account.tablePatterns.length > 0 ? account.tablePatterns : tablePatterns }))
    : [{ name: "default", credentials: { kind: "default-chain", profile: raw.AWS_PROFILE }, regions: [awsRegion], tablePatterns }];
  return {
    accounts,
    accountsFile: raw.ACCOUNTS_FILE,
    pricesFile: raw.PRICES_FILE,
    awsRegion,
    awsProfile: raw.AWS_PROFILE,
    dynamodbEndpoint: raw.DYNAMODB_ENDPOINT,
    cloudwatchEndpoint: raw.CLOUDWATCH_ENDPOINT,
    stsEndpoint: raw.STS_ENDPOINT,
    autoscalingEndpoint: raw.AUTOSCALING_ENDPOINT,
    cloudtrailEndpoint: raw.CLOUDTRAIL_ENDPOINT,
    dynamodbStreamsEndpoint: raw.DYNAMODB_STREAMS_ENDPOINT,
    port: raw.PORT,
    tablePatterns,
    cursorSecret: raw.CURSOR_SECRET,
    exportMaxItems: raw.EXPORT_MAX_ITEMS,
    exportMaxRcu: raw.EXPORT_MAX_RCU,
    readScanBudget: raw.READ_SCAN_BUDGET,
    countMaxRcu: raw.COUNT_MAX_RCU,
    partitionCapScale: raw.PARTITION_CAP_SCALE,
    changeLeadMinutes: raw.CHANGE_LEAD_MINUTES,
    streamPollIntervalMs: raw.STREAM_POLL_INTERVAL_MS,
    streamTailMaxSeconds: raw.STREAM_TAIL_MAX_SECONDS,
    streamSampleMaxSeconds: raw.STREAM_SAMPLE_MAX_SECONDS,
    maxConcurrentJobs: raw.MAX_CONCURRENT_JOBS,
    authMode: raw.AUTH_MODE,
    authUserHeader: raw.AUTH_USER_HEADER,
    authGroupsHeader: raw.AUTH_GROUPS_HEADER,
    engineerGroups: commaList(raw.ENGINEER_GROUPS),
    redactAttributes: commaList(raw.REDACT_ATTRIBUTES),
    viewerShowsKeys: raw.VIEWER_SHOWS_KEYS,
    hostname: raw.HOSTNAME,
    development: raw.NODE_ENV === "development",
  };
}

let cached: Env | undefined;

/** Parsed lazily so `next build` does not need runtime configuration. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

