// @vitest-environment jsdom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";

import { maintenanceStore } from "../graphql/maintenance";
import { ThemeProvider, defaultTheme, type Theme } from "./ThemeProvider";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

let container: HTMLDivElement;
afterEach(() => container?.remove());

function render(site: Parameters<typeof ThemeProvider>[0]["site"]) {
  container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(<ThemeProvider site={site}>content</ThemeProvider>));
  return root;
}

describe("ThemeProvider", () => {
  it("ships default colours that meet WCAG AA contrast for text", () => {
    const pairs: [keyof Theme, keyof Theme][] = [
      ["colorText", "colorBackground"],
      ["colorText", "colorSurface"],
      ["colorMuted", "colorSurface"],
      ["colorMuted", "colorBackground"],
      ["colorPrimary", "colorSurface"],
      ["colorPrimaryContrast", "colorPrimary"],
      ["colorSecondaryContrast", "colorSecondary"],
      ["colorDanger", "colorSurface"],
      ["colorSuccess", "colorSurface"],
      ["colorSuccess", "colorBackground"],
    ];
    for (const [text, background] of pairs) {
      expect(contrast(defaultTheme[text], defaultTheme[background]), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast("#ffffff", defaultTheme.colorWarning), "maintenance banner").toBeGreaterThanOrEqual(4.5);
  });

  it("applies the site's theme as CSS variables and names the platform", () => {
    const root = render({ platformName: "FixIt", theme: { ...defaultTheme, colorPrimary: "#7a1fa2" } });
    expect(document.documentElement.style.getPropertyValue("--sf-color-primary")).toBe("#7a1fa2");
    expect(document.documentElement.style.getPropertyValue("--sf-color-text")).toBe(defaultTheme.colorText);
    expect(document.title).toBe("FixIt");
    act(() => root.unmount());
  });

  it("switches the glass look with the site's theme", () => {
    let root = render({ glass: true });
    expect(document.documentElement.classList.contains("sf-glass")).toBe(true);
    act(() => root.unmount());
    root = render({ glass: false });
    expect(document.documentElement.classList.contains("sf-glass")).toBe(false);
    act(() => root.unmount());
  });

  it("shows the maintenance notice only in maintenance mode", () => {
    let root = render({});
    expect(container.querySelector('[role="status"]')).toBeNull();
    act(() => root.unmount());
    container.remove();
    root = render({ maintenanceMode: true, maintenanceMessage: "Back at 10:00 UTC." });
    expect(container.querySelector('[role="status"]')?.textContent).toBe("Maintenance: Back at 10:00 UTC.");
    act(() => root.unmount());
  });

  it("shows the maintenance notice when the API answers MAINTENANCE", () => {
    const root = render({});
    expect(container.querySelector('[role="status"]')).toBeNull();
    act(() => maintenanceStore.set({ active: true, message: "Upgrading payments." }));
    expect(container.querySelector('[role="status"]')?.textContent).toBe("Maintenance: Upgrading payments.");
    act(() => maintenanceStore.set({ active: false, message: null }));
    expect(container.querySelector('[role="status"]')).toBeNull();
    act(() => root.unmount());
  });
});
