/**
 * The links ServeFlow emails, followed in Chromium: verify the address (`/verify-email?token=`) and choose a new
 * password (`/reset-password?token=`). The real task worker sends the mail; we read it from its console output.
 */
import { readFileSync } from "node:fs";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, openPage, screenshot } from "./browser";

const base = inject("baseUrl");
const mailLog = inject("mailLog");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The first link to `path` in a mail sent to `to` (console backend: one message per dashed block). */
async function linkFromMail(to: string, path: string): Promise<string> {
  const pattern = new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${path}\\?token=\\S+`);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const message of readFileSync(mailLog, "utf8").split(/^-{20,}$/m)) {
      const link = message.includes(`To: ${to}`) ? message.match(pattern) : null;
      if (link) return link[0];
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} with a ${path} link in ${mailLog}`);
}

async function register(email: string, password: string) {
  const response = await fetch(`${base}/graphql/`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      query: "mutation ($input: RegisterInput!) { register(input: $input) { user { id } errors { field } } }",
      variables: { input: { email, password, role: "PROVIDER", firstName: "Priya" } },
    }),
  });
  expect((await response.json()).data.register.errors).toEqual([]);
}

describe("email links", () => {
  it("verifies the address from the emailed link, and refuses a tampered one", async () => {
    const email = `verify-${Date.now()}@example.com`;
    await register(email, "a-long-e2e-passphrase");
    const link = await linkFromMail(email, "/verify-email");
    const { page, context, consoleErrors } = await openPage(browser);

    await page.goto(`${link}tampered`);
    await page.getByRole("alert").filter({ hasText: "invalid or has expired" }).waitFor();

    await page.goto(link);
    await page.getByRole("status").filter({ hasText: "Your email address is verified." }).waitFor();
    await page.getByRole("link", { name: "Continue to ServeFlow" }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-long-e2e-passphrase");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/app/provider`);
    await page.getByRole("link", { name: "Account" }).click();
    await page.getByText("verified", { exact: true }).waitFor();
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("resets the password from the emailed link; the old password stops working", async () => {
    const email = `reset-${Date.now()}@example.com`;
    await register(email, "the-old-passphrase-1");
    const { page, context, consoleErrors } = await openPage(browser);

    await page.goto(`${base}/login`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.getByRole("status").filter({ hasText: "we have emailed it a link" }).waitFor();

    await page.goto(await linkFromMail(email, "/reset-password"));
    await page.getByLabel(/^New password/).fill("password");
    await page.getByLabel("Repeat the new password").fill("password");
    await page.getByRole("button", { name: "Change password" }).click();
    const weak = page.locator('[data-field-error="newPassword"]');
    await weak.waitFor();
    await expect.poll(() => weak.textContent()).toMatch(/too common|too short/);
    await screenshot(page, "reset-password-error-desktop");

    await page.getByLabel(/^New password/).fill("the-new-passphrase-2");
    await page.getByLabel("Repeat the new password").fill("the-new-passphrase-2");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("status").filter({ hasText: "Your password has been changed" }).waitFor();

    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("the-old-passphrase-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator('[data-field-error="password"]').waitFor();
    await page.getByLabel("Password").fill("the-new-passphrase-2");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/app/provider`);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
