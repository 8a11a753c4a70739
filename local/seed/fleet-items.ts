import { BOOL, L, M, N, S } from "./attribute-values";
import type { Item } from "./batch-writer";
import { createRandom } from "./random";

export const PROFILE_COUNT = 2_000;
const COUNTRIES = ["IE", "DE", "FR", "US", "GB", "ES", "NL", "PL"] as const;
const PLANS = ["free", "pro", "team"] as const;
export const REPORT_TEAMS = ["growth", "finance", "ops", "product"] as const;

export const profileId = (index: number) => `user-${String(index).padStart(5, "0")}`;

/** Profiles, identical in every region they are seeded into (a replica starts as a copy). */
export function profileItems(nowSeconds: number): Item[] {
  const random = createRandom(2019);
  return Array.from({ length: PROFILE_COUNT }, (_, index) => ({
    userId: S(profileId(index)),
    displayName: S(`User ${index}`),
    email: S(`user${index}@example.com`),
    country: S(random.pick(COUNTRIES)),
    plan: S(random.pick(PLANS)),
    marketingOptIn: BOOL(random.next() < 0.4),
    updatedAt: N(nowSeconds - random.int(0, 30 * 86_400)),
    preferences: M({ theme: S(random.pick(["dark", "light"])), locale: S(random.pick(["en-IE", "de-DE", "fr-FR"])) }),
  }));
}

export function invoiceItems(nowSeconds: number): Item[] {
  const random = createRandom(1121);
  return Array.from({ length: 200 }, (_, index) => ({
    customerId: S(`cust-${String(index % 40).padStart(3, "0")}`),
    invoiceId: S(`INV-${String(100_000 + index)}`),
    issuedAt: N(nowSeconds - random.int(0, 90 * 86_400)),
    totalEur: N((random.int(1_000, 500_000) / 100).toFixed(2)),
    status: S(random.pick(["OPEN", "PAID", "VOID"])),
  }));
}

export function reportItems(nowSeconds: number): Item[] {
  const random = createRandom(404);
  return Array.from({ length: 300 }, (_, index) => ({
    team: S(REPORT_TEAMS[index % REPORT_TEAMS.length] ?? "ops"),
    reportId: S(`R${String(index).padStart(4, "0")}`),
    title: S(`Weekly report ${index}`),
    generatedAt: N(nowSeconds - index * 3_600),
    rows: N(random.int(10, 50_000)),
    tags: L([S(random.pick(["kpi", "cost", "usage", "churn"]))]),
  }));
}
