/** The admin's screens, under /app/admin/ (loaded on demand, so the landing page never downloads them). */
import { Route, Routes } from "react-router";

import { NotFoundInApp } from "../shell/NotFoundInApp";
import "./admin.css";
import { AdminDashboard } from "./AdminDashboard";
import { AiVaultScreen } from "./AiVaultScreen";
import { AuditLogScreen } from "./AuditLogScreen";
import { JobAdminScreen } from "./JobAdminScreen";
import { JobsScreen } from "./JobsScreen";
import { RevenueScreen } from "./RevenueScreen";
import { VerificationQueue } from "./VerificationQueue";

export default function AdminArea() {
  return (
    <Routes>
      <Route index element={<AdminDashboard />} />
      <Route path="verification" element={<VerificationQueue />} />
      <Route path="jobs" element={<JobsScreen />} />
      <Route path="jobs/:id" element={<JobAdminScreen />} />
      <Route path="revenue" element={<RevenueScreen />} />
      <Route path="audit" element={<AuditLogScreen />} />
      <Route path="ai" element={<AiVaultScreen />} />
      <Route path="*" element={<NotFoundInApp />} />
    </Routes>
  );
}
