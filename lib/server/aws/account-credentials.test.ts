import { Readable } from "node:stream";
import * as stsSdk from "@aws-sdk/client-sts";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startFakeSts } from "@/tests/support/fake-sts";
import { accountCredentials, REFRESH_BEFORE_EXPIRY_MS, sharedRefreshingCredentials } from "./account-credentials";
import { isAllowedOperation, STS_OPERATIONS } from "./read-only-allowlist";
import { ReadOnlyViolationError, readOnlyGuardPlugin } from "./read-only-guard";

const master = { accessKeyId: "AKIDMASTER", secretAccessKey: "master" };
const sts = await startFakeSts();
// Without a source profile, the role is assumed from the default chain's credentials: static ones here.
vi.stubEnv("AWS_ACCESS_KEY_ID", master.accessKeyId);
vi.stubEnv("AWS_SECRET_ACCESS_KEY", master.secretAccessKey);
afterAll(() => sts.stop());

const role = (externalId?: string) => ({
  name: "shared",
  credentials: { kind: "assume-role" as const, roleArn: "arn:aws:iam::123456789012:role/dynamo-lens", externalId, sourceProfile: undefined },
  regions: ["eu-west-1"],
  tablePatterns: [],
});

describe("sharedRefreshingCredentials", () => {
  it("reuses credentials until REFRESH_BEFORE_EXPIRY_MS before they expire, then fetches new ones once for concurrent callers", async () => {
    let clock = 0;
    let fetched = 0;
    const provider = sharedRefreshingCredentials(async () => ({ accessKeyId: `k${++fetched}`, secretAccessKey: "s", expiration: new Date(clock + 60 * 60_000) }), () => clock);
    expect((await provider()).accessKeyId).toBe("k1");
    clock = 60 * 60_000 - REFRESH_BEFORE_EXPIRY_MS - 1;
    expect((await provider()).accessKeyId).toBe("k1");
    clock += 2;
    const [a, b, c] = await Promise.all([provider(), provider(), provider()]);
    expect([a.accessKeyId, b.accessKeyId, c.accessKeyId]).toEqual(["k2", "k2", "k2"]);
    expect(fetched).toBe(2);
  });

  it("keeps credentials without an expiry, and lets a failed refresh reach its callers and the next call retry", async () => {
    let attempts = 0;
    const provider = sharedRefreshingCredentials(async () => {
      attempts++;
      if (attempts === 1) throw new Error("expired token");
      return { accessKeyId: "ok", secretAccessKey: "s" };
    });
    await expect(provider()).rejects.toThrow("expired token");
    expect((await provider()).accessKeyId).toBe("ok");
    expect((await provider()).accessKeyId).toBe("ok");
    expect(attempts).toBe(2);
  });
});

describe("accountCredentials for a roleArn", () => {
  it("assumes the role through STS as dynamo-lens, with the external id, and refreshes before expiry", async () => {
    sts.calls.length = 0;
    sts.setLifetimeMs(REFRESH_BEFORE_EXPIRY_MS - 1_000);
    const withMaster = accountCredentials(role("ext-42"), { stsClientConfig: { endpoint: sts.endpoint } });
    const first = await withMaster?.();
    // Already inside the refresh window: the next call assumes the role again.
    const second = await withMaster?.();
    expect(first?.accessKeyId).toMatch(/^ASIAFAKE/);
    expect(second?.accessKeyId).not.toBe(first?.accessKeyId);
    expect(sts.calls).toHaveLength(2);
    for (const call of sts.calls) {
      expect(call).toMatchObject({ action: "AssumeRole", roleArn: "arn:aws:iam::123456789012:role/dynamo-lens", sessionName: "dynamo-lens", externalId: "ext-42", signedWithKey: "AKIDMASTER", region: "eu-west-1" });
    }
    sts.setLifetimeMs(3_600_000);
    const third = await withMaster?.();
    const fourth = await withMaster?.();
    expect(fourth?.accessKeyId).toBe(third?.accessKeyId);
    expect(sts.calls).toHaveLength(3);
  });

  it("reports a refused AssumeRole as the SDK's error, and recovers on the next call", async () => {
    sts.failNext(1);
    const provider = accountCredentials(role(), { stsClientConfig: { endpoint: sts.endpoint } });
    await expect(provider?.()).rejects.toMatchObject({ name: "AccessDenied" });
    expect((await provider?.())?.accessKeyId).toMatch(/^ASIAFAKE/);
  });

  it("uses the default chain for the default account and fromIni for a profile", () => {
    expect(accountCredentials({ name: "default", credentials: { kind: "default-chain", profile: undefined }, regions: ["us-east-1"], tablePatterns: [] })).toBeUndefined();
    expect(typeof accountCredentials({ name: "p", credentials: { kind: "profile", profile: "x" }, regions: ["us-east-1"], tablePatterns: [] })).toBe("function");
  });
});

describe("the STS client's guard", () => {
  const commands = Object.entries(stsSdk as Record<string, unknown>)
    .filter(([name, value]) => name.endsWith("Command") && name !== "$Command" && typeof value === "function")
    .map(([name, value]) => [name.replace(/Command$/, ""), value as new (input: object) => object] as const);

  it("sees the SDK's commands, and allows AssumeRole only", async () => {
    expect(commands.length).toBeGreaterThan(5);
    for (const [operation, Command] of commands) {
      const sent: string[] = [];
      const client = new stsSdk.STSClient({
        region: "us-east-1",
        credentials: master,
        requestHandler: {
          handle: async (request: { body?: unknown }) => {
            sent.push(String(request.body));
            return { response: { statusCode: 400, headers: {}, body: Readable.from([Buffer.from("<ErrorResponse><Error><Code>Stop</Code></Error></ErrorResponse>")]) } };
          },
        },
        maxAttempts: 1,
      });
      client.middlewareStack.use(readOnlyGuardPlugin("STS", STS_OPERATIONS));
      const outcome = await client.send(new Command({}) as never).then(
        () => null,
        (error: unknown) => error,
      );
      if (isAllowedOperation(STS_OPERATIONS, operation)) {
        expect(outcome, operation).not.toBeInstanceOf(ReadOnlyViolationError);
        expect(sent, operation).toHaveLength(1);
        expect(sent[0], operation).toContain(`Action=${operation}`);
      } else {
        expect(outcome, operation).toBeInstanceOf(ReadOnlyViolationError);
        expect(sent, operation).toEqual([]);
      }
    }
  });
});
