const grouped = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return grouped.format(value);
}

export function formatCompact(value: number): string {
  return value < 10_000 ? grouped.format(value) : compact.format(value);
}
