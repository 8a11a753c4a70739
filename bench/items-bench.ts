import { chromium } from "@playwright/test";
import type { ItemsPage } from "../lib/items/items-api";
import type { RunningMeteringProxy } from "../local/metering/metering-proxy";
import { measureLatency, percentile } from "./stats";

const LARGEST_PK = "CUSTOMER#C00000";

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The partition browser's figures: first page of the largest partition, a 1,000-item page, DynamoDB requests per page. */
export async function benchItems(baseUrl: string, proxy: RunningMeteringProxy) {
  const pk = encodeURIComponent(LARGEST_PK);
  const firstPage = await measureLatency(`${baseUrl}/api/tables/Shop/items?pk=${pk}&limit=100`, 50);
  const thousand = await measureLatency(`${baseUrl}/api/tables/Shop/items?pk=${pk}&limit=1000`, 30);

  // Requests behind one page of 100, counted twice: by the API's own report and by the metering proxy in front of DynamoDB.
  const before = proxy.requestCounts().Query ?? 0;
  const page = await getJson<ItemsPage>(`${baseUrl}/api/tables/Shop/items?pk=${pk}&limit=100`);
  const seenByProxy = (proxy.requestCounts().Query ?? 0) - before;

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const renderMs: number[] = [];
  try {
    const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      await tab.goto(`${baseUrl}/tables/Shop/items?pk=${pk}&limit=1000`);
      await tab.getByText("1,000 items loaded").waitFor();
      await tab.getByRole("listbox").getByRole("option").first().waitFor();
      renderMs.push(performance.now() - started);
    }
  } finally {
    await browser.close();
  }
  const round = (value: number) => Math.round(value);
  return {
    largestPartitionFirstPage: firstPage,
    thousandItemPageApi: thousand,
    thousandItemPageRendered: { runs: renderMs.length, p50Ms: round(percentile(renderMs, 50)), maxMs: round(Math.max(...renderMs)) },
    requestsPerPageOf100: { reportedByApi: page.requests, seenByProxy, items: page.count },
  };
}
