/**
 * The provider's screens, under /app/provider/ (loaded on demand, so the landing page never downloads them).
 * Every screen shows the verification status above it (ProviderStatus.tsx).
 */
import { Route, Routes } from "react-router";

import { NotFoundInApp } from "../shell/NotFoundInApp";
import { EarningsScreen } from "./earnings/EarningsScreen";
import { FeedScreen } from "./feed/FeedScreen";
import { MissionsScreen } from "./missions/MissionsScreen";
import { ProfileScreen } from "./profile/ProfileScreen";
import { ProviderDashboard } from "./ProviderDashboard";
import { ProviderStatusBanner } from "./ProviderStatus";
import "./provider.css";

export default function ProviderArea() {
  return (
    <div className="provider-area">
      <ProviderStatusBanner />
      <Routes>
        <Route index element={<ProviderDashboard />} />
        <Route path="feed" element={<FeedScreen />} />
        <Route path="missions" element={<MissionsScreen />} />
        <Route path="earnings" element={<EarningsScreen />} />
        <Route path="profile" element={<ProfileScreen />} />
        <Route path="*" element={<NotFoundInApp />} />
      </Routes>
    </div>
  );
}
