/**
 * Shares the crosshair's time (epoch ms, or null when the pointer leaves) between charts of one group: the uPlot
 * charts publish it from their cursor hook, and non-uPlot views (the key heat map) subscribe. uPlot's own sync only
 * links uPlot instances.
 */
type Listener = (timeMs: number | null) => void;

const groups = new Map<string, Set<Listener>>();

export function publishCursor(group: string, timeMs: number | null): void {
  for (const listener of groups.get(group) ?? []) listener(timeMs);
}

export function subscribeCursor(group: string, listener: Listener): () => void {
  const listeners = groups.get(group) ?? new Set<Listener>();
  listeners.add(listener);
  groups.set(group, listeners);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) groups.delete(group);
  };
}
