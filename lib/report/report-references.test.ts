import { describe, expect, it } from "vitest";
import { apiCsp, API_CSP, REPORT_CSP } from "@/lib/security/csp";
import { externalReferences } from "./report-references";

const ORIGIN = "https://lens.example";

describe("externalReferences", () => {
  it("finds every way a document could fetch something", () => {
    const html = [
      '<img src="https://x.example/a.png">',
      "<script>1</script>",
      '<link rel="stylesheet" href="https://x.example/s.css">',
      "<style>body{background:url(https://x.example/b.png)} @import 'https://x.example/i.css';</style>",
      '<div style="background-image: url(\'//x.example/c.png\')"></div>',
      '<rect fill="url(https://x.example/p.svg#x)"/>',
      '<a href="https://elsewhere.example/tables/x">out</a>',
      '<a href="javascript:alert(1)">js</a>',
      '<image xlink:href="data:image/png;base64,AAAA"/>',
      '<p onclick="go()">x</p>',
    ].join("");
    const kinds = externalReferences(html, ORIGIN).map((entry) => `${entry.kind}:${entry.value}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^element:<img/),
        "src:https://x.example/a.png",
        expect.stringMatching(/^element:<script/),
        expect.stringMatching(/^element:<link/),
        "href:https://x.example/s.css",
        "url():url(https://x.example/b.png)",
        expect.stringMatching(/^@import:@import 'https:\/\/x.example\/i.css'/),
        "url():url('//x.example/c.png')",
        "url():url(https://x.example/p.svg#x)",
        "href:https://elsewhere.example/tables/x",
        "href:javascript:alert(1)",
        "xlink:href:data:image/png;base64,AAAA",
        "event handler:onclick=go()",
      ]),
    );
  });

  it("lets through only links back to the dashboard's tables, in-file anchors and in-file patterns, and ignores escaped text", () => {
    const html = `<a href="${ORIGIN}/tables/Sessions?start=1">live</a><a href="#chart-table-writes">chart</a><rect fill="url(#p-hatch)"/><svg aria-label="&lt;img src=https://x.example/a.png&gt;"><title>url(https://x.example)</title></svg><td>&lt;script src=https://x.example&gt;</td>`;
    expect(externalReferences(html, ORIGIN)).toEqual([]);
  });
});

describe("the report's CSP", () => {
  it("is the report's own strict policy on the report path, and the API's everywhere else", () => {
    expect(apiCsp("/api/tables/Sessions/report")).toBe(REPORT_CSP);
    expect(REPORT_CSP).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    expect(REPORT_CSP).not.toMatch(/script-src|'self'|https?:/);
    for (const path of ["/api/tables/Sessions/metrics", "/api/tables/Sessions/report/x", "/api/tables/report", "/api/fleet"]) expect(apiCsp(path)).toBe(API_CSP);
  });
});
