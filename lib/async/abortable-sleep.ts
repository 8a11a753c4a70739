/**
 * Waits `ms` (nothing when ms ≤ 0), or less: until the signal aborts, or `wake` is called. Never rejects, so a
 * polling loop checks its signal after each wait instead of catching an abort error.
 */
export function abortableSleep(ms: number, signal: AbortSignal): { promise: Promise<void>; wake: () => void } {
  let wake = () => {};
  const promise = new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) {
      resolve();
      return;
    }
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener("abort", finish, { once: true });
    wake = finish;
  });
  return { promise, wake };
}
