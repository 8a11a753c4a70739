import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("has sensible defaults for local use", () => {
    expect(parseEnv({})).toEqual({
      awsRegion: "us-east-1",
      awsProfile: undefined,
      dynamodbEndpoint: undefined,
      cloudwatchEndpoint: undefined,
      port: 3000,
      tablePatterns: [],
      cursorSecret: undefined,
      exportMaxItems: 100_000,
      exportMaxRcu: 5_000,
      readScanBudget: 10_000,
      countMaxRcu: 2_000,
      maxConcurrentJobs: 2,
      partitionCapScale: 1,
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
      PORT: "8080",
      TABLES: "Shop, prod-*,  ",
      CURSOR_SECRET: "x".repeat(32),
      EXPORT_MAX_ITEMS: "500",
      EXPORT_MAX_RCU: "20",
      READ_SCAN_BUDGET: "1000",
      COUNT_MAX_RCU: "50",
      MAX_CONCURRENT_JOBS: "4",
      AUTH_MODE: "proxy",
      AUTH_USER_HEADER: "X-Auth-User",
      AUTH_GROUPS_HEADER: "X-Auth-Groups",
      ENGINEER_GROUPS: "sre, dba,",
      REDACT_ATTRIBUTES: "email, *name*,ssn",
      VIEWER_SHOWS_KEYS: "true",
      HOSTNAME: "0.0.0.0",
      NODE_ENV: "development",
    });
    expect(env).toEqual({
      awsRegion: "eu-west-1",
      awsProfile: "oncall",
      dynamodbEndpoint: "http://127.0.0.1:8000",
      cloudwatchEndpoint: "https://monitoring.example.com",
      port: 8080,
      tablePatterns: ["Shop", "prod-*"],
      cursorSecret: "x".repeat(32),
      exportMaxItems: 500,
      exportMaxRcu: 20,
      readScanBudget: 1000,
      countMaxRcu: 50,
      maxConcurrentJobs: 4,
      partitionCapScale: 1,
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
  ])("rejects %s=%s with a message naming the variable", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(name);
  });
});
