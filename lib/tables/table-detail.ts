/** The JSON shape of a table description as the API sends it. Client-safe. */

export type KeyAttributeType = "S" | "N" | "B";
export type KeyAttribute = { name: string; type: KeyAttributeType };
export type KeySchema = { partitionKey: KeyAttribute; sortKey: KeyAttribute | null };
export type Throughput = { read: number; write: number };
export type OnDemandMax = { read: number | null; write: number | null };

/**
 * One copy of a global table in another region. `status` is DynamoDB's ReplicaStatus (ACTIVE, CREATING, UPDATING,
 * DELETING, CREATION_FAILED, REGION_DISABLED, INACCESSIBLE_ENCRYPTION_CREDENTIALS).
 */
export type ReplicaDetail = { region: string; status: string; statusDescription: string | null };

export type IndexDetail = {
  name: string;
  kind: "GSI" | "LSI";
  keys: KeySchema;
  projection: { type: string; nonKeyAttributes: string[] };
  /** GSIs only: ACTIVE, CREATING, UPDATING, DELETING. LSIs have no status of their own. */
  status: string | null;
  backfilling: boolean;
  provisioned: Throughput | null;
  onDemandMax: OnDemandMax | null;
  itemCount: number | null;
  sizeBytes: number | null;
};

export type TableDetail = {
  name: string;
  arn: string | null;
  status: string;
  createdAt: string | null;
  billingMode: "PROVISIONED" | "PAY_PER_REQUEST";
  provisioned: Throughput | null;
  onDemandMax: OnDemandMax | null;
  /** Approximate: DynamoDB refreshes these about every six hours. */
  itemCount: number | null;
  sizeBytes: number | null;
  keys: KeySchema;
  gsis: IndexDetail[];
  lsis: IndexDetail[];
  /** null when the TTL description could not be read. */
  ttl: { status: string; attribute: string | null } | null;
  /**
   * arn and label: the table's latest stream (LatestStreamArn, LatestStreamLabel), also after it was turned off: a
   * disabled stream stays readable for 24 hours. null when the table never had one.
   */
  stream: { enabled: boolean; viewType: string | null; arn: string | null; label: string | null };
  deletionProtection: boolean;
  tableClass: string;
  /** The copies in other regions (a global table); empty for a table that lives in one region. */
  replicas: ReplicaDetail[];
  /** "2019.11.21" (current) or "2017.11.29" (legacy); null for a table that isn't global. */
  globalTableVersion: string | null;
  encryption: string;
};

export type TableListEntry =
  | { name: string; detail: TableDetail; error: null }
  | { name: string; detail: null; error: { code: string; message: string } };

export type TablesResponse = {
  account: string;
  region: string;
  tables: TableListEntry[];
};

export type TableResponse = { table: TableDetail };
