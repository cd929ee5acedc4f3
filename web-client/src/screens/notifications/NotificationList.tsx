import { Link } from "react-router";

import { formatDateTime } from "../../components/dates";
import type { Role } from "../shell/navigation";
import type { AppNotification } from "./NotificationsProvider";
import { notificationHref } from "./targets";

interface NotificationListProps {
  items: readonly AppNotification[];
  role: Role;
  /** Called when the reader follows a notification's link. */
  onOpen: (notification: AppNotification) => void;
  empty?: string;
}

/** Notifications newest first; unread ones marked (in text, not only colour); each links to what it is about. */
export function NotificationList({ items, role, onOpen, empty = "No notifications yet." }: NotificationListProps) {
  if (!items.length) return <p className="empty">{empty}</p>;
  return (
    <ul className="notification-list" data-testid="notification-list">
      {items.map((notification) => {
        const href = notificationHref(notification, role);
        return (
          <li
            key={notification.id}
            className={notification.isRead ? "notification" : "notification notification-unread"}
            data-testid="notification-item"
            data-kind={notification.kind}
            data-read={notification.isRead}
          >
            <p className="notification-title">
              {!notification.isRead ? <span className="notification-dot" aria-hidden="true" /> : null}
              {!notification.isRead ? <span className="visually-hidden">Unread: </span> : null}
              {href ? (
                <Link to={href} onClick={() => onOpen(notification)}>
                  {notification.title}
                </Link>
              ) : (
                notification.title
              )}
            </p>
            {notification.body ? <p className="notification-body">{notification.body}</p> : null}
            <p className="notification-time">
              <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
