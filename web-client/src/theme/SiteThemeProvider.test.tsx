// @vitest-environment jsdom
/** The site's theme from the API (a loopback server executing the exported schema), applied without blocking. */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { Provider } from "urql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { createPublicClient } from "../graphql/publicClient";
import { startLoopbackApi, type LoopbackApi } from "../testing/loopbackApi";
import { SITE_KEY } from "./siteCache";
import { SiteLoader } from "./SiteThemeProvider";
import { defaultTheme, useSite } from "./ThemeProvider";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let api: LoopbackApi;
let answer: () => Promise<unknown>;
const site = {
  platformName: "FixIt",
  supportEmail: "help@fixit.example",
  maintenanceMode: true,
  maintenanceMessage: "Back at 10:00 UTC.",
  currency: { code: "USD", symbol: "$" },
  logo: { url: "http://127.0.0.1/media/logo.png", width: 400, height: 120, alt: "FixIt" },
  theme: { name: "Purple", primaryColor: "#7a1fa2", secondaryColor: "#0f172a", accentColor: "#f59e0b", backgroundColor: "#faf5ff", textColor: "#1f1147", fontFamily: "Poppins, system-ui, sans-serif", cornerRadius: 6, glassEffect: false },
};

beforeAll(async () => {
  api = await startLoopbackApi(() => ({ site: () => answer() }));
});
afterAll(() => api.close());

let root: Root;
let container: HTMLDivElement;
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  localStorage.clear();
  document.documentElement.removeAttribute("style");
});

function Name() {
  const { platformName } = useSite();
  return <p data-testid="name">{platformName}</p>;
}

function render() {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root.render(
      <Provider value={createPublicClient({ url: api.url })}>
        <SiteLoader>
          <Name />
        </SiteLoader>
      </Provider>,
    ),
  );
}

const primary = () => document.documentElement.style.getPropertyValue("--sf-color-primary");
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  expect(check()).toBe(true);
};

describe("SiteLoader", () => {
  it("paints at once with the defaults, then applies the site from the API and remembers it", async () => {
    let release!: () => void;
    answer = () => new Promise((resolve) => (release = () => resolve(site)));
    render();
    expect(container.textContent).toBe("ServeFlow");
    expect(primary()).toBe(defaultTheme.colorPrimary);

    await until(() => typeof release === "function");
    release();
    await until(() => primary() === "#7a1fa2");
    expect(container.textContent).toContain("FixIt");
    expect(document.documentElement.style.getPropertyValue("--sf-radius")).toBe("6px");
    expect(document.documentElement.style.getPropertyValue("--sf-font-body")).toBe("Poppins, system-ui, sans-serif");
    expect(document.body.querySelector('[role="status"]')?.textContent).toBe("Maintenance: Back at 10:00 UTC.");
    expect(JSON.parse(localStorage.getItem(SITE_KEY)!)).toMatchObject({ platformName: "FixIt", theme: { primaryColor: "#7a1fa2" } });
  });

  it("starts from the remembered site on the next visit, without its maintenance notice", async () => {
    localStorage.setItem(SITE_KEY, JSON.stringify({ platformName: "FixIt", theme: site.theme }));
    answer = () => new Promise(() => undefined); // the API never answers this time
    render();
    expect(container.textContent).toContain("FixIt");
    expect(primary()).toBe("#7a1fa2");
    expect(document.body.querySelector('[role="status"]')).toBeNull();
  });

  it("keeps the defaults when the API fails", async () => {
    answer = () => Promise.reject(new Error("boom"));
    render();
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(container.textContent).toBe("ServeFlow");
    expect(primary()).toBe(defaultTheme.colorPrimary);
  });
});
