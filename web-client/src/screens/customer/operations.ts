/** The customer area's GraphQL operations (types generated from the API's schema by `npm run codegen`). */
import { graphql } from "../../gql";

export const CustomerDashboardQuery = graphql(`
  query CustomerDashboard {
    customerDashboard {
      totalRequests
      activeRequests
      completedRequests
      spent {
        ...MoneyFields
      }
    }
  }
`);

export const CustomerRequestSummaryFields = graphql(`
  fragment CustomerRequestSummary on ServiceRequest {
    id
    title
    status
    mode
    city
    createdAt
    bidCount
    category {
      id
      name
    }
    budget {
      ...MoneyFields
    }
    offer {
      ...MoneyFields
    }
    job {
      id
      status
    }
  }
`);

export const CustomerRequestsQuery = graphql(`
  query CustomerRequests($status: String, $first: Int!, $after: String) {
    serviceRequests(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...CustomerRequestSummary
        }
      }
    }
  }
`);

export const NewRequestOptionsQuery = graphql(`
  query NewRequestOptions {
    categories {
      id
      name
      slug
      pricingModel
      basePrice {
        ...MoneyFields
      }
    }
    site {
      currency {
        code
        symbol
      }
    }
  }
`);

export const AnalyzeRequestImageMutation = graphql(`
  mutation AnalyzeRequestImage($image: Upload!, $note: String) {
    analyzeRequestImage(image: $image, note: $note) {
      analysis {
        category {
          id
          slug
          name
        }
        title
        description
        urgency
        estimatedBudget {
          ...MoneyFields
        }
        confidence
        source
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const CustomerRequestFields = graphql(`
  fragment CustomerRequestDetails on ServiceRequest {
    id
    title
    description
    urgency
    mode
    status
    city
    address
    preferredDate
    createdAt
    updatedAt
    bidCount
    category {
      id
      name
      slug
    }
    photos {
      url
      width
      height
    }
    budget {
      ...MoneyFields
    }
    offer {
      ...MoneyFields
    }
    job {
      id
      status
    }
  }
`);

export const CreateServiceRequestMutation = graphql(`
  mutation CreateServiceRequest($input: ServiceRequestInput!, $photos: [Upload!]) {
    createServiceRequest(input: $input, photos: $photos) {
      serviceRequest {
        ...CustomerRequestDetails
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const UpdateServiceRequestMutation = graphql(`
  mutation UpdateServiceRequest($id: ID!, $changes: ServiceRequestChanges!) {
    updateServiceRequest(id: $id, changes: $changes) {
      serviceRequest {
        ...CustomerRequestDetails
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const CancelServiceRequestMutation = graphql(`
  mutation CancelServiceRequest($id: ID!) {
    cancelServiceRequest(id: $id) {
      serviceRequest {
        id
        status
        bidCount
        updatedAt
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

// Everything a bid card shows except the match score: bid events do not carry it, and asking for it there would
// overwrite the score the normalized cache holds for the bid with null.
export const CustomerBidFields = graphql(`
  fragment CustomerBid on Bid {
    id
    status
    message
    estimatedHours
    createdAt
    updatedAt
    amount {
      ...MoneyFields
    }
    provider {
      id
      displayName
      avatarUrl
      city
      rating
      reviewCount
      jobsCompleted
      verified
    }
  }
`);

export const CustomerRequestQuery = graphql(`
  query CustomerRequest($id: ID!) {
    serviceRequest(id: $id) {
      ...CustomerRequestDetails
      bids {
        ...CustomerBid
        matchScore
      }
    }
  }
`);

export const CustomerBidEventsSubscription = graphql(`
  subscription CustomerBidEvents($requestId: ID!) {
    bidEvents(requestId: $requestId) {
      kind
      bid {
        ...CustomerBid
        matchScore
      }
    }
  }
`);

export const AcceptBidMutation = graphql(`
  mutation AcceptBid($bidId: ID!) {
    acceptBid(bidId: $bidId) {
      job {
        id
        status
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const CustomerInvoicesQuery = graphql(`
  query CustomerInvoices($first: Int!, $after: String) {
    invoices(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          number
          kind
          issuedAt
          jobId
          subtotal {
            ...MoneyFields
          }
          tax {
            ...MoneyFields
          }
          total {
            ...MoneyFields
          }
        }
      }
    }
  }
`);

// A fresh link each time: `pdfUrl` is signed for a few minutes only.
export const InvoicePdfQuery = graphql(`
  query InvoicePdf($id: ID!) {
    invoice(id: $id) {
      id
      number
      pdfUrl
    }
  }
`);

// The fixed-offer page listens for "a provider took your offer" (the notification names the job, not the request).
export const CustomerOfferNotificationsSubscription = graphql(`
  subscription CustomerOfferNotifications {
    notifications {
      id
      kind
      targetId
    }
  }
`);
