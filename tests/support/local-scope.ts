import type { Scope } from "@/lib/scope/scope";

/** The scope the product reads in integration tests: no ACCOUNTS_FILE, so the one "default" account, in AWS_REGION. */
export const LOCAL_SCOPE: Scope = { account: "default", region: "us-east-1" };
