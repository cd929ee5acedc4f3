/**
 * Selections that several areas repeat on the same type. With `fragmentMasking: false` the spread fields stay
 * on the generated result types; the fragments keep `id` wherever the selections had it, so the normalized cache
 * keys (and embeds) the same objects as before.
 */
import { graphql } from "../gql";

export const MoneyFields = graphql(`
  fragment MoneyFields on Money {
    amount
    currency
  }
`);

/** A mutation payload's `errors`, as `splitErrors` reads them. */
export const FieldErrorFields = graphql(`
  fragment FieldErrorFields on FieldError {
    field
    message
    code
  }
`);

/** What "Load more" needs from a connection. */
export const PageInfoFields = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** A provider's verification document, as the provider's profile and the admin's verification queue list it. */
export const ProviderDocumentFields = graphql(`
  fragment ProviderDocumentFields on ProviderDocument {
    id
    kind
    uploadedAt
    url
  }
`);
