/**
 * Whether the API says the platform is in maintenance. The API refuses non-admin operations with
 * `extensions.code` MAINTENANCE while it is on; any such answer raises the notice, and the next successful
 * operation lowers it again. (`site { maintenanceMode }` can also set it once the client reads `site`.)
 */
export interface MaintenanceState {
  active: boolean;
  message: string | null;
}

const listeners = new Set<() => void>();
let state: MaintenanceState = { active: false, message: null };

export const maintenanceStore = {
  get: (): MaintenanceState => state,
  set(next: MaintenanceState) {
    if (next.active === state.active && next.message === state.message) return;
    state = next;
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
