import { useEffect, useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { useMutation } from "urql";

import { useAuth } from "../../auth/AuthProvider";
import { loadSignedInKit } from "../../auth/loadSignedInKit";
import { LoginMutation } from "../../auth/operations";
import { Field, FormAlert } from "../../components/Field";
import { PublicLayout } from "../../components/PublicLayout";
import { errorMessage } from "../../components/QueryState";
import { splitErrors } from "../../components/fieldErrors";

/** Only same-app paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/app";
}

export function LoginScreen() {
  const { state, signIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [{ fetching, data, error }, login] = useMutation(LoginMutation);
  const [email, setEmail] = useState(params.get("email") ?? "");
  const [password, setPassword] = useState("");
  const [remember, setRemember] = useState(false);
  // Fetch the signed-in client while the user types, so nothing waits after "Sign in".
  useEffect(() => {
    loadSignedInKit().catch(() => undefined); // a failure shows after sign-in, with a reload button
  }, []);

  if (state.status === "signedIn") return <Navigate to={safeNext(params.get("next"))} replace />;

  const { byField, general } = splitErrors(data?.login.errors, ["email", "password"]);
  const notice = state.status === "anonymous" ? state.notice : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await login({ email, password });
    const payload = result.data?.login;
    if (payload?.token && payload.user) {
      signIn(payload.token, payload.user, remember ? "device" : "session");
      navigate(safeNext(params.get("next")), { replace: true });
    }
  }

  return (
    <PublicLayout title="Sign in">
      {params.get("registered") ? (
        <p className="alert alert-success" role="status">
          Thanks! Check your email: a new account gets a link to verify its address (you can sign in now), and an address that already has an account gets a sign-in and password-reset link.
        </p>
      ) : null}
      {notice ? (
        <p className="alert alert-info" role="status">
          {notice}
        </p>
      ) : null}
      <FormAlert messages={error ? [errorMessage(error)] : general} />
      <form onSubmit={submit} noValidate>
        <Field label="Email" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={byField.email} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={byField.password}
        />
        <div className="check">
          <input id="remember" type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          <label htmlFor="remember">Keep me signed in on this device</label>
        </div>
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="links">
        <Link to="/forgot-password">Forgot your password?</Link> · <Link to="/register">Create an account</Link>
      </p>
    </PublicLayout>
  );
}
