import type { ChildProcess } from "node:child_process";

/**
 * Ties a child process to ours: if we exit without stopping it, it is killed, so no JVM or server is left behind.
 * Returns `stop`, which asks politely (SIGTERM) and insists (SIGKILL) after five seconds.
 */
export function bindChildLifetime(child: ChildProcess): { stop: () => Promise<void>; kill: () => void } {
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);
  return {
    kill: () => {
      process.off("exit", killOnExit);
      child.kill("SIGKILL");
    },
    stop: async () => {
      process.off("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
