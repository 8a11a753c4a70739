import type { JobSnapshot } from "@/lib/jobs/job-types";
import type { EntityModel } from "./entity-types";

/** Shapes of the entity job and of GET /api/tables/:table/entities. Client-safe. */

/** An entity job request as the jobs API takes it (POST body); see entitiesRequestSchema for the limits. */
export type EntitiesRequest = {
  kind: "entities";
  mode: "sample" | "full";
  /** Sample mode only: items to read, spread across the segments. */
  sampleSize?: number;
  rcuBudget: number;
  /** Defaults to the key sample's rate: 10% of provisioned reads (at least 1), or 25 RCU/s on on-demand tables. */
  rcuPerSecond?: number;
  segments: number;
  /** An attribute that names each item's entity type, instead of the usual type, entity, _et, __typename. */
  entityAttribute?: string;
};

/** The parameters an entity job ran with. */
export type EntitiesParams = {
  kind: "entities";
  mode: "sample" | "full";
  sampleSize?: number;
  rcuBudget: number;
  /** As requested, or the default (rateSource says which). */
  rcuPerSecond: number;
  rateSource: "request" | "provisioned-share" | "on-demand-default";
  segments: number;
  entityAttribute: string | null;
};

export type EntitiesJob = JobSnapshot<EntitiesParams, EntityModel>;

/** GET /api/tables/:table/entities: the table's latest entity job, running or finished; null when it never had one. */
export type EntitiesResponse = {
  table: string;
  job: EntitiesJob | null;
  /** The result's key values (example keys, largest collections) are digests for this caller, so must not be linked. */
  keysDigested: boolean;
};
