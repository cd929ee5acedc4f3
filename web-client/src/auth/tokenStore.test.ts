// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";

import { TOKEN_KEY, createTokenStore, type StorageLike } from "./tokenStore";

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe("token store", () => {
  it("keeps the token for the tab by default, so a reload finds it", () => {
    createTokenStore(sessionStorage, localStorage).set("sf_tab");
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe("sf_tab");
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(createTokenStore(sessionStorage, localStorage).get()).toBe("sf_tab");
  });

  it("keeps the token on the device only when asked, and never in both places", () => {
    const store = createTokenStore(sessionStorage, localStorage);
    store.set("sf_first");
    store.set("sf_device", "device");
    expect(localStorage.getItem(TOKEN_KEY)).toBe("sf_device");
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(createTokenStore(sessionStorage, localStorage).get()).toBe("sf_device");
  });

  it("forgets the token everywhere on clear and tells listeners", () => {
    const store = createTokenStore(sessionStorage, localStorage);
    const seen: (string | null)[] = [];
    store.subscribe((token) => seen.push(token));
    store.set("sf_x", "device");
    store.clear();
    expect(store.get()).toBeNull();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(createTokenStore(sessionStorage, localStorage).get()).toBeNull();
    expect(seen).toEqual(["sf_x", null]);
  });

  it("still works in memory when the browser refuses storage", () => {
    const refusing: StorageLike = {
      getItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("full", "QuotaExceededError");
      },
      removeItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
    };
    const store = createTokenStore(refusing, refusing);
    expect(store.get()).toBeNull();
    store.set("sf_memory");
    expect(store.get()).toBe("sf_memory");
    store.clear();
    expect(store.get()).toBeNull();
  });
});
