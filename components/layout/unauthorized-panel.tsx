/** What a page shows instead of data when the login proxy's identity header is missing (AUTH_MODE=proxy). */
export function UnauthorizedPanel() {
  return (
    <section role="alert" data-testid="unauthorized" className="mx-auto max-w-xl rounded-lg border border-amber-300 bg-amber-50 p-6 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
      <h1 className="text-lg font-semibold">401 · Not signed in</h1>
      <p className="mt-2 text-sm">
        This dashboard is only available through the company&apos;s login proxy, and this request did not come with a signed-in user. Open it
        through the usual company link, or sign in again.
      </p>
    </section>
  );
}
