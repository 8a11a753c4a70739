import { describe, expect, it } from "vitest";
import { modelOf, PK_SK, shopItems } from "@/lib/entities/test-items";
import type { EntityModel } from "@/lib/entities/entity-types";
import type { JobSnapshot } from "@/lib/jobs/job-types";
import { accessFor } from "./access";
import { presentEntitiesResult } from "./present-entities";
import { presentJob } from "./present-keys";
import { keyDigest } from "./redact-item";

const settings = { redactAttributes: [], viewerShowsKeys: false };
const viewer = accessFor({ user: "v", role: "viewer" }, settings);
const engineer = accessFor({ user: "e", role: "engineer" }, settings);
const keyViewer = accessFor({ user: "v", role: "viewer" }, { ...settings, viewerShowsKeys: true });
// Item ids: c1, p2, a0, o3x1, r2x0. No id is a literal, so a digested model must not contain one after a delimiter.
const RAW_KEY = /(CUSTOMER|PRODUCT|ADDRESS|ORDER|REVIEW)#[a-z]?\d|#[a-z]\d+(x\d+)?"/;

describe("presentEntitiesResult", () => {
  const model = modelOf(PK_SK, [...shopItems(30), { PK: { S: "c-raw-1" } }, { PK: { S: "c-raw-2" } }]);

  it("digests every example key and the largest collections' keys for a viewer, leaving the shared model as it was", () => {
    const before = JSON.stringify(model);
    expect(before).toMatch(RAW_KEY);
    const shown = presentEntitiesResult(model, viewer);
    const text = JSON.stringify(shown);
    expect(text).not.toMatch(RAW_KEY);
    expect(text).not.toContain("c-raw-");
    const order = model.types.find((type) => type.name === "order in customer");
    const raw = order?.exampleKeys[0]?.PK;
    const digested = shown.types.find((type) => type.name === "order in customer")?.exampleKeys[0]?.PK;
    expect(raw && "S" in raw ? digested : null).toEqual({ REDACTED: "S", bytes: expect.any(Number), digest: raw && "S" in raw ? keyDigest(raw.S) : "" });
    expect(shown.collections.largestByBytes[0]?.partitionKey).toMatchObject({ REDACTED: "S", digest: expect.stringMatching(/^#[0-9a-f]{10}$/) });
    expect(shown.unpatterned?.exampleKeys.length).toBeGreaterThan(0);
    expect(shown.unpatterned?.exampleKeys.every((key) => Object.values(key).every((value) => "REDACTED" in value))).toBe(true);
    // Patterns, names and counts stay.
    expect(shown.types.map((type) => [type.name, type.partitionKey.pattern, type.read.items])).toEqual(model.types.map((type) => [type.name, type.partitionKey.pattern, type.read.items]));
    expect(JSON.stringify(model)).toBe(before);
  });

  it("gives engineers, and viewers when VIEWER_SHOWS_KEYS=true, the keys", () => {
    expect(presentEntitiesResult(model, engineer)).toBe(model);
    expect(presentEntitiesResult(model, keyViewer)).toBe(model);
  });

  it("is what presentJob applies to an entities job", () => {
    const job = { kind: "entities", result: model } as unknown as JobSnapshot<unknown, EntityModel>;
    const shown = presentJob(job, viewer);
    expect(shown.keysDigested).toBe(true);
    expect(JSON.stringify(shown.result)).not.toMatch(RAW_KEY);
    expect(presentJob(job, engineer)).toBe(job);
  });
});
