/** What each role sees in the signed-in navigation. Screens marked `soon` arrive with their API areas. */
export type Role = "CUSTOMER" | "PROVIDER" | "ADMIN";

export interface NavItem {
  to: string;
  label: string;
  soon?: boolean;
}

export const NAVIGATION: Record<Role, NavItem[]> = {
  CUSTOMER: [
    { to: "/app/customer", label: "Dashboard" },
    { to: "/app/requests", label: "My requests", soon: true },
    { to: "/app/requests/new", label: "New request", soon: true },
    { to: "/app/invoices", label: "Invoices", soon: true },
    { to: "/app/account", label: "Account" },
  ],
  PROVIDER: [
    { to: "/app/provider", label: "Dashboard" },
    { to: "/app/feed", label: "Open requests", soon: true },
    { to: "/app/missions", label: "Missions", soon: true },
    { to: "/app/earnings", label: "Earnings", soon: true },
    { to: "/app/account", label: "Account" },
  ],
  ADMIN: [
    { to: "/app/admin", label: "Dashboard" },
    { to: "/app/verification", label: "Verification queue", soon: true },
    { to: "/app/jobs", label: "Jobs & disputes", soon: true },
    { to: "/app/revenue", label: "Revenue", soon: true },
    { to: "/app/audit", label: "Audit log", soon: true },
    { to: "/app/account", label: "Account" },
  ],
};

export function homeFor(role: Role): string {
  return NAVIGATION[role][0].to;
}
