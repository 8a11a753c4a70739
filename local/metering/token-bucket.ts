/**
 * Capacity units that refill at `ratePerSecond`, holding at most `burstSeconds` of unused capacity.
 * Consumption is charged after the fact (the service only knows a read's cost once it has run), so the balance
 * may go negative; a request is admitted only while the balance is positive, as DynamoDB does.
 */
export class TokenBucket {
  private balance: number;
  private updatedAt: number;

  constructor(
    private ratePerSecond: number,
    private readonly burstSeconds: number,
    private readonly now: () => number,
    initialSeconds = 1,
  ) {
    // A new bucket holds one second of capacity by default, not a full burst, so test traffic meets the limit promptly.
    this.balance = ratePerSecond * initialSeconds;
    this.updatedAt = now();
  }

  private refill(): void {
    const at = this.now();
    const elapsedSeconds = Math.max(0, (at - this.updatedAt) / 1000);
    this.updatedAt = at;
    const ceiling = this.ratePerSecond * Math.max(1, this.burstSeconds);
    this.balance = Math.min(ceiling, this.balance + elapsedSeconds * this.ratePerSecond);
  }

  hasCapacity(): boolean {
    this.refill();
    return this.balance > 0;
  }

  consume(units: number): void {
    this.refill();
    this.balance -= units;
  }

  /**
   * A higher rate keeps the balance. A lower one keeps at most one second of the new rate: AWS does not say what
   * becomes of saved burst capacity when throughput is lowered, and the local enforcer forgets it, so a decrease is
   * felt at once (as it is on a new table), not after the old rate's five minutes of burst run out.
   */
  setRate(ratePerSecond: number): void {
    this.refill();
    if (ratePerSecond < this.ratePerSecond) this.balance = Math.min(this.balance, ratePerSecond);
    this.ratePerSecond = ratePerSecond;
  }

  get rate(): number {
    return this.ratePerSecond;
  }

  get available(): number {
    this.refill();
    return this.balance;
  }
}
