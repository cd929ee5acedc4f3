/** The provider area's GraphQL documents (types generated from the API's schema: a renamed field fails the build). */
import { graphql } from "../../gql";

export const ProviderStatusFields = graphql(`
  fragment ProviderStatusFields on ProviderProfile {
    id
    status
    verified
    rejectionReason
    reviewedAt
  }
`);

export const MyProviderStatusQuery = graphql(`
  query MyProviderStatus {
    myProviderProfile {
      ...ProviderStatusFields
    }
    site {
      supportEmail
    }
  }
`);

export const RequestProviderReviewMutation = graphql(`
  mutation RequestProviderReview {
    requestProviderReview {
      provider {
        ...ProviderStatusFields
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const OwnBidFields = graphql(`
  fragment OwnBidFields on Bid {
    id
    status
    message
    estimatedHours
    createdAt
    updatedAt
    amount {
      ...MoneyFields
    }
  }
`);

// Everything a feed item shows. `matchScore` is only computed in `openRequests` (and the live feed), so the
// mutations below never select it: their null would overwrite the score in the normalized cache.
export const FeedRequestFields = graphql(`
  fragment FeedRequestFields on ServiceRequest {
    id
    title
    description
    urgency
    mode
    status
    city
    preferredDate
    createdAt
    matchScore
    bidCount
    customerName
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
    bids {
      ...OwnBidFields
    }
    job {
      id
      status
    }
  }
`);

export const OpenRequestsQuery = graphql(`
  query OpenRequests($first: Int!, $after: String) {
    openRequests(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...FeedRequestFields
        }
      }
    }
    site {
      currency {
        code
      }
    }
  }
`);

/** What a bid mutation changes on its request, for the feed item to show. */
export const BidRequestFields = graphql(`
  fragment BidRequestFields on ServiceRequest {
    id
    status
    bidCount
    bids {
      ...OwnBidFields
    }
  }
`);

export const PlaceBidMutation = graphql(`
  mutation PlaceBid($requestId: ID!, $amount: Int!, $message: String!, $estimatedHours: Int) {
    placeBid(requestId: $requestId, amount: $amount, message: $message, estimatedHours: $estimatedHours) {
      bid {
        ...OwnBidFields
        request {
          ...BidRequestFields
        }
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const UpdateBidMutation = graphql(`
  mutation UpdateBid($bidId: ID!, $amount: Int, $message: String, $estimatedHours: Int) {
    updateBid(bidId: $bidId, amount: $amount, message: $message, estimatedHours: $estimatedHours) {
      bid {
        ...OwnBidFields
        request {
          ...BidRequestFields
        }
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const WithdrawBidMutation = graphql(`
  mutation WithdrawBid($bidId: ID!) {
    withdrawBid(bidId: $bidId) {
      bid {
        ...OwnBidFields
        request {
          ...BidRequestFields
        }
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const RespondToOfferMutation = graphql(`
  mutation RespondToOffer($requestId: ID!, $accept: Boolean!) {
    respondToOffer(requestId: $requestId, accept: $accept) {
      job {
        id
        status
        request {
          id
          status
          job {
            id
            status
          }
        }
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const MissionFields = graphql(`
  fragment MissionFields on Job {
    id
    status
    createdAt
    paidAt
    startedAt
    deliveredAt
    completedAt
    cancelledAt
    customerName
    unreadMessageCount
    amount {
      ...MoneyFields
    }
    request {
      id
      title
      city
      category {
        id
        name
      }
    }
  }
`);

export const MissionsQuery = graphql(`
  query Missions($status: String, $first: Int!, $after: String) {
    jobs(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...MissionFields
        }
      }
    }
  }
`);

export const ProviderDashboardQuery = graphql(`
  query ProviderDashboard {
    providerDashboard {
      totalMissions
      successfulEnds
      trustRating
      successRate
      revenue {
        ...MoneyFields
      }
    }
  }
`);

export const ProviderEarningsQuery = graphql(`
  query ProviderEarnings {
    providerDashboard {
      revenue {
        ...MoneyFields
      }
      earnings {
        held {
          ...MoneyFields
        }
        available {
          ...MoneyFields
        }
        paidOut {
          ...MoneyFields
        }
      }
      payoutsEnabled
    }
    paymentGateway {
      live
    }
    myProviderProfile {
      id
    }
    invoices(first: 100) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          kind
          number
          issuedAt
          total {
            ...MoneyFields
          }
        }
      }
    }
  }
`);

export const ProviderReputationQuery = graphql(`
  query ProviderReputation($providerId: ID!) {
    provider(id: $providerId) {
      id
      displayName
      rating
      reviewCount
      completionRate
      jobsCompleted
    }
    jobs(status: "COMPLETED", first: 50) {
      edges {
        node {
          id
          completedAt
          request {
            id
            title
          }
          reviews {
            ...ReviewFields
          }
        }
      }
    }
  }
`);

export const ProviderProfileFields = graphql(`
  fragment ProviderProfileFields on ProviderProfile {
    id
    bio
    city
    serviceRadiusKm
    latitude
    longitude
    categories {
      id
      slug
      name
    }
    documents {
      ...ProviderDocumentFields
    }
  }
`);

export const ProviderProfileQuery = graphql(`
  query ProviderProfileScreen {
    myProviderProfile {
      ...ProviderProfileFields
    }
    categories {
      id
      slug
      name
    }
  }
`);

export const UpdateProviderProfileMutation = graphql(`
  mutation UpdateProviderProfile(
    $bio: String
    $city: String
    $categorySlugs: [String!]
    $serviceRadiusKm: Int
    $latitude: Float
    $longitude: Float
  ) {
    updateProviderProfile(
      bio: $bio
      city: $city
      categorySlugs: $categorySlugs
      serviceRadiusKm: $serviceRadiusKm
      latitude: $latitude
      longitude: $longitude
    ) {
      provider {
        ...ProviderProfileFields
        ...ProviderStatusFields
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const UploadProviderDocumentMutation = graphql(`
  mutation UploadProviderDocument($kind: String!, $file: Upload!) {
    uploadProviderDocument(kind: $kind, file: $file) {
      document {
        ...ProviderDocumentFields
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const PayoutStatusQuery = graphql(`
  query PayoutStatus {
    providerDashboard {
      payoutsEnabled
    }
    paymentGateway {
      name
      live
    }
  }
`);

export const StartPayoutOnboardingMutation = graphql(`
  mutation StartPayoutOnboarding {
    startPayoutOnboarding {
      url
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

/** Each request that newly opens in the provider's categories and area, as `openRequests` would list it. */
export const OpenRequestFeedSubscription = graphql(`
  subscription OpenRequestFeed {
    openRequestFeed {
      ...FeedRequestFields
    }
  }
`);
