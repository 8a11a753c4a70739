import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { env } from "@/lib/env";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Dynamo Lens", template: "%s · Dynamo Lens" },
  description: "A read-only dashboard for Amazon DynamoDB",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  const settings = env();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>
          <AppHeader region={settings.awsRegion} endpoint={settings.dynamodbEndpoint ? "custom" : "aws"} />
          <main className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
