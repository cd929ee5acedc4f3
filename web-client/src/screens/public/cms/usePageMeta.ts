import { useEffect } from "react";

import { useSite } from "../../../theme/ThemeProvider";

/**
 * The document's title and description for the screen being shown (SEO from the CMS). They are set after
 * ThemeProvider's own title (the platform name), so they win; leaving the screen puts the defaults back.
 */
export function usePageMeta({ title, description, noIndex = false }: { title?: string | null; description?: string | null; noIndex?: boolean }) {
  const { platformName } = useSite();
  useEffect(() => {
    if (title) document.title = title;
    return () => {
      document.title = platformName;
    };
  }, [title, platformName]);

  useEffect(() => {
    const meta = namedMeta("description");
    const previous = meta.content;
    if (description) meta.content = description;
    return () => {
      meta.content = previous;
    };
  }, [description]);

  useEffect(() => {
    if (!noIndex) return;
    const meta = namedMeta("robots");
    meta.content = "noindex";
    return () => meta.remove();
  }, [noIndex]);
}

function namedMeta(name: string): HTMLMetaElement {
  let meta = document.head.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
  if (!meta) {
    meta = document.createElement("meta");
    meta.name = name;
    document.head.append(meta);
  }
  return meta;
}
