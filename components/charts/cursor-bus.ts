/**
 * Shares the crosshair's time (epoch ms, or null when the pointer leaves) between the views of one group, both ways:
 * the uPlot charts publish it from their cursor hook and the key heat map from the cell under the pointer. uPlot's own
 * sync only links uPlot instances, so charts act only on what the heat map publishes, and never echo each other.
 */
export type CursorSource = "chart" | "heat-map";
type Listener = (timeMs: number | null, source: CursorSource) => void;

const groups = new Map<string, Set<Listener>>();

export function publishCursor(group: string, timeMs: number | null, source: CursorSource): void {
  for (const listener of groups.get(group) ?? []) listener(timeMs, source);
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
