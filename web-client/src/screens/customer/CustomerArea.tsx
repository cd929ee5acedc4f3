/** The customer's screens, under /app/customer/ (loaded on demand, so the landing page never downloads them). */
import { Route, Routes } from "react-router";

import { NotFoundInApp } from "../shell/NotFoundInApp";
import { CustomerDashboard } from "./CustomerDashboard";

export default function CustomerArea() {
  return (
    <Routes>
      <Route index element={<CustomerDashboard />} />
      <Route path="*" element={<NotFoundInApp />} />
    </Routes>
  );
}
