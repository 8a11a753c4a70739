/**
 * The local stack's own settings (not the product's: those live in lib/env.ts).
 * Read once, here, so the rest of local/ takes plain arguments.
 */
function intFrom(name: string, fallback: number | undefined): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a whole number (a port, or a size in MB); got "${raw}"`);
  }
  return value;
}

export type LocalConfig = {
  /** The dashboard's port for `npm run demo`. */
  port: number;
  /** DynamoDB Local's port; undefined picks a free one. */
  dynamodbLocalPort: number | undefined;
  /** JVM heap cap for DynamoDB Local, in MB. Left alone the JVM takes about a quarter of RAM. */
  dynamodbLocalHeapMb: number;
  /** Where DynamoDB Local keeps its data between runs; undefined means in memory. */
  dynamodbLocalDataDir: string | undefined;
};

export function localConfig(): LocalConfig {
  return {
    port: intFrom("PORT", 3000) ?? 3000,
    dynamodbLocalPort: intFrom("DYNAMODB_LOCAL_PORT", undefined),
    dynamodbLocalHeapMb: intFrom("DYNAMODB_LOCAL_HEAP_MB", 768) ?? 768,
    dynamodbLocalDataDir: process.env.DYNAMODB_LOCAL_DATA_DIR?.trim() || undefined,
  };
}

/** The environment a child process (next start, the workload) gets, pointed at the local stack. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
