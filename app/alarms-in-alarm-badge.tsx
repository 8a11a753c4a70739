/**
 * "2 in ALARM": how many of a table's paging CloudWatch alarms are firing, next to its verdict in the overview and the
 * fleet. Nothing when none is (or the alarms could not be read: the verdict's inputs say so). The label says it in
 * words, since a red pill alone means nothing to a screen reader.
 */
export function AlarmsInAlarmBadge({ count }: { count: number | null | undefined }) {
  if (!count) return null;
  const label = `${count} CloudWatch alarm${count === 1 ? "" : "s"} in ALARM`;
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-testid="alarms-in-alarm"
      data-count={count}
      className="ml-2 inline-flex items-center rounded-full border border-rose-300 bg-rose-600 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-white dark:border-rose-800 dark:bg-rose-700"
    >
      {count} in ALARM
    </span>
  );
}
