// @vitest-environment jsdom
/** Loading a CMS page through the real urql client from a loopback server executing the exported schema. */
import { GraphQLError } from "graphql";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { MemoryRouter } from "react-router";
import { Provider } from "urql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { AuthProvider } from "../../../auth/AuthProvider";
import { createPublicClient } from "../../../graphql/publicClient";
import { startLoopbackApi, type LoopbackApi } from "../../../testing/loopbackApi";
import { CmsPageContent, FallbackHero, PageNotFound } from "./CmsPage";
import { homePage, landingPage } from "./fixtures";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let api: LoopbackApi;
let answer: (path: string) => unknown;
const asked: string[] = [];

beforeAll(async () => {
  api = await startLoopbackApi(() => ({
    page: ({ path }: { path: string }) => {
      asked.push(path);
      return answer(path);
    },
  }));
  document.head.innerHTML = '<meta name="description" content="ServeFlow: home services.">';
});
afterAll(() => api.close());

let root: Root;
let container: HTMLDivElement;
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(path: string, failed?: Parameters<typeof CmsPageContent>[0]["failed"]) {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root.render(
      <AuthProvider>
        <Provider value={createPublicClient({ url: api.url })}>
          <MemoryRouter>
            <CmsPageContent path={path} missing={path === "/" ? <FallbackHero /> : <PageNotFound />} failed={failed} />
          </MemoryRouter>
        </Provider>
      </AuthProvider>,
    ),
  );
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  expect(check()).toBe(true);
}
const h1 = () => container.querySelector("h1")?.textContent;
const description = () => document.head.querySelector<HTMLMetaElement>('meta[name="description"]')!.content;

describe("a CMS page", () => {
  it("shows a loading state, then the page, with its SEO title and description", async () => {
    answer = () => homePage;
    render("/");
    expect(container.querySelector('[role="status"]')?.textContent).toBe("Loading…");
    await until(() => h1() === "Home services you can trust");
    expect(asked.at(-1)).toBe("/");
    expect(document.title).toBe("ServeFlow: home services, done right");
    expect(description()).toBe("Post a job, compare bids, pay when it's done.");
    act(() => root.unmount());
    root = createRoot(container);
    expect(description()).toBe("ServeFlow: home services."); // put back when the page goes
  });

  it("asks for the path it is given", async () => {
    answer = () => landingPage;
    render("/become-a-provider/");
    await until(() => h1() === "Become a provider");
    expect(asked.at(-1)).toBe("/become-a-provider/");
  });

  it("shows our own hero when the CMS has no home page", async () => {
    answer = () => null;
    render("/");
    await until(() => h1() === "Home services, done right.");
    expect(container.querySelector('a[href="/services"]')?.textContent).toBe("Browse services");
  });

  it("says 'Page not found' for a path without a published page, and keeps it out of search engines", async () => {
    answer = () => null;
    render("/no-such-page/");
    await until(() => h1() === "Page not found");
    expect(document.title).toBe("Page not found");
    expect(document.head.querySelector<HTMLMetaElement>('meta[name="robots"]')?.content).toBe("noindex");
  });

  it("explains a failure and loads the page on retry", async () => {
    answer = () => {
      throw new GraphQLError("The CMS is unavailable.");
    };
    render("/become-a-provider/");
    await until(() => h1() === "We could not load this page");
    expect(container.querySelector('[role="alert"]')?.textContent).toContain("The CMS is unavailable.");
    answer = () => landingPage;
    act(() => container.querySelector<HTMLButtonElement>('[role="alert"] button')!.click());
    await until(() => h1() === "Become a provider");
  });

  it("lets the landing page keep its hero when the API fails", async () => {
    answer = () => {
      throw new GraphQLError("The CMS is unavailable.");
    };
    render("/", (error, retry) => (
      <>
        <FallbackHero />
        <button type="button" onClick={retry}>
          {error.graphQLErrors[0].message}
        </button>
      </>
    ));
    await until(() => h1() === "Home services, done right.");
    expect(container.querySelector("button")?.textContent).toBe("The CMS is unavailable.");
  });
});
