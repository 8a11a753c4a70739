import { test as base, expect } from "@playwright/test";

/** Points every test at the server that global setup started, and fails a test on any page error or dialog. */
export const test = base.extend({
  baseURL: async ({}, provide) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set; global setup did not run");
    await provide(url);
  },
  page: async ({ page }, provide) => {
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("dialog", (dialog) => {
      problems.push(`unexpected dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await provide(page);
    expect(problems).toEqual([]);
  },
});

export { expect };
