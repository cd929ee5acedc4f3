import { useAuth } from "../../auth/AuthProvider";

/** The dashboards' heading: "Welcome back, <first name>" and a line on what the page shows. */
export function Greeting({ subtitle }: { subtitle: string }) {
  const { user } = useAuth();
  return (
    <>
      <h1>Welcome back{user?.firstName ? `, ${user.firstName}` : ""}</h1>
      <p className="subtitle">{subtitle}</p>
    </>
  );
}
