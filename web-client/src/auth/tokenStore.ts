/**
 * Where the API token lives in the browser.
 *
 * The token is held in memory and mirrored to sessionStorage, or to localStorage when the user asks to stay
 * signed in on this device. sessionStorage survives a reload but dies with the tab, so by default a token
 * does not outlive the visit on a shared computer. Either store is readable by script on our origin, which is
 * why the client renders no untrusted HTML and the API token is revocable and expiring; a cookie would need
 * CSRF defences the bearer-only API deliberately does not have.
 */

export const TOKEN_KEY = "serveflow.token";

export type Persistence = "session" | "device";

export interface TokenStore {
  get(): string | null;
  set(token: string, persistence?: Persistence): void;
  clear(): void;
  subscribe(listener: (token: string | null) => void): () => void;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function createTokenStore(session: StorageLike | null, device: StorageLike | null): TokenStore {
  const listeners = new Set<(token: string | null) => void>();
  // Memory is the source of truth; storage only lets a reload find the token again.
  let token: string | null = safeRead(session) ?? safeRead(device);

  const notify = () => listeners.forEach((listener) => listener(token));

  return {
    get: () => token,
    set(next, persistence = "session") {
      token = next;
      safeRemove(session);
      safeRemove(device);
      safeWrite(persistence === "device" ? device : session, next);
      notify();
    },
    clear() {
      token = null;
      safeRemove(session);
      safeRemove(device);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// Storage can throw (private mode, quota, disabled cookies); the in-memory token still works for the visit.
function safeRead(storage: StorageLike | null): string | null {
  try {
    return storage?.getItem(TOKEN_KEY) || null;
  } catch {
    return null;
  }
}

function safeWrite(storage: StorageLike | null, value: string): void {
  try {
    storage?.setItem(TOKEN_KEY, value);
  } catch {
    /* memory only */
  }
}

function safeRemove(storage: StorageLike | null): void {
  try {
    storage?.removeItem(TOKEN_KEY);
  } catch {
    /* nothing stored */
  }
}

function browserStorage(name: "sessionStorage" | "localStorage"): StorageLike | null {
  try {
    return typeof window === "undefined" ? null : window[name];
  } catch {
    return null;
  }
}

export const tokenStore: TokenStore = createTokenStore(browserStorage("sessionStorage"), browserStorage("localStorage"));
