import { createHash } from "node:crypto";

/**
 * The local stack's IAM, in one table: which account each access key belongs to. AWS knows this for every key; the
 * local services need it to keep one account's metrics from another's. `local` is the demo account (the key every
 * test and the dashboard's default path use), `analytics` the second demo account.
 */
export const LOCAL_ACCESS_KEYS: Readonly<Record<string, string>> = {
  local: "111111111111",
  analytics: "222222222222",
};

/**
 * The 12-digit account id of an access key. A key the table does not list still gets an account of its own, derived
 * from the key (starting with 9, so it never collides with a listed one): AWS would refuse an unknown key
 * (InvalidClientTokenId), but tests and tools may use any key, and one key must never see another's data.
 */
export function accountIdOf(accessKeyId: string): string {
  const known = LOCAL_ACCESS_KEYS[accessKeyId];
  if (known !== undefined) return known;
  const digest = createHash("sha256").update(accessKeyId).digest();
  return `9${(digest.readBigUInt64BE(0) % 10n ** 11n).toString().padStart(11, "0")}`;
}
