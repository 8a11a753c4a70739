import { gzipSync } from "node:zlib";

export type FirstLoadJs = { route: string; scripts: number; bytes: number; gzipBytes: number };

/**
 * The JavaScript a browser downloads to show a route: every <script src> in the server-rendered HTML,
 * measured raw and gzipped. Next 16's Turbopack build no longer prints per-route sizes, so we measure what is served.
 */
export async function measureFirstLoadJs(baseUrl: string, route: string): Promise<FirstLoadJs> {
  const html = await (await fetch(new URL(route, baseUrl))).text();
  // noModule scripts are legacy polyfills that modern browsers skip, so they are not part of a real first load.
  const tags = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1] ?? "").filter((attributes) => !/\snomodule/i.test(attributes));
  const sources = [...new Set(tags.map((attributes) => /\ssrc="([^"]+)"/.exec(attributes)?.[1] ?? ""))].filter(Boolean);
  let bytes = 0;
  let gzipBytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, baseUrl))).arrayBuffer());
    bytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { route, scripts: sources.length, bytes, gzipBytes };
}
