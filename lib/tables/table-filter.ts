/** Turns the TABLES setting (comma list of names or globs) into a predicate; no patterns means every table. */
export function tableMatcher(patterns: readonly string[]): (tableName: string) => boolean {
  if (patterns.length === 0) return () => true;
  const regexes = patterns.map(globToRegExp);
  return (tableName) => regexes.some((regex) => regex.test(tableName));
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split("")
    .map((char) => {
      if (char === "*") return ".*";
      if (char === "?") return ".";
      return char.replace(/[.+^${}()|[\]\\-]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${body}$`);
}
