import { Suspense } from "react";
import { ScopedLink } from "@/components/layout/scoped-link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        There is no such table in this account and region, or this deployment does not expose it. A table of the same name may live in another region: switch region above.
      </p>
      <Suspense>
        <ScopedLink href="/" className="mt-6 inline-block text-sm font-medium text-sky-700 hover:underline dark:text-sky-400">
          Back to all tables in this account and region
        </ScopedLink>
      </Suspense>
    </div>
  );
}
