import { graphql } from "../gql";

export const ViewerFields = graphql(`
  fragment ViewerFields on User {
    id
    email
    role
    firstName
    lastName
    displayName
    emailVerified
    avatarUrl
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...ViewerFields
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      user {
        ...ViewerFields
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout {
      ok
    }
  }
`);

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      ok
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      user {
        id
        emailVerified
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const ResendVerificationMutation = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail {
      ok
    }
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email) {
      ok
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      ok
      errors {
        ...FieldErrorFields
      }
    }
  }
`);
