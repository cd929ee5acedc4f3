/** The provider's screens, under /app/provider/ (loaded on demand, so the landing page never downloads them). */
import { Route, Routes } from "react-router";

import { NotFoundInApp } from "../shell/NotFoundInApp";
import { ProviderDashboard } from "./ProviderDashboard";

export default function ProviderArea() {
  return (
    <Routes>
      <Route index element={<ProviderDashboard />} />
      <Route path="*" element={<NotFoundInApp />} />
    </Routes>
  );
}
