import { CopyButton } from "@/components/ui/copy-button";
import { enableStreamCommand } from "@/lib/streams/tail-record-text";

const VIEW_TYPES = [
  ["KEYS_ONLY", "only the item's key: the tail shows which items changed, and the write sample counts each write as one write unit (a lower bound)."],
  ["NEW_IMAGE", "the item as it is after the write."],
  ["OLD_IMAGE", "the item as it was before the write."],
  ["NEW_AND_OLD_IMAGES", "both: the tail shows what changed, and the write sample sizes every write. The command below asks for this one."],
] as const;

/** What a table without a stream is missing, what turning one on means, and the command to do it. */
export function NoStream({ table }: { table: string }) {
  const command = enableStreamCommand(table);
  return (
    <section aria-labelledby="no-stream-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="no-stream">
      <h2 id="no-stream-heading" className="text-lg font-semibold">
        {table} has no stream
      </h2>
      <p>
        With a stream, DynamoDB keeps a record of every write to the table for 24 hours: the item&apos;s key and, depending on the stream&apos;s view type, the item before and after the write. This page would then show those writes live, and sample them to find the partition keys that take the most writes, even without Contributor Insights.
      </p>
      <p>
        A stream uses none of the table&apos;s read or write capacity and costs nothing while nobody reads it. Reading it costs GetRecords calls (stream read requests), which AWS bills per call beyond a monthly free tier; calls made by Lambda triggers are free.
      </p>
      <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {VIEW_TYPES.map(([type, text]) => (
          <div key={type} className="contents">
            <dt className="font-mono text-xs">{type}</dt>
            <dd className="text-slate-600 dark:text-slate-400">{text}</dd>
          </div>
        ))}
      </dl>
      <div className="flex items-start gap-2">
        <code className="rounded bg-slate-100 px-2 py-1 text-xs break-all dark:bg-slate-800" data-testid="enable-stream-command">
          {command}
        </code>
        <CopyButton text={command} label="Copy the command" />
      </div>
      <p className="text-xs text-slate-500">Dynamo Lens only reads: it never turns a stream on itself.</p>
    </section>
  );
}
