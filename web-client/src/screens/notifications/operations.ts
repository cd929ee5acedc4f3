import { graphql } from "../../gql";

export const NotificationFields = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    title
    body
    targetType
    targetId
    createdAt
    isRead
  }
`);

/** The bell: how many are unread (all of them, not this page) and the newest few. */
export const BellQuery = graphql(`
  query NotificationBell($first: Int!) {
    notifications(first: $first) {
      unreadCount
      edges {
        node {
          ...NotificationFields
        }
      }
    }
  }
`);

export const NotificationsPageQuery = graphql(`
  query NotificationsPage($first: Int!, $after: String) {
    notifications(first: $first, after: $after) {
      totalCount
      edges {
        node {
          ...NotificationFields
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);

export const NotificationsSubscription = graphql(`
  subscription LiveNotifications {
    notifications {
      ...NotificationFields
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean!) {
    markNotificationsRead(ids: $ids, all: $all) {
      markedCount
      unreadCount
      errors {
        ...FieldErrorFields
      }
    }
  }
`);
