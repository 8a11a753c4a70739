import { readFileSync } from "node:fs";

/** Resident memory of a process from /proc (Linux): current RSS and the peak (high-water mark) since it started, in MB. */
export function processMemory(pid: number): { rssMb: number; peakRssMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb("VmRSS") / 1024), peakRssMb: Math.round(kb("VmHWM") / 1024) };
  } catch {
    // Not Linux, or the process is gone: the figure is simply unavailable.
    return null;
  }
}
