import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { AppHeader } from "@/components/layout/app-header";
import { RoleProvider } from "@/components/layout/role-context";
import { ScopeOptionsProvider } from "@/components/layout/scope-context";
import { UnauthorizedPanel } from "@/components/layout/unauthorized-panel";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { identityFromHeaders, type Identity } from "@/lib/server/auth/identity";
import { scopeOptions } from "@/lib/server/scope/resolve-scope";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Dynamo Lens", template: "%s · Dynamo Lens" },
  description: "A read-only dashboard for Amazon DynamoDB",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export const dynamic = "force-dynamic";

/** The caller, or null when proxy mode finds no identity header (proxy.ts already answered 401 for the page). */
function pageIdentity(requestHeaders: Headers): Identity | null {
  try {
    return identityFromHeaders(requestHeaders);
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHORIZED") return null;
    throw error;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const settings = env();
  const identity = pageIdentity(await headers());
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>
          <RoleProvider role={identity?.role ?? "viewer"}>
            <ScopeOptionsProvider options={scopeOptions()}>
              <AppHeader endpoint={settings.dynamodbEndpoint ? "custom" : "aws"} identity={identity} authMode={settings.authMode} />
              <main className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">{identity ? children : <UnauthorizedPanel />}</main>
            </ScopeOptionsProvider>
          </RoleProvider>
        </Providers>
      </body>
    </html>
  );
}
