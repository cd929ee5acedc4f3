import { Suspense, lazy, type ReactNode } from "react";
import { Navigate, Route, Routes } from "react-router";

import { useAuth } from "./auth/AuthProvider";
import { Loading } from "./components/QueryState";
import { CmsPageScreen } from "./screens/public/CmsPageScreen";
import { ForgotPasswordScreen } from "./screens/public/ForgotPasswordScreen";
import { LandingScreen } from "./screens/public/LandingScreen";
import { LoginScreen } from "./screens/public/LoginScreen";
import { RegisterScreen } from "./screens/public/RegisterScreen";
import { ResetPasswordScreen } from "./screens/public/ResetPasswordScreen";
import { VerifyEmailScreen } from "./screens/public/VerifyEmailScreen";
import { homeFor, type Role } from "./screens/shell/navigation";

// Each signed-in area is its own chunk: the landing page and sign-in never download the dashboards, nor the shell.
const AppShell = lazy(() => import("./screens/shell/AppShell").then((module) => ({ default: module.AppShell })));
const AccountScreen = lazy(() => import("./screens/shell/AccountScreen").then((module) => ({ default: module.AccountScreen })));
const NotificationsScreen = lazy(() =>
  import("./screens/notifications/NotificationsScreen").then((module) => ({ default: module.NotificationsScreen })),
);
const CustomerArea = lazy(() => import("./screens/customer/CustomerArea"));
const ProviderArea = lazy(() => import("./screens/provider/ProviderArea"));
const AdminArea = lazy(() => import("./screens/admin/AdminArea"));
const JobsArea = lazy(() => import("./screens/jobs/JobsArea"));
// Public screens off the landing path.
const ServicesScreen = lazy(() => import("./screens/public/services/ServicesScreen"));
const PreviewScreen = lazy(() => import("./screens/public/PreviewScreen"));

/** A role's screens; other roles are sent to their own home. (The API enforces the same rule on its side.) */
function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { user } = useAuth();
  if (!user) return null;
  return user.role === role ? children : <Navigate to={homeFor(user.role)} replace />;
}

function RoleHome() {
  const { user } = useAuth();
  return user ? <Navigate to={homeFor(user.role)} replace /> : null;
}

function Area({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** The signed-in frame, once the session's client (graphcache + realtime, loaded on demand) is ready. */
function SignedIn() {
  const { sessionReady, sessionFailed } = useAuth();
  if (sessionFailed) {
    return (
      <div className="page-status" role="alert">
        <p>We could not load ServeFlow. Check your connection, then reload the page.</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (!sessionReady) return <Loading label="Loading your account…" />;
  return (
    <Area>
      <AppShell />
    </Area>
  );
}

export function App() {
  return (
    <Routes>
      <Route index element={<LandingScreen />} />
      <Route path="services" element={<Area><ServicesScreen /></Area>} />
      <Route path="preview" element={<Area><PreviewScreen /></Area>} />
      <Route path="login" element={<LoginScreen />} />
      <Route path="register" element={<RegisterScreen />} />
      <Route path="verify-email" element={<VerifyEmailScreen />} />
      <Route path="forgot-password" element={<ForgotPasswordScreen />} />
      <Route path="reset-password" element={<ResetPasswordScreen />} />
      <Route path="app" element={<SignedIn />}>
        <Route index element={<RoleHome />} />
        <Route path="customer/*" element={<RequireRole role="CUSTOMER"><Area><CustomerArea /></Area></RequireRole>} />
        <Route path="provider/*" element={<RequireRole role="PROVIDER"><Area><ProviderArea /></Area></RequireRole>} />
        <Route path="admin/*" element={<RequireRole role="ADMIN"><Area><AdminArea /></Area></RequireRole>} />
        <Route path="jobs/*" element={<Area><JobsArea /></Area>} />
        <Route path="account" element={<Area><AccountScreen /></Area>} />
        <Route path="notifications" element={<Area><NotificationsScreen /></Area>} />
        <Route path="*" element={<RoleHome />} />
      </Route>
      {/* Any other path is a CMS page ("/become-a-provider/"), or "Page not found". */}
      <Route path="*" element={<CmsPageScreen />} />
    </Routes>
  );
}
