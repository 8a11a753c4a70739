import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The AWS SDK is large and server-only; keeping it external avoids bundling it into every route.
  serverExternalPackages: ["@aws-sdk/client-dynamodb", "@aws-sdk/client-cloudwatch"],
};

export default nextConfig;
