/**
 * Selections that every area repeats on the same embedded types. With `fragmentMasking: false` the spread
 * fields stay on the generated result types; these types have no `id`, so the normalized cache stores them
 * inside their parent either way.
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
