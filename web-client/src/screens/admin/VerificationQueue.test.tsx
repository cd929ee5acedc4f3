// @vitest-environment jsdom
/**
 * The verification queue with the real urql client and normalized cache, against a loopback server executing the
 * API's exported schema: reviewed providers leave the list, payload errors are shown next to the reason, and an
 * empty queue says so.
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { MemoryRouter } from "react-router";
import { Provider as UrqlProvider } from "urql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { createApiClient } from "../../graphql/client";
import { startLoopbackApi, type LoopbackApi } from "../../testing/loopbackApi";
import { VerificationQueue } from "./VerificationQueue";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Provider {
  id: string;
  displayName: string;
  email: string;
  status: string;
}

let api: LoopbackApi;
let waiting: Provider[] = [];
const rejected: { providerId: string; reason: string }[] = [];

function profile(p: Provider) {
  return {
    ...p,
    city: "Lahore",
    bio: "Twenty years of plumbing.",
    createdAt: "2026-03-01T10:00:00+00:00",
    categories: [{ id: "U2VydmljZUNhdGVnb3J5OjE=", name: "Plumbing" }],
    documents: [{ id: "UHJvdmlkZXJEb2N1bWVudDox", kind: "LICENCE", uploadedAt: "2026-03-01T10:05:00+00:00", url: "https://media.example/doc.pdf?X-Amz-Signature=abc" }],
    rejectionReason: "",
    reviewedAt: null,
  };
}

function review(providerId: string, status: string) {
  const provider = waiting.find((p) => p.id === providerId)!;
  waiting = waiting.filter((p) => p.id !== providerId);
  return { provider: profile({ ...provider, status }), errors: [] };
}

beforeAll(async () => {
  api = await startLoopbackApi(() => ({
    pendingProviders: ({ first }: { first: number }) => ({
      totalCount: waiting.length,
      pageInfo: { hasNextPage: waiting.length > first },
      edges: waiting.slice(0, first).map((p) => ({ node: profile(p) })),
    }),
    approveProvider: ({ providerId }: { providerId: string }) => review(providerId, "APPROVED"),
    rejectProvider: ({ providerId, reason }: { providerId: string; reason: string }) => {
      if (reason.includes("spam")) {
        return { provider: null, errors: [{ field: "reason", message: "Write a reason the provider can act on.", code: "INVALID" }] };
      }
      rejected.push({ providerId, reason });
      return review(providerId, "REJECTED");
    },
  }));
});

afterAll(() => api.close());

let root: Root | null = null;
let container: HTMLDivElement;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

function render() {
  container = document.createElement("div");
  document.body.append(container);
  const client = createApiClient({ url: api.url, token: "sf_admin", realtime: null, onUnauthenticated: () => {} });
  root = createRoot(container);
  act(() =>
    root!.render(
      <UrqlProvider value={client}>
        <MemoryRouter>
          <VerificationQueue />
        </MemoryRouter>
      </UrqlProvider>,
    ),
  );
}

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 200 && !condition(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(condition(), what).toBe(true);
}

const cards = () => [...container.querySelectorAll<HTMLElement>('[data-testid="pending-provider"]')];
const button = (scope: ParentNode, name: string) => [...scope.querySelectorAll("button")].find((b) => b.textContent === name)!;
const openDialog = (testId: string) => container.querySelector<HTMLDialogElement>(`dialog[data-testid="${testId}"][open]`);

function type(field: HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
  act(() => {
    setter.call(field, value);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

describe("VerificationQueue", () => {
  it("shows what each provider submitted and lets reviewed providers leave the queue", async () => {
    waiting = [
      { id: "UHJvdmlkZXJQcm9maWxlOjM=", displayName: "Hamza Newcomer", email: "provider3@serveflow.local", status: "PENDING" },
      { id: "UHJvdmlkZXJQcm9maWxlOjc=", displayName: "Rana Tiles", email: "rana@example.com", status: "PENDING" },
    ];
    render();
    await until(() => cards().length === 2, "both providers listed");
    const [hamza] = cards();
    expect(hamza.textContent).toContain("Plumbing");
    expect(hamza.textContent).toContain("Twenty years of plumbing.");
    const documentLink = hamza.querySelector<HTMLAnchorElement>("a[target=_blank]")!;
    expect(documentLink.href).toBe("https://media.example/doc.pdf?X-Amz-Signature=abc");
    expect(documentLink.rel).toBe("noopener noreferrer");

    // Reject: a reason is required; the API's refusal of it is shown next to it; then a good reason goes through.
    act(() => button(hamza, "Reject").click());
    const dialog = openDialog("reject-dialog")!;
    act(() => button(dialog, "Reject provider").click());
    expect(dialog.querySelector('[data-field-error="reason"]')?.textContent).toBe("Tell the provider why (at least 5 characters).");
    const reason = dialog.querySelector("textarea")!;
    type(reason, "spam spam spam");
    act(() => button(dialog, "Reject provider").click());
    await until(() => dialog.querySelector('[data-field-error="reason"]')?.textContent === "Write a reason the provider can act on.", "API error shown");
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    type(reason, "Please upload your trade licence.");
    act(() => button(dialog, "Reject provider").click());
    await until(() => cards().length === 1, "rejected provider left the queue");
    expect(rejected.at(-1)).toEqual({ providerId: "UHJvdmlkZXJQcm9maWxlOjM=", reason: "Please upload your trade licence." });
    expect(container.querySelector('[data-testid="queue-notice"]')?.textContent).toContain("Hamza Newcomer was rejected");

    act(() => button(cards()[0], "Approve").click());
    act(() => button(openDialog("approve-dialog")!, "Approve provider").click());
    await until(() => container.querySelector('[data-testid="queue-empty"]')?.textContent === "No providers waiting", "empty state");
  });
});
