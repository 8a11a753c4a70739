import { spawnSync } from "node:child_process";

export class JavaMissingError extends Error {
  override name = "JavaMissingError";
}

const INSTALL_HINT =
  "The embedded DynamoDB Local needs Java 17 or newer. Install a JRE (Debian/Ubuntu: `apt-get install -y openjdk-17-jre-headless`, " +
  "macOS: `brew install openjdk@17`), or set DYNAMODB_ENDPOINT to a DynamoDB you already run.";

/** Fails with an actionable message when java is absent or older than 17. */
export function assertJava17(): void {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error) throw new JavaMissingError(`java was not found on PATH. ${INSTALL_HINT}`);
  const text = `${result.stderr}${result.stdout}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  const major = match ? (match[1] === "1" ? Number(match[2]) : Number(match[1])) : NaN;
  if (!Number.isFinite(major) || major < 17) {
    throw new JavaMissingError(`Found ${text.split("\n")[0]?.trim() || "an unknown java"}, which is older than 17. ${INSTALL_HINT}`);
  }
}
