import { useEffect } from "react";
import { Link, useSearchParams } from "react-router";
import { useMutation } from "urql";

import { VerifyEmailMutation } from "../../auth/operations";
import { PublicLayout } from "../../components/PublicLayout";
import { errorMessage } from "../../components/QueryState";

/** `/verify-email?token=…`: the link from the verification email. Verifying is idempotent, so a re-run is harmless. */
export function VerifyEmailScreen() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [{ data, error, fetching }, verify] = useMutation(VerifyEmailMutation);

  useEffect(() => {
    if (token) void verify({ token });
  }, [token, verify]);

  const failure = !token ? "This link has no token." : error ? errorMessage(error) : data?.verifyEmail.errors[0]?.message;
  return (
    <PublicLayout title="Verify your email">
      {failure ? (
        <p className="alert alert-error" role="alert">
          {failure}
        </p>
      ) : fetching || !data ? (
        <p role="status">Checking your link…</p>
      ) : (
        <p className="alert alert-success" role="status">
          Your email address is verified.
        </p>
      )}
      <p className="links">
        <Link to="/app">Continue to ServeFlow</Link>
      </p>
    </PublicLayout>
  );
}
