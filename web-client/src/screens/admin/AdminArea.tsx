/** The admin's screens, under /app/admin/ (loaded on demand, so the landing page never downloads them). */
import { Route, Routes } from "react-router";

import { NotFoundInApp } from "../shell/NotFoundInApp";
import { AdminDashboard } from "./AdminDashboard";

export default function AdminArea() {
  return (
    <Routes>
      <Route index element={<AdminDashboard />} />
      <Route path="*" element={<NotFoundInApp />} />
    </Routes>
  );
}
