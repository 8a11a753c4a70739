import "server-only";
import { readFileSync } from "node:fs";
import { env, EnvError } from "@/lib/env";
import type { PriceTable } from "@/lib/cost/cost-types";
import { overlayPriceTable, priceFileSchema, priceTableFromFile } from "@/lib/cost/price-file-schema";
import { BUILT_IN_PRICE_TABLE } from "@/lib/cost/price-table";

type ReadText = (path: string) => string;

/**
 * The price table in force: the built-in one, with PRICES_FILE's regions laid over it when set. Every problem with
 * the file names it and the field (e.g. `regions.1.classes.STANDARD.rcuHour`), as ACCOUNTS_FILE's do; the startup
 * check calls this, so a bad file stops the server before it serves a wrong figure.
 */
export function loadPriceTable(path: string | undefined, readText: ReadText = (file) => readFileSync(file, "utf8")): PriceTable {
  if (!path) return BUILT_IN_PRICE_TABLE;
  let content: string;
  try {
    content = readText(path);
  } catch (error) {
    throw new EnvError(`Invalid configuration: PRICES_FILE ${path} could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new EnvError(`Invalid configuration: PRICES_FILE ${path} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = priceFileSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(the file)"} ${issue.message}`);
    throw new EnvError(`Invalid configuration: PRICES_FILE ${path}: ${problems.join("; ")}`);
  }
  return overlayPriceTable(BUILT_IN_PRICE_TABLE, priceTableFromFile(result.data, path, BUILT_IN_PRICE_TABLE));
}

let cached: PriceTable | undefined;

/** Read once per process: prices are configuration, and nothing is fetched at run time. */
export function priceTable(): PriceTable {
  cached ??= loadPriceTable(env().pricesFile);
  return cached;
}
