import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";

const require = createRequire(import.meta.url);
const ORIGIN = "https://pdf-render.invalid";

/**
 * Renders a PDF to one tall PNG with Mozilla's PDF.js inside Chromium, so a printed report can be looked at as an
 * image without a system PDF tool. Everything is served from memory through request interception: nothing is fetched.
 */
export async function renderPdfToPng(page: Page, pdf: Buffer, path: string): Promise<number> {
  const library = readFileSync(require.resolve("pdfjs-dist/build/pdf.min.mjs"));
  const worker = readFileSync(require.resolve("pdfjs-dist/build/pdf.worker.min.mjs"));
  const html = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#888">
<script type="module">
  import * as pdfjs from "${ORIGIN}/pdf.mjs";
  pdfjs.GlobalWorkerOptions.workerSrc = "${ORIGIN}/pdf.worker.mjs";
  const doc = await pdfjs.getDocument("${ORIGIN}/report.pdf").promise;
  for (let number = 1; number <= doc.numPages; number++) {
    const pdfPage = await doc.getPage(number);
    const viewport = pdfPage.getViewport({ scale: 1.5 });
    const canvas = document.createElement("canvas");
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    canvas.style.cssText = "display:block;margin:8px auto;background:#fff";
    document.body.append(canvas);
    await pdfPage.render({ canvas, viewport }).promise;
  }
  document.title = "rendered " + doc.numPages;
</script>`;
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith("/pdf.mjs")) return route.fulfill({ body: library, contentType: "text/javascript" });
    if (url.endsWith("/pdf.worker.mjs")) return route.fulfill({ body: worker, contentType: "text/javascript" });
    if (url.endsWith("/report.pdf")) return route.fulfill({ body: pdf, contentType: "application/pdf" });
    return route.fulfill({ body: html, contentType: "text/html" });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => document.title.startsWith("rendered "), undefined, { timeout: 30_000 });
  const pages = Number((await page.title()).replace("rendered ", ""));
  await page.screenshot({ path, fullPage: true });
  return pages;
}
