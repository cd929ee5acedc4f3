/** The job page's GraphQL documents. Every mutation returns the job with the same fields, so the cache updates the page. */
import { graphql } from "../../gql";

/** A job's status history, as the timeline and the admin's job page read it. */
export const JobTransitionFields = graphql(`
  fragment JobTransitionFields on JobTransition {
    fromStatus
    toStatus
    note
    at
    actor
  }
`);

export const ReviewFields = graphql(`
  fragment ReviewFields on Review {
    id
    rating
    comment
    createdAt
    authorName
    authorRole
  }
`);

/** The dispute with its AI briefing, shown on the job page and the admin's job page. */
export const DisputeFields = graphql(`
  fragment DisputeFields on Dispute {
    reason
    openedAt
    resolution
    providerSharePercent
    resolutionNote
    resolvedAt
    analysis {
      summary
      suggestedResolution
      customerSharePercent
      rationale
      source
      analysedAt
    }
  }
`);

export const JobFields = graphql(`
  fragment JobFields on Job {
    id
    status
    createdAt
    paymentDueAt
    paidAt
    startedAt
    deliveredAt
    autoReleaseAt
    completedAt
    cancelledAt
    cancellationReason
    customerName
    reviewedByMe
    amount {
      ...MoneyFields
    }
    request {
      id
      title
      description
      city
      address
      urgency
      category {
        id
        name
      }
    }
    provider {
      id
      displayName
      rating
      reviewCount
      verified
    }
    transitions {
      ...JobTransitionFields
    }
    reviews {
      ...ReviewFields
    }
    dispute {
      ...DisputeFields
    }
  }
`);

export const JobPageQuery = graphql(`
  query JobPage($id: ID!) {
    job(id: $id) {
      ...JobFields
    }
    paymentGateway {
      name
      live
      publishableKey
    }
    site {
      taxRateBps
      autoReleaseHours
    }
  }
`);

export const JobUpdatesSubscription = graphql(`
  subscription JobUpdates($jobId: ID!) {
    jobUpdates(jobId: $jobId) {
      status
      job {
        ...JobFields
      }
    }
  }
`);

export const CreateJobPaymentMutation = graphql(`
  mutation CreateJobPayment($jobId: ID!) {
    createJobPayment(jobId: $jobId) {
      payment {
        status
        gateway
        clientSecret
        lastError
        total {
          ...MoneyFields
        }
      }
      job {
        ...JobFields
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const StartJobMutation = graphql(`
  mutation StartJob($jobId: ID!) {
    startJob(jobId: $jobId) {
      job {
        ...JobFields
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const MarkJobDeliveredMutation = graphql(`
  mutation MarkJobDelivered($jobId: ID!) {
    markJobDelivered(jobId: $jobId) {
      job {
        ...JobFields
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const ConfirmJobCompletionMutation = graphql(`
  mutation ConfirmJobCompletion($jobId: ID!) {
    confirmJobCompletion(jobId: $jobId) {
      job {
        ...JobFields
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const CancelJobMutation = graphql(`
  mutation CancelJob($jobId: ID!, $reason: String!) {
    cancelJob(jobId: $jobId, reason: $reason) {
      job {
        ...JobFields
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const OpenDisputeMutation = graphql(`
  mutation OpenDispute($jobId: ID!, $reason: String!) {
    openDispute(jobId: $jobId, reason: $reason) {
      job {
        ...JobFields
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const SubmitReviewMutation = graphql(`
  mutation SubmitReview($jobId: ID!, $rating: Int!, $comment: String!) {
    submitReview(jobId: $jobId, rating: $rating, comment: $comment) {
      review {
        id
        rating
        comment
        createdAt
        authorName
        authorRole
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);
