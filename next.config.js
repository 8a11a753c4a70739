// @ts-check

/**
 * Headers every response carries, pages, API and static files alike. The per-request CSP with its nonce is set in
 * proxy.ts; e2e/security.spec.ts checks both on real responses.
 */
const BASELINE_HEADERS = [
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // frame-ancestors supersedes this where CSP is supported; kept for older browsers.
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The AWS SDK is large and server-only; keeping it external avoids bundling it into every route.
  serverExternalPackages: ["@aws-sdk/client-dynamodb", "@aws-sdk/client-cloudwatch"],
  async headers() {
    return [{ source: "/:path*", headers: BASELINE_HEADERS }];
  },
};

export default nextConfig;
