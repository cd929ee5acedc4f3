/**
 * The whole product in three browser contexts against the real backend, nothing set up behind the UI's back:
 * a customer registers, has the AI pre-fill a request from a photo and posts it; provider1 (demo, approved
 * plumber) sees it arrive live in the feed and bids; the bid appears live on the customer's page; the customer
 * accepts and pays (offline gateway); both chat, each message appearing live on the other side; the provider starts
 * and delivers, the customer's timeline following live; the customer confirms and reviews; the admin's revenue
 * report shows the payment and the commission it earned.
 *
 * "Live" is checked strictly: each page sets a flag on `window` once, and the flag must still be there at the end,
 * so no step passed by reloading the page.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DESKTOP, PHONE, launchBrowser, openPage, screenshot, type TrackedPage } from "./browser";
import { apiLogin, baseUrl, expectNoHorizontalOverflow, gql, photoPng, signIn, waitForJobStatus } from "./support";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
}

async function expectSameDocument(page: Page) {
  await expect.poll(() => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
}

async function waitUntilLive(page: Page) {
  await page.locator('.connection[data-state="live"]').waitFor({ timeout: 15_000 });
  // The screen sent its subscription as it rendered; give the server a moment to join the channel-layer group.
  await page.waitForTimeout(500);
}

interface Totals {
  gross: number;
  commission: number;
}

async function revenueTotals(page: Page): Promise<Totals> {
  const amount = async (id: string) => Number(await page.locator(`[data-testid="${id}"]`).getAttribute("data-amount"));
  await page.locator('[data-testid="total-gross"]').waitFor();
  return { gross: await amount("total-gross"), commission: await amount("total-commission") };
}

describe("the whole marketplace", () => {
  it("takes a photo to a reviewed job across customer, provider and admin, live at every step", async () => {
    const contexts: TrackedPage[] = [];
    const customer = await openPage(browser);
    const provider = await openPage(browser);
    const admin = await openPage(browser, PHONE);
    contexts.push(customer, provider, admin);
    const c = customer.page;
    const p = provider.page;
    const a = admin.page;
    const { site } = await gql<{ site: { commissionRateBps: number; taxRateBps: number } }>("{ site { commissionRateBps taxRateBps } }");

    // The admin's revenue report before (phone width: the admin screens work there too).
    await signIn(a, "admin@serveflow.local");
    await a.goto(`${baseUrl()}/app/admin/revenue`);
    await a.getByRole("heading", { level: 1 }).waitFor();
    const before = await revenueTotals(a);

    // 1. A new customer registers and signs in.
    const email = `flow-${Date.now()}@example.com`;
    const password = "a-long-flow-passphrase";
    await c.goto(`${baseUrl()}/register`);
    await c.getByLabel("Request services").check();
    await c.getByLabel("First name").fill("Zara");
    await c.getByLabel("Last name").fill("Ahmed");
    await c.getByLabel("Email").fill(email);
    await c.getByLabel("Password").fill(password);
    await c.getByRole("button", { name: "Create account" }).click();
    await c.waitForURL(/\/login\?registered=1/);
    await c.getByLabel("Password").fill(password);
    await c.getByRole("button", { name: "Sign in" }).click();
    await c.waitForURL(`${baseUrl()}/app/customer`);

    // 2. The provider watches the live feed.
    await signIn(p, "provider1@serveflow.local");
    await p.goto(`${baseUrl()}/app/provider/feed`);
    await p.locator('[data-testid="feed-list"], [data-testid="feed-empty"]').first().waitFor();
    await waitUntilLive(p);
    await markDocument(p);

    // 3. Photo → AI pre-fill (the local fallback here: no Gemini key), edited, posted.
    await c.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New request" }).click();
    await c.getByLabel("City").fill("Lahore");
    await c.getByLabel("Photo").setInputFiles({ name: "leak.png", mimeType: "image/png", buffer: photoPng() });
    await c.getByLabel("Note (optional)").fill("The pipe under the bathroom basin is leaking.");
    await c.getByRole("button", { name: "Fill in from photo" }).click();
    await c.locator('[data-testid="ai-prefill"]').waitFor();
    await expect.poll(() => c.getByLabel("Category").inputValue()).toBe("plumbing");
    await expect.poll(() => c.getByLabel("Title").inputValue()).not.toBe("");
    const title = `Basin pipe leaking ${Date.now() % 100000}`;
    await c.getByLabel("Title").fill(title);
    await c.getByRole("button", { name: "Post request" }).click();
    await c.waitForURL(/\/app\/customer\/requests\/(?!new)[^/]+$/);
    await c.getByRole("heading", { level: 1, name: title }).waitFor();
    await waitUntilLive(c);
    await markDocument(c);

    // 4. It appears in the provider's feed without a reload; the provider bids from there.
    const item = p.locator('[data-testid="feed-item"]').filter({ hasText: title });
    await item.waitFor({ timeout: 15_000 });
    expect(Number(await item.getAttribute("data-match-score"))).toBeGreaterThan(0);
    await item.getByRole("button", { name: "Place bid" }).click();
    await item.getByLabel("Amount (USD)").fill("95.00");
    await item.getByLabel("Estimated hours").fill("2");
    await item.getByLabel("Message to the customer").fill("I can fix it this afternoon.");
    await item.getByRole("button", { name: "Submit bid" }).click();
    await item.locator('[data-testid="own-bid"]').filter({ hasText: "$95.00" }).waitFor();

    // 5. The bid appears on the customer's page live; the customer accepts it.
    const bid = c.locator('article[data-testid="bid"]').filter({ hasText: "Bilal Plumber" });
    await bid.waitFor({ timeout: 15_000 });
    await expect.poll(() => bid.textContent()).toContain("$95.00");
    await expectSameDocument(c);
    await c.getByRole("button", { name: "Accept bid from Bilal Plumber" }).click();
    await c.getByRole("button", { name: "Confirm and accept" }).click();
    await c.waitForURL(/\/app\/jobs\/[^/]+$/);
    const jobPath = new URL(c.url()).pathname;
    await c.locator('[data-testid="job-page"][data-live="true"]').waitFor({ timeout: 15_000 });

    // 6. Pay (offline gateway: a confirmation step instead of a card form).
    const tax = Math.floor((9500 * site.taxRateBps + 5000) / 10000);
    await c.getByRole("button", { name: "Pay now" }).click();
    await c.getByRole("button", { name: /^Confirm payment of / }).click();
    await waitForJobStatus(c, "ACCEPTED");

    // 7. The provider opens the job from Missions; both chat, each message live on the other side.
    await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Missions" }).click();
    await p.locator(`[data-testid="mission"]`).filter({ hasText: title }).getByRole("link", { name: "Open job" }).click();
    await p.waitForURL(`${baseUrl()}${jobPath}`);
    await p.locator('[data-testid="job-page"][data-live="true"]').waitFor({ timeout: 15_000 });
    await markDocument(p);
    await waitUntilLive(p);
    const say = async (from: Page, to: Page, text: string) => {
      await from.getByRole("textbox", { name: "Message" }).fill(text);
      await from.getByRole("button", { name: "Send" }).click();
      await to.getByRole("log", { name: "Chat" }).getByText(text).waitFor({ timeout: 15_000 });
    };
    await say(c, p, "Hi! The basin is in the upstairs bathroom.");
    await say(p, c, "Thanks, I'll be there at 3 pm.");

    // 8. Start and deliver; the customer's timeline follows live.
    await p.getByRole("button", { name: "Start job" }).click();
    await p.getByRole("button", { name: "Yes, start the job" }).click();
    await waitForJobStatus(c, "STARTED");
    await p.getByRole("button", { name: "Mark as delivered" }).click();
    await p.getByRole("button", { name: "Yes, mark as delivered" }).click();
    await waitForJobStatus(c, "DELIVERED");
    await expect.poll(() => c.locator('[data-testid="timeline-step"][data-status="DELIVERED"]').getAttribute("data-state")).not.toBe("upcoming");

    // 9. The customer confirms and reviews; the provider's page shows it completed, live.
    await c.getByRole("button", { name: "Confirm completion" }).click();
    await c.getByRole("button", { name: "Yes, the work is done" }).click();
    await waitForJobStatus(c, "COMPLETED");
    await waitForJobStatus(p, "COMPLETED");
    const review = c.locator('[data-testid="review-form"]');
    await review.getByLabel("5 stars").check();
    await review.getByLabel("Comment (optional)").fill("Fixed in half an hour. Great work.");
    await review.getByRole("button", { name: "Submit review" }).click();
    await c.getByText("Fixed in half an hour. Great work.").first().waitFor();
    await expectSameDocument(c);
    await expectSameDocument(p);
    await screenshot(c, "flow-job-completed-desktop");

    // 10. The admin's revenue report changed by exactly this job: 95.00 (+ tax) in, the commission earned.
    await a.reload();
    const after = await revenueTotals(a);
    const commission = Math.floor((9500 * site.commissionRateBps + 5000) / 10000);
    expect(after.gross - before.gross).toBe(9500 + tax);
    expect(after.commission - before.commission).toBe(commission);
    await expectNoHorizontalOverflow(a);
    await screenshot(a, "flow-admin-revenue-phone");

    // The API agrees with what the screens showed.
    const token = await apiLogin(email, password);
    const { customerDashboard } = await gql<{ customerDashboard: { completedRequests: number; spent: { amount: number } } }>(
      "{ customerDashboard { completedRequests spent { amount } } }",
      {},
      token,
    );
    expect(customerDashboard).toEqual({ completedRequests: 1, spent: { amount: 9500 + tax } });

    await c.setViewportSize(DESKTOP);
    for (const { consoleErrors } of contexts) expect(consoleErrors).toEqual([]);
    for (const { context } of contexts) await context.close();
  });
});
