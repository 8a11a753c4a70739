/**
 * The local stack's own settings (not the product's: those live in lib/env.ts).
 * Read once, here, so the rest of local/ takes plain arguments.
 */
function numberFrom(name: string, fallback: number, check: (value: number) => boolean, expectation: string): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) throw new Error(`${name} must be ${expectation}; got "${raw}"`);
  return value;
}

const port = (name: string) => {
  const value = numberFrom(name, 0, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, "a port number");
  return value === 0 ? undefined : value;
};

/** "3h", "90m", "0" → milliseconds. */
export function parseDuration(text: string, name: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(h|m|s)?$/.exec(text.trim());
  if (!match) throw new Error(`${name} must be a duration such as 3h, 90m or 0; got "${text}"`);
  const unit = { h: 3_600_000, m: 60_000, s: 1_000 }[(match[2] ?? "s") as "h" | "m" | "s"];
  const ms = Number(match[1]) * unit;
  if (ms > 14 * 86_400_000) throw new Error(`${name} may be at most 14 days`);
  return ms;
}

export type LocalConfig = {
  /** The dashboard's port for `npm run demo`. */
  port: number;
  /** Undefined picks a free port. */
  dynamodbLocalPort: number | undefined;
  meteringProxyPort: number | undefined;
  cloudwatchPort: number | undefined;
  /** JVM heap cap for DynamoDB Local, in MB. Left alone the JVM takes about a quarter of RAM. */
  dynamodbLocalHeapMb: number;
  /** Where DynamoDB Local keeps its data between runs; undefined means in memory. */
  dynamodbLocalDataDir: string | undefined;
  /** Where the local CloudWatch keeps its metrics between runs; undefined means in memory. */
  cloudwatchSnapshot: string | undefined;
  /** Scales the per-partition cap (3,000 RCU / 1,000 WCU per second) and account limits, so a laptop can reach them. */
  capacityScale: number;
  /** Simulated demo history to create at start, in ms (0 for none). */
  historyMs: number;
  workload: boolean;
};

export function localConfig(args: readonly string[] = process.argv.slice(2)): LocalConfig {
  const flag = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? (args[index + 1] ?? "") : undefined;
  };
  return {
    port: numberFrom("PORT", 3000, (n) => Number.isInteger(n) && n > 0 && n <= 65535, "a port number"),
    dynamodbLocalPort: port("DYNAMODB_LOCAL_PORT"),
    meteringProxyPort: port("METERING_PROXY_PORT"),
    cloudwatchPort: port("LOCAL_CLOUDWATCH_PORT"),
    dynamodbLocalHeapMb: numberFrom("DYNAMODB_LOCAL_HEAP_MB", 768, (n) => Number.isInteger(n) && n >= 128, "a whole number of MB, at least 128"),
    dynamodbLocalDataDir: process.env.DYNAMODB_LOCAL_DATA_DIR?.trim() || undefined,
    cloudwatchSnapshot: process.env.LOCAL_CLOUDWATCH_SNAPSHOT?.trim() || undefined,
    capacityScale: numberFrom("LOCAL_CAPACITY_SCALE", 0.01, (n) => n > 0 && n <= 1, "a number in (0, 1]"),
    historyMs: parseDuration(flag("history") ?? process.env.DEMO_HISTORY ?? "3h", "--history / DEMO_HISTORY"),
    workload: !args.includes("--no-workload") && process.env.DEMO_WORKLOAD !== "off",
  };
}

/** The environment a child process (next start) gets, pointed at the local stack. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
