import { Link } from "react-router";

import { useAuth } from "../../auth/AuthProvider";
import { useSite } from "../../theme/ThemeProvider";

const CATEGORIES = ["Plumbing", "Electrical", "Cleaning", "Carpentry", "Painting"];

/** Placeholder landing page until the CMS's `page(path)` blocks are rendered here. */
export function LandingScreen() {
  const site = useSite();
  const { user } = useAuth();
  return (
    <div className="public">
      <header className="public-header">
        <span className="brand">{site.platformName}</span>
        <nav aria-label="Account">
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
      <main id="main" className="landing">
        <section className="hero">
          <h1>Home services, done right.</h1>
          <p>Post what you need, compare bids from verified local providers, and pay only when the work is done.</p>
          <div className="hero-actions">
            <Link to="/register" className="button">
              Get started
            </Link>
            <Link to="/register" className="button button-secondary">
              Offer your services
            </Link>
          </div>
        </section>
        <section aria-labelledby="categories-title" className="categories">
          <h2 id="categories-title">Popular services</h2>
          <ul>
            {CATEGORIES.map((name) => (
              <li key={name} className="card">
                {name}
              </li>
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}
