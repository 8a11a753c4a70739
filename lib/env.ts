import { z } from "zod";

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

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const envSchema = z.object({
  AWS_REGION: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[a-z]{2,}(-[a-z0-9]+)+$|^local$/, "must look like an AWS region, e.g. eu-west-1")
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
  DYNAMODB_ENDPOINT: z.preprocess(emptyAsUndefined, endpointUrl.optional()),
  CLOUDWATCH_ENDPOINT: z.preprocess(emptyAsUndefined, endpointUrl.optional()),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  CURSOR_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").optional()),
  EXPORT_MAX_ITEMS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000_000).default(100_000)),
  EXPORT_MAX_RCU: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).max(10_000_000).default(5_000)),
  READ_SCAN_BUDGET: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(1_000_000).default(10_000)),
  COUNT_MAX_RCU: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).max(10_000_000).default(2_000)),
  MAX_CONCURRENT_JOBS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(64).default(2)),
  PARTITION_CAP_SCALE: z.preprocess(emptyAsUndefined, z.coerce.number().gt(0).max(1).default(1)),
  TABLES: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[\w.*?,\s-]+$/, "must be a comma list of table names or globs (letters, digits, _ . - * ?)")
      .optional(),
  ),
});

export type Env = {
  awsRegion: string;
  awsProfile: string | undefined;
  dynamodbEndpoint: string | undefined;
  cloudwatchEndpoint: string | undefined;
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
};

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new EnvError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const raw = result.data;
  return {
    // The SDK itself also falls back to AWS_DEFAULT_REGION only in some paths, so resolve it here once.
    awsRegion: raw.AWS_REGION ?? raw.AWS_DEFAULT_REGION ?? "us-east-1",
    awsProfile: raw.AWS_PROFILE,
    dynamodbEndpoint: raw.DYNAMODB_ENDPOINT,
    cloudwatchEndpoint: raw.CLOUDWATCH_ENDPOINT,
    port: raw.PORT,
    tablePatterns: (raw.TABLES ?? "")
      .split(",")
      .map((pattern) => pattern.trim())
      .filter((pattern) => pattern.length > 0),
    cursorSecret: raw.CURSOR_SECRET,
    exportMaxItems: raw.EXPORT_MAX_ITEMS,
    exportMaxRcu: raw.EXPORT_MAX_RCU,
    readScanBudget: raw.READ_SCAN_BUDGET,
    countMaxRcu: raw.COUNT_MAX_RCU,
    partitionCapScale: raw.PARTITION_CAP_SCALE,
    maxConcurrentJobs: raw.MAX_CONCURRENT_JOBS,
  };
}

let cached: Env | undefined;

/** Parsed lazily so `next build` does not need runtime configuration. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

