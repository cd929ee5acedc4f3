/**
 * The job page and the notifications bell against the real backend, in two browser contexts at once.
 *
 * A job is set up over HTTP (customer1 posts a request, provider1 bids, customer1 accepts); then, in the browser,
 * the customer pays through the offline gateway, both sides chat (each message appears live on the other side,
 * once), the provider starts and delivers (the customer's timeline follows live), the customer confirms and
 * reviews, and the provider's bell count rises live with each of the customer's steps.
 *
 * Selectors (reusable by the cross-area test; helpers in ./support.ts):
 * - job page: `[data-testid="job-page"]` with `data-status` (PENDING_PAYMENT, ACCEPTED, STARTED, DELIVERED,
 *   COMPLETED, CANCELLED, DISPUTED, REFUNDED) and `data-live="true"` once `jobUpdates` delivers; one `<h1>` (the
 *   request title); status tag `[data-testid="job-status"]`.
 * - timeline: `[data-testid="timeline-step"]` items with `data-status` and `data-state` (done | current | upcoming).
 * - actions (only those the viewer may use now), each a button then a confirmation:
 *   customer: "Pay now" → "Confirm payment of $X" (offline gateway); "Confirm completion" → "Yes, the work is done";
 *   "Open a dispute" → textbox "Reason" → "Submit dispute"; "Cancel job" → "Yes, cancel the job".
 *   provider: "Start job" → "Yes, start the job"; "Mark as delivered" → "Yes, mark as delivered"; "Cancel job".
 *   review (both, after completion): `[data-testid="review-form"]`, radios "1 star" … "5 stars",
 *   textbox "Comment (optional)", button "Submit review".
 * - chat: `[data-testid="job-chat"]`, log `role="log"` named "Chat", items `[data-testid="chat-message"]` (`data-mine`),
 *   textbox "Message" (Enter sends), button "Send", "Load earlier messages".
 * - bell: button `[data-testid="notification-bell"]` named "Notifications, N unread" with `data-unread` and
 *   `data-ready="true"` after its first load; panel `[data-testid="notification-panel"]` (region "Notifications")
 *   with "Mark all read", items `[data-testid="notification-item"]`, link "See all notifications".
 * - page /app/notifications: `[data-testid="notifications-page"]`, h1 "Notifications".
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DESKTOP, PHONE, SCREENSHOTS, launchBrowser, openPage, screenshot, type TrackedPage } from "./browser";
import {
  apiLogin,
  baseUrl,
  bellCount,
  createJobThroughApi,
  expectNoHorizontalOverflow,
  gql,
  jobUrl,
  markAllNotificationsReadThroughApi,
  openJob,
  sendMessageThroughApi,
  signIn,
  waitForBellCount,
  waitForJobStatus,
} from "./support";

let browser: Browser;
let customerToken: string;
let providerToken: string;

beforeAll(async () => {
  browser = await launchBrowser();
  customerToken = await apiLogin("customer1@serveflow.local");
  providerToken = await apiLogin("provider1@serveflow.local");
});

afterAll(async () => {
  await browser?.close();
});

const chatLog = (page: Page) => page.getByTestId("job-chat").getByRole("log");

/** Waits for a message to be shown exactly once in the page's chat. */
async function expectMessageOnce(page: Page, text: string) {
  const message = chatLog(page).getByTestId("chat-message").filter({ hasText: text });
  await message.first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300); // a duplicate (mutation + subscription) would arrive within this time
  await expect.poll(() => message.count()).toBe(1);
}

async function stepState(page: Page, status: string) {
  return page.locator(`[data-testid="timeline-step"][data-status="${status}"]`).getAttribute("data-state");
}

describe("job page", () => {
  it("takes a job from payment to review with both sides live", async () => {
    const job = await createJobThroughApi({ customerToken, providerToken });
    await markAllNotificationsReadThroughApi(providerToken);
    const timing: Record<string, number> = {};

    const customer: TrackedPage = await openPage(browser, DESKTOP);
    const provider: TrackedPage = await openPage(browser, DESKTOP);
    await signIn(customer.page, "customer1@serveflow.local");
    await signIn(provider.page, "provider1@serveflow.local");
    await openJob(customer.page, job.jobId);
    await openJob(provider.page, job.jobId);
    const c = customer.page;
    const p = provider.page;

    // Both see the job awaiting payment; only the customer may pay.
    await expect.poll(() => c.getByRole("heading", { level: 1 }).textContent()).toBe(job.title);
    await expect.poll(() => c.getByRole("heading", { level: 1 }).count()).toBe(1);
    await expect.poll(() => stepState(c, "PENDING_PAYMENT")).toBe("current");
    await expect.poll(() => stepState(c, "ACCEPTED")).toBe("upcoming");
    await expect.poll(() => p.getByRole("button", { name: "Pay now" }).count()).toBe(0);
    const providerBell = await bellCount(p);
    expect(providerBell).toBe(0);

    // The customer pays through the offline gateway's confirmation step.
    await c.getByTestId("offline-gateway").waitFor();
    await c.getByRole("button", { name: "Pay now" }).click();
    const confirmPay = c.getByRole("button", { name: /^Confirm payment of / });
    await expect.poll(() => confirmPay.textContent()).toMatch(/Confirm payment of .*120\.50/); // no tax in the demo terms
    const paidAt = Date.now();
    await confirmPay.click();
    await waitForJobStatus(c, "ACCEPTED");
    await waitForJobStatus(p, "ACCEPTED"); // live on the provider's side, no reload
    timing.paymentToProviderPageMs = Date.now() - paidAt;
    await waitForBellCount(p, providerBell + 1); // "Payment held" reached the provider's bell live
    await expect.poll(() => p.getByTestId("notification-bell").getAttribute("aria-label")).toBe(`Notifications, ${providerBell + 1} unread`);
    await expect.poll(() => p.getByTestId("notification-announcement").textContent()).toContain("New notification: Payment held");

    // Chat: each message appears live in the other context, once.
    await c.getByLabel("Message").fill("Hello! Could you come at 9?");
    const sentAt = Date.now();
    await c.getByLabel("Message").press("Enter");
    await chatLog(p).getByTestId("chat-message").filter({ hasText: "Hello! Could you come at 9?" }).waitFor();
    timing.messageToOtherSideMs = Date.now() - sentAt;
    await expectMessageOnce(c, "Hello! Could you come at 9?");
    await expectMessageOnce(p, "Hello! Could you come at 9?");
    await expect.poll(() => chatLog(c).getByTestId("chat-message").last().getAttribute("data-mine")).toBe("true");
    await p.getByLabel("Message").fill("Yes, 9 works. See you then.");
    await p.getByRole("button", { name: "Send" }).click();
    await expectMessageOnce(p, "Yes, 9 works. See you then.");
    await expectMessageOnce(c, "Yes, 9 works. See you then.");
    await expect.poll(() => c.getByLabel("Message").inputValue()).toBe("");

    // The provider starts and delivers; the customer's timeline follows live.
    const customerBell = await bellCount(c);
    await p.getByRole("button", { name: "Start job" }).click();
    const startedAt = Date.now();
    await p.getByRole("button", { name: "Yes, start the job" }).click();
    await waitForJobStatus(c, "STARTED");
    timing.startToCustomerTimelineMs = Date.now() - startedAt;
    await expect.poll(() => stepState(c, "STARTED")).toBe("current");
    await expect.poll(() => stepState(c, "ACCEPTED")).toBe("done");
    await waitForBellCount(c, customerBell + 1);

    await p.getByRole("button", { name: "Mark as delivered" }).click();
    await p.getByRole("button", { name: "Yes, mark as delivered" }).click();
    await waitForJobStatus(c, "DELIVERED");
    await expect.poll(() => stepState(c, "DELIVERED")).toBe("current");
    await c.getByTestId("auto-release").waitFor();
    await expect.poll(() => c.locator('[data-testid="timeline-step"][data-status="STARTED"]').textContent()).toContain("by the provider");
    await screenshot(c, "job-desktop");

    // The customer confirms; the provider's page and bell follow live.
    await c.getByRole("button", { name: "Confirm completion" }).click();
    await c.getByRole("button", { name: "Yes, the work is done" }).click();
    await waitForJobStatus(c, "COMPLETED");
    await waitForJobStatus(p, "COMPLETED");
    await expect.poll(() => stepState(c, "COMPLETED")).toBe("done");
    await waitForBellCount(p, providerBell + 2);

    // The customer reviews the provider (keyboard-reachable radios drawn as stars); the form goes once sent.
    const review = c.getByTestId("review-form");
    await review.getByRole("radio", { name: "5 stars" }).check();
    await review.getByLabel("Comment (optional)").fill("Quick, tidy and friendly.");
    const reviewedAt = Date.now();
    await review.getByRole("button", { name: "Submit review" }).click();
    await c.getByTestId("job-reviews").getByText("Quick, tidy and friendly.").waitFor();
    await expect.poll(() => c.getByTestId("review-form").count()).toBe(0);
    await waitForBellCount(p, providerBell + 3);
    timing.reviewToProviderBellMs = Date.now() - reviewedAt;
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, "job-live-timing.json"), JSON.stringify(timing, null, 2));
    console.log(`job page live updates (loopback, one uvicorn): ${JSON.stringify(timing)}`);

    // The provider's bell: the panel lists the review, "Mark all read" clears the count.
    await p.getByTestId("notification-bell").click();
    const panel = p.getByRole("region", { name: "Notifications" });
    await panel.getByTestId("notification-item").filter({ hasText: "New 5-star review" }).first().waitFor();
    await screenshot(p, "notifications-panel-desktop");
    await panel.getByRole("button", { name: "Mark all read" }).click();
    await waitForBellCount(p, 0);
    await expect.poll(() => p.getByTestId("notification-bell").getAttribute("aria-label")).toBe("Notifications, 0 unread");
    await p.keyboard.press("Escape");
    await expect.poll(() => panel.isHidden()).toBe(true);
    await p.getByTestId("notification-bell").click();
    await panel.getByRole("link", { name: "See all notifications" }).click();
    await p.waitForURL(`${baseUrl()}/app/notifications`);
    await p.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    await p.getByTestId("notifications-page").getByTestId("notification-item").filter({ hasText: "New 5-star review" }).filter({ hasText: "Quick, tidy and friendly." }).waitFor();
    await p.setViewportSize(PHONE);
    await p.getByTestId("notification-bell").click();
    await panel.waitFor();
    await expectNoHorizontalOverflow(p);
    await screenshot(p, "notifications-panel-phone");

    // The same job on a phone: everything fits the width.
    await c.setViewportSize(PHONE);
    await c.reload();
    await c.locator('[data-testid="job-page"][data-live="true"]').waitFor();
    await expectNoHorizontalOverflow(c);
    await screenshot(c, "job-phone");

    expect(customer.consoleErrors).toEqual([]);
    expect(provider.consoleErrors).toEqual([]);
    await customer.context.close();
    await provider.context.close();
  });

  it("lets the customer dispute work in progress, with the API's errors next to the reason, and shows admins the dispute", async () => {
    const job = await createJobThroughApi({ customerToken, providerToken, title: `Paint the hallway ${Date.now()}`, categorySlug: "plumbing" });
    await gql(`mutation ($jobId: ID!) { createJobPayment(jobId: $jobId) { errors { message } } }`, { jobId: job.jobId }, customerToken);
    await gql(`mutation ($jobId: ID!) { startJob(jobId: $jobId) { errors { message } } }`, { jobId: job.jobId }, providerToken);

    const customer = await openPage(browser, PHONE);
    const c = customer.page;
    await signIn(c, "customer1@serveflow.local");
    await openJob(c, job.jobId);
    await expect.poll(() => c.getByRole("button", { name: "Confirm completion" }).count()).toBe(0); // not delivered yet
    await c.getByRole("button", { name: "Open a dispute" }).click();
    const reason = c.getByLabel("Reason");
    await expect.poll(() => reason.evaluate((element) => element === document.activeElement)).toBe(true);
    await reason.fill("Bad");
    await c.getByRole("button", { name: "Submit dispute" }).click();
    const error = c.locator('[data-field-error="reason"]');
    await error.waitFor();
    await expect.poll(() => error.textContent()).toBe("Describe the problem (at least 10 characters).");
    await expect.poll(() => reason.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => c.getByTestId("job-page").getAttribute("data-status")).toBe("STARTED");
    await reason.fill("The painter left after one coat and does not answer.");
    await c.getByRole("button", { name: "Submit dispute" }).click();
    await waitForJobStatus(c, "DISPUTED");
    await expect.poll(() => stepState(c, "DISPUTED")).toBe("current");
    await c.getByTestId("job-dispute").getByText("The painter left after one coat and does not answer.", { exact: true }).waitFor();
    await expect.poll(() => c.getByTestId("job-actions").count()).toBe(0);
    await expectNoHorizontalOverflow(c);
    expect(customer.consoleErrors).toEqual([]);
    await customer.context.close();

    const admin = await openPage(browser, DESKTOP);
    await signIn(admin.page, "admin@serveflow.local");
    await openJob(admin.page, job.jobId);
    const resolve = admin.page.getByTestId("admin-note").getByRole("link", { name: "Resolve this dispute" });
    await expect.poll(() => resolve.getAttribute("href")).toBe(`/app/admin/jobs/${encodeURIComponent(job.jobId)}`);
    await admin.page.getByTestId("job-dispute").getByText("The painter left after one coat and does not answer.", { exact: true }).waitFor();
    await screenshot(admin.page, "job-admin-dispute-desktop");
    expect(admin.consoleErrors).toEqual([]);
    await admin.context.close();
  });

  it("lets the provider cancel an unpaid job; the chat becomes read-only and a wrong address finds nothing", async () => {
    const job = await createJobThroughApi({ customerToken, providerToken, title: `Unblock the drain ${Date.now()}` });
    const provider = await openPage(browser, DESKTOP);
    const p = provider.page;
    await signIn(p, "provider1@serveflow.local");
    await openJob(p, job.jobId);
    await expect.poll(() => p.getByRole("button", { name: "Start job" }).count()).toBe(0); // not paid yet
    await p.getByRole("button", { name: "Cancel job" }).click();
    await p.getByLabel("Reason (optional)").fill("Fully booked this week.");
    await p.getByRole("button", { name: "Not now" }).click();
    await expect.poll(() => p.getByTestId("job-page").getAttribute("data-status")).toBe("PENDING_PAYMENT");
    await p.getByRole("button", { name: "Cancel job" }).click();
    await p.getByRole("button", { name: "Yes, cancel the job" }).click();
    await waitForJobStatus(p, "CANCELLED");
    await p.getByText("Reason: Fully booked this week.").waitFor();
    await p.getByText("This job was cancelled; its chat is read-only.").waitFor();
    await expect.poll(() => p.getByLabel("Message").count()).toBe(0);

    await p.goto(`${baseUrl()}/app/jobs/not-a-job-id`);
    await p.getByRole("heading", { level: 1, name: "Job not found" }).waitFor();
    expect(provider.consoleErrors).toEqual([]);
    await provider.context.close();
  });

  it("shows admins the job read-only with the whole chat, paged, and hides it from other customers", async () => {
    const job = await createJobThroughApi({ customerToken, providerToken, title: `Replace the geyser valve ${Date.now()}` });
    for (let n = 1; n <= 35; n++) await sendMessageThroughApi(n % 2 ? customerToken : providerToken, job.jobId, `Message number ${n}`);

    const admin = await openPage(browser, DESKTOP);
    await signIn(admin.page, "admin@serveflow.local");
    await openJob(admin.page, job.jobId);
    const a = admin.page;
    await a.getByTestId("admin-note").getByRole("link", { name: "Manage jobs, disputes and refunds" }).waitFor();
    await expect.poll(() => a.getByTestId("job-actions").count()).toBe(0);
    await expect.poll(() => a.getByLabel("Message").count()).toBe(0);

    const messages = chatLog(a).getByTestId("chat-message");
    await messages.filter({ hasText: "Message number 35" }).waitFor();
    await expect.poll(() => messages.count()).toBe(30);
    await expect.poll(() => messages.first().textContent()).toContain("Message number 6");
    await a.getByRole("button", { name: "Load earlier messages" }).click();
    await expect.poll(() => messages.count(), { timeout: 15_000 }).toBe(35);
    await expect.poll(() => a.getByRole("button", { name: "Load earlier messages" }).count()).toBe(0);
    const texts = await messages.locator(".chat-body").allTextContents();
    expect(texts).toEqual(Array.from({ length: 35 }, (_, i) => `Message number ${i + 1}`));

    // A message written now reaches the admin's open page live.
    await sendMessageThroughApi(providerToken, job.jobId, "Parts ordered.");
    await expectMessageOnce(a, "Parts ordered.");
    expect(admin.consoleErrors).toEqual([]);
    await admin.context.close();

    const other = await openPage(browser, PHONE);
    await signIn(other.page, "customer2@serveflow.local");
    await other.page.goto(jobUrl(job.jobId));
    await other.page.getByRole("heading", { level: 1, name: "Job not found" }).waitFor();
    await expectNoHorizontalOverflow(other.page);
    expect(other.consoleErrors).toEqual([]);
    await other.context.close();
  });
});
