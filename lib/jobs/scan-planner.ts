/**
 * The arithmetic of a budgeted, rate-limited Scan, kept free of I/O so it can be tested exactly. It decides whether
 * another page may start, with what Limit, and when; it learns what a page costs from the ConsumedCapacity DynamoDB
 * reports. A Scan is charged on the bytes it examines, rounded up to 4 KB per page and halved for eventually
 * consistent reads, so the smallest charge is 0.5 RCU.
 */
export const MIN_PAGE_RCU = 0.5;
/**
 * Pages also shrink to what is left of the budget and to about one second of the rate, so a large cap does not loosen
 * either; it only saves requests on small items. (On DynamoDB Local every request pays to seek its cursor, so 100-item
 * pages made a 1M-item scan crawl.)
 */
export const DEFAULT_MAX_PAGE_LIMIT = 1_000;
/** Pages whose per-item cost is remembered; the largest of them is the estimate, which errs towards smaller pages. */
const COST_WINDOW = 8;
/** Another page runs in parallel only while the budget left after it still covers this many such pages. */
const PARALLEL_MARGIN = 2;

export type ScanPlannerOptions = {
  rcuBudget: number;
  rcuPerSecond: number;
  /** Stop after this many items (sample mode); null to read to the end. */
  targetItems: number | null;
  maxPageLimit?: number;
};

export type PagePlan = { limit: number; estimateRcu: number };
export type PlanDecision = { kind: "send"; page: PagePlan } | { kind: "wait" } | { kind: "stop"; reason: "budget" | "sample-size" };

export class ScanPlanner {
  rcuUsed = 0;
  itemsRead = 0;
  private reservedRcu = 0;
  private reservedItems = 0;
  private readonly recentCostPerItem: number[] = [];
  /** Slow start: the first page reads one item, and each page after may read twice as many, up to the cap. */
  private ramp = 1;
  private nextSendAt = Number.NEGATIVE_INFINITY;
  private readonly maxPageLimit: number;

  constructor(private readonly options: ScanPlannerOptions) {
    this.maxPageLimit = options.maxPageLimit ?? DEFAULT_MAX_PAGE_LIMIT;
  }

  /** What to do next, given how many pages are in flight. With none in flight a page may always start, so the budget is overshot by one page at most. */
  plan(inFlight: number): PlanDecision {
    const { rcuBudget, targetItems } = this.options;
    if (targetItems !== null && this.itemsRead >= targetItems) return { kind: "stop", reason: "sample-size" };
    if (rcuBudget - this.rcuUsed < MIN_PAGE_RCU) return { kind: "stop", reason: "budget" };
    if (targetItems !== null && this.itemsRead + this.reservedItems >= targetItems) return { kind: "wait" };
    const perItem = this.costPerItem();
    if (inFlight > 0 && perItem === null) return { kind: "wait" };
    const left = rcuBudget - this.rcuUsed - this.reservedRcu;
    let limit = Math.min(this.maxPageLimit, this.ramp);
    if (targetItems !== null) limit = Math.min(limit, targetItems - this.itemsRead - this.reservedItems);
    if (perItem !== null) {
      // Size pages to what is left of the budget, and to about a second of the rate so pacing stays smooth.
      limit = Math.min(limit, Math.floor(left / perItem), Math.floor(this.options.rcuPerSecond / perItem));
    }
    limit = Math.max(1, limit);
    const estimateRcu = Math.max(MIN_PAGE_RCU, (perItem ?? 0) * limit);
    if (inFlight > 0 && left < estimateRcu * PARALLEL_MARGIN) return { kind: "wait" };
    return { kind: "send", page: { limit, estimateRcu } };
  }

  /** Milliseconds to wait before the next page, so consumption averages at most rcuPerSecond. */
  delayMs(now: number): number {
    return Math.max(0, this.nextSendAt - now);
  }

  started(page: PagePlan, now: number): void {
    this.reservedRcu += page.estimateRcu;
    this.reservedItems += page.limit;
    this.nextSendAt = Math.max(this.nextSendAt, now) + this.secondsOf(page.estimateRcu) * 1000;
  }

  /** Accounts a finished page with what DynamoDB charged, correcting the pacing by the estimate's error. */
  finished(page: PagePlan, actual: { rcu: number; items: number }): void {
    this.release(page);
    this.rcuUsed += actual.rcu;
    this.itemsRead += actual.items;
    this.nextSendAt += this.secondsOf(actual.rcu - page.estimateRcu) * 1000;
    if (actual.items > 0) {
      this.recentCostPerItem.push(actual.rcu / actual.items);
      if (this.recentCostPerItem.length > COST_WINDOW) this.recentCostPerItem.shift();
    }
    this.ramp = Math.min(this.maxPageLimit, this.ramp * 2);
  }

  /** A page that failed or was aborted: its reservation is returned; what it may have cost is unknown. */
  abandoned(page: PagePlan): void {
    this.release(page);
  }

  private release(page: PagePlan): void {
    this.reservedRcu = Math.max(0, this.reservedRcu - page.estimateRcu);
    this.reservedItems = Math.max(0, this.reservedItems - page.limit);
  }

  private costPerItem(): number | null {
    return this.recentCostPerItem.length === 0 ? null : Math.max(...this.recentCostPerItem);
  }

  private secondsOf(rcu: number): number {
    return rcu / this.options.rcuPerSecond;
  }
}
