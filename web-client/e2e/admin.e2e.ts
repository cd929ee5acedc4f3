/**
 * The platform admin's screens against the real backend in Chromium. Jobs, payments and disputes are created
 * through the public API over HTTP (customer1 requests → provider1 bids → accept → offline payment → start →
 * deliver → dispute), then the admin acts in the UI.
 *
 * Selectors (stable for the cross-area e2e):
 * - /app/admin: `dl[data-testid="admin-stats"]` with links named "Verification queue: N providers waiting" etc.
 * - /app/admin/verification: each provider is `article[data-testid="pending-provider"][data-email="…"]` with buttons
 *   "Approve" and "Reject"; the dialogs are `dialog[data-testid="approve-dialog"]` (button "Approve provider") and
 *   `dialog[data-testid="reject-dialog"]` (textbox "Reason", button "Reject provider"); success notice
 *   `[data-testid="queue-notice"]`; empty state `[data-testid="queue-empty"]` "No providers waiting".
 * - /app/admin/jobs[?tab=disputed|active|delivered|awaiting-payment|completed|refunded|cancelled|all]: tabs are links
 *   in `nav[aria-label="Job status"]`; rows `tr[data-testid="admin-job-row"][data-status]`, the title links to
 *   /app/jobs/<id>, the row's link "Resolve: <title>" (disputed) or "Manage: <title>" opens /app/admin/jobs/<id>.
 * - /app/admin/jobs/<id>: `[data-testid="dispute-analysis"][data-source="FALLBACK"|"GEMINI"]`; form
 *   `[data-testid="resolve-form"]` (radios "Release to the provider" / "Refund the customer" / "Split", spinbutton
 *   "Provider's share (%)", textbox "Note", button "Review resolution"); `dialog[data-testid="resolve-dialog"]` with
 *   `[data-testid="outcome-provider|outcome-commission|outcome-tax|outcome-refund"][data-amount]` (minor units) and
 *   button "Resolve dispute"; then `[data-testid="dispute-resolved"]`. Refunds: `[data-testid="refund-form"]`
 *   (textbox "Amount (USD)", "Reason", button "Review refund"), `dialog[data-testid="refund-dialog"]` button
 *   "Refund", then `[data-testid="refund-done"]`.
 * - /app/admin/revenue[?from=YYYY-MM-DD&to=YYYY-MM-DD]: `[data-testid="total-gross|total-commission|total-tax|
 *   total-refunds"][data-amount]`, charts `[data-testid="chart-by-day"]`, `[data-testid="chart-by-category"]`,
 *   preset buttons "Last 7 days" / "Last 30 days" / "Last 90 days".
 * - /app/admin/audit[?action=…&actor=…&targetType=…&targetId=…&since=…&until=…]: form "Filter the audit log"
 *   (textboxes "Action", "Actor email", "Target type", "Target id", "Since", "Until"; button "Apply filters"), entries
 *   `article[data-testid="audit-entry"][data-action]`, "Load more".
 * - /app/admin/ai: `[data-testid="vault-fallback-banner"]` ("No usable Gemini key: AI answers come from the local
 *   fallback", link "Add a key in the Wagtail admin" → /cms/ai_keys/new/), `[data-testid="vault-usable|vault-calls|
 *   vault-failures|vault-fallbacks"]`, rows `tr[data-testid="vault-key"]`, empty `[data-testid="vault-empty"]`.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { disputeOutcome } from "../src/screens/admin/disputeSplit";
import { presetRange, rangeToApi, todayUtc } from "../src/screens/admin/revenueSeries";
import { DESKTOP, PHONE, launchBrowser, openPage, screenshot } from "./browser";
import { DEMO_PASSWORD, apiLogin, baseUrl, expectNoHorizontalOverflow, expectOneH1, rootField, signIn } from "./support";

const base = baseUrl();
let browser: Browser;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  for (const who of ["admin", "customer1", "provider1"]) tokens[who] = await apiLogin(`${who}@serveflow.local`);
  // provider1 must work in plumbing to bid on the plumbing requests made here (the demo data gives it plumbing already).
  const profile = await rootField<{ categories: { slug: string }[] }>(`{ myProviderProfile { categories { slug } } }`, {}, tokens.provider1);
  const slugs = profile.categories.map((category) => category.slug);
  if (!slugs.includes("plumbing")) {
    await rootField(`mutation($slugs: [String!]) { updateProviderProfile(categorySlugs: $slugs) { errors { message } } }`, { slugs: [...slugs, "plumbing"] }, tokens.provider1);
  }
});

afterAll(async () => {
  await browser?.close();
});

// ---- the API over HTTP ----------------------------------------------------------------------------------------

/** A provider uploads a verification document (GraphQL multipart request: operations + map + file). */
async function uploadDocument(token: string, kind: string, pdf: string) {
  const form = new FormData();
  form.set(
    "operations",
    JSON.stringify({
      query: `mutation($kind: String!, $file: Upload!) { uploadProviderDocument(kind: $kind, file: $file) { document { id } errors { message } } }`,
      variables: { kind, file: null },
    }),
  );
  form.set("map", JSON.stringify({ 0: ["variables.file"] }));
  form.set("0", new Blob([pdf], { type: "application/pdf" }), "licence.pdf");
  const response = await fetch(`${base}/graphql/`, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body: form });
  const body = await response.json();
  expect(body.errors ?? body.data.uploadProviderDocument.errors).toEqual([]);
}

/** A paid job (ACCEPTED, money held) between customer1 and provider1 for `amount` minor units; returns its id. */
async function paidJob(title: string, amount: number): Promise<string> {
  const { serviceRequest } = await rootField<{ serviceRequest: { id: string } }>(
    `mutation($input: ServiceRequestInput!) { createServiceRequest(input: $input) { serviceRequest { id } errors { message } } }`,
    { input: { categorySlug: "plumbing", title, description: `${title}: the details of the work needed.`, city: "Lahore" } },
    tokens.customer1,
  );
  const { bid } = await rootField<{ bid: { id: string } }>(
    `mutation($requestId: ID!, $amount: Int!) { placeBid(requestId: $requestId, amount: $amount, message: "I can fix it today") { bid { id } errors { message } } }`,
    { requestId: serviceRequest.id, amount },
    tokens.provider1,
  );
  const { job } = await rootField<{ job: { id: string } }>(
    `mutation($bidId: ID!) { acceptBid(bidId: $bidId) { job { id } errors { message } } }`,
    { bidId: bid.id },
    tokens.customer1,
  );
  const paid = await rootField<{ payment: { status: string }; job: { status: string } }>(
    `mutation($jobId: ID!) { createJobPayment(jobId: $jobId) { payment { status } job { status } errors { message } } }`,
    { jobId: job.id },
    tokens.customer1,
  );
  expect(paid.job.status).toBe("ACCEPTED"); // the offline gateway confirms at once
  return job.id;
}

async function deliver(jobId: string) {
  for (const mutation of ["startJob", "markJobDelivered"]) {
    await rootField(`mutation($jobId: ID!) { ${mutation}(jobId: $jobId) { job { status } errors { message } } }`, { jobId }, tokens.provider1);
  }
}

async function openDispute(jobId: string, reason: string) {
  await rootField(`mutation($jobId: ID!, $reason: String!) { openDispute(jobId: $jobId, reason: $reason) { job { status } errors { message } } }`, { jobId, reason }, tokens.customer1);
}

/** Today's booked totals (UTC day), in minor units. */
async function revenueToday(): Promise<Record<"gross" | "commission" | "tax" | "refunds", number>> {
  const today = todayUtc();
  const { total } = await rootField<{ total: Record<string, { amount: number }> }>(
    `query($from: DateTime!, $to: DateTime!) { revenueReport(from: $from, to: $to) { total { gross { amount } commission { amount } tax { amount } refunds { amount } } } }`,
    rangeToApi({ from: today, to: today }),
    tokens.admin,
  );
  return { gross: total.gross.amount, commission: total.commission.amount, tax: total.tax.amount, refunds: total.refunds.amount };
}

async function jobStatus(jobId: string): Promise<string> {
  const job = await rootField<{ status: string }>(`query($id: ID!) { job(id: $id) { status } }`, { id: jobId }, tokens.admin);
  return job.status;
}

// ---- the browser ----------------------------------------------------------------------------------------------

async function signInAsAdmin(page: Page) {
  await signIn(page, "admin@serveflow.local");
  await page.waitForURL(`${base}/app/admin`);
}

/** The phone layout: nothing sticks out sideways, and the viewport is a phone's. */
async function expectFitsPhone(page: Page) {
  await expectNoHorizontalOverflow(page);
  await expect.poll(() => page.evaluate(() => window.innerWidth)).toBeLessThanOrEqual(PHONE.width);
}

describe("admin screens", () => {
  it("shows the platform figures on the dashboard", async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await signInAsAdmin(page);
    const figures = await rootField<{ customers: number; verificationQueue: number }>(`{ adminDashboard { customers verificationQueue } }`, {}, tokens.admin);
    const stats = page.getByTestId("admin-stats");
    await stats.waitFor();
    await expect.poll(() => stats.getByRole("link", { name: /^Verification queue:/ }).textContent()).toBe(String(figures.verificationQueue));
    await expect.poll(() => page.getByRole("link", { name: "Open the Wagtail admin" }).getAttribute("href")).toBe("/cms/");
    await expectOneH1(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("reviews the verification queue: rejects provider3 with a reason, approves a newly registered provider", async () => {
    const email = `e2e-pro-${Date.now()}@example.com`;
    await rootField(
      `mutation($input: RegisterInput!) { register(input: $input) { user { id } errors { message } } }`,
      { input: { email, password: "a-long-e2e-passphrase", role: "PROVIDER", firstName: "Rana", lastName: "Tiles" } },
    );
    await uploadDocument(await apiLogin(email, "a-long-e2e-passphrase"), "LICENCE", "%PDF-1.4\n% a trade licence\n%%EOF\n");
    const { page, context, consoleErrors } = await openPage(browser);
    await signInAsAdmin(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Verification queue" }).click();
    await page.waitForURL(`${base}/app/admin/verification`);
    const provider3 = page.locator('[data-testid="pending-provider"][data-email="provider3@serveflow.local"]');
    await provider3.waitFor();
    await expect.poll(() => provider3.getByRole("heading", { level: 2 }).textContent()).toBe("Hamza Newcomer");
    await expect.poll(() => provider3.textContent()).toContain("Lahore");
    await expectOneH1(page);
    await screenshot(page, "admin-queue-desktop");
    await page.setViewportSize(PHONE);
    await expectFitsPhone(page);
    await screenshot(page, "admin-queue-phone");
    await page.setViewportSize(DESKTOP);

    // The documents a provider uploaded are links to the URL the API gives: signed and expiring (S3 in production,
    // marketplace/local_media.py here), so the document opens from the link and not without its signature.
    const newcomer = page.locator(`[data-testid="pending-provider"][data-email="${email}"]`);
    const licence = newcomer.getByRole("link", { name: "Trade licence (opens in a new tab)" });
    const href = new URL((await licence.getAttribute("href"))!, base);
    expect(href.pathname).toMatch(/\/provider-documents\/\d+\/licence-\d+\.pdf$/);
    expect(href.searchParams.get("sig")).toBeTruthy();
    await expect.poll(() => licence.getAttribute("target")).toBe("_blank");
    const opened = await fetch(href);
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await fetch(new URL(href.pathname, base))).status).toBe(404);

    // Reject: the dialog asks for a reason (required), Escape cancels, then the reason is sent.
    await provider3.getByRole("button", { name: "Reject" }).click();
    const rejectDialog = page.locator('dialog[data-testid="reject-dialog"][open]');
    await rejectDialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    await page.keyboard.press("Escape");
    await rejectDialog.waitFor({ state: "detached" });
    await provider3.getByRole("button", { name: "Reject" }).click();
    await rejectDialog.getByRole("button", { name: "Reject provider" }).click();
    await expect.poll(() => rejectDialog.locator('[data-field-error="reason"]').textContent()).toContain("at least 5 characters");
    await rejectDialog.getByRole("textbox", { name: "Reason" }).fill("Your trade licence is missing; please upload it and apply again.");
    await rejectDialog.getByRole("button", { name: "Reject provider" }).click();
    await provider3.waitFor({ state: "detached" });
    await expect.poll(() => page.getByTestId("queue-notice").textContent()).toContain("Hamza Newcomer was rejected");

    // Approve the provider who just registered.
    await newcomer.getByRole("button", { name: "Approve" }).click();
    const approveDialog = page.locator('dialog[data-testid="approve-dialog"][open]');
    await approveDialog.getByRole("button", { name: "Approve provider" }).click();
    await newcomer.waitFor({ state: "detached" });
    await expect.poll(() => page.getByTestId("queue-notice").textContent()).toContain("Rana Tiles is approved");

    const queue = await rootField<{ edges: { node: { email: string } }[] }>(`{ pendingProviders(first: 50) { edges { node { email } } } }`, {}, tokens.admin);
    expect(queue.edges.map((edge) => edge.node.email)).not.toContain(email);
    expect(queue.edges.map((edge) => edge.node.email)).not.toContain("provider3@serveflow.local");
    if (!queue.edges.length) await page.getByTestId("queue-empty").filter({ hasText: "No providers waiting" }).waitFor();
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("shows the approval in the audit log and filters by action, kept in the URL", async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await signInAsAdmin(page);
    await page.goto(`${base}/app/admin/audit`);
    const approved = page.locator('[data-testid="audit-entry"][data-action="provider.approved"]').first();
    await approved.waitFor();
    await expect.poll(() => approved.textContent()).toContain("admin@serveflow.local");

    const form = page.getByRole("form", { name: "Filter the audit log" });
    await form.getByRole("combobox", { name: "Action" }).fill("provider.rejected");
    await form.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/\/app\/admin\/audit\?action=provider\.rejected$/);
    const rejected = page.locator('[data-testid="audit-entry"]');
    // Only rejections are listed once the filtered page has loaded (other e2e files may have rejected providers too,
    // so not only this one).
    await page.waitForFunction(() => {
      const entries = [...document.querySelectorAll('[data-testid="audit-entry"]')];
      return entries.length > 0 && entries.every((entry) => entry.getAttribute("data-action") === "provider.rejected");
    });
    const ours = rejected.filter({ has: page.locator("pre", { hasText: "Your trade licence is missing" }) });
    await ours.getByText("Data").click();
    await expect.poll(() => ours.locator("pre").textContent()).toContain('"reason": "Your trade licence is missing');

    // A reload keeps the filter (it lives in the URL); a shared link with an actor filter works the same way.
    await page.reload();
    await page.locator('[data-testid="audit-entry"][data-action="provider.rejected"]').first().waitFor();
    await expect.poll(() => form.getByRole("combobox", { name: "Action" }).inputValue()).toBe("provider.rejected");
    await page.goto(`${base}/app/admin/audit?action=provider.approved&actor=ADMIN%40serveflow.local`);
    await page.locator('[data-testid="audit-entry"][data-action="provider.approved"]').first().waitFor();
    await expect.poll(() => page.locator('[data-testid="audit-entry"]:not([data-action="provider.approved"])').count()).toBe(0);
    await expectOneH1(page);
    await page.setViewportSize(PHONE);
    await expectFitsPhone(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("resolves a dispute with a split: the new dispute arrives live, the preview matches the backend, the job leaves the tab", async () => {
    const jobId = await paidJob("Leaking kitchen tap", 12050);
    await deliver(jobId);
    const { page, context, consoleErrors } = await openPage(browser);
    await signInAsAdmin(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs & disputes" }).click();
    await page.waitForURL(`${base}/app/admin/jobs`);
    await page.locator('.connection[data-state="live"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByRole("link", { name: "Disputed", exact: true }).getAttribute("aria-current")).toBe("page");

    // The customer disputes now; the admin's notification brings the job into the list without a reload.
    await openDispute(jobId, "The tap still leaks after the visit and the provider does not answer.");
    const row = page.locator('[data-testid="admin-job-row"]').filter({ hasText: "Leaking kitchen tap" });
    await row.waitFor({ timeout: 15_000 });
    await expect.poll(() => row.getAttribute("data-status")).toBe("DISPUTED");
    await expect.poll(() => row.getByRole("link", { name: "Leaking kitchen tap", exact: true }).getAttribute("href")).toBe(`/app/jobs/${encodeURIComponent(jobId)}`);
    await row.getByRole("link", { name: /^Resolve/ }).click();
    await page.waitForURL(`${base}/app/admin/jobs/${encodeURIComponent(jobId)}`);

    // The briefing is written by the task worker (no Gemini key here: the local fallback, and it says so).
    const analysis = page.getByTestId("dispute-analysis");
    await analysis.waitFor({ timeout: 30_000 });
    await expect.poll(() => analysis.getAttribute("data-source")).toBe("FALLBACK");
    await expect.poll(() => analysis.textContent()).toContain("Local fallback");

    const form = page.getByTestId("resolve-form");
    await form.getByRole("button", { name: "Review resolution" }).click();
    await expect.poll(() => form.locator('[data-field-error="resolution"]').textContent()).toBe("Choose how to resolve the dispute.");
    await form.getByRole("radio", { name: /^Split/ }).check();
    await form.getByRole("spinbutton", { name: "Provider's share (%)" }).fill("100");
    await form.getByRole("button", { name: "Review resolution" }).click();
    await form.locator('[data-field-error="providerSharePercent"]').waitFor();
    await form.getByRole("spinbutton", { name: "Provider's share (%)" }).fill("60");
    await form.getByRole("textbox", { name: "Note" }).fill("Work was done but the leak came back: 60% to the provider.");
    await form.getByRole("button", { name: "Review resolution" }).click();

    const dialog = page.locator('dialog[data-testid="resolve-dialog"][open]');
    await dialog.waitFor();
    const site = await rootField<{ taxRateBps: number; commissionRateBps: number }>(`{ site { taxRateBps commissionRateBps } }`);
    const expected = disputeOutcome("SPLIT", 60, { subtotal: 12050, ...site });
    const shown = async (id: string) => Number(await dialog.getByTestId(id).getAttribute("data-amount"));
    await expect.poll(() => shown("outcome-provider")).toBe(expected.toProvider);
    await expect.poll(() => shown("outcome-commission")).toBe(expected.commission);
    await expect.poll(() => shown("outcome-tax")).toBe(expected.tax);
    await expect.poll(() => shown("outcome-refund")).toBe(expected.refunded);
    await screenshot(page, "admin-dispute-confirm-desktop");
    const before = await revenueToday();
    await dialog.getByRole("button", { name: "Resolve dispute" }).click();

    await page.getByTestId("dispute-resolved").filter({ hasText: "60% to the provider" }).waitFor();
    await expect.poll(() => page.getByTestId("admin-job-summary").locator("[data-status]").getAttribute("data-status")).toBe("COMPLETED");
    await expect.poll(() => jobStatus(jobId)).toBe("COMPLETED");
    // The backend moved exactly the money the confirmation showed.
    const after = await revenueToday();
    expect(after.commission - before.commission).toBe(expected.commission);
    expect(after.tax - before.tax).toBe(expected.tax);
    expect(after.refunds - before.refunds).toBe(expected.refunded);

    await page.getByRole("link", { name: "← Jobs & disputes" }).click();
    await page.waitForURL(`${base}/app/admin/jobs`);
    await page.getByRole("heading", { level: 1, name: "Jobs & disputes" }).waitFor();
    await page.locator('[data-testid="admin-job-row"], [data-testid="jobs-empty"]').first().waitFor();
    await expect.poll(() => page.locator('[data-testid="admin-job-row"]').filter({ hasText: "Leaking kitchen tap" }).count()).toBe(0);
    await page.getByRole("link", { name: "Completed", exact: true }).click();
    await page.waitForURL(`${base}/app/admin/jobs?tab=completed`);
    await page.locator('[data-testid="admin-job-row"][data-status="COMPLETED"]').filter({ hasText: "Leaking kitchen tap" }).waitFor();
    await page.setViewportSize(PHONE);
    await expectFitsPhone(page);
    await screenshot(page, "admin-jobs-phone");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("refunds part of a held payment, showing the API's refusal of too much", async () => {
    const jobId = await paidJob("Fix the geyser", 8000);
    await deliver(jobId);
    const { page, context, consoleErrors } = await openPage(browser);
    await signInAsAdmin(page);
    await page.goto(`${base}/app/admin/jobs?tab=delivered`);
    await page.locator('[data-testid="admin-job-row"]').filter({ hasText: "Fix the geyser" }).getByRole("link", { name: /^Manage/ }).click();
    const form = page.getByTestId("refund-form");
    await form.waitFor();

    await form.getByRole("textbox", { name: /^Amount/ }).fill("20.255");
    await form.getByRole("button", { name: "Review refund" }).click();
    await expect.poll(() => form.locator('[data-field-error="amount"]').textContent()).toBe("Use at most 2 decimal places.");

    await form.getByRole("textbox", { name: /^Amount/ }).fill("5000");
    await form.getByRole("button", { name: "Review refund" }).click();
    await page.locator('dialog[data-testid="refund-dialog"][open]').getByRole("button", { name: "Refund" }).click();
    await expect.poll(() => form.locator('[data-field-error="amount"]').textContent()).toContain("what is held");

    await form.getByRole("textbox", { name: /^Amount/ }).fill("20.25");
    await form.getByRole("textbox", { name: "Reason" }).fill("Arrived two hours late");
    await form.getByRole("button", { name: "Review refund" }).click();
    const dialog = page.locator('dialog[data-testid="refund-dialog"][open]');
    await expect.poll(() => dialog.getByRole("heading").textContent()).toMatch(/^Refund \$20\.25\?$/);
    await dialog.getByRole("button", { name: "Refund" }).click();
    await expect.poll(() => page.getByTestId("refund-done").locator("[data-money]").getAttribute("data-money")).toBe("2025 usd");

    const refunds = await rootField<{ edges: { node: { data: { amount: number; reason: string } } }[] }>(
      `{ auditLog(filter: { action: "payment.refunded" }, first: 1) { edges { node { data } } } }`,
      {},
      tokens.admin,
    );
    expect(refunds.edges[0].node.data).toMatchObject({ amount: 2025, reason: "Arrived two hours late" });
    await expect.poll(() => jobStatus(jobId)).toBe("DELIVERED"); // a refund does not change the job's state
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("shows the revenue figures and charts for the last 30 days, with presets", async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await signInAsAdmin(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Revenue" }).click();
    await page.waitForURL(`${base}/app/admin/revenue`);
    const today = todayUtc();
    const report = await rootField<{ total: Record<"gross" | "commission" | "tax" | "refunds", { amount: number }>; byCategory: { key: string }[] }>(
      `query($from: DateTime!, $to: DateTime!) { revenueReport(from: $from, to: $to) { total { gross { amount } commission { amount } tax { amount } refunds { amount } } byCategory { key } } }`,
      rangeToApi(presetRange(30, today)),
      tokens.admin,
    );
    expect(report.total.gross.amount).toBeGreaterThan(0); // the jobs paid in the tests above
    for (const measure of ["gross", "commission", "tax", "refunds"] as const) {
      const stat = page.getByTestId(`total-${measure}`);
      await stat.waitFor();
      expect(Number(await stat.getAttribute("data-amount"))).toBe(report.total[measure].amount);
    }
    await expect.poll(() => page.getByRole("button", { name: "Last 30 days" }).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => page.getByTestId("chart-by-day").locator("rect.bar").count()).toBe(30);
    await expect.poll(() => page.getByTestId("chart-by-category").locator("rect.bar").count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId("chart-by-category").locator("table").textContent()).toContain("Plumbing");
    await expectOneH1(page);
    await screenshot(page, "admin-revenue-desktop");

    await page.getByRole("button", { name: "Last 7 days" }).click();
    await page.waitForURL(`${base}/app/admin/revenue?from=${presetRange(7, today).from}&to=${today}`);
    await expect.poll(() => page.getByTestId("chart-by-day").locator("rect.bar").count()).toBe(7);
    await expect.poll(() => page.getByRole("button", { name: "Last 7 days" }).getAttribute("aria-pressed")).toBe("true");
    await page.setViewportSize(PHONE);
    await expectFitsPhone(page);
    await screenshot(page, "admin-revenue-phone");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("shows the AI key vault: the fallback banner, the 24-hour figures, keys by their last four only", async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await signInAsAdmin(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "AI keys" }).click();
    await page.waitForURL(`${base}/app/admin/ai`);
    const banner = page.getByTestId("vault-fallback-banner");
    await banner.waitFor();
    await expect.poll(() => banner.textContent()).toContain("No usable Gemini key: AI answers come from the local fallback");
    await expect.poll(() => banner.getByRole("link", { name: "Add a key in the Wagtail admin" }).getAttribute("href")).toBe("/cms/ai_keys/new/");
    const vault = await rootField<{ fallbacks24h: number }>(`{ aiVault { fallbacks24h } }`, {}, tokens.admin);
    expect(vault.fallbacks24h).toBeGreaterThan(0); // the dispute briefing above
    await expect.poll(() => page.getByTestId("vault-fallbacks").textContent()).toBe(String(vault.fallbacks24h));
    await expectOneH1(page);
    const clientErrorsBefore = [...consoleErrors]; // what follows in this tab is Wagtail's own admin

    // A key added (inactive, so nothing calls Google) in the Wagtail admin shows up by its label and last four.
    const secret = `AIzaE2E-not-a-real-key-${Date.now()}-wxyz`;
    await page.goto(`${base}/cms/login/?next=/cms/ai_keys/new/`);
    await page.locator("#id_username").fill("admin@serveflow.local");
    await page.locator("#id_password").fill(DEMO_PASSWORD);
    await page.locator("form button[type=submit]").click();
    await page.waitForURL(`${base}/cms/ai_keys/new/`);
    await page.locator('input[name="label"]').fill("E2E project");
    await page.locator('input[name="api_key"]').fill(secret);
    await page.locator('input[name="is_active"]').uncheck();
    await page.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(`${base}/cms/ai_keys/`);

    const { page: client, context: clientContext, consoleErrors: clientErrors } = await openPage(browser);
    await signInAsAdmin(client);
    await client.goto(`${base}/app/admin/ai`);
    const row = client.locator('[data-testid="vault-key"]').filter({ hasText: "E2E project" });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain("…wxyz");
    await expect.poll(() => row.textContent()).toContain("Inactive");
    await expect.poll(() => client.content()).not.toContain(secret.slice(0, -4));
    await client.getByTestId("vault-fallback-banner").waitFor(); // an inactive key is not usable
    await client.setViewportSize(PHONE);
    await expectFitsPhone(client);
    await screenshot(client, "admin-ai-phone");
    expect([...clientErrorsBefore, ...clientErrors]).toEqual([]);
    await clientContext.close();
    await context.close();
  });
});
