import { readdirSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join, relative, sep } from "node:path";
import fc from "fast-check";
import { expect, test } from "./support/fixtures";

/**
 * Raw, undecoded paths against the production server. Next decodes dynamic segments itself, before any route runs, so
 * the route-level hostile-input test (which hands handlers already-decoded params) cannot see what a browser or a
 * scanner sends on the wire. Node's http client sends the path byte for byte; fetch and Playwright would normalize it.
 */

type Answer = { status: number; type: string; body: string };

function rawGet(base: string, path: string): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, path, method: "GET" }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"] ?? ""), body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** Every page and route handler of the app, as path templates whose dynamic segments are `[name]` or `[...name]`. */
function appTemplates(): string[] {
  const root = join(process.cwd(), "app");
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name === "page.tsx" || entry.name === "route.ts" ? [`/${relative(root, dir).split(sep).join("/")}`.replace(/\/$/, "")] : [];
    });
  return walk(root).map((template) => template || "/");
}

// Percent signs that do not decode: bad hex, cut-off escapes, bytes that are not UTF-8, an encoded lone surrogate.
const MALFORMED = ["%", "%Z", "%ZZ", "%E0%A4%A", "%E0%A4", "%C3%28", "%ED%A0%80", "%FF", "%%41", "%G1"] as const;
// Printable ASCII without space, '?' and '#' (they end the path); Node refuses to send anything else unescaped.
const SEGMENT_CHARS = "abcXYZ019-_.~!$&'()*+,;=:@%";
const RAW_CHAR = fc.constantFrom(...SEGMENT_CHARS.split(""));
// With '/', a generated segment may make an empty one ("//"), which Next first answers with a 308 to the joined path.
const PATH_CHAR = fc.constantFrom(...`${SEGMENT_CHARS}/`.split(""));

const malformedSegment = fc
  .tuple(fc.string({ unit: RAW_CHAR, maxLength: 6 }), fc.constantFrom(...MALFORMED), fc.string({ unit: RAW_CHAR, maxLength: 6 }))
  .map(([before, bad, after]) => `${before.replaceAll("%", "")}${bad}${after.replaceAll("%", "")}`)
  // "%" followed by "0a" from the tail is a valid escape again; the platform's decoder is the oracle.
  .filter((segment) => {
    try {
      decodeURIComponent(segment);
      return false;
    } catch {
      return true;
    }
  });

function fill(template: string, segment: string): string {
  return template.replace(/\[(\.\.\.)?[^\]]+\]/g, segment);
}

test.describe("hostile raw paths", () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "server behaviour: one browser project is enough");
  });

  const templates = appTemplates();

  test("the issue's examples get a 400: the JSON envelope on the API, a 400 page for pages", async ({ baseURL }) => {
    for (const path of ["/api/tables/%E0%A4%A", "/api/tables/%ZZ", "/api/jobs/%E0%A4%A", "/api/tables/Shop%ZZ/items"]) {
      const answer = await rawGet(baseURL ?? "", path);
      expect(answer.status, path).toBe(400);
      expect(JSON.parse(answer.body), path).toEqual({ error: { code: "BAD_REQUEST", message: expect.stringContaining("malformed percent-encoding") } });
    }
    for (const path of ["/tables/%E0%A4%A", "/tables/%ZZ/items", "/glossary%ZZ"]) {
      const answer = await rawGet(baseURL ?? "", path);
      expect(answer.status, path).toBe(400);
      expect(answer.type, path).toContain("text/html");
      expect(answer.body, path).toContain("400");
    }
  });

  test("every page and route with a malformed segment in any place: a 400, never a 5xx or a trace", async ({ baseURL }) => {
    expect(templates).toEqual(expect.arrayContaining(["/", "/api/tables/[table]/items", "/api/jobs/[id]", "/tables/[table]/item"]));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...templates), malformedSegment, fc.nat(), async (template, segment, at) => {
        // Put the bad segment in a dynamic slot when there is one, else in place of (or after) a static one.
        const parts = template.split("/").filter(Boolean);
        const slot = parts.length === 0 ? 0 : at % (parts.length + 1);
        const path = template.includes("[") ? fill(template, segment) : `/${[...parts.slice(0, slot), segment, ...parts.slice(slot + 1)].join("/")}`;
        const answer = await rawGet(baseURL ?? "", path);
        expect(answer.status, path).toBe(400);
        expect(answer.body, path).not.toMatch(/\bat .+\.(js|ts):\d+|node_modules|Internal Server Error/);
        if (path.startsWith("/api/")) expect(JSON.parse(answer.body).error.code, path).toBe("BAD_REQUEST");
      }),
      { numRuns: 150, seed: 20_261_203 },
    );
  });

  test("well-formed but odd paths never get a 5xx", async ({ baseURL }) => {
    const odd = fc.string({ unit: PATH_CHAR, minLength: 1, maxLength: 12 }).map((text) => text.replace(/%/g, "%25"));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...templates), odd, async (template, segment) => {
        const path = fill(template, segment);
        const answer = await rawGet(baseURL ?? "", path);
        expect(answer.status, path).toBeLessThan(500);
        expect(answer.body, path).not.toMatch(/\bat .+\.(js|ts):\d+|node_modules/);
      }),
      { numRuns: 80, seed: 20_261_204 },
    );
  });
});
