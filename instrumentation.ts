// Runs once when the server starts, so a bad variable stops it with a message naming the variable.
// NEXT_RUNTIME is Next's build-time runtime switch, not configuration: the check keeps the Node-only
// startup code out of the edge bundle, as Next's instrumentation docs prescribe.
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- Next's runtime switch (see above), not app configuration
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvAtStartup } = await import("@/lib/server/startup/validate-env");
    validateEnvAtStartup();
  }
}
