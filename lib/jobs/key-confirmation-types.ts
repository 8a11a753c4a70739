import type { KeySkewEntry } from "./job-types";

/** Shapes of a key sample's estimates and COUNT confirmation, as the jobs API sends them (re-exported by job-types.ts). Client-safe. */

/**
 * A key's total in the table (or index), with bounds.
 * - "whole": the sample read every item of the key: exact.
 * - "at-least": the sample stopped inside the key (a Scan returns a key's items together, so a sample of the table's
 *   own key reads whole keys except where it stops); its total is unknown above the sampled figure.
 * - "scaled": an index key counted from a sample of the base table, whose order does not follow the index key: the
 *   sampled figure divided by the share of the table read, with a 95% interval (the share uses ItemCount, itself approximate).
 * - "confirmed": counted by Select COUNT Queries after the sample. Items are exact when `complete`, else a lower bound
 *   (the budget ran out mid-key); bytes lie within the 4 KB rounding of each query page's consumed capacity.
 */
export type KeyEstimate = {
  basis: "whole" | "at-least" | "scaled" | "confirmed";
  items: number;
  itemsLow: number;
  /** null: no upper bound is known. */
  itemsHigh: number | null;
  bytes: number;
  bytesLow: number;
  bytesHigh: number | null;
  /** Confirmed keys: every item was counted. */
  complete: boolean;
  /** Select COUNT Query pages spent on this key, and their RCU. */
  countQueries: number;
  countRcu: number;
};

/** The Select COUNT Queries that confirmed a sample's top candidates, within what was left of the RCU budget. */
export type KeyConfirmation = {
  /** Candidates, largest estimate first: keys the sample stopped inside (the table's key) or the top estimates (an index key). */
  candidates: number;
  /** Counted to their end. */
  confirmed: number;
  queries: number;
  rcuUsed: number;
  /** "done": every candidate was counted; "budget": the RCU budget ran out first; "throttled", "cancelled": stopped at once. */
  stopReason: "done" | "budget" | "throttled" | "cancelled";
  /** The candidates with their estimates as sampled and as counted, largest counted first. */
  keys: KeySkewEntry[];
};
