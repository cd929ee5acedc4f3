import { useEffect, useMemo, useRef, useState, type ChangeEvent } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";

import { PublicPage } from "../../../components/PublicLayout";
import { QueryState } from "../../../components/QueryState";
import type { CategoryCardFieldsFragment } from "../../../gql/graphql";
import { graphql } from "../../../gql";
import { ContentApi } from "../../../graphql/publicClient";
import { useSite } from "../../../theme/ThemeProvider";
import { CategoryCard } from "../cms/CategoryCard";
import { usePageMeta } from "../cms/usePageMeta";
import { searchCategories, searchStatus } from "./categorySearch";

const CategoriesQuery = graphql(`
  query PublicCategories {
    categories {
      ...CategoryCardFields
    }
  }
`);

/** `/services`: every live category from the CMS, searchable by name and keywords (`?q=` keeps the search in the URL). */
export default function ServicesScreen() {
  return (
    <ContentApi>
      <PublicPage className="landing services">
        <Services />
      </PublicPage>
    </ContentApi>
  );
}

function Services() {
  const { platformName } = useSite();
  const [params, setParams] = useSearchParams();
  const inUrl = params.get("q") ?? "";
  // The input is driven by local state, not by the URL: a URL update is a navigation that lands a render later, and
  // fast typing would lose characters in between. The URL follows the input (replace, no history entry per key), and
  // the input follows the URL only when it changes from outside (back and forward, "clear"): the URL values this
  // input wrote itself are recognised as they land, including stale ones arriving after newer keystrokes.
  const [query, setQuery] = useState(inUrl);
  const written = useRef<string[]>([]);
  useEffect(() => {
    const mine = written.current.indexOf(inUrl);
    if (mine >= 0) written.current = written.current.slice(mine + 1);
    else {
      written.current = [];
      setQuery(inUrl);
    }
  }, [inUrl]);
  const [result, refetch] = useQuery({ query: CategoriesQuery });
  usePageMeta({ title: `Services · ${platformName}`, description: `The home services you can request on ${platformName}, with typical prices.` });

  function search(event: ChangeEvent<HTMLInputElement>) {
    const value = event.target.value;
    setQuery(value);
    written.current.push(value);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set("q", value);
        else next.delete("q");
        return next;
      },
      { replace: true },
    );
  }

  return (
    <>
      <h1>Services</h1>
      <p className="subtitle">What our verified providers do. Prices are typical; providers bid on your request, or take your fixed offer.</p>
      <form role="search" className="service-search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="service-search">Search services</label>
          <input id="service-search" type="search" value={query} onChange={search} placeholder="e.g. leak, wiring, sofa" autoComplete="off" enterKeyHint="search" />
        </div>
      </form>
      <QueryState result={result} retry={() => refetch({ requestPolicy: "network-only" })} loadingLabel="Loading services…">
        {(data) => <Results categories={data.categories} query={query} onClear={() => setParams({}, { replace: true })} />}
      </QueryState>
    </>
  );
}

function Results({ categories, query, onClear }: { categories: readonly CategoryCardFieldsFragment[]; query: string; onClear: () => void }) {
  const shown = useMemo(() => searchCategories(categories, query), [categories, query]);
  const searching = query.trim() !== "";
  return (
    <>
      <p className="search-status" role="status" aria-live="polite" data-testid="search-status">
        {searchStatus(categories.length, shown.length, query)}
      </p>
      {shown.length ? (
        <ul className="category-list" data-testid="category-list">
          {shown.map((category) => (
            <li key={category.id}>
              <CategoryCard category={category} headingLevel={2} />
            </li>
          ))}
        </ul>
      ) : searching ? (
        <p className="empty">
          Try another word, or{" "}
          <button type="button" className="button button-small button-secondary" onClick={onClear}>
            show all services
          </button>
        </p>
      ) : null}
    </>
  );
}
