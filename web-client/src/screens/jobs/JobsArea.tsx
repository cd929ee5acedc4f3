/** The job page, shared by the job's customer, its provider and admins, under /app/jobs/:id. */
import { Route, Routes } from "react-router";

import { NotFoundInApp } from "../shell/NotFoundInApp";
import { JobScreen } from "./JobScreen";
import "./jobs.css";

export default function JobsArea() {
  return (
    <Routes>
      <Route path=":id" element={<JobScreen />} />
      <Route path="*" element={<NotFoundInApp />} />
    </Routes>
  );
}
