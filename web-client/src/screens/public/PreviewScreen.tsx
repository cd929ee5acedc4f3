import { useSearchParams } from "react-router";
import { useQuery } from "urql";

import { PublicPage } from "../../components/PublicLayout";
import { ErrorState, Loading } from "../../components/QueryState";
import { graphql } from "../../gql";
import { ContentApi } from "../../graphql/publicClient";
import { CmsPageView } from "./cms/CmsPage";
import { usePageMeta } from "./cms/usePageMeta";

/**
 * `/preview?token=…`: a draft page from Wagtail's Preview button (cms/previews.py issues the token and opens this
 * route, CMS_PREVIEW_URL), rendered exactly like the live page under a "Preview" banner. Never indexed.
 */
const PagePreviewQuery = graphql(`
  query PagePreview($token: String!) {
    pagePreview(token: $token) {
      ...PageFields
    }
  }
`);

export default function PreviewScreen() {
  return (
    <ContentApi>
      <PublicPage className="landing preview">
        <Preview />
      </PublicPage>
    </ContentApi>
  );
}

function Preview() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  // Drafts change between presses of Preview: always ask the API.
  const [result, refetch] = useQuery({ query: PagePreviewQuery, variables: { token }, pause: !token, requestPolicy: "network-only" });
  const page = result.data?.pagePreview;
  usePageMeta({ title: page ? `Preview: ${page.title}` : "Preview", noIndex: true });

  if (token && !result.data && !result.error) return <Loading label="Loading the preview…" />;
  if (!page && result.error) {
    return (
      <div className="page-status">
        <h1>We could not load the preview</h1>
        <ErrorState error={result.error} retry={() => refetch({ requestPolicy: "network-only" })} />
      </div>
    );
  }
  if (!page) {
    return (
      <div className="page-status" data-testid="preview-invalid">
        <h1>This preview link is invalid or has expired</h1>
        <p>Preview links work for a limited time. Open the page in the CMS and press Preview again to get a new link.</p>
      </div>
    );
  }
  return (
    <>
      <p className="preview-banner" role="note" data-testid="preview-banner">
        <strong>Preview</strong> — a draft of “{page.title}”, not published. Visitors still see the live page.
      </p>
      <CmsPageView page={page} />
    </>
  );
}
