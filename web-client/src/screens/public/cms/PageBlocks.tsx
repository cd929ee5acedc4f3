/**
 * Renders a CMS page's blocks (every member of the API's `PageBlock` union). Headings follow the page outline:
 * the first hero's headline is the page's one <h1> (without a hero the screen shows the page title as <h1>),
 * block headings are <h2>, items inside a block <h3>.
 */
import { useId, useMemo, type MouseEvent, type ReactNode } from "react";
import { Link, useNavigate } from "react-router";

import type { PageFieldsFragment } from "../../../gql/graphql";
import { CategoryCard } from "./CategoryCard";
import { clientLink, isAppPath } from "./links";
import { sanitizeRichText } from "./richText";

export type Block = PageFieldsFragment["blocks"][number];
type BlockOf<Name extends Block["__typename"]> = Extract<Block, { __typename: Name }>;

/** The index of the block whose headline is the page's <h1>: the first hero, or -1 (then the page title is). */
export function titleBlockIndex(blocks: readonly Block[]): number {
  return blocks.findIndex((block) => block.__typename === "HeroBlock");
}

export function PageBlocks({ blocks }: { blocks: readonly Block[] }) {
  const title = titleBlockIndex(blocks);
  return (
    <>
      {blocks.map((block, index) => (
        <PageBlock key={block.id} block={block} isTitle={index === title} />
      ))}
    </>
  );
}

function PageBlock({ block, isTitle }: { block: Block; isTitle: boolean }) {
  switch (block.__typename) {
    case "HeroBlock":
      return <Hero block={block} isTitle={isTitle} />;
    case "FeaturesBlock":
      return <Features block={block} />;
    case "CategoryGridBlock":
      return <CategoryGrid block={block} />;
    case "TestimonialsBlock":
      return <Testimonials block={block} />;
    case "StepsBlock":
      return <Steps block={block} />;
    case "CallToActionBlock":
      return <CallToAction block={block} />;
    case "RichTextBlock":
      return <RichText block={block} />;
    case "ImageBlock":
      return <ImageFigure block={block} />;
    default:
      return null; // a block type this client does not know yet
  }
}

export function CmsLink({ link, className }: { link: { label: string; url: string; isExternal: boolean } | null | undefined; className?: string }) {
  if (!link) return null;
  const target = clientLink(link, window.location.origin);
  if (!target) return null;
  return target.kind === "internal" ? (
    <Link to={target.to} className={className}>
      {link.label}
    </Link>
  ) : (
    <a href={target.href} className={className}>
      {link.label}
    </a>
  );
}

/** A block's <section>, named by its heading when it has one. */
function Section({ kind, heading, className, children }: { kind: string; heading?: string; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={`cms-block cms-${kind}${className ? ` ${className}` : ""}`} data-block={kind} aria-labelledby={heading ? id : undefined}>
      {heading ? <h2 id={id}>{heading}</h2> : null}
      {children}
    </section>
  );
}

function Hero({ block, isTitle }: { block: BlockOf<"HeroBlock">; isTitle: boolean }) {
  const Heading = isTitle ? "h1" : "h2";
  return (
    <section className={`cms-block cms-hero${block.image ? " cms-hero-with-image" : ""}`} data-block="hero">
      <div className="cms-hero-text">
        <Heading>{block.headline}</Heading>
        {block.subheadline ? <p className="cms-lead">{block.subheadline}</p> : null}
        {block.callToAction ? (
          <p className="cms-actions">
            <CmsLink link={block.callToAction} className="button" />
          </p>
        ) : null}
      </div>
      {block.image ? (
        <img
          className="cms-hero-image"
          src={block.image.url}
          width={block.image.width}
          height={block.image.height}
          alt={block.image.alt}
          // The largest thing above the fold: fetched first, never lazily.
          fetchPriority={isTitle ? "high" : undefined}
          loading={isTitle ? "eager" : "lazy"}
          decoding="async"
        />
      ) : null}
    </section>
  );
}

function Features({ block }: { block: BlockOf<"FeaturesBlock"> }) {
  return (
    <Section kind="features" heading={block.heading}>
      <ul className="cms-cards">
        {block.cards.map((card, index) => (
          <li key={index} className="card">
            {card.icon ? <img className="cms-card-icon" src={card.icon.url} width={48} height={48} alt="" loading="lazy" decoding="async" /> : null}
            <h3>{card.title}</h3>
            <p>{card.text}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function CategoryGrid({ block }: { block: BlockOf<"CategoryGridBlock"> }) {
  return (
    <Section kind="category-grid" heading={block.heading}>
      {block.intro ? <p className="cms-intro">{block.intro}</p> : null}
      {block.categories.length ? (
        <ul className="category-list">
          {block.categories.map((category) => (
            <li key={category.id}>
              <CategoryCard category={category} headingLevel={block.heading ? 3 : 2} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No services are offered yet.</p>
      )}
      <p>
        <Link to="/services">See all services</Link>
      </p>
    </Section>
  );
}

function Stars({ rating }: { rating: number }) {
  const stars = Math.max(0, Math.min(5, Math.round(rating)));
  return (
    <p className="cms-rating">
      <span role="img" aria-label={`Rated ${stars} out of 5`}>
        {"★".repeat(stars)}
        <span className="cms-rating-off">{"★".repeat(5 - stars)}</span>
      </span>
    </p>
  );
}

function Testimonials({ block }: { block: BlockOf<"TestimonialsBlock"> }) {
  return (
    <Section kind="testimonials" heading={block.heading}>
      <ul className="cms-cards">
        {block.items.map((item, index) => (
          <li key={index} className="card">
            <figure className="cms-testimonial">
              {item.rating ? <Stars rating={item.rating} /> : null}
              <blockquote>
                <p>{item.quote}</p>
              </blockquote>
              <figcaption>
                {item.photo ? <img className="cms-avatar" src={item.photo.url} width={48} height={48} alt="" loading="lazy" decoding="async" /> : null}
                <span>
                  <strong>{item.author}</strong>
                  {item.role ? <span className="cms-role">{item.role}</span> : null}
                </span>
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Steps({ block }: { block: BlockOf<"StepsBlock"> }) {
  return (
    <Section kind="steps" heading={block.heading}>
      <ol className="cms-step-list">
        {block.steps.map((step) => (
          <li key={step.number} className="card">
            <span className="cms-step-number" aria-hidden="true">
              {step.number}
            </span>
            <h3>{step.title}</h3>
            <p>{step.text}</p>
          </li>
        ))}
      </ol>
    </Section>
  );
}

function CallToAction({ block }: { block: BlockOf<"CallToActionBlock"> }) {
  const id = useId();
  return (
    <section className="cms-block cms-cta" data-block="call-to-action" aria-labelledby={id}>
      <h2 id={id}>{block.headline}</h2>
      {block.text ? <p>{block.text}</p> : null}
      {block.callToAction ? (
        <p className="cms-actions">
          <CmsLink link={block.callToAction} className="button" />
        </p>
      ) : null}
    </section>
  );
}

function RichText({ block }: { block: BlockOf<"RichTextBlock"> }) {
  const navigate = useNavigate();
  const html = useMemo(() => sanitizeRichText(block.html), [block.html]);
  // Links to our own pages stay inside the app instead of reloading it.
  function followAppLinks(event: MouseEvent<HTMLDivElement>) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const href = (event.target as Element).closest("a")?.getAttribute("href");
    if (href && isAppPath(href)) {
      event.preventDefault();
      navigate(href);
    }
  }
  // The click handler only delegates for the links inside, which the keyboard reaches and activates as usual.
  return <div className="cms-block cms-rich-text" data-block="rich-text" onClick={followAppLinks} dangerouslySetInnerHTML={{ __html: html }} />;
}

function ImageFigure({ block }: { block: BlockOf<"ImageBlock"> }) {
  if (!block.image) return null;
  return (
    <figure className="cms-block cms-image" data-block="image">
      <img src={block.image.url} width={block.image.width} height={block.image.height} alt={block.image.alt} loading="lazy" decoding="async" />
      {block.caption ? <figcaption>{block.caption}</figcaption> : null}
    </figure>
  );
}
