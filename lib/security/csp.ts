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
