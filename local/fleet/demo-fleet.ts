import { accountIdOf } from "../aws/shared/account-ids";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local-clients";

export type FleetCredentials = { readonly accessKeyId: string; readonly secretAccessKey: string };

/** One AWS account of the local fleet: the name the dashboard shows, the profile it signs with, and its regions. */
export type FleetAccount = {
  readonly name: string;
  readonly profile: string;
  /** What the local services file this account's data under (from the access key, as AWS does). */
  readonly accountId: string;
  readonly credentials: FleetCredentials;
  /** The first is the account's home region (the profile's `region`). */
  readonly regions: readonly string[];
};

export const REPLICA_REGION = "eu-west-1";

/** The demo account: access key `local`, so its us-east-1 is exactly what every single-account test and the default path use. */
export const DEMO_ACCOUNT: FleetAccount = {
  name: "demo",
  profile: "demo",
  accountId: accountIdOf(LOCAL_CREDENTIALS.accessKeyId),
  credentials: LOCAL_CREDENTIALS,
  regions: [LOCAL_REGION, REPLICA_REGION],
};

const ANALYTICS_CREDENTIALS = { accessKeyId: "analytics", secretAccessKey: "analytics" } as const;

/** A second account with one small table, so the fleet view has more than one account to show. */
export const ANALYTICS_ACCOUNT: FleetAccount = {
  name: "analytics",
  profile: "analytics",
  accountId: accountIdOf(ANALYTICS_CREDENTIALS.accessKeyId),
  credentials: ANALYTICS_CREDENTIALS,
  regions: [LOCAL_REGION],
};

/** The demo's accounts, `demo` first (the dashboard's default scope is the first account's first region). */
export const DEMO_FLEET: readonly FleetAccount[] = [DEMO_ACCOUNT, ANALYTICS_ACCOUNT];

/** The fleet's (account, region) pairs, in ACCOUNTS_FILE order. */
export function fleetScopes(fleet: readonly FleetAccount[] = DEMO_FLEET): Array<{ account: FleetAccount; region: string }> {
  return fleet.flatMap((account) => account.regions.map((region) => ({ account, region })));
}

export function fleetAccount(name: string, fleet: readonly FleetAccount[] = DEMO_FLEET): FleetAccount {
  const account = fleet.find((candidate) => candidate.name === name);
  if (!account) throw new Error(`No fleet account named ${name}; the fleet has ${fleet.map((candidate) => candidate.name).join(", ")}`);
  return account;
}
