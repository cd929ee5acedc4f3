import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";

import { RequestPasswordResetMutation } from "../../auth/operations";
import { Field, FormAlert } from "../../components/Field";
import { PublicLayout } from "../../components/PublicLayout";
import { errorMessage } from "../../components/QueryState";

export function ForgotPasswordScreen() {
  const [{ fetching, data, error }, requestReset] = useMutation(RequestPasswordResetMutation);
  const [email, setEmail] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    await requestReset({ email });
  }

  return (
    <PublicLayout title="Reset your password">
      {data?.requestPasswordReset.ok ? (
        <p className="alert alert-success" role="status">
          If an account exists for {email}, we have emailed it a link to choose a new password.
        </p>
      ) : (
        <>
          <FormAlert messages={error ? [errorMessage(error)] : []} />
          <form onSubmit={submit}>
            <Field label="Email" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
            <button type="submit" className="button" disabled={fetching}>
              Email me a link
            </button>
          </form>
        </>
      )}
      <p className="links">
        <Link to="/login">Back to sign in</Link>
      </p>
    </PublicLayout>
  );
}
