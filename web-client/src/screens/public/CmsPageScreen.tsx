import { useLocation } from "react-router";

import { PublicPage } from "../../components/PublicLayout";
import { ContentApi } from "../../graphql/publicClient";
import { CmsPageContent, PageNotFound } from "./cms/CmsPage";

/**
 * Any other public path: the CMS page published there ("/become-a-provider/"), else "Page not found". The API
 * gives links to our pages as such paths, and Wagtail's "View live" sends editors to them too.
 */
export function CmsPageScreen() {
  const { pathname } = useLocation();
  return (
    <ContentApi>
      <PublicPage className="landing">
        <CmsPageContent key={pathname} path={pathname} missing={<PageNotFound />} />
      </PublicPage>
    </ContentApi>
  );
}
