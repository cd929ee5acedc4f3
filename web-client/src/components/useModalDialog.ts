import { useEffect, useRef } from "react";

/**
 * Keeps a native <dialog> modal while `open`: the browser traps focus inside, Escape fires `cancel`, and the page
 * behind is inert. On close, focus goes back to what had it when the dialog opened (if that is still on the page).
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", ""); // jsdom
    } else if (!open && dialog.open) {
      dialog.close();
      const back = opener.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    }
  }, [open]);

  return ref;
}
