/** Loads the signed-in kit once; the sign-in screen calls it early so signing in waits for nothing. */
export type SignedInKit = typeof import("./signedInKit");

let loading: Promise<SignedInKit> | null = null;

export function loadSignedInKit(): Promise<SignedInKit> {
  loading ??= import("./signedInKit").catch((error: unknown) => {
    loading = null; // a failed download may be retried
    throw error;
  });
  return loading;
}
