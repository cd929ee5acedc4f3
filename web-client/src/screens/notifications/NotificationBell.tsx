/**
 * The bell in the signed-in header: the unread count in its name ("Notifications, 3 unread"), a polite
 * announcement when one arrives, and a panel with the newest few, "Mark all read" and a link to them all.
 * A disclosure (button + region), closed by Escape, a click outside or following a link.
 */
import { useEffect, useId, useRef, useState } from "react";
import { Link, useLocation } from "react-router";

import { useAuth } from "../../auth/AuthProvider";
import { NotificationList } from "./NotificationList";
import { useNotifications } from "./NotificationsProvider";
import "./notifications.css";

export function bellLabel(unread: number): string {
  return `Notifications, ${unread} unread`;
}

export function NotificationBell() {
  const { user } = useAuth();
  const { unread, ready, recent, announcement, loadError, reload, markAllRead, markRead } = useNotifications();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [marking, setMarking] = useState(false);
  const [markError, setMarkError] = useState<string | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();

  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (open && panelRef.current) panelRef.current.scrollTop = 0; // newest first, each time it opens
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    // Escape closes from anywhere (focus may have left the panel), and focus returns to the bell.
    const closeOnEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("mousedown", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("mousedown", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  if (!user) return null;

  async function markAll() {
    if (marking || unread === 0) return;
    setMarking(true);
    setMarkError(await markAllRead());
    setMarking(false);
  }

  return (
    <div className="bell" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="bell-button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="notification-bell"
        data-unread={unread}
        data-ready={ready}
        onClick={() => setOpen((value) => !value)}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 ? (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="notification-announcement">
        {announcement}
      </p>
      <div ref={panelRef} id={panelId} className="bell-panel card" role="region" aria-label="Notifications" hidden={!open} data-testid="notification-panel">
        <div className="bell-panel-head">
          <h2>Notifications</h2>
          {/* aria-disabled, not disabled: the button keeps focus after it has done its job. */}
          <button type="button" className="button button-small button-secondary" aria-disabled={marking || unread === 0} onClick={() => void markAll()}>
            Mark all read
          </button>
        </div>
        {markError ? (
          <p className="alert alert-error" role="alert">
            {markError}
          </p>
        ) : null}
        {loadError ? (
          <div className="alert alert-error" role="alert">
            <p>{loadError}</p>
            <button type="button" className="button button-small" onClick={reload}>
              Try again
            </button>
          </div>
        ) : null}
        <NotificationList
          items={recent}
          role={user.role}
          onOpen={(notification) => {
            setOpen(false);
            if (!notification.isRead) void markRead([notification.id]);
          }}
        />
        <p className="bell-all">
          <Link to="/app/notifications">See all notifications</Link>
        </p>
      </div>
    </div>
  );
}
