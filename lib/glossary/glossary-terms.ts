/**
 * The glossary: every DynamoDB word the dashboard uses, explained for someone who has never used DynamoDB. The
 * glossary page renders all of it; tooltips show a term's summary and link to its entry. Client-safe.
 */

export const GLOSSARY_TERM_IDS = [
  "table",
  "item",
  "partition-key",
  "sort-key",
  "partition",
  "hot-key",
  "capacity",
  "rcu",
  "wcu",
  "utilization",
  "baseline",
  "throttling",
  "gsi",
  "lsi",
  "gsi-back-pressure",
  "query",
  "scan",
  "scan-vs-query",
  "requests-by-operation",
  "latency",
  "item-size",
  "approximate-counts",
  "global-table",
  "replication-latency",
  "contributor-insights",
  "key-sample",
  "size-audit",
  "redaction",
  "alarm",
  "auto-scaling",
  "change-history",
  "capacity-mode-cost",
  "reserved-capacity",
  "table-class",
] as const;

export type GlossaryTermId = (typeof GLOSSARY_TERM_IDS)[number];

export type GlossaryTerm = {
  id: GlossaryTermId;
  term: string;
  /** Other names the dashboard or AWS uses for the same thing. */
  aka: string[];
  /** One or two sentences: what a tooltip shows. */
  summary: string;
  /** The rest of the entry, a paragraph per string. */
  details: string[];
  related: GlossaryTermId[];
};

export const GLOSSARY: Record<GlossaryTermId, GlossaryTerm> = {
  table: {
    id: "table",
    term: "Table",
    aka: [],
    summary: "A collection of items, like a spreadsheet where each row can have different columns. Every item is found by its key.",
    details: [
      "Unlike a spreadsheet, a DynamoDB table has no fixed columns: only the key attributes are required, and each item can carry any other attributes.",
      "A table is either provisioned (a fixed amount of reading and writing per second) or on-demand (pay per request).",
    ],
    related: ["item", "partition-key", "capacity"],
  },
  item: {
    id: "item",
    term: "Item",
    aka: ["record", "row"],
    summary: "One record in a table: a set of named values (attributes), found by its primary key.",
    details: [
      "An attribute's value can be a string, a number of up to 38 digits, binary data, true/false, null, a list, a map of further attributes, or a set of strings, numbers or binary values. Dynamo Lens shows every value exactly as stored.",
      "An item can be at most 400 KB. See item size.",
    ],
    related: ["partition-key", "item-size"],
  },
  "partition-key": {
    id: "partition-key",
    term: "Partition key",
    aka: ["hash key", "PK"],
    summary: "The part of an item's key that decides where it is stored. Items with the same partition key are kept together.",
    details: [
      "Every table has a partition key. DynamoDB runs it through a hash function to choose the partition that stores the item, so items with the same partition key always sit on the same partition.",
      "A good partition key has many different values that are used about equally often, so traffic spreads over many partitions. A key that most requests use becomes a hot key.",
    ],
    related: ["sort-key", "partition", "hot-key"],
  },
  "sort-key": {
    id: "sort-key",
    term: "Sort key",
    aka: ["range key", "SK"],
    summary: "The optional second part of an item's key. Items that share a partition key are stored in sort-key order.",
    details: [
      "With a sort key, one partition key can hold many items, such as all the orders of one customer. A Query can then ask for a range of them, for example the orders after a date, or the ones whose sort key begins with a prefix.",
    ],
    related: ["partition-key", "query"],
  },
  partition: {
    id: "partition",
    term: "Partition",
    aka: [],
    summary: "A slice of the table's storage and throughput. DynamoDB spreads items over partitions by their partition key.",
    details: [
      "DynamoDB adds partitions as a table grows or gets busier, and you never see them directly. What matters is that each single partition key value can take at most 3,000 read units and 1,000 write units per second, however much capacity the whole table has.",
      "In this dashboard, \"partition\" in the item browser means all the items that share one partition key value.",
    ],
    related: ["partition-key", "hot-key", "throttling"],
  },
  "hot-key": {
    id: "hot-key",
    term: "Hot key (hot partition)",
    aka: ["hot partition", "busy key"],
    summary: "A partition key that gets much more traffic than the others. Past 3,000 reads or 1,000 writes per second, DynamoDB turns its requests away.",
    details: [
      "A hot key is throttled even when the table as a whole has plenty of spare capacity, because the limit applies to each key on its own. Adding capacity does not help.",
      "The fix is in the application: spread the traffic over more keys (for example by adding a suffix to the key), cache popular reads, or batch writes. Contributor Insights names the busiest keys.",
    ],
    related: ["partition", "throttling", "contributor-insights"],
  },
  capacity: {
    id: "capacity",
    term: "Capacity (provisioned and on-demand)",
    aka: ["throughput", "billing mode"],
    summary: "How much reading and writing a table may do per second. Provisioned tables have a fixed amount; on-demand tables grow by themselves, up to an optional maximum.",
    details: [
      "Provisioned capacity is set in read capacity units (RCU) and write capacity units (WCU). Unused capacity is saved for up to five minutes and can absorb short bursts; longer overloads are throttled.",
      "On-demand tables are charged per request and adjust to traffic without a setting, although a sudden jump to more than double the previous peak can still be throttled briefly. An owner can set a maximum, and requests beyond it are throttled.",
    ],
    related: ["rcu", "wcu", "utilization", "throttling"],
  },
  rcu: {
    id: "rcu",
    term: "RCU (read capacity unit)",
    aka: ["read capacity", "read request unit"],
    summary: "The unit reads are measured in: one strongly consistent read per second of an item up to 4 KB. An eventually consistent read costs half.",
    details: [
      "A read of a bigger item costs one unit per started 4 KB, so reading a 9 KB item strongly consistently costs 3 RCU. A Query or Scan is charged for the total size of everything it reads, rounded up to 4 KB, not per item.",
      "On-demand tables count the same amounts as read request units.",
    ],
    related: ["wcu", "capacity", "item-size"],
  },
  wcu: {
    id: "wcu",
    term: "WCU (write capacity unit)",
    aka: ["write capacity", "write request unit"],
    summary: "The unit writes are measured in: one write per second of an item up to 1 KB. Bigger items cost one unit per started 1 KB.",
    details: [
      "Writing a 3.5 KB item costs 4 WCU. Every global secondary index that holds the item is written too, and spends its own write units.",
      "On-demand tables count the same amounts as write request units.",
    ],
    related: ["rcu", "capacity", "gsi-back-pressure"],
  },
  utilization: {
    id: "utilization",
    term: "Utilization",
    aka: ["peak use"],
    summary: "Capacity used as a share of what the table is set up for: 100% means every unit of provisioned capacity (or of the on-demand maximum) was used.",
    details: [
      "Dynamo Lens works it out per minute from CloudWatch's figures. Above about 80%, a small increase in traffic leads to throttling. A table without provisioned capacity or an on-demand maximum has no utilization.",
    ],
    related: ["capacity", "throttling"],
  },
  baseline: {
    id: "baseline",
    term: "Baseline",
    aka: ["compare", "same hour yesterday", "same hour last week", "usual traffic"],
    summary: "The same time range one day or one week earlier, drawn dotted over the charts, so today can be compared with what is usual at this hour.",
    details: [
      "Traffic usually has a daily and a weekly rhythm: a peak at 14:00 on a Tuesday is normal if every Tuesday has it. Comparing with yesterday shows a daily change; comparing with last week also accounts for the day of the week.",
      "Dynamo Lens calls traffic unusual only when it is far from both: at least twice (or at most half) the same hour yesterday and the same hour last week. No figures for the earlier window means no comparison, never a comparison with zero.",
    ],
    related: ["capacity", "throttling", "utilization"],
  },
  throttling: {
    id: "throttling",
    term: "Throttling",
    aka: ["throttle events", "throttled requests", "turned away"],
    summary: "DynamoDB refusing a request because a limit was reached. The application has to retry it, which makes it slower.",
    details: [
      "Dynamo Lens splits throttling by its cause, because each has a different fix:",
      "Key range: one partition key (or a narrow range of keys) got more than one partition can serve. Adding capacity does not help; spreading the traffic does. See hot key.",
      "Provisioned: the table or an index used all the capacity it is set up for. Raise the capacity or turn on auto scaling.",
      "On-demand maximum: an on-demand table reached the maximum its owner set.",
      "Account limit: the AWS account's per-table limit was reached. Ask AWS for a higher quota.",
      "The SDKs retry throttled requests a few times, so a user may only see slowness; a request that still fails after the retries is an error in the application.",
    ],
    related: ["hot-key", "capacity", "gsi-back-pressure"],
  },
  gsi: {
    id: "gsi",
    term: "GSI (global secondary index)",
    aka: ["global index", "index"],
    summary: "A copy of a table's items kept under a different key, so they can be looked up another way. It has its own capacity.",
    details: [
      "DynamoDB updates a GSI in the background whenever an item changes. It holds only the attributes the index projects, and it has its own capacity, so a busy or under-provisioned GSI can slow down writes to the table.",
    ],
    related: ["lsi", "gsi-back-pressure", "query"],
  },
  lsi: {
    id: "lsi",
    term: "LSI (local secondary index)",
    aka: ["local index"],
    summary: "Another sort order for the items of each partition key: same partition key, a different sort key. It shares the table's capacity.",
    details: [
      "An LSI can only be created with the table, and it limits each partition key's items (with their index entries) to 10 GB.",
    ],
    related: ["gsi", "sort-key"],
  },
  "gsi-back-pressure": {
    id: "gsi-back-pressure",
    term: "GSI back-pressure",
    aka: [],
    summary: "When a global index cannot keep up with the writes it receives, DynamoDB throttles writes to the table itself.",
    details: [
      "Every write to the table is also written to each GSI that holds the item. If a GSI runs out of write capacity, or one of its keys is hot, the table's writes are refused until it catches up, even though the table has capacity to spare.",
      "The fix is on the index: give it more write capacity, or choose an index key that spreads writes.",
    ],
    related: ["gsi", "throttling", "wcu"],
  },
  query: {
    id: "query",
    term: "Query",
    aka: [],
    summary: "A read of the items with one partition key, optionally narrowed by a sort-key condition. It reads only what it returns.",
    details: ["A Query is the efficient way to read: it goes straight to one partition key's items. See Scan vs Query."],
    related: ["scan-vs-query", "scan", "partition-key"],
  },
  scan: {
    id: "scan",
    term: "Scan",
    aka: [],
    summary: "A read that goes through the whole table (or index), page by page. It is charged for everything it reads, even what a filter then discards.",
    details: ["A Scan is fine for occasional exports and audits, but a costly way to find a few items. See Scan vs Query."],
    related: ["scan-vs-query", "query"],
  },
  "scan-vs-query": {
    id: "scan-vs-query",
    term: "Scan vs Query",
    aka: ["scan-heavy"],
    summary: "A Query reads one partition key's items; a Scan reads the whole table. Reading mostly by Scan is slow and costs far more capacity.",
    details: [
      "A Query is like opening a filing cabinet at the right drawer: it reads only the items of one partition key, so its cost depends on what it returns.",
      "A Scan is like reading every drawer to find the right folder: its cost grows with the size of the table, and a filter does not reduce it, because the filter is applied after the items are read.",
      "A table is scan-heavy when most of its reads are Scans. The usual fix is a Query on the table's key, or on a secondary index designed for that lookup.",
    ],
    related: ["query", "scan", "gsi"],
  },
  "requests-by-operation": {
    id: "requests-by-operation",
    term: "Requests by operation",
    aka: ["request mix"],
    summary: "How many requests of each kind (GetItem, Query, Scan, PutItem and so on) the table received per second.",
    details: [
      "The mix tells you how the table is used. Many Scans mean scan-heavy access; a spike of one write operation often lines up with a batch job.",
      "GetItem and BatchGetItem read items by their full key; Query reads one partition key's items; Scan reads everything; PutItem, UpdateItem, DeleteItem and BatchWriteItem write.",
    ],
    related: ["scan-vs-query", "latency"],
  },
  latency: {
    id: "latency",
    term: "Latency",
    aka: ["SuccessfulRequestLatency"],
    summary: "How long DynamoDB took to answer successful requests, in milliseconds, averaged per minute. It does not include the network or retries.",
    details: [
      "Single-item reads and writes usually take a few milliseconds. Queries and Scans take longer the more they read. Throttled requests are not in this figure; the time an application spends retrying them is.",
    ],
    related: ["requests-by-operation", "throttling"],
  },
  "item-size": {
    id: "item-size",
    term: "Item size and the 400 KB limit",
    aka: ["400 KB"],
    summary: "An item's size is the length of its attribute names plus their values. DynamoDB refuses to store an item larger than 400 KB.",
    details: [
      "Dynamo Lens computes sizes by DynamoDB's own rules: strings by their UTF-8 bytes, binary by its bytes, numbers by their significant digits, and each list or map adds 3 bytes plus 1 byte per element. Attribute names count too, so long names in every item add up.",
      "Size also sets the cost of every read (per started 4 KB) and write (per started 1 KB). An item near 400 KB is both expensive and one update away from failing.",
    ],
    related: ["rcu", "wcu", "size-audit"],
  },
  "approximate-counts": {
    id: "approximate-counts",
    term: "Approximate item count and size",
    aka: ["Items ≈", "Size ≈"],
    summary: "DynamoDB updates a table's item count and size about every six hours, so they are approximate. An exact count means reading the whole table.",
    details: ["The item browser can count a partition exactly, and the size audit measures every item it reads."],
    related: ["size-audit", "table"],
  },
  "global-table": {
    id: "global-table",
    term: "Global table",
    aka: ["replica", "replica region"],
    summary: "A table kept in several AWS regions at once. Each copy (a replica) takes writes, and DynamoDB copies every change to the others.",
    details: [
      "Copying happens in the background, so a replica is usually about a second behind the region where a change was made. Reads in a region see that region's copy.",
      "Each replica has its own status: ACTIVE is working; CREATING or UPDATING is in progress; REGION_DISABLED or INACCESSIBLE_ENCRYPTION_CREDENTIALS means changes no longer reach it, and DynamoDB drops it from the group if that lasts about 20 hours.",
      "Version 2019.11.21 is current; 2017.11.29 is the legacy version. Dynamo Lens reads each region separately: a replica's region links to the same table there, when that region is configured.",
    ],
    related: ["replication-latency", "table"],
  },
  "replication-latency": {
    id: "replication-latency",
    term: "Replication delay",
    aka: ["ReplicationLatency", "PendingReplicationCount", "replication lag"],
    summary: "How long a change made in this region takes to appear in the table's copy in another region. Normally a second or two; minutes means that copy is falling behind.",
    details: [
      "DynamoDB publishes it in milliseconds, per receiving region, from the region where the change was made: the average is the usual delay, the maximum the slowest change.",
      "A copy that falls behind serves older data to readers in its region, and changes not yet copied would be missing there if this region failed. Common causes are too little write capacity in the receiving region (every replica takes every region's writes) or a problem in that region.",
      "The number of updates still waiting to be copied (PendingReplicationCount) is published only for some global table versions; where it isn't, Dynamo Lens says so rather than showing 0.",
    ],
    related: ["global-table", "wcu", "throttling"],
  },
  "contributor-insights": {
    id: "contributor-insights",
    term: "Contributor Insights",
    aka: ["most accessed keys", "most throttled keys"],
    summary: "A DynamoDB feature that counts traffic per key and lists the busiest and the most throttled keys, minute by minute.",
    details: [
      "It is switched on per table and per global index, and costs a little per event. With it off, Dynamo Lens can tell that one key is overloaded but cannot say which.",
      "Its figures count consumed throughput units: each write counts three times, because writes cost more.",
    ],
    related: ["hot-key", "throttling"],
  },
  "key-sample": {
    id: "key-sample",
    term: "Key sample",
    aka: ["storage skew"],
    summary: "A budgeted read of part of the table that counts how many items and bytes each partition key holds, to show whether storage is uneven.",
    details: [
      "It reads within a read-capacity budget and stops if the table is throttled, so it never competes with the application for capacity.",
      "Skew in storage is not the same as heat in traffic: a key can hold many items and be rarely read. Top share is the part of the sampled items held by the biggest key; the Gini figure summarizes unevenness, from 0 (every key the same) to 1 (everything in one key).",
    ],
    related: ["partition-key", "hot-key", "rcu"],
  },
  "size-audit": {
    id: "size-audit",
    term: "Size audit",
    aka: [],
    summary: "A budgeted read of the table that measures every item it reads, to show the size distribution and the largest items.",
    details: [
      "It reports percentiles (p50 is the middle item, p99 is larger than 99% of items), the largest items with a link to each, and which attributes take the most space.",
    ],
    related: ["item-size", "rcu"],
  },
  redaction: {
    id: "redaction",
    term: "Redacted values and key codes",
    aka: ["viewer", "masked"],
    summary: "For viewers, values of sensitive attributes are replaced by “redacted” with their type and size, and busy keys are shown as short codes such as #1a2b3c4d5e.",
    details: [
      "The server removes these values before answering, so they never reach a viewer's browser. The same value always gets the same code, so you can still tell keys apart and compare them between charts.",
      "Sizes, counts and charts are unchanged: a redacted value still counts towards its item's size.",
    ],
    related: ["item-size", "contributor-insights"],
  },
  alarm: {
    id: "alarm",
    term: "Alarm",
    aka: ["CloudWatch alarm", "ALARM", "OK", "INSUFFICIENT_DATA"],
    summary: "A CloudWatch rule that watches one figure, such as throttled writes: ALARM when it crosses a line (what usually pages on-call), OK when not, INSUFFICIENT_DATA when it can't tell.",
    details: [
      "Each alarm checks its figure once per period (often 1 or 5 minutes) and goes to ALARM when enough of the last few periods cross the line, for example 3 out of 3. Missing data can count as fine, as crossing, or not at all, as the alarm was set up.",
      "Alarms whose names start with TargetTracking- belong to auto scaling: they tell it when to add or remove capacity and page nobody, so Dynamo Lens lists them apart and never counts them as firing.",
    ],
    related: ["throttling", "auto-scaling"],
  },
  "auto-scaling": {
    id: "auto-scaling",
    term: "Auto scaling",
    aka: ["Application Auto Scaling", "target tracking", "scale out", "scale in"],
    summary: "For tables with provisioned capacity: AWS raises or lowers the capacity to keep use near a target share (say 70%), between a minimum and a maximum you set.",
    details: [
      "It reacts to minutes, not seconds: capacity goes up only after use has stayed above the target for about two minutes in a row, and down after about fifteen minutes well below it. A burst shorter than that is over before it helps; burst capacity, headroom or on-demand mode cover those.",
      "It never goes above its maximum, however much the table is throttled, and DynamoDB limits how often capacity can be lowered in a day.",
    ],
    related: ["capacity", "utilization", "throttling"],
  },
  "change-history": {
    id: "change-history",
    term: "Change history",
    aka: ["CloudTrail", "management events", "LookupEvents", "what changed"],
    summary: "The settings changes made to a table and its auto scaling, with when and who, as AWS CloudTrail recorded them for the last 90 days.",
    details: [
      "Every call that changes a table (its capacity, billing mode, indexes, stream, backups, tags) or its auto scaling (minimum, maximum, policies) is recorded by CloudTrail with the identity that made it. Calls that failed are recorded too, with their error, though they changed nothing.",
      "When a change comes shortly before requests start being turned away, it is the first thing to check: lowering capacity, switching billing mode, adding an index or turning auto scaling off can each cause throttling some minutes later, once saved-up burst capacity runs out.",
    ],
    related: ["capacity", "auto-scaling", "throttling"],
  },
  "capacity-mode-cost": {
    id: "capacity-mode-cost",
    term: "On-demand vs provisioned cost",
    aka: ["capacity mode", "billing mode", "pay per request", "PAY_PER_REQUEST", "PROVISIONED"],
    summary: "On-demand bills each read and write a table makes; provisioned bills the capacity it holds each hour, used or not. Which is cheaper depends on how steady the traffic is.",
    details: [
      "On-demand: a price per million read request units and per million write request units, so a quiet hour costs nothing. Provisioned: a price per RCU-hour and WCU-hour for the capacity set, so a table sized for its peak pays for the peak all day.",
      "Steady traffic that stays near its capacity is usually cheaper provisioned; spiky or quiet traffic is usually cheaper on-demand. A provisioned table can also turn requests away when demand goes above its capacity, which on-demand does only above its own limits.",
      "Dynamo Lens prices the table's own CloudWatch history under each mode and extrapolates it to a 30-day month; every figure shows its formula (units × price).",
    ],
    related: ["capacity", "rcu", "wcu", "auto-scaling", "reserved-capacity"],
  },
  "reserved-capacity": {
    id: "reserved-capacity",
    term: "Reserved capacity",
    aka: ["reservation", "1-year term", "3-year term"],
    summary: "A commitment to pay for a set amount of provisioned capacity for 1 year (3 in some regions): an upfront fee plus a lower hourly rate, whether the capacity is used or not.",
    details: [
      "It is bought in blocks of 100 RCU or 100 WCU, for one account and region, and shared by all its provisioned tables. It can't be cancelled, sold or moved to another region or account.",
      "AWS sells it only for provisioned tables of the Standard table class: on-demand and Standard-IA tables can't use it. Capacity above the reservation is billed at the normal provisioned rate.",
    ],
    related: ["capacity-mode-cost", "capacity", "table-class"],
  },
  "table-class": {
    id: "table-class",
    term: "Table class",
    aka: ["Standard", "Standard-IA", "Standard-Infrequent Access", "STANDARD_INFREQUENT_ACCESS"],
    summary: "Standard or Standard-Infrequent Access (Standard-IA): Standard-IA stores data for less but charges more for reads and writes, so it pays for tables that hold much and are read little.",
    details: [
      "The class changes only prices, not speed or features. Whether Standard-IA is cheaper depends on how large the storage bill is next to the throughput bill; the Cost section works out the break-even for the table's own traffic.",
      "Reserved capacity can't be bought for Standard-IA tables.",
    ],
    related: ["capacity-mode-cost", "reserved-capacity", "item-size"],
  },
};

export const GLOSSARY_TERMS: GlossaryTerm[] = GLOSSARY_TERM_IDS.map((id) => GLOSSARY[id]);

export function glossaryHref(id: GlossaryTermId): string {
  return `/glossary#${id}`;
}
