import type { TableDetail } from "./table-detail";

export type TableHealth = { ok: boolean; text: string };

/** One sentence on whether the table and its indexes are usable right now, from the description alone. */
export function tableHealth(detail: TableDetail): TableHealth {
  const problems: string[] = [];
  if (detail.status !== "ACTIVE") problems.push(`the table is ${detail.status.toLowerCase().replaceAll("_", " ")}`);
  for (const index of detail.gsis) {
    if (index.status && index.status !== "ACTIVE") problems.push(`index ${index.name} is ${index.status.toLowerCase()}`);
    if (index.backfilling) problems.push(`index ${index.name} is still backfilling and cannot be queried yet`);
  }
  if (problems.length > 0) {
    const sentence = problems.join("; ");
    return { ok: false, text: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` };
  }
  const indexCount = detail.gsis.length + detail.lsis.length;
  const indexes = indexCount === 0 ? "it has no secondary indexes" : indexCount === 1 ? "its index is active" : `all ${indexCount} indexes are active`;
  return { ok: true, text: `${detail.name} is active and ${indexes}.` };
}
