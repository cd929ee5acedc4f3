import type { ReactNode } from "react";

import { SiteFooter, SiteHeader } from "./SiteHeader";
import "../screens/public/public.css";

/** The frame of the public screens: skip link, site header, the content, footer. */
export function PublicPage({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <div className="public">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className={className} tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}

/** The frame of the signed-out forms (sign in, register …): a centred card under the site header. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <PublicPage className="card public-card">
      <h1>{title}</h1>
      {children}
    </PublicPage>
  );
}
