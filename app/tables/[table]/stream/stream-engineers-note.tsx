/**
 * Shown to viewers where an engineer would start the tail or a sample: why they cannot, in plain words. The reason is
 * the stream's shared read allowance, not the table's capacity (reading a stream spends none of it).
 */
export function StreamEngineersNote() {
  return (
    <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400" data-testid="stream-engineers-only">
      Only engineers can start the live tail or a stream sample. Each shard of a stream allows about 5 reads a second for all its readers together, the table&apos;s own Lambda triggers and other consumers included, and AWS advises at most two readers per shard, so every extra reader takes from what the table&apos;s applications rely on. You can see what a running tail holds and the latest sample&apos;s results, with values redacted for your role.
    </p>
  );
}
