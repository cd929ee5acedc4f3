import { Link, NavLink, Navigate, Outlet, useLocation } from "react-router";

import { useAuth } from "../../auth/AuthProvider";
import { Brand } from "../../components/Brand";
import { NotificationBell } from "../notifications/NotificationBell";
import { NotificationsProvider } from "../notifications/NotificationsProvider";
import { ConnectionIndicator } from "./ConnectionIndicator";
import { NAVIGATION } from "./navigation";

const ROLE_LABEL = { CUSTOMER: "Customer", PROVIDER: "Provider", ADMIN: "Admin" } as const;

/**
 * The signed-in frame: role navigation, the user, the live indicator, the notifications bell and sign-out.
 * Guards every /app route.
 */
export function AppShell() {
  const { state, user, signOut, retryRestore } = useAuth();
  const location = useLocation();

  if (state.status === "restoring") return <p className="page-status" role="status">Loading your account…</p>;
  if (state.status === "unreachable") {
    return (
      <div className="page-status" role="alert">
        <p>We could not reach ServeFlow.</p>
        <button type="button" className="button" onClick={retryRestore}>
          Try again
        </button>
      </div>
    );
  }
  if (!user) {
    // After an explicit sign-out there is nothing to come back to; after an expiry, return where the user was.
    const signedOut = state.status === "anonymous" && state.signedOut;
    const target = signedOut ? "/login" : `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={target} replace />;
  }

  return (
    <NotificationsProvider>
      <div className="shell">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="shell-header">
          <Brand to="/app" />
          <ConnectionIndicator />
          <div className="who">
            <span className="who-name" data-testid="user-name">
              {user.displayName || user.email}
            </span>
            <span className="role-badge">{ROLE_LABEL[user.role]}</span>
          </div>
          <NotificationBell />
          <button type="button" className="button button-small button-secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </header>
        <nav className="shell-nav" aria-label="Main">
          <ul>
            {NAVIGATION[user.role].map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="shell-main" tabIndex={-1}>
          {!user.emailVerified ? <VerifyReminder /> : null}
          <Outlet />
        </main>
      </div>
    </NotificationsProvider>
  );
}

function VerifyReminder() {
  return (
    <p className="alert alert-info" role="status">
      Please verify your email address: we sent you a link. <Link to="/app/account">Resend it</Link>
    </p>
  );
}
