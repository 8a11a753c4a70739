import type { Page } from "@playwright/test";

/**
 * What pushes the page sideways: the page's overflow in pixels, and the innermost elements whose right edge passes
 * the viewport (tag, test id and the start of their text), so a failure names the culprit instead of a number.
 */
export async function sidewaysOverflow(page: Page): Promise<{ pixels: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const pixels = document.documentElement.scrollWidth - width;
    if (pixels <= 0) return { pixels: 0, culprits: [] };
    const wide = [...document.body.querySelectorAll<HTMLElement>("*")].filter((element) => element.getBoundingClientRect().right > width + 1);
    // The innermost ones: an overflowing child makes every ancestor look wide too.
    const innermost = wide.filter((element) => !wide.some((other) => other !== element && element.contains(other)));
    const culprits = innermost.slice(0, 5).map((element) => {
      const id = element.closest("[data-testid]")?.getAttribute("data-testid") ?? "";
      return `${element.tagName.toLowerCase()} in [${id}] right=${Math.round(element.getBoundingClientRect().right)}: ${(element.textContent ?? "").trim().slice(0, 60)}`;
    });
    return { pixels, culprits };
  });
}
