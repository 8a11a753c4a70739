/** A tiny inline trend; gaps (no data) break the line instead of dropping it to zero. */
export function Sparkline({ values, width = 96, height = 24, label }: { values: ReadonlyArray<number | null>; width?: number; height?: number; label: string }) {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return <span className="text-xs text-slate-400">no data</span>;
  const max = Math.max(...known, 1e-9);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const segments: string[] = [];
  let current = "";
  values.forEach((value, index) => {
    if (value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    const point = `${(index * step).toFixed(1)},${(height - 1 - (value / max) * (height - 2)).toFixed(1)}`;
    current = current ? `${current} L${point}` : `M${point}`;
  });
  if (current) segments.push(current);
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="text-sky-600 dark:text-sky-400">
      {segments.map((path) => (
        <path key={path} d={path} fill="none" stroke="currentColor" strokeWidth={1.5} />
      ))}
    </svg>
  );
}
