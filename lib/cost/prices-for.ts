import type { ClassPrices, PricedFigure, PriceTable, TableClass, UsedPrices } from "./cost-types";

/** The five figures a cost response names, in the order it lists them. */
const FLAT_FIGURES = ["onDemandReadPerMillion", "onDemandWritePerMillion", "rcuHour", "wcuHour", "storageGbMonth"] as const;

/** One region and table class's full prices (reserved included), or null when the table has none for them. */
export function classPricesFor(table: PriceTable, region: string, tableClass: TableClass): ClassPrices | null {
  return table.regions.find((entry) => entry.region === region)?.classes[tableClass] ?? null;
}

/**
 * The flat prices a cost response uses and states, or null when the table has no prices for this region and class
 * (the caller then says so instead of guessing). `source` names each figure's source with its date; `date` is the
 * OLDEST of the five figures' dates, so a stale figure is never hidden behind a newer one; `derived` lists every
 * figure that is not quoted, with its rule.
 */
export function pricesFor(table: PriceTable, region: string, tableClass: TableClass): UsedPrices | null {
  const prices = classPricesFor(table, region, tableClass);
  if (!prices) return null;
  const figures: Array<[string, PricedFigure]> = FLAT_FIGURES.map((name) => [name, prices[name]]);
  const sources = new Map<string, string[]>();
  for (const [name, figure] of figures) {
    const key = `${figure.origin.source} (${figure.origin.date})`;
    sources.set(key, [...(sources.get(key) ?? []), name]);
  }
  const dates = figures.map(([, figure]) => figure.origin.date).sort();
  return {
    region,
    tableClass,
    onDemandReadPerMillion: prices.onDemandReadPerMillion.usd,
    onDemandWritePerMillion: prices.onDemandWritePerMillion.usd,
    rcuHour: prices.rcuHour.usd,
    wcuHour: prices.wcuHour.usd,
    storageGbMonth: prices.storageGbMonth.usd,
    source: [...sources].map(([source, names]) => `${names.join(", ")}: ${source}`).join(" | "),
    date: dates[0] ?? table.date,
    derived: figures.flatMap(([name, figure]) => (figure.origin.kind === "derived" ? [`${name}: ${figure.origin.rule}`] : [])),
  };
}
