import { ErrorState } from "../../components/QueryState";
import { PublicPage } from "../../components/PublicLayout";
import { ContentApi } from "../../graphql/publicClient";
import { CmsPageContent, FallbackHero } from "./cms/CmsPage";

/** `/`: the CMS's home page (`page(path: "/")`); our own hero if the CMS has none or cannot be reached. */
export function LandingScreen() {
  return (
    <ContentApi>
      <PublicPage className="landing">
        <CmsPageContent
          path="/"
          missing={<FallbackHero />}
          failed={(error, retry) => (
            <>
              <FallbackHero />
              <div className="landing-error">
                <ErrorState error={error} retry={retry} />
              </div>
            </>
          )}
        />
      </PublicPage>
    </ContentApi>
  );
}
