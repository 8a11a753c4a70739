"use client";

export function ErrorPanel({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{message}</p>
      {onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 rounded-md border border-rose-400 bg-white px-3 py-1 font-medium hover:bg-rose-100 dark:border-rose-700 dark:bg-rose-900 dark:hover:bg-rose-800"
        >
          Retry
        </button>
      ) : null}
    </div>
  );
}
