/**
 * Whether a raw request path holds a percent-encoding that does not decode (`%ZZ`, a truncated `%E0%A4%A`, a byte
 * sequence that is not UTF-8). Next decodes dynamic segments itself and answers such paths with a bare 500 before any
 * route or page runs, so proxy.ts refuses them first. Pure and edge-safe.
 */
export function isMalformedPath(rawPath: string): boolean {
  for (const segment of rawPath.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch (error) {
      if (error instanceof URIError) return true;
      throw error;
    }
  }
  return false;
}
