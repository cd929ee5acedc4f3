import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useMutation } from "urql";

import { ResetPasswordMutation } from "../../auth/operations";
import { Field, FormAlert } from "../../components/Field";
import { PublicLayout } from "../../components/PublicLayout";
import { errorMessage } from "../../components/QueryState";
import { splitErrors } from "../../components/fieldErrors";

/** `/reset-password?token=…`: the link from the reset email. */
export function ResetPasswordScreen() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [{ fetching, data, error }, reset] = useMutation(ResetPasswordMutation);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const { byField, general } = splitErrors(data?.resetPassword.errors, ["newPassword"]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(password !== confirm);
    if (password === confirm) await reset({ token, newPassword: password });
  }

  if (data?.resetPassword.ok) {
    return (
      <PublicLayout title="Password changed">
        <p className="alert alert-success" role="status">
          Your password has been changed and other sessions were signed out.
        </p>
        <p className="links">
          <Link to="/login">Sign in</Link>
        </p>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title="Choose a new password">
      <FormAlert messages={error ? [errorMessage(error)] : token ? general : ["This link has no token."]} />
      <form onSubmit={submit} noValidate>
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters; avoid common words."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={byField.newPassword}
        />
        <Field
          label="Repeat the new password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={mismatch ? "The two passwords differ." : undefined}
        />
        <button type="submit" className="button" disabled={fetching || !token}>
          Change password
        </button>
      </form>
      {general.length ? (
        <p className="links">
          <Link to="/forgot-password">Request a new link</Link>
        </p>
      ) : null}
    </PublicLayout>
  );
}
