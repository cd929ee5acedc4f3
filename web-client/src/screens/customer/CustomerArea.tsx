/** The customer's screens, under /app/customer/ (loaded on demand, so the landing page never downloads them). */
import { Route, Routes } from "react-router";

import { NotFoundInApp } from "../shell/NotFoundInApp";
import { CustomerDashboard } from "./CustomerDashboard";
import { InvoicesScreen } from "./InvoicesScreen";
import { MyRequestsScreen } from "./MyRequestsScreen";
import { NewRequestScreen } from "./NewRequestScreen";
import { RequestScreen } from "./RequestScreen";
import "./customer.css";

export default function CustomerArea() {
  return (
    <Routes>
      <Route index element={<CustomerDashboard />} />
      <Route path="requests" element={<MyRequestsScreen />} />
      <Route path="requests/new" element={<NewRequestScreen />} />
      <Route path="requests/:id" element={<RequestScreen />} />
      <Route path="invoices" element={<InvoicesScreen />} />
      <Route path="*" element={<NotFoundInApp />} />
    </Routes>
  );
}
