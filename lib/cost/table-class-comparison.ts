import { storageCost, storageGb } from "./cost-formulas";
import { formatFactor, formatGb, formatPrice, formatUsd } from "./cost-numbers";
import type { CostResponse, PriceTable, UsedPrices } from "./cost-types";
import type { Throughput } from "./cost-alternatives";
import { pricesFor } from "./prices-for";

/**
 * Standard against Standard-IA for the same traffic, capacity mode and storage (pure). Standard-IA trades cheaper
 * storage (AWS: about 60% less) for dearer throughput (about 25% more), so it pays when storage is a large enough share
 * of the bill: storage × (std − ia) per GB > throughput at Standard × (ia ÷ std − 1).
 */
export function tableClassComparison(
  table: PriceTable,
  region: string,
  current: CostResponse["tableClass"]["current"],
  storageBytes: number,
  throughputAt: (prices: UsedPrices) => Throughput,
): CostResponse["tableClass"] {
  const standard = pricesFor(table, region, "STANDARD");
  const ia = pricesFor(table, region, "STANDARD_INFREQUENT_ACCESS");
  const monthly = (prices: UsedPrices | null) => (prices ? throughputAt(prices).total.usd + storageCost(storageBytes, prices.storageGbMonth).usd : null);
  const base = { current, standardMonthlyUsd: monthly(standard), standardIaMonthlyUsd: monthly(ia) };
  if (!standard || !ia) {
    const missing = !standard ? "Standard" : "Standard-IA";
    return { ...base, breakEvenNote: `The price table has no ${missing} prices for ${region}, so the table classes can't be compared.` };
  }
  return { ...base, breakEvenNote: breakEvenNote(standard, ia, storageBytes, throughputAt(standard).total.usd, throughputAt(ia).total.usd) };
}

/** The break-even in words and numbers: the storage-to-throughput ratio, and the gigabytes at this table's traffic. */
export function breakEvenNote(standard: UsedPrices, ia: UsedPrices, storageBytes: number, throughputStd: number, throughputIa: number): string {
  const stdStorage = storageCost(storageBytes, standard.storageGbMonth);
  const iaStorage = storageCost(storageBytes, ia.storageGbMonth);
  const gb = storageGb(storageBytes);
  const perGbSaving = standard.storageGbMonth - ia.storageGbMonth;
  const storageSaved = stdStorage.usd - iaStorage.usd;
  const throughputExtra = throughputIa - throughputStd;
  const net = storageSaved - throughputExtra;
  const verdict =
    net > 0
      ? `Standard-IA would cost ${formatUsd(net)} a month less here.`
      : net < 0
        ? `Standard-IA would cost ${formatUsd(-net)} a month more here.`
        : "Both classes cost the same here.";
  const saving = `Standard-IA saves ${formatGb(gb)} GB × (${formatPrice(standard.storageGbMonth)} − ${formatPrice(ia.storageGbMonth)}) = ${formatUsd(storageSaved)} a month on storage`;
  if (perGbSaving <= 0) return `Standard-IA storage is not cheaper than Standard in ${standard.region}, so it never pays. ${verdict}`;
  if (throughputStd <= 0) return `${saving} and this table has no throughput cost, so Standard-IA pays at any size. ${verdict}`;
  const throughputRatio = throughputIa / throughputStd;
  const costs = `and costs ${formatUsd(throughputStd)} × (${formatFactor(throughputRatio)} − 1) = ${formatUsd(throughputExtra)} more for throughput`;
  // Storage cost at Standard ÷ throughput cost at Standard above which IA pays: (ia/std − 1) ÷ (1 − iaGb/stdGb).
  const ratio = (throughputRatio - 1) / (perGbSaving / standard.storageGbMonth);
  const breakEvenGb = throughputExtra / perGbSaving;
  const now = stdStorage.usd / throughputStd;
  return (
    `${saving} ${costs}. It pays when storage costs more than ${formatFactor(ratio)}× the throughput at Standard prices ` +
    `(here ${formatFactor(now)}×), that is above ${formatGb(breakEvenGb)} GB at this traffic. ${verdict}`
  );
}
