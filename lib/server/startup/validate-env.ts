import "server-only";
import { env, EnvError } from "@/lib/env";

/** Parses the configuration at server start; a bad value ends the process with a one-line reason. */
export function validateEnvAtStartup(): void {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[dynamo-lens] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
