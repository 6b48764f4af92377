import { type BrowserContext, test as base, expect } from "@playwright/test";

/**
 * Every e2e test runs under the studio's real CSP and fails when the browser reports a violation:
 * Chromium logs each one to the console, and an init script turns the DOM's
 * securitypolicyviolation events into console errors too, so none goes unseen.
 */
export const test = base.extend<{ cspGuard: undefined }>({
  cspGuard: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const watch = async (watched: BrowserContext) => {
        await watched.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (event) => {
            console.error(
              `Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`,
            );
          });
        });
        watched.on("console", (message) => {
          if (/content.security.policy/i.test(message.text())) violations.push(message.text());
        });
      };
      await watch(context);
      // Tests that open a second browser (an outsider, a reviewer) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const created = await newContext(options);
        await watch(created);
        return created;
      };
      try {
        await use(undefined);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "CSP violations reported in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
