/**
 * What in an HTML report could make a browser fetch something: in tags, every src=, href=, srcset= (and the like)
 * and url(…); in <style>, url(…) and @import; and any <script>, <link>, <iframe>, <object>, <embed> or <img>. The unit
 * tests and the e2e use it to prove a report makes no request: only <a href> links to the live views (under `origin`)
 * and anchors within the file may remain. Text is not scanned: the report escapes every `<`, so a hostile name that
 * reads "src=…" in a cell is words, not a reference. Client-safe, pure.
 */
export type ExternalReference = { kind: string; value: string };

const FETCHING_ELEMENTS = /^<\s*(script|link|iframe|frame|object|embed|img|image|picture|source|video|audio|track|use|feimage|base|form|meta\s+http-equiv\s*=\s*["']?refresh)\b/i;
/** Attributes whose value a browser may fetch or navigate to. */
const URL_ATTRIBUTES = new Set(["src", "href", "srcset", "xlink:href", "action", "formaction", "poster", "background", "data", "ping", "cite", "longdesc", "manifest", "codebase"]);
/** Attributes that hold words for people, never a reference. */
const TEXT_ATTRIBUTES = /^(aria-[\w-]+|title|alt)$/i;
/** One attribute at a time, its quoted value consumed whole, so a value's text is never read as another attribute. */
const ATTRIBUTE = /\s([^\s=/>]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function cssReferences(css: string): ExternalReference[] {
  const found: ExternalReference[] = [];
  for (const match of css.matchAll(/url\(\s*(['"]?)([^)'"]*)\1\s*\)/gi)) {
    if (!(match[2] ?? "").startsWith("#")) found.push({ kind: "url()", value: match[0] });
  }
  for (const match of css.matchAll(/@import\b[^;]*/gi)) found.push({ kind: "@import", value: match[0] });
  return found;
}

/** References other than an in-file anchor, a `url(#…)` pattern, or an <a href> under `origin` + "/tables/". */
export function externalReferences(html: string, origin: string | null): ExternalReference[] {
  const found: ExternalReference[] = [];
  const allowedLink = (value: string) => value.startsWith("#") || value.startsWith(`${origin ?? ""}/tables/`);
  for (const [tag] of html.matchAll(/<[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/g)) {
    if (FETCHING_ELEMENTS.test(tag)) found.push({ kind: "element", value: tag });
    const isAnchor = /^<a\s/i.test(tag);
    const attributes = tag.replace(/^<[^\s/>]+/, "");
    for (const match of attributes.matchAll(ATTRIBUTE)) {
      const name = (match[1] ?? "").toLowerCase();
      const value = match[3] ?? match[4] ?? match[5] ?? "";
      if (URL_ATTRIBUTES.has(name)) {
        if (!(name === "href" && isAnchor && allowedLink(value))) found.push({ kind: name, value });
      } else if (/^on/.test(name)) {
        found.push({ kind: "event handler", value: `${name}=${value}` });
      } else if (!TEXT_ATTRIBUTES.test(name)) {
        // style="…" and presentation attributes (fill, stroke, filter, mask, …) take url(): only in-file patterns.
        found.push(...cssReferences(value));
      }
    }
  }
  for (const [, css = ""] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) found.push(...cssReferences(css));
  return found;
}
