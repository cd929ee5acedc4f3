import { graphql } from "../../../gql";

export const ChatMessageFields = graphql(`
  fragment ChatMessageFields on ChatMessage {
    id
    body
    createdAt
    senderRole
    senderName
    isMine
  }
`);

export const ChatHistoryQuery = graphql(`
  query ChatHistory($jobId: ID!, $last: Int!, $before: String) {
    messages(jobId: $jobId, last: $last, before: $before) {
      edges {
        node {
          ...ChatMessageFields
        }
      }
      pageInfo {
        hasPreviousPage
        startCursor
      }
    }
  }
`);

export const ChatMessagesSubscription = graphql(`
  subscription ChatMessages($jobId: ID!, $afterId: ID) {
    chatMessages(jobId: $jobId, afterId: $afterId) {
      ...ChatMessageFields
    }
  }
`);

export const SendMessageMutation = graphql(`
  mutation SendMessage($jobId: ID!, $body: String!) {
    sendMessage(jobId: $jobId, body: $body) {
      message {
        ...ChatMessageFields
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const MarkMessagesReadMutation = graphql(`
  mutation MarkMessagesRead($jobId: ID!, $upToMessageId: ID) {
    markMessagesRead(jobId: $jobId, upToMessageId: $upToMessageId) {
      unreadCount
      errors {
        ...FieldErrorFields
      }
    }
  }
`);
