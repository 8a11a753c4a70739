import "server-only";
import { readFraction, type ProgressReport } from "@/lib/jobs/job-progress";
import type { BudgetedScanProgress } from "./budgeted-scan";

type ScanJobParams = { mode: "sample" | "full"; sampleSize?: number; rcuBudget: number; segments: number };

/** A scanning job's progress report; shared by every job kind that reads through budgetedScan. */
export function scanProgress(params: ScanJobParams, itemCount: number | null, scan: BudgetedScanProgress): ProgressReport {
  // ItemCount is approximate (refreshed about every six hours); it only steers the progress bar.
  const approximateItems = itemCount !== null && itemCount > 0 ? itemCount : null;
  const itemTarget = params.mode === "sample" ? Math.min(params.sampleSize ?? Infinity, approximateItems ?? Infinity) : approximateItems;
  return {
    itemsRead: scan.itemsRead,
    rcuUsed: scan.rcuUsed,
    rcuBudget: params.rcuBudget,
    fraction: readFraction({ itemsRead: scan.itemsRead, itemTarget: itemTarget === Infinity ? null : itemTarget, rcuUsed: scan.rcuUsed, rcuBudget: params.rcuBudget }),
    pagesRead: scan.pages,
    segmentsDone: scan.segmentsDone,
    segments: params.segments,
  };
}
