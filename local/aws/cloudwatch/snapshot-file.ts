import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { snapshotSchema, snapshotV1Schema, type Snapshot, type SnapshotV1 } from "./local-data-schemas";

/**
 * The saved snapshot, or undefined when there is none yet. A file that exists but can't be read fails loudly.
 * A version-1 snapshot (from before the local CloudWatch kept accounts and regions apart) is returned as it is.
 */
export async function readSnapshot(path: string): Promise<Snapshot | SnapshotV1 | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`The local CloudWatch snapshot ${path} is not valid JSON; delete it to start afresh`, { cause: error });
  }
  const parsed = z.union([snapshotSchema, snapshotV1Schema]).safeParse(json);
  if (!parsed.success) {
    throw new Error(`The local CloudWatch snapshot ${path} is not in the expected shape; delete it to start afresh:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Writes to a temporary file and renames it, so a crash mid-write never leaves a truncated snapshot. */
export async function writeSnapshot(path: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(snapshot));
  await rename(temporary, path);
}
