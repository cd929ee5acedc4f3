import type { ReactNode } from "react";
import { Link } from "react-router";

import { useSite } from "../theme/ThemeProvider";

/** The frame of the signed-out screens: brand bar and a centred card. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const site = useSite();
  return (
    <div className="public">
      <header className="public-header">
        <Link to="/" className="brand">
          {site.platformName}
        </Link>
        <nav aria-label="Account">
          <Link to="/login">Sign in</Link>
          <Link to="/register" className="button button-small">
            Create account
          </Link>
        </nav>
      </header>
      <main id="main" className="card public-card">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
