import type { ReactNode } from "react";
import { Link } from "react-router";
import { useQuery, type CombinedError } from "urql";

import { useAuth } from "../../../auth/AuthProvider";
import { ErrorState, Loading } from "../../../components/QueryState";
import type { PageFieldsFragment } from "../../../gql/graphql";
import { PageQuery } from "./documents";
import { PageBlocks, titleBlockIndex } from "./PageBlocks";
import { usePageMeta } from "./usePageMeta";

/** A page from the CMS: its blocks, with the page title as <h1> when no hero block provides one. */
export function CmsPageView({ page }: { page: PageFieldsFragment }) {
  return (
    <article className="cms-page" data-testid="cms-page" data-path={page.path ?? undefined}>
      {titleBlockIndex(page.blocks) < 0 ? <h1 className="cms-page-title">{page.title}</h1> : null}
      <PageBlocks blocks={page.blocks} />
    </article>
  );
}

interface CmsPageContentProps {
  path: string;
  /** Shown when the CMS has no published page at `path`. */
  missing: ReactNode;
  /** Shown when the API could not answer. Default: a heading and the error with a retry button. */
  failed?: (error: CombinedError, retry: () => void) => ReactNode;
}

/** Loads the published page at `path` and renders it, with its SEO title and description. */
export function CmsPageContent({ path, missing, failed }: CmsPageContentProps) {
  const [result, refetch] = useQuery({ query: PageQuery, variables: { path } });
  const page = result.data?.page;
  usePageMeta({ title: page?.seoTitle, description: page?.seoDescription });
  const retry = () => refetch({ requestPolicy: "network-only" });

  if (page) return <CmsPageView page={page} />;
  // A failing `page` field answers `{ page: null }` with an error: that is a failure, not a missing page.
  if (result.error) {
    return failed ? (
      <>{failed(result.error, retry)}</>
    ) : (
      <div className="page-status">
        <h1>We could not load this page</h1>
        <ErrorState error={result.error} retry={retry} />
      </div>
    );
  }
  if (result.data) return <>{missing}</>;
  return (
    <div className="cms-loading">
      <Loading />
    </div>
  );
}

/** The landing page's own hero, for when the CMS has no home page (or cannot be reached). */
export function FallbackHero() {
  const { user } = useAuth();
  return (
    <section className="cms-block cms-hero" data-block="hero" data-fallback="">
      <div className="cms-hero-text">
        <h1>Home services, done right.</h1>
        <p className="cms-lead">Post what you need, compare bids from verified local providers, and pay only when the work is done.</p>
        <p className="cms-actions">
          <Link to="/services" className="button">
            Browse services
          </Link>
          {user ? (
            <Link to="/app" className="button button-secondary">
              Open dashboard
            </Link>
          ) : (
            <Link to="/register" className="button button-secondary">
              Create an account
            </Link>
          )}
        </p>
      </div>
    </section>
  );
}

export function PageNotFound() {
  usePageMeta({ title: "Page not found", noIndex: true });
  return (
    <div className="page-status" data-testid="page-not-found">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved or been unpublished.</p>
      <p>
        <Link to="/">Go to the home page</Link> · <Link to="/services">Browse services</Link>
      </p>
    </div>
  );
}
