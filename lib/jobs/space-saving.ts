/**
 * Space-Saving (Metwally, Agrawal, El Abbadi 2005), weighted: the heavy hitters of a stream in a fixed number of
 * counters. Client-safe, pure.
 *
 * A tracked key adds its weight to its counter. An untracked key takes over the smallest counter, inheriting its count
 * as `error`. So every counter overstates its key by at most `error`, any key whose true total exceeds total/capacity is
 * guaranteed to be tracked, and the counters always sum to the stream's total weight. The counters sit in a min-heap
 * indexed by key, so each step is O(log capacity) and memory never grows past `capacity` entries.
 */

export type SpaceSavingCounter = {
  id: string;
  /** An upper bound on the key's total weight. */
  count: number;
  /** How much of `count` may belong to keys this counter tracked before: count − error is a lower bound. */
  error: number;
  /** A second figure summed only since this key was tracked (the key sampler counts bytes next to items): a lower bound. */
  companion: number;
};

export class SpaceSaving {
  private readonly heap: SpaceSavingCounter[] = [];
  private readonly positions = new Map<string, number>();
  private totalWeight = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
  }

  /** Counters in use: never more than capacity. */
  get size(): number {
    return this.heap.length;
  }

  /** The stream's total weight so far (the counters' sum). */
  get total(): number {
    return this.totalWeight;
  }

  /** The smallest count tracked: every untracked key's total is at most this (0 until every counter is in use). */
  get floor(): number {
    return this.heap.length < this.capacity ? 0 : (this.heap[0]?.count ?? 0);
  }

  offer(id: string, weight: number, companion = 0): void {
    if (!(weight >= 0)) throw new RangeError("weight must be a non-negative number");
    this.totalWeight += weight;
    const position = this.positions.get(id);
    if (position !== undefined) {
      const counter = this.heap[position];
      if (!counter) return;
      counter.count += weight;
      counter.companion += companion;
      this.siftDown(position);
      return;
    }
    if (this.heap.length < this.capacity) {
      this.heap.push({ id, count: weight, error: 0, companion });
      this.positions.set(id, this.heap.length - 1);
      this.siftUp(this.heap.length - 1);
      return;
    }
    const smallest = this.heap[0];
    if (!smallest) return;
    this.positions.delete(smallest.id);
    this.heap[0] = { id, count: smallest.count + weight, error: smallest.count, companion };
    this.positions.set(id, 0);
    this.siftDown(0);
  }

  /** The `n` largest counters, largest count first (ties by id, so the order is stable). */
  top(n: number): SpaceSavingCounter[] {
    return [...this.heap]
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, n)
      .map((counter) => ({ ...counter }));
  }

  /** Every counter, in no particular order. */
  counters(): SpaceSavingCounter[] {
    return this.heap.map((counter) => ({ ...counter }));
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i];
    const b = this.heap[j];
    if (!a || !b) return;
    this.heap[i] = b;
    this.heap[j] = a;
    this.positions.set(b.id, i);
    this.positions.set(a.id, j);
  }

  private countAt(index: number): number {
    return this.heap[index]?.count ?? Number.POSITIVE_INFINITY;
  }

  private siftUp(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (this.countAt(child) >= this.countAt(parent)) return;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(index: number): void {
    let parent = index;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < this.heap.length && this.countAt(left) < this.countAt(smallest)) smallest = left;
      if (right < this.heap.length && this.countAt(right) < this.countAt(smallest)) smallest = right;
      if (smallest === parent) return;
      this.swap(parent, smallest);
      parent = smallest;
    }
  }
}
