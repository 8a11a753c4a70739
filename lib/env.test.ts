import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("has sensible defaults for local use", () => {
    expect(parseEnv({})).toEqual({
      accounts: [{ name: "default", credentials: { kind: "default-chain", profile: undefined }, regions: ["us-east-1"], tablePatterns: [] }],
      accountsFile: undefined,
      pricesFile: undefined,
      awsRegion: "us-east-1",
      awsProfile: undefined,
      dynamodbEndpoint: undefined,
      cloudwatchEndpoint: undefined,
      stsEndpoint: undefined,
      port: 3000,
      tablePatterns: [],
      cursorSecret: undefined,
      exportMaxItems: 100_000,
      exportMaxRcu: 5_000,
      readScanBudget: 10_000,
      countMaxRcu: 2_000,
      maxConcurrentJobs: 2,
      partitionCapScale: 1,
      changeLeadMinutes: 30,
      streamPollIntervalMs: 1_000,
      streamTailMaxSeconds: 900,
      streamSampleMaxSeconds: 600,
      authMode: "none",
      authUserHeader: "x-forwarded-email",
      authGroupsHeader: "x-forwarded-groups",
      engineerGroups: [],
      redactAttributes: [],
      viewerShowsKeys: false,
      hostname: undefined,
      development: false,
    });
  });

  it("reads every variable", () => {
    const env = parseEnv({
      AWS_REGION: "eu-west-1",
      AWS_PROFILE: "oncall",
      DYNAMODB_ENDPOINT: "http://127.0.0.1:8000",
      CLOUDWATCH_ENDPOINT: "https://monitoring.example.com",
      STS_ENDPOINT: "https://sts.example.com",
      PORT: "8080",
      TABLES: "Shop, prod-*,  ",
      CURSOR_SECRET: "x".repeat(32),
      EXPORT_MAX_ITEMS: "500",
      EXPORT_MAX_RCU: "20",
      READ_SCAN_BUDGET: "1000",
      COUNT_MAX_RCU: "50",
      MAX_CONCURRENT_JOBS: "4",
      CHANGE_LEAD_MINUTES: "45",
      DYNAMODB_STREAMS_ENDPOINT: "https://streams.example.com",
      STREAM_POLL_INTERVAL_MS: "2000",
      STREAM_TAIL_MAX_SECONDS: "60",
      STREAM_SAMPLE_MAX_SECONDS: "120",
      AUTH_MODE: "proxy",
      AUTH_USER_HEADER: "X-Auth-User",
      AUTH_GROUPS_HEADER: "X-Auth-Groups",
      ENGINEER_GROUPS: "sre, dba,",
      REDACT_ATTRIBUTES: "email, *name*,ssn",
      VIEWER_SHOWS_KEYS: "true",
      HOSTNAME: "0.0.0.0",
      NODE_ENV: "development",
      PRICES_FILE: "/etc/lens/prices.json",
    });
    expect(env).toEqual({
      accounts: [{ name: "default", credentials: { kind: "default-chain", profile: "oncall" }, regions: ["eu-west-1"], tablePatterns: ["Shop", "prod-*"] }],
      accountsFile: undefined,
      pricesFile: "/etc/lens/prices.json",
      awsRegion: "eu-west-1",
      awsProfile: "oncall",
      dynamodbEndpoint: "http://127.0.0.1:8000",
      cloudwatchEndpoint: "https://monitoring.example.com",
      stsEndpoint: "https://sts.example.com",
      port: 8080,
      tablePatterns: ["Shop", "prod-*"],
      cursorSecret: "x".repeat(32),
      exportMaxItems: 500,
      exportMaxRcu: 20,
      readScanBudget: 1000,
      countMaxRcu: 50,
      maxConcurrentJobs: 4,
      partitionCapScale: 1,
      changeLeadMinutes: 45,
      dynamodbStreamsEndpoint: "https://streams.example.com",
      streamPollIntervalMs: 2_000,
      streamTailMaxSeconds: 60,
      streamSampleMaxSeconds: 120,
      authMode: "proxy",
      authUserHeader: "x-auth-user",
      authGroupsHeader: "x-auth-groups",
      engineerGroups: ["sre", "dba"],
      redactAttributes: ["email", "*name*", "ssn"],
      viewerShowsKeys: true,
      hostname: "0.0.0.0",
      development: true,
    });
  });

  it("falls back to AWS_DEFAULT_REGION and treats empty strings as unset", () => {
    expect(parseEnv({ AWS_REGION: "", AWS_DEFAULT_REGION: "ap-south-1", PORT: "" })).toMatchObject({ awsRegion: "ap-south-1", port: 3000 });
  });

  it.each([
    ["DYNAMODB_ENDPOINT", "localhost:8000"],
    ["DYNAMODB_ENDPOINT", "ftp://x"],
    ["CLOUDWATCH_ENDPOINT", "not a url"],
    ["STS_ENDPOINT", "sts"],
    ["PORT", "70000"],
    ["PORT", "abc"],
    ["AWS_REGION", "Frankfurt"],
    ["TABLES", "Shop;DROP"],
    ["AWS_PROFILE", "has space"],
    ["CURSOR_SECRET", "short"],
    ["EXPORT_MAX_ITEMS", "0"],
    ["READ_SCAN_BUDGET", "5"],
    ["MAX_CONCURRENT_JOBS", "0"],
    ["MAX_CONCURRENT_JOBS", "1.5"],
    ["AUTH_MODE", "oauth"],
    ["AUTH_USER_HEADER", "x forwarded"],
    ["VIEWER_SHOWS_KEYS", "maybe"],
    ["DYNAMODB_STREAMS_ENDPOINT", "streams"],
    ["STREAM_POLL_INTERVAL_MS", "100"],
    ["STREAM_TAIL_MAX_SECONDS", "5"],
    ["STREAM_SAMPLE_MAX_SECONDS", "7200"],
    ["PRICES_FILE", "x".repeat(4_097)],
  ])("rejects %s=%s with a message naming the variable", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(name);
  });

  describe("ACCOUNTS_FILE", () => {
    const withFile = (content: unknown, extra: Record<string, string> = {}) =>
      parseEnv({ ACCOUNTS_FILE: "/etc/lens/accounts.json", ...extra }, (path) => {
        expect(path).toBe("/etc/lens/accounts.json");
        return typeof content === "string" ? content : JSON.stringify(content);
      });

    it("reads profiles, roles, regions and table globs; TABLES applies where an account has none", () => {
      const env = withFile(
        {
          accounts: [
            { name: "prod", profile: "prod-ro", regions: ["us-east-1", "eu-west-1"] },
            { name: "shared", roleArn: "arn:aws:iam::123456789012:role/dynamo-lens", externalId: "lens-ext", regions: ["ap-south-1"], tables: ["orders-*"] },
            { name: "chained", profile: "hub", roleArn: "arn:aws:iam::210987654321:role/lens", regions: ["us-west-2"] },
          ],
        },
        { TABLES: "Shop" },
      );
      expect(env.accountsFile).toBe("/etc/lens/accounts.json");
      expect(env.accounts).toEqual([
        { name: "prod", credentials: { kind: "profile", profile: "prod-ro" }, regions: ["us-east-1", "eu-west-1"], tablePatterns: ["Shop"] },
        { name: "shared", credentials: { kind: "assume-role", roleArn: "arn:aws:iam::123456789012:role/dynamo-lens", externalId: "lens-ext", sourceProfile: undefined }, regions: ["ap-south-1"], tablePatterns: ["orders-*"] },
        { name: "chained", credentials: { kind: "assume-role", roleArn: "arn:aws:iam::210987654321:role/lens", externalId: undefined, sourceProfile: "hub" }, regions: ["us-west-2"], tablePatterns: ["Shop"] },
      ]);
    });

    it.each([
      ["not JSON", "{accounts:", /ACCOUNTS_FILE \/etc\/lens\/accounts.json is not JSON/],
      ["no accounts", { accounts: [] }, /accounts must list at least one account/],
      ["a bad region", { accounts: [{ name: "a", profile: "p", regions: ["Frankfurt"] }] }, /accounts\.0\.regions\.0 must look like an AWS region/],
      ["no credentials", { accounts: [{ name: "a", regions: ["us-east-1"] }] }, /accounts\.0\.profile needs a profile or a roleArn/],
      ["a bad role", { accounts: [{ name: "a", roleArn: "arn:aws:iam::1:user/x", regions: ["us-east-1"] }] }, /accounts\.0\.roleArn must be an IAM role ARN/],
      ["an external id without a role", { accounts: [{ name: "a", profile: "p", externalId: "xyz", regions: ["us-east-1"] }] }, /accounts\.0\.externalId is only used with a roleArn/],
      ["a duplicate region", { accounts: [{ name: "a", profile: "p", regions: ["us-east-1", "us-east-1"] }] }, /accounts\.0\.regions lists a region twice/],
      ["a duplicate name", { accounts: [{ name: "a", profile: "p", regions: ["us-east-1"] }, { name: "a", profile: "q", regions: ["us-east-1"] }] }, /accounts holds two accounts with the same name/],
      ["an unsafe name", { accounts: [{ name: "a/b", profile: "p", regions: ["us-east-1"] }] }, /accounts\.0\.name must be/],
      ["an unknown field", { accounts: [{ name: "a", profile: "p", regions: ["us-east-1"], secretAccessKey: "x" }] }, /accounts\.0 .*secretAccessKey/],
      ["a bad table glob", { accounts: [{ name: "a", profile: "p", regions: ["us-east-1"], tables: ["a;b"] }] }, /accounts\.0\.tables\.0 must be a table name or glob/],
    ])("rejects %s with a message naming the file and the field", (_what, content, message) => {
      expect(() => withFile(content)).toThrow(EnvError);
      expect(() => withFile(content)).toThrow(message);
    });

    it("says when the file cannot be read", () => {
      expect(() =>
        parseEnv({ ACCOUNTS_FILE: "/nope.json" }, () => {
          throw new Error("ENOENT: no such file");
        }),
      ).toThrow(/ACCOUNTS_FILE \/nope.json could not be read \(ENOENT/);
    });
  });
});
