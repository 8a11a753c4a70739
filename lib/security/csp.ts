/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce ('strict-dynamic' lets
 * Next's nonce'd bootstrap load its chunks); Next reads the nonce back from this header and stamps it on its own
 * scripts. Styles allow 'unsafe-inline' because React style props and uPlot set inline styles; that cannot run code.
 * Development needs 'unsafe-eval' for React's debugging (Next's CSP guide); production never gets it.
 */
export function pageCsp(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API responses are data, never documents: nothing may load from them or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * An incident report (GET /api/tables/:table/report) is a document, but a closed one: its own inline CSS and SVG, no
 * script, nothing to fetch. Its links are plain navigation, which CSP does not govern.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const REPORT_PATH = /^\/api\/tables\/[^/]+\/report\/?$/;

/**
 * The CSP of an API response. proxy.ts sets it before the route runs, and Next keeps a header the proxy set over the
 * route's own (send-response.ts appends a route header only when it is absent), so the report's is chosen here.
 */
export function apiCsp(pathname: string): string {
  return REPORT_PATH.test(pathname) ? REPORT_CSP : API_CSP;
}
