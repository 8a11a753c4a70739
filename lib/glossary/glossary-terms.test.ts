import { describe, expect, it } from "vitest";
import { VERDICT_KINDS } from "@/lib/diagnosis/diagnosis-types";
import { GLOSSARY, GLOSSARY_TERM_IDS, GLOSSARY_TERMS, glossaryHref } from "./glossary-terms";
import { VERDICT_TERMS } from "./verdict-terms";

describe("glossary", () => {
  it("has an entry under each id, named by that id", () => {
    expect(new Set(GLOSSARY_TERM_IDS).size).toBe(GLOSSARY_TERM_IDS.length);
    expect(Object.keys(GLOSSARY).sort()).toEqual([...GLOSSARY_TERM_IDS].sort());
    for (const entry of GLOSSARY_TERMS) expect(GLOSSARY[entry.id]).toBe(entry);
  });

  it("explains the terms a viewer meets first: RCU/WCU, partition, throttling, GSI, Scan vs Query", () => {
    for (const id of ["rcu", "wcu", "partition", "throttling", "gsi", "scan-vs-query"] as const) {
      expect(GLOSSARY[id].summary.length).toBeGreaterThan(40);
      expect(GLOSSARY[id].details.length).toBeGreaterThan(0);
    }
    // Each throttling cause the charts split by is explained.
    const throttling = GLOSSARY.throttling.details.join(" ");
    for (const cause of ["Key range", "Provisioned", "On-demand maximum", "Account limit"]) expect(throttling).toContain(cause);
  });

  it("keeps tooltips short whole sentences, and links only to entries that exist", () => {
    for (const entry of GLOSSARY_TERMS) {
      expect(entry.summary.length, entry.id).toBeLessThanOrEqual(200);
      expect(entry.summary, entry.id).toMatch(/^[A-Z].*\.$/);
      for (const related of entry.related) {
        expect(GLOSSARY_TERM_IDS, `${entry.id} → ${related}`).toContain(related);
        expect(related).not.toBe(entry.id);
      }
    }
    expect(glossaryHref("scan-vs-query")).toBe("/glossary#scan-vs-query");
  });

  it("explains every verdict kind with at least one entry", () => {
    for (const kind of VERDICT_KINDS) expect(VERDICT_TERMS[kind].length, kind).toBeGreaterThan(0);
  });
});
