/**
 * The signed-in admin's notifications as they arrive (DISPUTE_OPENED, chargebacks…): screens use them to refresh
 * what the event changed without a reload. urql shares one subscription among the screens that ask.
 */
import { useRef } from "react";
import { useSubscription } from "urql";

import { graphql } from "../../gql";

const AdminNotificationsSubscription = graphql(`
  subscription AdminNotifications {
    notifications {
      id
      kind
      title
      createdAt
      targetType
      targetId
    }
  }
`);

export interface AdminNotification {
  id: string;
  kind: string;
  title: string;
  targetType: string;
  targetId?: string | null;
}

export function useAdminNotifications(onNotification: (notification: AdminNotification) => void) {
  const callback = useRef(onNotification);
  callback.current = onNotification;
  useSubscription({ query: AdminNotificationsSubscription }, (_, data) => {
    callback.current(data.notifications);
    return data;
  });
}
