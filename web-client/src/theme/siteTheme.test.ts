import { describe, expect, it } from "vitest";

import { contrastRatio, mix } from "./contrast";
import { GLASS_TINT, siteFromCms, themeFromCms, type CmsTheme } from "./siteTheme";
import { defaultSite, defaultTheme, themeVariables, type Theme } from "./ThemeProvider";

// The demo theme (cms/demo.py "ServeFlow Blue": the model's defaults with the glass effect on).
const demo: CmsTheme = {
  primaryColor: "#2563eb",
  secondaryColor: "#0f172a",
  accentColor: "#f59e0b",
  backgroundColor: "#f8fafc",
  textColor: "#0f172a",
  fontFamily: "Inter, system-ui, sans-serif",
  cornerRadius: 12,
  glassEffect: true,
};

/** Every text-on-background pair the styles use (styles.css, public.css, glass.css). */
function textPairs(theme: Theme, glass: boolean): [string, string, string][] {
  const pages = [theme.colorBackground, ...(glass ? [mix(theme.colorBackground, theme.colorPrimary, GLASS_TINT), mix(theme.colorBackground, theme.colorAccent, GLASS_TINT)] : [])];
  const grounds = [theme.colorSurface, ...pages];
  return [
    ...grounds.flatMap((ground): [string, string, string][] => [
      ["text", theme.colorText, ground],
      ["muted", theme.colorMuted, ground],
      ["primary (links)", theme.colorPrimary, ground],
      ["danger", theme.colorDanger, ground],
      ["success", theme.colorSuccess, ground],
    ]),
    ["on primary", theme.colorPrimaryContrast, theme.colorPrimary],
    ["on secondary", theme.colorSecondaryContrast, theme.colorSecondary],
  ];
}

function expectReadable(theme: Theme, glass: boolean, label = "") {
  for (const [name, text, background] of textPairs(theme, glass)) {
    expect(contrastRatio(text, background), `${label} ${name}: ${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
  }
}

describe("the CMS theme on the client", () => {
  it("uses the demo theme's own colours, font and radius", () => {
    const theme = themeFromCms(demo);
    expect(theme.colorPrimary).toBe("#2563eb");
    expect(theme.colorBackground).toBe("#f8fafc");
    expect(theme.colorText).toBe("#0f172a");
    expect(theme.colorSecondary).toBe("#0f172a");
    expect(theme.colorPrimaryContrast).toBe("#ffffff");
    expect(theme.colorSurface).toBe("#ffffff");
    expect(theme.fontBody).toBe("Inter, system-ui, sans-serif");
    expect(theme.fontHeading).toBe("Inter, system-ui, sans-serif");
    expect(theme.radius).toBe("12px");
    expectReadable(theme, true, "demo");
    expect(themeVariables(theme)["--sf-color-primary"]).toBe("#2563eb");
  });

  it("picks dark text for a light primary and darkens it where it is text", () => {
    const theme = themeFromCms({ ...demo, primaryColor: "#fde047", glassEffect: false });
    expect(theme.colorPrimary).not.toBe("#fde047");
    expectReadable(theme, false, "yellow primary");
  });

  it("makes a dark theme readable: lighter panels, light text, adjusted status colours", () => {
    const theme = themeFromCms({ ...demo, backgroundColor: "#0f172a", textColor: "#e2e8f0", primaryColor: "#1d4ed8", secondaryColor: "#f8fafc" });
    expect(theme.colorSurface).not.toBe("#ffffff");
    expect(theme.colorText).toBe("#e2e8f0");
    expectReadable(theme, true, "dark");
  });

  it("keeps every text pair at AA whatever the editors pick", () => {
    const palette = ["#000000", "#ffffff", "#2563eb", "#f59e0b", "#10b981", "#db2777", "#92400e", "#fde047", "#64748b", "#0f172a", "#f8fafc", "#777777", "#1e293b", "#a3e635"];
    for (const backgroundColor of palette) {
      for (const textColor of palette) {
        for (const primaryColor of palette.filter((_, i) => i % 2 === 0)) {
          for (const glassEffect of [false, true]) {
            const cms = { ...demo, backgroundColor, textColor, primaryColor, secondaryColor: textColor, accentColor: primaryColor, glassEffect };
            expectReadable(themeFromCms(cms), glassEffect, JSON.stringify(cms));
          }
        }
      }
    }
  });

  it("falls back to the defaults for missing or invalid values", () => {
    expect(themeFromCms(null)).toEqual(defaultTheme);
    const theme = themeFromCms({ primaryColor: "blue", backgroundColor: "url(x)", cornerRadius: 400, fontFamily: "Inter; } body { display: none" });
    expect(theme.colorPrimary).toBe(defaultTheme.colorPrimary);
    expect(theme.colorBackground).toBe(defaultTheme.colorBackground);
    expect(theme.radius).toBe("48px");
    expect(theme.fontBody).toBe(defaultTheme.fontBody);
  });

  it("maps the site: name, support email, logo, glass, and maintenance only from a live answer", () => {
    const cms = {
      platformName: "FixIt",
      supportEmail: "help@fixit.example",
      maintenanceMode: true,
      maintenanceMessage: "Back at 10:00 UTC.",
      logo: { url: "https://cdn.example/logo.png", width: 400, height: 120 },
      theme: demo,
    };
    const site = siteFromCms(cms);
    expect(site).toMatchObject({ platformName: "FixIt", supportEmail: "help@fixit.example", maintenanceMode: true, maintenanceMessage: "Back at 10:00 UTC.", glass: true });
    expect(site.logo).toEqual({ url: "https://cdn.example/logo.png", width: 400, height: 120 });
    expect(siteFromCms(cms, { live: false })).toMatchObject({ maintenanceMode: false, maintenanceMessage: null });
    expect(siteFromCms(null)).toBe(defaultSite);
    expect(siteFromCms({ platformName: "  ", theme: null }).platformName).toBe("ServeFlow");
  });
});
