import { Link, NavLink } from "react-router";

import { useAuth } from "../auth/AuthProvider";
import { useSite } from "../theme/ThemeProvider";
import { Brand } from "./Brand";

/** The header of every public screen: brand, services, and sign-in / create account (or the dashboard). */
export function SiteHeader() {
  const { user } = useAuth();
  return (
    <header className="public-header">
      <Brand to="/" />
      <nav aria-label="Site">
        <NavLink to="/services">Services</NavLink>
        {user ? (
          <Link to="/app" className="button button-small">
            Open dashboard
          </Link>
        ) : (
          <>
            <Link to="/login">Sign in</Link>
            <Link to="/register" className="button button-small">
              Create account
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}

export function SiteFooter() {
  const site = useSite();
  return (
    <footer className="site-footer">
      <p>
        © {new Date().getFullYear()} {site.platformName}
      </p>
      {site.supportEmail ? (
        <p>
          Questions? <a href={`mailto:${site.supportEmail}`}>{site.supportEmail}</a>
        </p>
      ) : null}
    </footer>
  );
}
