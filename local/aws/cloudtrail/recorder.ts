import type { ManagementCall } from "./trail-event";

/**
 * Where a local service records the management calls it serves: the local CloudTrail, in process. Optional wherever
 * it is taken, so services and tests run without a CloudTrail.
 */
export type CloudTrailRecorder = {
  record: (tenant: { accountId: string; region: string }, call: ManagementCall) => void;
};
