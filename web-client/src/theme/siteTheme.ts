/**
 * The CMS's site and theme (`site { … theme { … } }`) mapped onto the client's theme variables.
 *
 * The CMS gives five colours, a font, a radius and the glass switch; the client needs a few more (surface, muted
 * text, borders, the text colour on primary). Those are derived here so that every text pair the styles use
 * reaches WCAG AA (4.5:1) whatever the editors pick: a colour that would not is moved just far enough towards
 * black or white, keeping its hue. (A mid-tone page background is lightened or darkened the same way.)
 */
import { AA_TEXT, blackOrWhite, contrastRatio, ensureContrast, mix, normalizeHex, readableOn } from "./contrast";
import { defaultSite, defaultTheme, type Site, type Theme } from "./ThemeProvider";

/** The shape of `site { theme { … } }` (all fields optional: the mapping tolerates a partial or stale copy). */
export interface CmsTheme {
  primaryColor?: string | null;
  secondaryColor?: string | null;
  accentColor?: string | null;
  backgroundColor?: string | null;
  textColor?: string | null;
  fontFamily?: string | null;
  cornerRadius?: number | null;
  glassEffect?: boolean | null;
}

export interface CmsSite {
  platformName?: string | null;
  supportEmail?: string | null;
  maintenanceMode?: boolean | null;
  maintenanceMessage?: string | null;
  logo?: { url: string; width: number; height: number } | null;
  theme?: CmsTheme | null;
}

const MAX_RADIUS = 48;
// A CSS font-family list: names, quotes, commas, spaces, hyphens. Nothing that could end the declaration.
const FONT_LIST = /^[\w\s,"'-]{1,120}$/;

function fontFamily(value: string | null | undefined): string | null {
  return value && FONT_LIST.test(value) ? value.trim() : null;
}

/** The page background keeps at least this contrast with black (light themes) or white (dark ones). */
const PAGE_HEADROOM = 7;
/** How much primary and accent tint the page in the glass look (glass.css uses the same 5%). */
export const GLASS_TINT = 0.05;
/** Stars and other meaningful graphics in the accent colour need 3:1 (WCAG 1.4.11). */
const NON_TEXT = 3;

/** The client theme for a CMS theme; a missing theme or invalid value keeps the default. */
export function themeFromCms(cms: CmsTheme | null | undefined): Theme {
  if (!cms) return { ...defaultTheme };
  const chosenBackground = normalizeHex(cms.backgroundColor) ?? defaultTheme.colorBackground;
  const dark = blackOrWhite(chosenBackground) === "#ffffff";
  // A mid-tone page leaves no text colour readable on it, on panels and on tints at once: give it headroom.
  const background = ensureContrast(chosenBackground, [dark ? "#ffffff" : "#000000"], PAGE_HEADROOM);
  const surface = dark ? mix(background, "#ffffff", 0.08) : "#ffffff";
  const accent = ensureContrast(normalizeHex(cms.accentColor) ?? defaultTheme.colorAccent, [surface], NON_TEXT);
  // Text sits on the page and on panels and, in the glass look, on the page where primary and accent tint it most.
  const groundsFor = (primary: string) =>
    cms.glassEffect ? [background, surface, mix(background, primary, GLASS_TINT), mix(background, accent, GLASS_TINT)] : [background, surface];
  // Primary is a fill (buttons, active navigation) and also link and outline-button text on the page and panels.
  // The tint follows the primary in use, so settle the two together (a darker primary darkens its own tint a little).
  let primary = normalizeHex(cms.primaryColor) ?? defaultTheme.colorPrimary;
  for (let round = 0; round < 5; round++) {
    const next = ensureContrast(primary, groundsFor(primary));
    if (next === primary) break;
    primary = next;
  }
  const grounds = groundsFor(primary);
  const text = ensureContrast(normalizeHex(cms.textColor) ?? (dark ? "#f8fafc" : defaultTheme.colorText), grounds);
  const secondary = normalizeHex(cms.secondaryColor) ?? defaultTheme.colorSecondary;
  const font = fontFamily(cms.fontFamily);
  const radius = typeof cms.cornerRadius === "number" && Number.isFinite(cms.cornerRadius) ? Math.min(MAX_RADIUS, Math.max(0, Math.round(cms.cornerRadius))) : null;

  return {
    colorPrimary: primary,
    colorPrimaryContrast: readableOn(primary, ["#ffffff", background, text]),
    colorSecondary: secondary,
    colorSecondaryContrast: readableOn(secondary, ["#ffffff", background, text]),
    colorAccent: accent,
    colorBackground: background,
    colorSurface: surface,
    colorText: text,
    colorMuted: mutedText(text, background, grounds),
    colorBorder: mix(text, background, 0.75),
    colorDanger: ensureContrast(defaultTheme.colorDanger, grounds),
    colorSuccess: ensureContrast(defaultTheme.colorSuccess, grounds),
    // The maintenance banner puts white text on it, so it stays the (dark enough) default.
    colorWarning: defaultTheme.colorWarning,
    fontBody: font ?? defaultTheme.fontBody,
    fontHeading: font ?? defaultTheme.fontHeading,
    radius: radius === null ? defaultTheme.radius : `${radius}px`,
  };
}

/** Secondary text: the text colour faded towards the background as far as AA allows, and no further. */
function mutedText(text: string, background: string, grounds: string[]): string {
  const target = AA_TEXT + 0.1; // a hair of margin for the browser's own colour rounding
  for (let fade = 0.45; fade > 0; fade -= 0.05) {
    const candidate = mix(text, background, fade);
    if (grounds.every((ground) => contrastRatio(candidate, ground) >= target)) return candidate;
  }
  return text;
}

/** The client's site for the API's `site` (null: the defaults). Maintenance only comes from a live answer. */
export function siteFromCms(cms: CmsSite | null | undefined, { live = true }: { live?: boolean } = {}): Site {
  if (!cms) return defaultSite;
  const logo = cms.logo && typeof cms.logo.url === "string" ? { url: cms.logo.url, width: cms.logo.width, height: cms.logo.height } : null;
  return {
    platformName: cms.platformName?.trim() || defaultSite.platformName,
    supportEmail: cms.supportEmail || undefined,
    maintenanceMode: live && !!cms.maintenanceMode,
    maintenanceMessage: live ? (cms.maintenanceMessage ?? null) : null,
    logo,
    glass: !!cms.theme?.glassEffect,
    theme: themeFromCms(cms.theme),
  };
}
