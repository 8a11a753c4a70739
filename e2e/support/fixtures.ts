import { test as base, expect } from "@playwright/test";

/** Points every test at the server that global setup started, and fails a test on any page error, dialog or CSP violation. */
export const test = base.extend({
  baseURL: async ({}, provide) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set; global setup did not run");
    await provide(url);
  },
  page: async ({ page }, provide) => {
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    // Chromium reports every Content-Security-Policy violation on the console: a blocked script or style is a bug.
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) problems.push(`CSP violation: ${message.text()}`);
    });
    page.on("dialog", (dialog) => {
      problems.push(`unexpected dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await provide(page);
    expect(problems).toEqual([]);
  },
});

export { expect };
