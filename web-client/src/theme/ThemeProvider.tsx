/**
 * Branding and theme as CSS variables on <html>. It starts with ServeFlow's defaults (or the last site seen on
 * this device) and follows the CMS's `site { theme }` once `SiteThemeProvider` has it; every screen follows,
 * because styles only use the variables (`var(--sf-color-primary)` …), never literal colours.
 */
import { createContext, useContext, useLayoutEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";

import { MaintenanceNotice } from "../components/MaintenanceNotice";
import { maintenanceStore } from "../graphql/maintenance";

export interface Theme {
  colorPrimary: string;
  colorPrimaryContrast: string;
  colorSecondary: string;
  colorSecondaryContrast: string;
  colorAccent: string;
  colorBackground: string;
  colorSurface: string;
  colorText: string;
  colorMuted: string;
  colorBorder: string;
  colorDanger: string;
  colorSuccess: string;
  colorWarning: string;
  fontBody: string;
  fontHeading: string;
  radius: string;
}

// Every text/background pair here meets WCAG AA (4.5:1) or better.
export const defaultTheme: Theme = {
  colorPrimary: "#0b5cad",
  colorPrimaryContrast: "#ffffff",
  colorSecondary: "#1a2233",
  colorSecondaryContrast: "#ffffff",
  colorAccent: "#b45309",
  colorBackground: "#f4f6fa",
  colorSurface: "#ffffff",
  colorText: "#1a2233",
  colorMuted: "#4a5568",
  colorBorder: "#c5ccd8",
  colorDanger: "#b42318",
  colorSuccess: "#1e7a3c",
  colorWarning: "#8a5a00",
  fontBody: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontHeading: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  radius: "10px",
};

export interface SiteLogo {
  url: string;
  width: number;
  height: number;
}

export interface Site {
  platformName: string;
  supportEmail?: string;
  maintenanceMode: boolean;
  maintenanceMessage?: string | null;
  logo?: SiteLogo | null;
  /** The theme's "glass" look: translucent, blurred panels (class `sf-glass` on <html>). */
  glass?: boolean;
  theme: Theme;
}

export const defaultSite: Site = { platformName: "ServeFlow", maintenanceMode: false, theme: defaultTheme };

/** `colorPrimary` → `--sf-color-primary`. */
export function cssVariableName(key: string): string {
  return `--sf-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** The CSS variables for a theme; unknown or empty values from the CMS fall back to the defaults. */
export function themeVariables(theme: Partial<Theme> | null | undefined): Record<string, string> {
  const merged: Theme = { ...defaultTheme };
  for (const [key, value] of Object.entries(theme ?? {})) {
    if (key in defaultTheme && typeof value === "string" && value.trim()) merged[key as keyof Theme] = value;
  }
  return Object.fromEntries(Object.entries(merged).map(([key, value]) => [cssVariableName(key), value]));
}

const SiteContext = createContext<Site>(defaultSite);

export function ThemeProvider({ site, children }: { site?: Partial<Site>; children: ReactNode }) {
  const value = useMemo<Site>(() => ({ ...defaultSite, ...site, theme: { ...defaultTheme, ...site?.theme } }), [site]);
  const fromApi = useSyncExternalStore(maintenanceStore.subscribe, maintenanceStore.get);
  useLayoutEffect(() => {
    const root = document.documentElement;
    for (const [name, variable] of Object.entries(themeVariables(value.theme))) root.style.setProperty(name, variable);
    root.classList.toggle("sf-glass", !!value.glass);
  }, [value]);
  // Only when the name changes: screens that set their own title (usePageMeta) run after this and win.
  useLayoutEffect(() => {
    document.title = value.platformName;
  }, [value.platformName]);
  return (
    <SiteContext.Provider value={value}>
      <MaintenanceNotice active={value.maintenanceMode || fromApi.active} message={value.maintenanceMessage ?? fromApi.message} />
      {children}
    </SiteContext.Provider>
  );
}

export function useSite(): Site {
  return useContext(SiteContext);
}
