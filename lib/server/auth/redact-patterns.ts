import "server-only";

/**
 * REDACT_ATTRIBUTES patterns: comma-separated globs on attribute names, where `*` is any run of characters and `?` one
 * character, matched against the whole name, case-insensitively (so `*name*` covers userName and NAME).
 */
export function compileRedactPatterns(patterns: readonly string[]): (name: string) => boolean {
  if (patterns.length === 0) return () => false;
  const source = patterns
    .map((pattern) =>
      [...pattern]
        .map((char) => (char === "*" ? "[\\s\\S]*" : char === "?" ? "[\\s\\S]" : char.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")))
        .join(""),
    )
    .join("|");
  const regex = new RegExp(`^(?:${source})$`, "iu");
  return (name) => regex.test(name);
}
