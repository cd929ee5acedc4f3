import { describe, expect, it } from "vitest";

import { SITE_KEY, readCachedSite, writeCachedSite } from "./siteCache";

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

describe("the cached site", () => {
  it("keeps the branding and theme, never the maintenance state", () => {
    const storage = memoryStorage();
    writeCachedSite({ platformName: "FixIt", maintenanceMode: true, maintenanceMessage: "Down", theme: { primaryColor: "#7a1fa2" } }, storage);
    expect(readCachedSite(storage)).toEqual({ platformName: "FixIt", theme: { primaryColor: "#7a1fa2" } });
  });

  it("reads nothing from an empty, corrupt or foreign value", () => {
    const storage = memoryStorage();
    expect(readCachedSite(storage)).toBeNull();
    for (const value of ["{not json", "[1,2]", "42", "null"]) {
      storage.setItem(SITE_KEY, value);
      expect(readCachedSite(storage)).toBeNull();
    }
    expect(readCachedSite(null)).toBeNull();
  });
});
