/**
 * The last `site` answer, kept on this device so a repeat visit paints in the CMS's theme at once instead of
 * flashing the defaults while the query runs. Only branding is kept: maintenance comes from live answers only.
 */
import type { CmsSite } from "./siteTheme";

export const SITE_KEY = "serveflow.site";

export function readCachedSite(storage: Pick<Storage, "getItem"> | null = safeLocalStorage()): CmsSite | null {
  try {
    const value: unknown = JSON.parse(storage?.getItem(SITE_KEY) ?? "null");
    return value && typeof value === "object" && !Array.isArray(value) ? (value as CmsSite) : null;
  } catch {
    return null;
  }
}

export function writeCachedSite(site: CmsSite, storage: Pick<Storage, "setItem"> | null = safeLocalStorage()) {
  const { platformName, supportEmail, logo, theme } = site;
  try {
    storage?.setItem(SITE_KEY, JSON.stringify({ platformName, supportEmail, logo, theme }));
  } catch {
    /* storage full or disabled: the next visit just starts from the defaults */
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
