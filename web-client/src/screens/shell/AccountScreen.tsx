import { useMutation } from "urql";

import { useAuth } from "../../auth/AuthProvider";
import { ResendVerificationMutation } from "../../auth/operations";

export function AccountScreen() {
  const { user } = useAuth();
  const [{ data, fetching }, resend] = useMutation(ResendVerificationMutation);
  if (!user) return null;
  return (
    <section>
      <h1>Account</h1>
      <dl className="details card">
        <dt>Name</dt>
        <dd>{user.displayName || "—"}</dd>
        <dt>Email</dt>
        <dd>
          {user.email} {user.emailVerified ? <span className="tag tag-success">verified</span> : <span className="tag">not verified</span>}
        </dd>
        <dt>Role</dt>
        <dd>{user.role.toLowerCase()}</dd>
      </dl>
      {!user.emailVerified ? (
        data?.resendVerificationEmail.ok ? (
          <p className="alert alert-success" role="status">
            We sent a new verification link to {user.email}.
          </p>
        ) : (
          <button type="button" className="button" disabled={fetching} onClick={() => void resend({})}>
            Resend the verification email
          </button>
        )
      ) : null}
    </section>
  );
}
