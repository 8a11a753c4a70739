import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { bindChildLifetime } from "../child-process-lifetime";
import { childEnv } from "../local-config";

const ROOT = process.cwd();
const NEXT_BIN = join(ROOT, "node_modules", ".bin", "next");
const SOURCE_DIRS = ["app", "components", "lib"];
const SOURCE_FILES = ["next.config.js", "package.json", "postcss.config.mjs", "instrumentation.ts"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when there is no production build, or a source file changed after it was made. */
export function buildIsStale(): boolean {
  const buildId = join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((path) => newestMtime(join(ROOT, path)) > builtAt);
}

export function runNextBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(NEXT_BIN, ["build"], { stdio: "inherit", env: childEnv({ NEXT_TELEMETRY_DISABLED: "1" }) });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`))));
  });
}

export type RunningDashboard = { url: string; pid: number | undefined; stop: () => Promise<void> };

/** Serves the production build with `next start`, pointed at the given endpoints, and waits until it answers. */
export async function startDashboard(options: {
  port: number;
  hostname?: string;
  env: Record<string, string>;
  log?: (line: string) => void;
}): Promise<RunningDashboard> {
  const hostname = options.hostname ?? "127.0.0.1";
  const child = spawn(NEXT_BIN, ["start", "-p", String(options.port), "-H", hostname], {
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv({ ...options.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(options.port) }),
  });
  const log = options.log ?? (() => undefined);
  child.stdout?.on("data", (chunk: Buffer) => log(chunk.toString().trimEnd()));
  child.stderr?.on("data", (chunk: Buffer) => log(chunk.toString().trimEnd()));
  const lifetime = bindChildLifetime(child);

  const url = `http://${hostname}:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}; is port ${options.port} free?`);
    try {
      const response = await fetch(`${url}/api/tables`);
      if (response.status < 500) break;
    } catch {
      // Not listening yet; keep polling until the deadline.
    }
    if (Date.now() > deadline) {
      lifetime.kill();
      throw new Error(`The dashboard did not answer on ${url} within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return { url, pid: child.pid, stop: lifetime.stop };
}
