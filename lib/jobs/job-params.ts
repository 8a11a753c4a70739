import { z } from "zod";
import { ITEM_SIZE_LIMIT } from "@/lib/dynamo/item-size";
import { indexNameSchema } from "@/lib/tables/table-name";
import type { StreamSampleRequest } from "@/lib/streams/stream-types";
import type { EntitiesRequest } from "@/lib/entities/entities-job-types";
import type { KeySampleRequest, SizeAuditParams } from "./job-types";

/** Validation of a job request body. Client-safe, so a form can check its input with the same rules as the API. */

/** AWS's inspection threshold: 350 KB. */
export const DEFAULT_SIZE_THRESHOLD_BYTES = 358_400;

const whole = (min: number, max: number) =>
  z.number("must be a number").int("must be a whole number").min(min, `must be at least ${min.toLocaleString("en-US")}`).max(max, `must be at most ${max.toLocaleString("en-US")}`);
const positive = (min: number, max: number) =>
  z.number("must be a number").min(min, `must be at least ${min.toLocaleString("en-US")}`).max(max, `must be at most ${max.toLocaleString("en-US")}`);

export const sizeAuditParamsSchema: z.ZodType<SizeAuditParams, unknown> = z
  .strictObject({
    kind: z.literal("size-audit"),
    mode: z.enum(["sample", "full"], 'must be "sample" or "full"'),
    sampleSize: whole(1, 1_000_000).optional(),
    rcuBudget: positive(1, 1_000_000),
    rcuPerSecond: positive(1, 10_000),
    segments: whole(1, 16),
    thresholdBytes: whole(1, ITEM_SIZE_LIMIT).default(DEFAULT_SIZE_THRESHOLD_BYTES),
  })
  .superRefine((params, context) => {
    if (params.mode === "sample" && params.sampleSize === undefined) {
      context.addIssue({ code: "custom", path: ["sampleSize"], message: "is required in sample mode" });
    }
    if (params.mode === "full" && params.sampleSize !== undefined) {
      context.addIssue({ code: "custom", path: ["sampleSize"], message: "applies only to sample mode" });
    }
  });

/** A key sample request (POST body). Sample/full and sampleSize follow the size audit's rules. */
export const keySampleRequestSchema: z.ZodType<KeySampleRequest, unknown> = z
  .strictObject({
    kind: z.literal("key-sample"),
    mode: z.enum(["sample", "full"], 'must be "sample" or "full"'),
    sampleSize: whole(1, 1_000_000).optional(),
    rcuBudget: positive(1, 1_000_000),
    rcuPerSecond: positive(1, 10_000).optional(),
    segments: whole(1, 16),
    index: indexNameSchema.optional(),
    acknowledgeRecentThrottling: z.boolean("must be true or false").optional(),
  })
  .superRefine((params, context) => {
    if (params.mode === "sample" && params.sampleSize === undefined) {
      context.addIssue({ code: "custom", path: ["sampleSize"], message: "is required in sample mode" });
    }
    if (params.mode === "full" && params.sampleSize !== undefined) {
      context.addIssue({ code: "custom", path: ["sampleSize"], message: "applies only to sample mode" });
    }
  });

/**
 * A stream sample request (POST body). durationSeconds is capped here at the schema's widest (an hour); the server caps
 * it again at STREAM_SAMPLE_MAX_SECONDS (see startStreamSample), which may be lower.
 */
export const streamSampleRequestSchema: z.ZodType<StreamSampleRequest, unknown> = z.strictObject({
  kind: z.literal("stream-sample"),
  durationSeconds: whole(1, 3_600),
  maxRecords: whole(1, 10_000_000).optional(),
  startingPosition: z.enum(["LATEST", "TRIM_HORIZON"], 'must be "LATEST" or "TRIM_HORIZON"').default("LATEST"),
});

/**
 * An entity job request (POST body). Sample/full and sampleSize follow the size audit's rules. entityAttribute is any
 * attribute name up to 255 characters (DynamoDB allows longer names, but not for key attributes; a type name this
 * long is not one).
 */
export const entitiesRequestSchema: z.ZodType<EntitiesRequest, unknown> = z
  .strictObject({
    kind: z.literal("entities"),
    mode: z.enum(["sample", "full"], 'must be "sample" or "full"'),
    sampleSize: whole(1, 1_000_000).optional(),
    rcuBudget: positive(1, 1_000_000),
    rcuPerSecond: positive(1, 10_000).optional(),
    segments: whole(1, 16),
    entityAttribute: z.string("must be a string").min(1, "must not be empty").max(255, "must be at most 255 characters").optional(),
  })
  .superRefine((params, context) => {
    if (params.mode === "sample" && params.sampleSize === undefined) {
      context.addIssue({ code: "custom", path: ["sampleSize"], message: "is required in sample mode" });
    }
    if (params.mode === "full" && params.sampleSize !== undefined) {
      context.addIssue({ code: "custom", path: ["sampleSize"], message: "applies only to sample mode" });
    }
  });

export const JOB_KINDS = ["size-audit", "key-sample", "stream-sample", "entities"] as const;
export const jobKindSchema = z.enum(JOB_KINDS, `must be one of ${JOB_KINDS.join(", ")}`);

/** Job ids are crypto.randomUUID() values. */
export const jobIdSchema = z.uuid("is not a job id");
