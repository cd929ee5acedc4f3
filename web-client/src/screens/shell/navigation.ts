/** What each role sees in the signed-in navigation. Each area owns the routes under its prefix (see App.tsx). */
export type Role = "CUSTOMER" | "PROVIDER" | "ADMIN";

export interface NavItem {
  to: string;
  label: string;
}

export const NAVIGATION: Record<Role, NavItem[]> = {
  CUSTOMER: [
    { to: "/app/customer", label: "Dashboard" },
    { to: "/app/customer/requests", label: "My requests" },
    { to: "/app/customer/requests/new", label: "New request" },
    { to: "/app/customer/invoices", label: "Invoices" },
    { to: "/app/account", label: "Account" },
  ],
  PROVIDER: [
    { to: "/app/provider", label: "Dashboard" },
    { to: "/app/provider/feed", label: "Open requests" },
    { to: "/app/provider/missions", label: "Missions" },
    { to: "/app/provider/earnings", label: "Earnings" },
    { to: "/app/provider/profile", label: "Profile" },
    { to: "/app/account", label: "Account" },
  ],
  ADMIN: [
    { to: "/app/admin", label: "Dashboard" },
    { to: "/app/admin/verification", label: "Verification queue" },
    { to: "/app/admin/jobs", label: "Jobs & disputes" },
    { to: "/app/admin/revenue", label: "Revenue" },
    { to: "/app/admin/audit", label: "Audit log" },
    { to: "/app/admin/ai", label: "AI keys" },
    { to: "/app/account", label: "Account" },
  ],
};

export function homeFor(role: Role): string {
  return NAVIGATION[role][0].to;
}
