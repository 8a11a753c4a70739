/**
 * The N entries with the highest scores seen so far, in O(N) memory: a min-heap whose root is the smallest kept
 * entry, so a new entry only has to beat the root. On equal scores the entry seen first stays.
 */
export class TopN<T> {
  private readonly heap: Array<{ score: number; value: T }> = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
  }

  get size(): number {
    return this.heap.length;
  }

  /** Whether an entry with this score would be kept; lets a caller skip building a value that would be dropped. */
  accepts(score: number): boolean {
    const root = this.heap[0];
    return this.heap.length < this.capacity || (root !== undefined && score > root.score);
  }

  /** Offers an entry; `value` may be a thunk so it is built only when kept. Returns whether it was kept. */
  offer(score: number, value: T | (() => T)): boolean {
    if (!this.accepts(score)) return false;
    const entry = { score, value: typeof value === "function" ? (value as () => T)() : value };
    if (this.heap.length < this.capacity) {
      this.heap.push(entry);
      this.siftUp(this.heap.length - 1);
    } else {
      this.heap[0] = entry;
      this.siftDown(0);
    }
    return true;
  }

  /** The kept values, highest score first. */
  values(): T[] {
    return [...this.heap].sort((a, b) => b.score - a.score).map((entry) => entry.value);
  }

  private less(i: number, j: number): boolean {
    const a = this.heap[i];
    const b = this.heap[j];
    return a !== undefined && b !== undefined && a.score < b.score;
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i];
    const b = this.heap[j];
    if (a === undefined || b === undefined) return;
    this.heap[i] = b;
    this.heap[j] = a;
  }

  private siftUp(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.less(child, parent)) return;
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
      if (left < this.heap.length && this.less(left, smallest)) smallest = left;
      if (right < this.heap.length && this.less(right, smallest)) smallest = right;
      if (smallest === parent) return;
      this.swap(parent, smallest);
      parent = smallest;
    }
  }
}
