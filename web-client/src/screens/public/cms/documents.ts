/**
 * The CMS content the landing and CMS pages read (through the anonymous content client, see graphql/publicClient).
 * Screens off the landing path keep their own queries beside them, so the landing chunk does not carry them.
 */
import { graphql } from "../../../gql";

export const CategoryCardFields = graphql(`
  fragment CategoryCardFields on ServiceCategory {
    id
    name
    slug
    description
    pricingModel
    keywords
    basePrice {
      amount
      currency
    }
    icon {
      url
      width
      height
      alt
    }
  }
`);

export const PageFields = graphql(`
  fragment PageFields on Page {
    id
    title
    path
    seoTitle
    seoDescription
    blocks {
      __typename
      ... on HeroBlock {
        id
        headline
        subheadline
        callToAction {
          label
          url
          isExternal
        }
        image {
          url
          width
          height
          alt
        }
      }
      ... on FeaturesBlock {
        id
        heading
        cards {
          title
          text
          icon {
            url
            width
            height
            alt
          }
        }
      }
      ... on CategoryGridBlock {
        id
        heading
        intro
        categories {
          ...CategoryCardFields
        }
      }
      ... on TestimonialsBlock {
        id
        heading
        items {
          quote
          author
          role
          rating
          photo(spec: ICON) {
            url
            width
            height
            alt
          }
        }
      }
      ... on StepsBlock {
        id
        heading
        steps {
          number
          title
          text
        }
      }
      ... on CallToActionBlock {
        id
        headline
        text
        callToAction {
          label
          url
          isExternal
        }
      }
      ... on RichTextBlock {
        id
        html
      }
      ... on ImageBlock {
        id
        caption
        image {
          url
          width
          height
          alt
        }
      }
    }
  }
`);

export const PageQuery = graphql(`
  query PublicPage($path: String!) {
    page(path: $path) {
      ...PageFields
    }
  }
`);
