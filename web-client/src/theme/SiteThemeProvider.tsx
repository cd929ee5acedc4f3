/**
 * Feeds `ThemeProvider` with the CMS's site (branding, theme, maintenance) without ever holding back the first
 * paint: it renders at once with the last site seen on this device (or the defaults) and applies the API's answer
 * when it arrives. It reads through the anonymous content client, so signing in or out does not refetch it.
 */
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useQuery } from "urql";

import { graphql } from "../gql";
import { ContentApi } from "../graphql/publicClient";
import { ThemeProvider } from "./ThemeProvider";
import "./glass.css";
import { readCachedSite, writeCachedSite } from "./siteCache";
import { siteFromCms } from "./siteTheme";

export const SiteQuery = graphql(`
  query Site {
    site {
      platformName
      supportEmail
      maintenanceMode
      maintenanceMessage
      currency {
        code
        symbol
      }
      logo {
        url
        width
        height
        alt
      }
      theme {
        name
        primaryColor
        secondaryColor
        accentColor
        backgroundColor
        textColor
        fontFamily
        cornerRadius
        glassEffect
      }
    }
  }
`);

export function SiteLoader({ children }: { children: ReactNode }) {
  const [{ data }] = useQuery({ query: SiteQuery });
  const [cached] = useState(readCachedSite);
  const live = data?.site;
  useEffect(() => {
    if (live) writeCachedSite(live);
  }, [live]);
  // A failed or pending query keeps what we have: the cached site or the defaults (errors show where they matter).
  const site = useMemo(() => (live ? siteFromCms(live) : siteFromCms(cached, { live: false })), [live, cached]);
  return <ThemeProvider site={site}>{children}</ThemeProvider>;
}

export function SiteThemeProvider({ children }: { children: ReactNode }) {
  return (
    <ContentApi>
      <SiteLoader>{children}</SiteLoader>
    </ContentApi>
  );
}
