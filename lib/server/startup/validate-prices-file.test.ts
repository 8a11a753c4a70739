import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// The startup check reads the real environment once per process, so each case loads fresh modules with its own
// PRICES_FILE. process.exit is replaced only so the test runner survives the exit the check asks for.
describe("validateEnvAtStartup with PRICES_FILE", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  async function startWith(content: string): Promise<{ exitCode: number | undefined; errors: string[] }> {
    const dir = mkdtempSync(join(tmpdir(), "lens-prices-"));
    const path = join(dir, "prices.json");
    writeFileSync(path, content);
    vi.stubEnv("PRICES_FILE", path);
    vi.stubEnv("AUTH_MODE", "proxy"); // keeps the exposure warning quiet
    vi.resetModules();
    let exitCode: number | undefined;
    vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      exitCode = code;
      throw new Error("exit");
    }) as typeof process.exit);
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((message: unknown) => {
      errors.push(String(message));
    });
    const { validateEnvAtStartup } = await import("./validate-env");
    try {
      validateEnvAtStartup();
    } catch (error) {
      if (!(error instanceof Error && error.message === "exit")) throw error;
    }
    return { exitCode, errors };
  }

  it("stops the server with a message naming the file and the field", async () => {
    const { exitCode, errors } = await startWith(JSON.stringify({ date: "2026-11-01", regions: [{ region: "us-east-1", classes: { STANDARD: { rcuHour: 1 } } }] }));
    expect(exitCode).toBe(1);
    expect(errors.join("\n")).toMatch(/\[dynamo-lens\] Invalid configuration: PRICES_FILE .*prices\.json: regions\.0\.classes\.STANDARD\.onDemandReadPerMillion/);
  });

  it("starts with a good file", async () => {
    const standard = { onDemandReadPerMillion: 0.1, onDemandWritePerMillion: 0.5, rcuHour: 0.0001, wcuHour: 0.0005, storageGbMonth: 0.2 };
    const { exitCode, errors } = await startWith(JSON.stringify({ date: "2026-11-01", regions: [{ region: "us-east-1", classes: { STANDARD: standard } }] }));
    expect(exitCode).toBeUndefined();
    expect(errors).toEqual([]);
  });
});
