import type { NextConfig } from "next";
import { BASELINE_HEADERS } from "./lib/security/csp";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The AWS SDK is large and server-only; keeping it external avoids bundling it into every route.
  serverExternalPackages: ["@aws-sdk/client-dynamodb", "@aws-sdk/client-cloudwatch"],
  // The per-request CSP with its nonce is set in proxy.ts; these fixed headers go on every response, static files too.
  async headers() {
    return [{ source: "/:path*", headers: [...BASELINE_HEADERS] }];
  },
};

export default nextConfig;
