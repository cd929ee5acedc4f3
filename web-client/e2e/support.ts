/**
 * Small helpers for end-to-end tests against the real backend: GraphQL over HTTP with a token from `login`,
 * setting up a job through the API (request → bid → accept), signing in through the UI, and page checks.
 * Shared by the area tests and the cross-area test.
 */
import { crc32, deflateSync } from "node:zlib";

import type { Page } from "playwright-core";
import { expect, inject } from "vitest";

export const DEMO_PASSWORD = "serveflow-demo-2026";

export function baseUrl(): string {
  return inject("baseUrl");
}

/** Runs a GraphQL operation over HTTP (as the token's user, or anonymously); throws on GraphQL errors. */
export async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql/`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((e) => e.message).join("; ")}`);
  return body.data as T;
}

/** Throws when a mutation payload carries `errors`; returns the payload otherwise. */
export function payloadOk<P extends { errors?: { message: string }[] }>(payload: P, what: string): P {
  if (payload.errors?.length) throw new Error(`${what}: ${payload.errors.map((e) => e.message).join("; ")}`);
  return payload;
}

/** Runs one operation and returns its first root field; throws on GraphQL errors and on that field's payload `errors`. */
export async function rootField<P = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<P> {
  const data = await gql<Record<string, P & { errors?: { message: string }[] }>>(query, variables, token);
  const [name, value] = Object.entries(data)[0];
  if (value && Array.isArray(value.errors)) payloadOk(value, name);
  return value;
}

/** An API token for a demo (or any) account, from the `login` mutation. */
export async function apiLogin(email: string, password = DEMO_PASSWORD): Promise<string> {
  const data = await gql<{ login: { token: string | null; errors: { message: string }[] } }>(
    `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token errors { message } } }`,
    { email, password },
  );
  payloadOk(data.login, `login ${email}`);
  return data.login.token!;
}

export interface ApiJob {
  jobId: string;
  requestId: string;
  bidId: string;
  title: string;
}

/**
 * A job in PENDING_PAYMENT between a customer and an (approved) provider, made through the API: the provider
 * offers `categorySlug`, the customer posts a bidding request, the provider bids `amount` (minor units) and the
 * customer accepts the bid.
 */
export async function createJobThroughApi({
  customerToken,
  providerToken,
  title = `Fix the kitchen tap ${Date.now()}`,
  amount = 12050,
  categorySlug = "plumbing",
}: {
  customerToken: string;
  providerToken: string;
  title?: string;
  amount?: number;
  categorySlug?: string;
}): Promise<ApiJob> {
  const profile = await gql(
    `mutation ($slugs: [String!]) { updateProviderProfile(categorySlugs: $slugs, city: "Lahore") { errors { message } } }`,
    { slugs: [categorySlug] },
    providerToken,
  );
  payloadOk(profile.updateProviderProfile, "updateProviderProfile");
  const created = await gql(
    `mutation ($input: ServiceRequestInput!) { createServiceRequest(input: $input) { serviceRequest { id } errors { message } } }`,
    {
      input: { categorySlug, title, description: "The tap drips day and night; the washer probably needs replacing.", city: "Lahore", mode: "BIDDING", urgency: "MEDIUM", budgetAmount: 15000 },
    },
    customerToken,
  );
  const requestId = payloadOk(created.createServiceRequest, "createServiceRequest").serviceRequest.id as string;
  const bid = await gql(
    `mutation ($requestId: ID!, $amount: Int!) { placeBid(requestId: $requestId, amount: $amount, message: "I can come tomorrow morning.", estimatedHours: 2) { bid { id } errors { message } } }`,
    { requestId, amount },
    providerToken,
  );
  const bidId = payloadOk(bid.placeBid, "placeBid").bid.id as string;
  const accepted = await gql(`mutation ($bidId: ID!) { acceptBid(bidId: $bidId) { job { id } errors { message } } }`, { bidId }, customerToken);
  const jobId = payloadOk(accepted.acceptBid, "acceptBid").job.id as string;
  return { jobId, requestId, bidId, title };
}

export async function sendMessageThroughApi(token: string, jobId: string, body: string): Promise<string> {
  const data = await gql(`mutation ($jobId: ID!, $body: String!) { sendMessage(jobId: $jobId, body: $body) { message { id } errors { message } } }`, { jobId, body }, token);
  return payloadOk(data.sendMessage, "sendMessage").message.id as string;
}

export async function markAllNotificationsReadThroughApi(token: string): Promise<void> {
  await gql(`mutation { markNotificationsRead(all: true) { unreadCount } }`, {}, token);
}

/** Fills in and submits the login form, without waiting for the answer (it may be a refusal). */
export async function submitLogin(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the login form and waits for the signed-in shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, email, password);
  await page.waitForURL(/\/app(\/|$)/);
  await page.getByTestId("user-name").waitFor();
}

export function jobUrl(jobId: string): string {
  return `${baseUrl()}/app/jobs/${encodeURIComponent(jobId)}`;
}

/** Opens a job page and waits until it receives live updates (the first `jobUpdates` event has arrived). */
export async function openJob(page: Page, jobId: string): Promise<void> {
  await page.goto(jobUrl(jobId));
  await page.locator('[data-testid="job-page"][data-live="true"]').waitFor({ timeout: 15_000 });
}

/** Waits until the job page shows `status` (e.g. "ACCEPTED"), without reloading. */
export async function waitForJobStatus(page: Page, status: string, timeout = 15_000): Promise<void> {
  await page.locator(`[data-testid="job-page"][data-status="${status}"]`).waitFor({ timeout });
}

/** The bell's unread count once its first load has answered. */
export async function bellCount(page: Page): Promise<number> {
  const bell = page.locator('[data-testid="notification-bell"][data-ready="true"]');
  await bell.waitFor({ timeout: 15_000 });
  return Number(await bell.getAttribute("data-unread"));
}

/** Waits until the bell shows exactly `count` unread. */
export async function waitForBellCount(page: Page, count: number, timeout = 15_000): Promise<void> {
  await page.locator(`[data-testid="notification-bell"][data-unread="${count}"]`).waitFor({ timeout });
}

/** Nothing sticks out sideways: the page fits the viewport width (phone layouts). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Exactly one <h1> on the screen. */
export async function expectOneH1(page: Page): Promise<void> {
  expect(await page.locator("h1").count()).toBe(1);
}

type Rgb = [number, number, number];
const blueGradient = (x: number, y: number): Rgb => [20, 80 + (x % 120), 160 + (y % 90)];

/** A real PNG (by default a small blue gradient), written by hand so the test needs no image library. */
export function photoPng(width = 96, height = 64, pixel: (x: number, y: number) => Rgb = blueGradient): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}
