/** A page shaped like the API's answer (PageFields), with every block type: the demo home page of cms/demo.py. */
import type { PageFieldsFragment } from "../../../gql/graphql";

const image = (name: string, width: number, height: number, alt: string) => ({ url: `http://127.0.0.1/media/images/${name}.png`, width, height, alt });

export const categories = [
  {
    __typename: "ServiceCategory" as const,
    id: "U2VydmljZUNhdGVnb3J5OjE=",
    name: "Plumbing",
    slug: "plumbing",
    description: "Trusted, verified plumbing professionals near you.",
    pricingModel: "HOURLY" as const,
    keywords: ["leak", "pipe"],
    basePrice: { amount: 2500, currency: "usd" },
    icon: image("plumbing", 128, 128, "Plumbing icon"),
  },
  {
    __typename: "ServiceCategory" as const,
    id: "U2VydmljZUNhdGVnb3J5OjM=",
    name: "Cleaning",
    slug: "cleaning",
    description: "Trusted, verified cleaning professionals near you.",
    pricingModel: "FIXED" as const,
    keywords: ["sofa"],
    basePrice: { amount: 6000, currency: "usd" },
    icon: null,
  },
];

export const homePage: PageFieldsFragment = {
  id: "3",
  title: "ServeFlow",
  path: "/",
  seoTitle: "ServeFlow: home services, done right",
  seoDescription: "Post a job, compare bids, pay when it's done.",
  blocks: [
    {
      __typename: "HeroBlock",
      id: "hero-1",
      headline: "Home services you can trust",
      subheadline: "Post a job, compare bids from verified pros, pay only when it's done.",
      callToAction: { label: "Post a request", url: "https://serveflow.local/requests/new", isExternal: true },
      image: image("hero", 1600, 900, "A tidy living room after a repair"),
    },
    {
      __typename: "FeaturesBlock",
      id: "features-1",
      heading: "Why ServeFlow",
      cards: [
        { title: "Verified providers", text: "Every pro is checked before they can bid.", icon: image("verified", 128, 128, "Verified") },
        { title: "Held payments", text: "Your money is released only when you confirm.", icon: null },
      ],
    },
    { __typename: "CategoryGridBlock", id: "grid-1", heading: "Popular services", intro: "Pick a category to get started.", categories },
    {
      __typename: "StepsBlock",
      id: "steps-1",
      heading: "How it works",
      steps: [
        { number: 1, title: "Describe the job", text: "Type it or snap a photo." },
        { number: 2, title: "Compare bids", text: "Verified providers near you send offers." },
        { number: 3, title: "Pay safely", text: "We hold the payment until the work is done." },
      ],
    },
    {
      __typename: "TestimonialsBlock",
      id: "testimonials-1",
      heading: "Customers say",
      items: [
        { quote: "The plumber arrived in an hour and fixed the leak.", author: "Sara K.", role: "Lahore", rating: 5, photo: image("sara", 128, 128, "Sara") },
        { quote: "Fair price, clean work, paid only when done.", author: "Omar F.", role: "Karachi", rating: 4, photo: null },
      ],
    },
    {
      __typename: "RichTextBlock",
      id: "rich-1",
      html: '<h2>For professionals</h2><p>Read <a href="/become-a-provider/">how providers get verified</a> and start bidding today.</p><script>window.hacked = true</script>',
    },
    { __typename: "ImageBlock", id: "image-1", caption: "Verified painters at work.", image: image("team", 1200, 675, "Two painters rolling a wall") },
    {
      __typename: "CallToActionBlock",
      id: "cta-1",
      headline: "Are you a pro?",
      text: "Join hundreds of verified providers.",
      callToAction: { label: "Become a provider", url: "/become-a-provider/", isExternal: false },
    },
  ],
};

export const landingPage: PageFieldsFragment = {
  id: "4",
  title: "Become a provider",
  path: "/become-a-provider/",
  seoTitle: "Become a provider",
  seoDescription: "",
  blocks: [{ __typename: "StepsBlock", id: "steps-2", heading: "Get verified", steps: [{ number: 1, title: "Apply", text: "Tell us what you do." }] }],
};
