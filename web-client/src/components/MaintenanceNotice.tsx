/** Shown on every screen while the platform is in maintenance mode (from `site` once the CMS exposes it). */
export function MaintenanceNotice({ active, message }: { active: boolean; message?: string | null }) {
  if (!active) return null;
  return (
    <div className="maintenance" role="status">
      <strong>Maintenance:</strong> {message || "ServeFlow is being updated. Some actions may be unavailable for a few minutes."}
    </div>
  );
}
