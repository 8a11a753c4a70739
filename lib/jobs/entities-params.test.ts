import { describe, expect, it } from "vitest";
import { entitiesRequestSchema, JOB_KINDS, jobKindSchema } from "./job-params";

describe("entitiesRequestSchema", () => {
  it("accepts a sample and a full job, with the optional rate and entity attribute", () => {
    const sample = { kind: "entities", mode: "sample", sampleSize: 5_000, rcuBudget: 500, segments: 4 };
    expect(entitiesRequestSchema.parse(sample)).toEqual(sample);
    const full = { kind: "entities", mode: "full", rcuBudget: 1_000_000, rcuPerSecond: 10_000, segments: 16, entityAttribute: "__typename" };
    expect(entitiesRequestSchema.parse(full)).toEqual(full);
  });

  it.each([
    [{ mode: "sample" }, "sampleSize"],
    [{ mode: "full", sampleSize: 10 }, "sampleSize"],
    [{ mode: "full", entityAttribute: "" }, "entityAttribute"],
    [{ mode: "full", entityAttribute: "x".repeat(256) }, "entityAttribute"],
    [{ mode: "full", entityAttribute: 3 }, "entityAttribute"],
    [{ mode: "full", rcuPerSecond: 0 }, "rcuPerSecond"],
    [{ mode: "full", segments: 0 }, "segments"],
    [{ mode: "full", thresholdBytes: 1_024 }, ""],
    [{ mode: "quick" }, "mode"],
  ])("rejects %j (%s)", (change, path) => {
    const result = entitiesRequestSchema.safeParse({ kind: "entities", rcuBudget: 100, segments: 2, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });

  it("is a job kind", () => {
    expect(JOB_KINDS).toContain("entities");
    expect(jobKindSchema.parse("entities")).toBe("entities");
  });
});
