/** Shown to viewers where an engineer would see a job form: why there is no button, and what they can still see. */
export function EngineersRunJobsNote({ noun }: { noun: string }) {
  return (
    <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400" data-testid="engineers-run-jobs">
      Running a {noun} reads the table and spends its read capacity, so only engineers can start one. The latest {noun} appears here when an engineer runs it.
    </p>
  );
}
