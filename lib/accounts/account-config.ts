import { z } from "zod";

/** What AWS accepts as a region name (and "local", which DynamoDB Local answers to). */
export const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$|^local$/;
/** Account names appear in URLs, cache keys and the header: a short, URL-safe word. */
export const ACCOUNT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** How the server obtains an account's credentials. Never leaves the server. */
export type AccountCredentials =
  | { kind: "default-chain"; profile: string | undefined }
  | { kind: "profile"; profile: string }
  | { kind: "assume-role"; roleArn: string; externalId: string | undefined; sourceProfile: string | undefined };

export type AccountConfig = {
  name: string;
  credentials: AccountCredentials;
  /** The regions to read, first one the default. */
  regions: string[];
  /** TABLES-style globs; empty exposes every table. */
  tablePatterns: string[];
};

const profileName = z.string().regex(/^[\w+=,.@:/-]{1,128}$/, "must be a profile name from your AWS config");
const tableGlob = z.string().regex(/^[\w.*?-]{1,255}$/, "must be a table name or glob (letters, digits, _ . - * ?)");

const accountSchema = z
  .object({
    name: z.string().regex(ACCOUNT_NAME_PATTERN, "must be 1–64 letters, digits, _ . or -, starting with a letter or digit"),
    profile: profileName.optional(),
    roleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, "must be an IAM role ARN, e.g. arn:aws:iam::123456789012:role/dynamo-lens").optional(),
    externalId: z.string().regex(/^[\w+=,.@:/-]{2,1224}$/, "must be 2–1224 characters of letters, digits and +=,.@:/-").optional(),
    regions: z.array(z.string().regex(REGION_PATTERN, "must look like an AWS region, e.g. eu-west-1")).min(1, "must list at least one region").max(40),
    tables: z.array(tableGlob).max(200).optional(),
  })
  .strict()
  .refine((account) => account.profile !== undefined || account.roleArn !== undefined, { message: "needs a profile or a roleArn", path: ["profile"] })
  .refine((account) => account.externalId === undefined || account.roleArn !== undefined, { message: "is only used with a roleArn", path: ["externalId"] })
  .refine((account) => new Set(account.regions).size === account.regions.length, { message: "lists a region twice", path: ["regions"] });

export const accountsFileSchema = z
  .object({ accounts: z.array(accountSchema).min(1, "must list at least one account").max(100) })
  .strict()
  .refine((file) => new Set(file.accounts.map((account) => account.name)).size === file.accounts.length, { message: "holds two accounts with the same name", path: ["accounts"] });

export type AccountsFile = z.infer<typeof accountsFileSchema>;

/**
 * The file's accounts in the product's shape. A roleArn with a profile assumes the role from that profile's
 * credentials; a roleArn alone, from the default chain (an instance or task role, typically).
 */
export function toAccountConfigs(file: AccountsFile): AccountConfig[] {
  return file.accounts.map((account) => ({
    name: account.name,
    credentials: account.roleArn
      ? { kind: "assume-role", roleArn: account.roleArn, externalId: account.externalId, sourceProfile: account.profile }
      : { kind: "profile", profile: account.profile ?? "" },
    regions: account.regions,
    tablePatterns: account.tables ?? [],
  }));
}
