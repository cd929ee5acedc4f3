import { useState } from "react";
import { Link } from "react-router";

import { useSite } from "../theme/ThemeProvider";

/** The platform's name, with the CMS's logo before it when there is one (the name stays the link's text). */
export function Brand({ to }: { to: string }) {
  const site = useSite();
  const [brokenLogo, setBrokenLogo] = useState<string | null>(null);
  const logo = site.logo && site.logo.url !== brokenLogo ? site.logo : null;
  return (
    <Link to={to} className="brand">
      {logo ? (
        <img
          className="brand-logo"
          src={logo.url}
          // 2rem high; the width follows the logo's own proportions (no layout shift).
          height={32}
          width={Math.round((32 * logo.width) / Math.max(1, logo.height))}
          alt=""
          onError={() => setBrokenLogo(logo.url)}
        />
      ) : null}
      <span>{site.platformName}</span>
    </Link>
  );
}
