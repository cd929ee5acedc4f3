import { Link } from "react-router";

import { useAuth } from "../../../auth/AuthProvider";
import { MoneyText } from "../../../components/MoneyText";
import type { CategoryCardFieldsFragment } from "../../../gql/graphql";
import { categoryStartLink } from "./links";

const PRICED = { HOURLY: "per hour", FIXED: "fixed price" } as const;

/** One service category: icon, name, description, typical price and where to start a request for it. */
export function CategoryCard({ category, headingLevel = 3 }: { category: CategoryCardFieldsFragment; headingLevel?: 2 | 3 }) {
  const { user } = useAuth();
  const start = categoryStartLink(category.slug, user?.role);
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card category-card" data-testid="category-card" data-category={category.slug}>
      {category.icon ? <img className="category-icon" src={category.icon.url} width={56} height={56} alt="" loading="lazy" decoding="async" /> : null}
      <div className="category-body">
        <Heading className="category-name">{category.name}</Heading>
        {category.description ? <p className="category-description">{category.description}</p> : null}
        <p className="category-price">
          <span className="category-price-label">Typical price</span> <MoneyText money={category.basePrice} />{" "}
          <span>{PRICED[category.pricingModel]}</span>
        </p>
      </div>
      {start ? (
        <Link to={start} className="button button-small category-start">
          Get started<span className="visually-hidden"> with {category.name}</span>
        </Link>
      ) : null}
    </article>
  );
}
