import type { ChartOverlays } from "@/lib/metrics/chart-overlays";
import type { TimeZoneMode } from "./time-series-chart";

function time(seconds: number, timeZone: TimeZoneMode): string {
  return new Date(seconds * 1000).toLocaleTimeString("en-GB", { timeZone: timeZone === "UTC" ? "UTC" : undefined, hour: "2-digit", minute: "2-digit" });
}

/** What the chart draws besides its series, in words: the canvas alone says nothing to a screen reader or a test. */
export function OverlayLegend({ overlays, timeZone }: { overlays: ChartOverlays; timeZone: TimeZoneMode }) {
  const { thresholds, bands, markers, changes } = overlays;
  if (thresholds.length === 0 && bands.length === 0 && markers.length === 0 && changes.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600 dark:text-slate-400" data-testid="chart-overlays">
      {thresholds.map((line) => (
        <li key={`t-${line.label}`} data-overlay="threshold" data-state={line.state}>
          <span aria-hidden className={line.state === "ALARM" ? "text-rose-600" : "text-slate-500"}>
            ┄{" "}
          </span>
          Alarm {line.label}
          {line.state === "ALARM" ? <span className="font-semibold text-rose-700 dark:text-rose-400"> in ALARM</span> : null}
        </li>
      ))}
      {bands.length > 0 ? (
        <li data-overlay="alarm-band">
          <span aria-hidden className="mr-1 inline-block h-2.5 w-3 bg-rose-500/20 align-middle" />
          {bands.length === 1 ? `In ALARM ${time(bands[0]?.start ?? 0, timeZone)}–${time(bands[0]?.end ?? 0, timeZone)}` : `${bands.length} spans in ALARM`}
        </li>
      ) : null}
      {changes.map((change, position) => (
        <li key={`c-${change.at}-${position}`} data-overlay="change">
          <span aria-hidden className={change.failed ? "text-slate-500" : "text-fuchsia-700 dark:text-fuchsia-400"}>
            ◆{" "}
          </span>
          {time(change.at, timeZone)} {change.label}
        </li>
      ))}
      {markers.map((marker, position) => (
        <li key={`m-${marker.at}-${position}`} data-overlay="scaling-activity" data-direction={marker.direction ?? "unknown"}>
          <span aria-hidden className={marker.failed ? "text-rose-600" : marker.direction === "in" ? "text-indigo-500" : "text-teal-600"}>
            {marker.direction === "in" ? "▼" : "▲"}{" "}
          </span>
          {time(marker.at, timeZone)} {marker.label}
        </li>
      ))}
    </ul>
  );
}
