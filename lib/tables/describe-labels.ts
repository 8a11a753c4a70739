import type { IndexDetail, KeySchema, OnDemandMax, TableDetail, Throughput } from "./table-detail";

/** Plain-text labels shared by the overview and the table page, so both say the same thing. */

export function keySchemaLabel(keys: KeySchema): string {
  const pk = `${keys.partitionKey.name} (${keys.partitionKey.type})`;
  return keys.sortKey ? `${pk} · ${keys.sortKey.name} (${keys.sortKey.type})` : pk;
}

export function billingLabel(billingMode: TableDetail["billingMode"]): string {
  return billingMode === "PAY_PER_REQUEST" ? "On-demand" : "Provisioned";
}

export function capacityLabel(item: { provisioned: Throughput | null; onDemandMax: OnDemandMax | null }, billingMode: TableDetail["billingMode"]): string {
  if (billingMode === "PROVISIONED") {
    return item.provisioned ? `${item.provisioned.read} RCU · ${item.provisioned.write} WCU` : "—";
  }
  if (!item.onDemandMax) return "no maximum set";
  const read = item.onDemandMax.read === null ? "no read max" : `max ${item.onDemandMax.read} RRU/s`;
  const write = item.onDemandMax.write === null ? "no write max" : `max ${item.onDemandMax.write} WRU/s`;
  return `${read} · ${write}`;
}

export function ttlLabel(ttl: TableDetail["ttl"]): string {
  if (!ttl) return "unknown";
  if (ttl.status === "ENABLED" && ttl.attribute) return ttl.attribute;
  if (ttl.status === "ENABLING" || ttl.status === "DISABLING") return `${ttl.status.toLowerCase()}${ttl.attribute ? ` (${ttl.attribute})` : ""}`;
  return "off";
}

export function streamLabel(stream: TableDetail["stream"]): string {
  return stream.enabled ? (stream.viewType ?? "on").toLowerCase().replaceAll("_", " ") : "off";
}

export function indexesLabel(detail: Pick<TableDetail, "gsis" | "lsis">): string {
  const parts: string[] = [];
  if (detail.gsis.length > 0) parts.push(`${detail.gsis.length} GSI`);
  if (detail.lsis.length > 0) parts.push(`${detail.lsis.length} LSI`);
  return parts.length > 0 ? parts.join(" · ") : "none";
}

export function projectionLabel(projection: IndexDetail["projection"]): string {
  if (projection.type !== "INCLUDE") return projection.type.toLowerCase().replaceAll("_", " ");
  return `include ${projection.nonKeyAttributes.join(", ")}`;
}
