import { z } from "zod";
import { alarmStoreStateSchema } from "./alarm-schemas";

/**
 * Schemas for what the local CloudWatch reads that is not an AWS request: the snapshot file and the
 * `/_local/insights` body. AWS requests are parsed in operations/, with AWS's error codes.
 */

const finite = z.number().refine(Number.isFinite, "must be a finite number");

export const insightRuleSchema = z.object({
  name: z.string().min(1).max(128),
  state: z.enum(["ENABLED", "DISABLED"]),
  schema: z.string(),
  definition: z.string(),
  managedRule: z.boolean(),
});

export const insightSampleSchema = z.object({
  ruleName: z.string().min(1),
  keys: z.array(z.string()).min(1),
  timestampMs: finite,
  value: finite,
});

export const localInsightsBodySchema = z.object({
  rules: z.array(insightRuleSchema).optional(),
  samples: z.array(insightSampleSchema).optional(),
});

const bucketStateSchema = z.object({
  t: finite,
  n: finite,
  s: finite,
  min: finite,
  max: finite,
  h: z.array(z.tuple([finite, finite])),
  p: z.boolean(),
});

export const metricStoreStateSchema = z.object({
  series: z.array(
    z.object({
      namespace: z.string(),
      metricName: z.string(),
      dimensions: z.array(z.object({ name: z.string(), value: z.string() })),
      latestTimestampMs: finite,
      sets: z.array(
        z.object({
          resolution: z.union([z.literal(1), z.literal(60)]),
          unit: z.string(),
          buckets: z.array(bucketStateSchema),
        }),
      ),
    }),
  ),
});

export const insightStoreStateSchema = z.object({
  rules: z.array(
    z.object({
      rule: insightRuleSchema,
      minutes: z.array(
        z.object({
          t: finite,
          contributors: z.array(z.object({ keys: z.array(z.string()), count: finite, sum: finite, min: finite, max: finite })),
        }),
      ),
    }),
  ),
});

const tenantStateSchema = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  region: z.string().min(1),
  metrics: metricStoreStateSchema,
  insights: insightStoreStateSchema,
  /** Absent in snapshots saved before the local CloudWatch kept alarms. */
  alarms: alarmStoreStateSchema.optional(),
});

/** Version 1 held one account and region's data (the local CloudWatch had only one); it loads as the default tenant's. */
export const snapshotV1Schema = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  metrics: metricStoreStateSchema,
  insights: insightStoreStateSchema,
});

/** Version 2 keeps every account and region apart. */
export const snapshotSchema = z.object({
  version: z.literal(2),
  savedAt: z.string(),
  tenants: z.array(tenantStateSchema),
});

export type MetricStoreState = z.infer<typeof metricStoreStateSchema>;
export type InsightStoreState = z.infer<typeof insightStoreStateSchema>;
export type TenantState = z.infer<typeof tenantStateSchema>;
export type SnapshotV1 = z.infer<typeof snapshotV1Schema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
