import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FleetAccount } from "./demo-fleet";

export type FleetFiles = {
  /** ACCOUNTS_FILE: the accounts and regions the dashboard reads. */
  accountsFile: string;
  /** AWS_CONFIG_FILE: a `[profile <name>]` section per account with its home region. */
  configFile: string;
  /** AWS_SHARED_CREDENTIALS_FILE: each profile's access key. */
  credentialsFile: string;
};

/** The ACCOUNTS_FILE document: accounts in order, each with its profile and regions. */
export function accountsDocument(fleet: readonly FleetAccount[]): { accounts: Array<{ name: string; profile: string; regions: string[] }> } {
  return { accounts: fleet.map((account) => ({ name: account.name, profile: account.profile, regions: [...account.regions] })) };
}

/** The shared config file: profiles other than `default` are `[profile <name>]` there (the credentials file drops the prefix). */
export function configFileText(fleet: readonly FleetAccount[]): string {
  return fleet.map((account) => `[profile ${account.profile}]\nregion = ${account.regions[0] ?? "us-east-1"}\noutput = json\n`).join("\n");
}

export function credentialsFileText(fleet: readonly FleetAccount[]): string {
  return fleet
    .map((account) => `[${account.profile}]\naws_access_key_id = ${account.credentials.accessKeyId}\naws_secret_access_key = ${account.credentials.secretAccessKey}\n`)
    .join("\n");
}

/**
 * Writes the files that point a dashboard at the whole fleet through profiles, so the SDK's shared-config path
 * (fromIni) is exercised for real: ACCOUNTS_FILE names profiles, and the config and credentials files define them.
 */
export async function writeFleetFiles(directory: string, fleet: readonly FleetAccount[]): Promise<FleetFiles> {
  await mkdir(directory, { recursive: true });
  const files = { accountsFile: join(directory, "accounts.json"), configFile: join(directory, "aws-config"), credentialsFile: join(directory, "aws-credentials") };
  await writeFile(files.accountsFile, `${JSON.stringify(accountsDocument(fleet), null, 2)}\n`);
  await writeFile(files.configFile, configFileText(fleet));
  // Credentials files hold secrets on a real machine; keep the habit even for local placeholders.
  await writeFile(files.credentialsFile, credentialsFileText(fleet), { mode: 0o600 });
  return files;
}
