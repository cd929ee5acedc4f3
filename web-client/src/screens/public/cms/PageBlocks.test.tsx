// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { afterEach, describe, expect, it } from "vitest";

import { AuthProvider } from "../../../auth/AuthProvider";
import { CmsPageView } from "./CmsPage";
import { homePage, landingPage } from "./fixtures";
import type { PageFieldsFragment } from "../../../gql/graphql";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLDivElement;
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function render(page: PageFieldsFragment) {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root.render(
      <AuthProvider>
        <MemoryRouter initialEntries={["/"]}>
          <Routes>
            <Route path="/" element={<CmsPageView page={page} />} />
            <Route path="*" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>,
    ),
  );
}

const texts = (selector: string) => Array.from(container.querySelectorAll(selector)).map((element) => element.textContent?.trim());
const block = (kind: string) => container.querySelector(`[data-block="${kind}"]`)!;

describe("CMS page blocks", () => {
  it("renders every block type in order, with the hero's headline as the page's one h1", () => {
    render(homePage);
    expect(Array.from(container.querySelectorAll("[data-block]")).map((element) => element.getAttribute("data-block"))).toEqual([
      "hero",
      "features",
      "category-grid",
      "steps",
      "testimonials",
      "rich-text",
      "image",
      "call-to-action",
    ]);
    expect(texts("h1")).toEqual(["Home services you can trust"]);
    expect(texts("h2")).toEqual(["Why ServeFlow", "Popular services", "How it works", "Customers say", "For professionals", "Are you a pro?"]);
    expect(texts("[data-block=features] h3")).toEqual(["Verified providers", "Held payments"]);
  });

  it("names sections by their headings", () => {
    render(homePage);
    const features = block("features");
    expect(document.getElementById(features.getAttribute("aria-labelledby")!)?.textContent).toBe("Why ServeFlow");
  });

  it("shows images from their renditions with the CMS's alt text, and decorative icons with an empty one", () => {
    render(homePage);
    const hero = block("hero").querySelector("img")!;
    expect(hero.getAttribute("src")).toBe("http://127.0.0.1/media/images/hero.png");
    expect(hero.getAttribute("alt")).toBe("A tidy living room after a repair");
    expect([hero.getAttribute("width"), hero.getAttribute("height"), hero.getAttribute("loading")]).toEqual(["1600", "900", "eager"]);
    const figure = block("image");
    expect(figure.querySelector("img")!.getAttribute("alt")).toBe("Two painters rolling a wall");
    expect(figure.querySelector("img")!.getAttribute("loading")).toBe("lazy");
    expect(figure.querySelector("figcaption")!.textContent).toBe("Verified painters at work.");
    expect(block("features").querySelector("img")!.getAttribute("alt")).toBe("");
  });

  it("links calls to action: our pages inside the app, other sites as plain links", () => {
    render(homePage);
    expect(block("hero").querySelector("a")!.getAttribute("href")).toBe("https://serveflow.local/requests/new");
    expect(block("call-to-action").querySelector("a")!.getAttribute("href")).toBe("/become-a-provider/");
  });

  it("shows categories with price and pricing model, linking a visitor to create an account for one", () => {
    render(homePage);
    const cards = block("category-grid").querySelectorAll('[data-testid="category-card"]');
    expect(Array.from(cards).map((card) => card.querySelector("h3")!.textContent)).toEqual(["Plumbing", "Cleaning"]);
    expect(cards[0].querySelector(".category-price")!.textContent).toMatch(/\$25\.00\s+per hour/);
    expect(cards[1].querySelector(".category-price")!.textContent).toMatch(/\$60\.00\s+fixed price/);
    const start = cards[0].querySelector("a")!;
    expect(start.textContent).toBe("Get started with Plumbing");
    expect(start.getAttribute("href")).toBe("/register?category=plumbing");
    expect(block("category-grid").querySelector('a[href="/services"]')?.textContent).toBe("See all services");
  });

  it("numbers the steps and gives ratings a text alternative", () => {
    render(homePage);
    expect(block("steps").querySelectorAll("ol > li")).toHaveLength(3);
    expect(texts("[data-block=steps] h3")).toEqual(["Describe the job", "Compare bids", "Pay safely"]);
    expect(Array.from(block("testimonials").querySelectorAll('[role="img"]')).map((stars) => stars.getAttribute("aria-label"))).toEqual(["Rated 5 out of 5", "Rated 4 out of 5"]);
    expect(block("testimonials").querySelector("blockquote")!.textContent).toBe("The plumber arrived in an hour and fixed the leak.");
  });

  it("renders rich text without its scripts and follows its links to our pages inside the app", () => {
    render(homePage);
    const rich = block("rich-text");
    expect(rich.querySelector("script")).toBeNull();
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
    const link = rich.querySelector("a")!;
    act(() => link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 })));
    expect(container.querySelector('[data-testid="where"]')?.textContent).toBe("/become-a-provider/");
  });

  it("uses the page title as h1 when no hero gives one", () => {
    render(landingPage);
    expect(texts("h1")).toEqual(["Become a provider"]);
    expect(texts("h2")).toEqual(["Get verified"]);
  });
});
