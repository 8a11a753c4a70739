import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { WireItem } from "@/lib/dynamo/wire-value";
import type { Identity } from "./identity";
import { digestItem, keyDigest, redactItem } from "./redact-item";
import { compileRedactPatterns } from "./redact-patterns";

/** What one caller may see, derived once per request from their identity and the redaction settings. */
export type Access = {
  role: Identity["role"];
  /** True when this attribute's values must be masked for this caller. */
  redacts: (attribute: string) => boolean;
  /** True when key values in insights, samples, verdicts and audits are shown as digests. */
  digestsKeys: boolean;
};

let compiled: { patterns: readonly string[]; matches: (name: string) => boolean } | undefined;

function redactMatcher(patterns: readonly string[]): (name: string) => boolean {
  if (compiled?.patterns !== patterns) compiled = { patterns, matches: compileRedactPatterns(patterns) };
  return compiled.matches;
}

export function accessFor(identity: Identity, settings: { redactAttributes: readonly string[]; viewerShowsKeys: boolean } = env()): Access {
  if (identity.role === "engineer") return { role: "engineer", redacts: () => false, digestsKeys: false };
  return { role: "viewer", redacts: redactMatcher(settings.redactAttributes), digestsKeys: !settings.viewerShowsKeys };
}

/** An item as this caller may see it; the table's key attributes are never masked. */
export function presentItem(item: WireItem, access: Access, keyAttributes: readonly string[]): WireItem {
  return access.role === "engineer" ? item : redactItem(item, access.redacts, new Set(keyAttributes));
}

/** A key string (Contributor Insights, verdicts) as this caller may see it. */
export function presentKey(text: string, access: Access): string {
  return access.digestsKeys ? keyDigest(text) : text;
}

/** A key item (audits) as this caller may see it. */
export function presentKeyItem(item: WireItem, access: Access): WireItem {
  return access.digestsKeys ? digestItem(item) : item;
}

/** Raw export writes every value as stored, so only engineers get it. */
export function assertMayExport(access: Access): void {
  if (access.role !== "engineer") {
    throw new AppError("FORBIDDEN", "Raw export is for engineers: viewers cannot download item values. Ask an engineer, or browse the items here.");
  }
}

/** Jobs spend the table's read capacity, which on a busy production table is not a viewer's call to make. */
export function assertMayRunJobs(access: Access): void {
  if (access.role !== "engineer") {
    throw new AppError("FORBIDDEN", "Starting or cancelling a background job is for engineers: a job spends the table's read capacity. Viewers see the latest results.");
  }
}

/**
 * A viewer may not filter or key-condition on a masked attribute (the answer would reveal the value one guess at a
 * time), nor read an index keyed on one (its keys and cursors would carry the value).
 */
export function assertMayRead(access: Access, read: { filterAttribute?: string; filterHasValue: boolean; indexKeys: readonly string[]; tableKeys: readonly string[] }): void {
  if (access.role === "engineer") return;
  if (read.filterAttribute !== undefined && read.filterHasValue && access.redacts(read.filterAttribute) && !read.tableKeys.includes(read.filterAttribute)) {
    throw new AppError("FORBIDDEN", `filterAttr: ${read.filterAttribute} is hidden from viewers, so it cannot be filtered on.`);
  }
  const hidden = read.indexKeys.find((name) => !read.tableKeys.includes(name) && access.redacts(name));
  if (hidden) throw new AppError("FORBIDDEN", `index: this index is keyed on ${hidden}, which is hidden from viewers.`);
}
