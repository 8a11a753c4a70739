import "server-only";
import { env, EnvError, type Env } from "@/lib/env";
import { priceTable } from "@/lib/server/cost/prices";

// Addresses only this machine can reach; anything else (0.0.0.0, ::, a LAN or public address) is reachable by others.
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * The warning for AUTH_MODE=none on an address other machines can reach, or null when there is nothing to warn
 * about. `next start` without -H listens on every interface, and then HOSTNAME is unset: that is exposed too.
 */
export function exposureWarning(settings: Pick<Env, "authMode" | "hostname">): string | null {
  if (settings.authMode !== "none") return null;
  const host = settings.hostname?.trim();
  if (host && LOOPBACK.test(host)) return null;
  const where = host ? `on ${host}` : "on every network interface (no -H given)";
  return [
    "",
    "!!! ================================================================================ !!!",
    `!!! WARNING: AUTH_MODE=none and Dynamo Lens listens ${where}.`,
    "!!! Anyone who can reach this port is treated as an ENGINEER and sees every item value.",
    "!!! Put it behind an authenticating proxy with AUTH_MODE=proxy, or start it with -H 127.0.0.1.",
    "!!! ================================================================================ !!!",
    "",
  ].join("\n");
}

/** Parses the configuration at server start; a bad value ends the process with a one-line reason. */
export function validateEnvAtStartup(): void {
  try {
    const warning = exposureWarning(env());
    if (warning) console.warn(warning);
    // PRICES_FILE is read here too, so a bad price file stops the server at start like a bad ACCOUNTS_FILE.
    priceTable();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[dynamo-lens] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
