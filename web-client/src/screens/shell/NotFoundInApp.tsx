import { Link } from "react-router";

/** An unknown address inside the signed-in app. */
export function NotFoundInApp() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link to="/app">Back to your dashboard</Link>
      </p>
    </section>
  );
}
