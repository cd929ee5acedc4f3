import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMutation } from "urql";

import { RegisterMutation } from "../../auth/operations";
import { Field, FormAlert } from "../../components/Field";
import { PublicLayout } from "../../components/PublicLayout";
import { errorMessage } from "../../components/QueryState";
import { splitErrors } from "../../components/fieldErrors";
import { categoryStartLink } from "./cms/links";

const FIELDS = ["email", "password", "role", "firstName", "lastName", "phone"] as const;
type Role = "CUSTOMER" | "PROVIDER";

/** After signing in, a customer who came from a category (`/register?category=plumbing`) goes on to request it. */
export function nextAfterSignIn(role: Role, category: string | null): string | null {
  return role === "CUSTOMER" && category ? categoryStartLink(category, "CUSTOMER") : null;
}

export function RegisterScreen() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const category = params.get("category");
  const [{ fetching, data, error }, register] = useMutation(RegisterMutation);
  const [role, setRole] = useState<Role>("CUSTOMER");
  const [form, setForm] = useState({ firstName: "", lastName: "", email: "", phone: "", password: "" });
  const { byField, general } = splitErrors(data?.register.errors, FIELDS);
  const set = (name: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await register({ input: { ...form, role } });
    if (!result.data?.register.ok) return;
    const next = nextAfterSignIn(role, category);
    navigate(`/login?registered=1&email=${encodeURIComponent(form.email)}${next ? `&next=${encodeURIComponent(next)}` : ""}`);
  }

  return (
    <PublicLayout title="Create your account">
      <FormAlert messages={error ? [errorMessage(error)] : general} />
      <form onSubmit={submit} noValidate>
        <fieldset className="role-choice" aria-describedby={byField.role ? "role-error" : undefined}>
          <legend>I want to</legend>
          {(
            [
              ["CUSTOMER", "Request services", "Post jobs and hire verified providers"],
              ["PROVIDER", "Offer services", "Bid on jobs near you (after approval)"],
            ] as const
          ).map(([value, title, detail]) => (
            <label key={value} className={`role-option${role === value ? " selected" : ""}`}>
              <input type="radio" name="role" value={value} checked={role === value} onChange={() => setRole(value)} />
              <span>
                <strong>{title}</strong>
                <small>{detail}</small>
              </span>
            </label>
          ))}
          {byField.role ? (
            <p className="field-error" id="role-error">
              {byField.role}
            </p>
          ) : null}
        </fieldset>
        <div className="field-row">
          <Field label="First name" name="firstName" autoComplete="given-name" value={form.firstName} onChange={set("firstName")} error={byField.firstName} />
          <Field label="Last name" name="lastName" autoComplete="family-name" value={form.lastName} onChange={set("lastName")} error={byField.lastName} />
        </div>
        <Field label="Email" name="email" type="email" autoComplete="email" required value={form.email} onChange={set("email")} error={byField.email} />
        <Field label="Phone (optional)" name="phone" type="tel" autoComplete="tel" value={form.phone} onChange={set("phone")} error={byField.phone} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters; avoid common words."
          value={form.password}
          onChange={set("password")}
          error={byField.password}
        />
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? "Creating account…" : "Create account"}
        </button>
      </form>
      <p className="links">
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </PublicLayout>
  );
}
