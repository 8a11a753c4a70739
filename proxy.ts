// Runs before every page and API request: per-request CSP nonce, and in AUTH_MODE=proxy a 401 for pages without identity.
import { NextResponse, type NextRequest } from "next/server";
import { resolveIdentity } from "@/lib/auth/resolve-identity";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { isMalformedPath } from "@/lib/http/malformed-path";
import { REPEATED_SCOPE_MESSAGE, resolveScopeInput, scopeInputOf } from "@/lib/scope/resolve-scope-input";
import { API_CSP, apiCsp, pageCsp } from "@/lib/security/csp";

const UNAUTHORIZED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>401 · Dynamo Lens</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
<h1>401 · Not signed in</h1>
<p>Dynamo Lens is only available through the company's login proxy, and this request did not come with a signed-in user.
Open it through the usual company link, or sign in again.</p></body></html>`;

const BAD_PATH_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>400 · Dynamo Lens</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
<h1>400 · This address is malformed</h1>
<p>Part of the address has a percent sign that is not followed by a valid encoded character, so it names nothing.
The link may have been cut short or changed by hand. <a href="/">Open the overview</a>.</p></body></html>`;

const PLAIN_HEADERS = { "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" };

const badScopePage = (message: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>400 · Dynamo Lens</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
<h1>400 · No such account or region here</h1>
<p>${message.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)}</p>
<p>The link may name an account or region this deployment does not read. <a href="/">Open the default overview</a>.</p></body></html>`;

/**
 * A page's account and region, checked before it renders, so every page can trust its scope. Unknown ones are the
 * caller's mistake: a 400 page that lists the known ones, never another scope's data. (Route handlers answer the same
 * in the JSON envelope: see handleRoute.)
 */
function badScopeResponse(request: NextRequest): NextResponse | null {
  const input = scopeInputOf(request.nextUrl.searchParams);
  const resolution = "repeated" in input ? { ok: false as const, message: REPEATED_SCOPE_MESSAGE } : resolveScopeInput({ accounts: env().accounts }, input);
  if (resolution.ok) return null;
  return new NextResponse(badScopePage(resolution.message), { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", ...PLAIN_HEADERS } });
}

/** Next would answer a path it cannot decode with a bare 500 before any route runs; this is the caller's error. */
function malformedPathResponse(api: boolean): NextResponse {
  if (api) {
    const error = new AppError("BAD_REQUEST", "The request path holds a malformed percent-encoding (such as %ZZ or a cut-off %E0%A4).");
    return NextResponse.json(error.toEnvelope(), { status: error.status, headers: { "Cache-Control": "no-store", "Content-Security-Policy": API_CSP } });
  }
  return new NextResponse(BAD_PATH_PAGE, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", ...PLAIN_HEADERS } });
}

export function proxy(request: NextRequest): NextResponse {
  const api = request.nextUrl.pathname.startsWith("/api/");
  if (isMalformedPath(request.nextUrl.pathname)) return malformedPathResponse(api);
  if (api) {
    // Route handlers answer the 401 and an unknown scope themselves (handleRoute), in the JSON error envelope.
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", apiCsp(request.nextUrl.pathname));
    return response;
  }
  const settings = env();
  if (!resolveIdentity(request.headers, settings)) {
    return new NextResponse(UNAUTHORIZED_PAGE, {
      status: 401,
      headers: { "Content-Type": "text/html; charset=utf-8", ...PLAIN_HEADERS },
    });
  }
  const badScope = badScopeResponse(request);
  if (badScope) return badScope;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageCsp(nonce, settings.development);
  // Next reads the nonce from the request's CSP header while rendering and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Pages are rendered per user and per role; no shared cache may keep one.
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
