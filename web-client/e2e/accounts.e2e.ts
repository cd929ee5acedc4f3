/**
 * The account screens against the real backend in Chromium: register → sign in → the shell shows the user,
 * the live indicator goes live over the websocket, a reload restores the session, sign-out forgets and revokes
 * the token, and a wrong password is shown next to the password input.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { DESKTOP, PHONE, SCREENSHOTS, launchBrowser, openPage, screenshot } from "./browser";
import { DEMO_PASSWORD, expectNoHorizontalOverflow, submitLogin } from "./support";

const base = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function apiMe(token: string): Promise<unknown> {
  const response = await fetch(`${base}/graphql/`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "{ me { email } }" }),
  });
  return (await response.json()).data?.me ?? null;
}

describe("web client", () => {
  it("serves the landing page fast from the API's origin", async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    const response = await page.goto(`${base}/`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Home services");
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      const bytes = performance.getEntriesByType("resource").reduce((sum, r) => sum + (r as PerformanceResourceTiming).transferSize, nav.transferSize);
      return { domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd), loadMs: Math.round(nav.loadEventEnd), firstContentfulPaintMs: Math.round(paint?.startTime ?? -1), transferredBytes: bytes };
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, "landing-timing.json"), JSON.stringify(timing, null, 2));
    console.log(`landing page (cold, loopback): ${JSON.stringify(timing)}`);
    expect(timing.loadMs).toBeLessThan(3000);

    const asset = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => r.name).find((n) => n.includes("/assets/")));
    const assetResponse = await fetch(asset!, { headers: { "Accept-Encoding": "gzip" } });
    expect(assetResponse.headers.get("cache-control")).toContain("immutable");
    expect(assetResponse.headers.get("content-encoding")).toBe("gzip");

    // The landing page's screenshots are taken in public.e2e.ts, once its CMS images have loaded.
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("registers a customer, signs in, shows the user, goes live, survives a reload and signs out", async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    const email = `e2e-${Date.now()}@example.com`;
    const password = "a-long-e2e-passphrase";

    await page.goto(`${base}/register`);
    await page.getByLabel("Request services").check();
    await page.getByLabel("First name").fill("Ana");
    await page.getByLabel("Last name").fill("Lopez");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await screenshot(page, "register-desktop");
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page);
    await screenshot(page, "register-phone");
    await page.setViewportSize(DESKTOP);
    await page.getByRole("button", { name: "Create account" }).click();

    await page.waitForURL(/\/login\?registered=1/);
    await expect.poll(() => page.getByLabel("Email").inputValue()).toBe(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();

    await page.waitForURL(`${base}/app/customer`);
    await expect.poll(() => page.getByTestId("user-name").textContent()).toBe("Ana Lopez");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My requests" }).waitFor();

    // The heartbeat subscription's first tick arrives over the authenticated websocket.
    await page.locator('.connection[data-state="live"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator(".connection").textContent()).toContain("Live");
    const token = await page.evaluate(() => sessionStorage.getItem("serveflow.token"));
    expect(token).toMatch(/^sf_/);
    await expect.poll(() => apiMe(token!)).toEqual({ email });
    await screenshot(page, "new-customer-desktop");
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page);
    await screenshot(page, "new-customer-phone");
    await page.setViewportSize(DESKTOP);

    // A reload restores the session from the stored token (checked with `me`) and reconnects.
    await page.reload();
    await expect.poll(() => page.getByTestId("user-name").textContent()).toBe("Ana Lopez");
    await page.locator('.connection[data-state="live"]').waitFor({ timeout: 15_000 });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${base}/login`);
    await page.getByRole("status").filter({ hasText: "You have signed out." }).waitFor();
    await expect.poll(() => page.evaluate(() => [sessionStorage.getItem("serveflow.token"), localStorage.getItem("serveflow.token")])).toEqual([null, null]);
    await expect.poll(() => apiMe(token!)).toBeNull(); // revoked server-side, not only forgotten
    await page.goto(`${base}/app/customer`);
    await page.waitForURL(/\/login\?next=/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("shows a wrong password next to the password input", async () => {
    const { page, context, consoleErrors } = await openPage(browser, PHONE);
    await submitLogin(page, "customer1@serveflow.local", "not-the-password");
    const error = page.locator('[data-field-error="password"]');
    await error.waitFor();
    await expect.poll(() => error.textContent()).toBe("The email or password is incorrect.");
    const input = page.getByLabel("Password");
    await expect.poll(() => input.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => input.getAttribute("aria-describedby")).toBe(await error.getAttribute("id"));
    expect(page.url()).toBe(`${base}/login`);
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem("serveflow.token"))).toBeNull();
    await screenshot(page, "login-error-phone");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("signs in with the keyboard alone", async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await page.goto(`${base}/login`);
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute("name"));
    for (let presses = 0; presses < 10 && (await focusedName()) !== "email"; presses++) await page.keyboard.press("Tab");
    await expect.poll(() => focusedName()).toBe("email");
    await page.keyboard.type("customer1@serveflow.local");
    await page.keyboard.press("Tab");
    await expect.poll(() => focusedName()).toBe("password");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${base}/app/customer`);
    await page.keyboard.press("Tab"); // the first stop in the shell skips to the content
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("drops a token the API no longer accepts and asks to sign in again", async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${base}/`);
    await page.evaluate(() => sessionStorage.setItem("serveflow.token", "sf_revoked-or-expired"));
    await page.goto(`${base}/app`);
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem("serveflow.token"))).toBeNull();
    await context.close();
  });

  it("gives each role its own navigation and dashboard", async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await submitLogin(page, "provider1@serveflow.local", DEMO_PASSWORD);
    await page.waitForURL(`${base}/app/provider`);
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Open requests" }).waitFor();
    await page.getByText("Trust rating").waitFor();
    await page.goto(`${base}/app/admin`); // another role's screen sends the provider home
    await page.waitForURL(`${base}/app/provider`);
    await screenshot(page, "provider-dashboard-desktop");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${base}/login`);

    await submitLogin(page, "admin@serveflow.local", DEMO_PASSWORD);
    await page.waitForURL(`${base}/app/admin`);
    await nav.getByRole("link", { name: "Verification queue" }).waitFor();
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page);
    await screenshot(page, "admin-dashboard-phone");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
