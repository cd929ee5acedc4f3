"""Demo content for `make run`: idempotent, safe to load again. Images are drawn with Pillow (no downloads)."""

from __future__ import annotations

from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from .models import BrandingSettings, HomePage, LandingPage, PricingModel, ServiceCategory, Theme

# The five categories of the seeds' screenshots. Prices are in minor units of the site currency.
CATEGORIES = [
    ("Plumbing", "plumbing", PricingModel.HOURLY, 2500, "leak, pipe, tap, faucet, drain, toilet, water heater, sink, geyser"),
    ("Electrical", "electrical", PricingModel.HOURLY, 3000, "wiring, socket, switch, breaker, light, fan, short circuit, power"),
    ("Cleaning", "cleaning", PricingModel.FIXED, 6000, "deep clean, carpet, sofa, kitchen, bathroom, move out, windows"),
    ("Carpentry", "carpentry", PricingModel.HOURLY, 2800, "door, cabinet, furniture, wood, shelf, hinge, wardrobe, table"),
    ("Painting", "painting", PricingModel.FIXED, 15000, "paint, wall, ceiling, primer, damp, color, whitewash, varnish"),
]
CATEGORY_COLOURS = {"plumbing": "#2563eb", "electrical": "#f59e0b", "cleaning": "#10b981", "carpentry": "#92400e", "painting": "#db2777"}


def demo_image(title: str, colour: str, size: tuple[int, int] = (1600, 900), alt: str = ""):
    """A Wagtail image drawn on the fly (a coloured card with its title), reused if one with `title` exists."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PillowImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    width, height = size
    draw.ellipse((width * 0.6, -height * 0.2, width * 1.2, height * 0.8), fill="#ffffff")
    draw.text((width * 0.06, height * 0.45), title, fill="#0f172a" if colour == "#ffffff" else "#ffffff", font_size=max(16, height // 10))
    buffer = BytesIO()
    picture.save(buffer, "PNG")
    slug = "".join(c if c.isalnum() else "-" for c in title.lower())
    return Image.objects.create(title=title, description=alt or title, file=ImageFile(buffer, name=f"demo-{slug}.png"))


def load_categories() -> list[ServiceCategory]:
    categories = []
    for order, (name, slug, pricing, price, keywords) in enumerate(CATEGORIES):
        category, created = ServiceCategory.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "pricing_model": pricing, "base_price": price, "keywords": keywords, "sort_order": order, "live": True},
        )
        if created or category.icon_id is None:
            category.icon = demo_image(f"{name} icon", CATEGORY_COLOURS[slug], size=(256, 256), alt=f"{name} icon")
            category.description = category.description or f"Trusted, verified {name.lower()} professionals near you."
            category.save()
            category.save_revision().publish()
        categories.append(category)
    return categories


def load_theme() -> Theme:
    theme, created = Theme.objects.get_or_create(name="ServeFlow Blue", defaults={"glass_effect": True})
    if created:
        theme.save_revision().publish()
    return theme


def load_site(theme: Theme) -> HomePage:
    """A home page with every block type under the default site, a landing page it links to, and the branding."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="ServeFlow", slug="serveflow", seo_title="ServeFlow: home services, done right"))
        placeholder = site.root_page if site is not None else None
        if site is None:
            site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="ServeFlow")
        else:
            site.root_page, site.site_name = home, "ServeFlow"
            site.save()
        if placeholder is not None and type(placeholder.specific) is Page:  # Wagtail's "Welcome" page
            placeholder.delete()
        providers = home.add_child(instance=LandingPage(title="Become a provider", slug="become-a-provider"))
        providers.body = [
            {
                "type": "hero",
                "value": {
                    "headline": "Grow your business with ServeFlow",
                    "subheadline": "Get verified, bid on jobs.",
                    "image": demo_image("Providers hero", "#0f172a").pk,
                    "call_to_action": {"label": "", "page": None, "url": ""},
                },
            },
        ]
        providers.save_revision().publish()
        home.body = home_blocks(providers)
        home.save_revision().publish()
    branding = BrandingSettings.for_site(site)
    if branding.active_theme_id is None:
        branding.platform_name = "ServeFlow"
        branding.logo = demo_image("ServeFlow logo", "#2563eb", size=(400, 120), alt="ServeFlow")
        branding.active_theme = theme
        branding.save()
    return home


def home_blocks(providers: LandingPage) -> list[dict]:
    # The client's own new-request screen (signed-out visitors are asked to sign in or register first).
    link = {"label": "Post a request", "page": None, "url": f"{settings.CLIENT_URL.rstrip('/')}/app/customer/requests/new"}
    return [
        {
            "type": "hero",
            "value": {
                "headline": "Home services you can trust",
                "subheadline": "Post a job, compare bids from verified pros, pay only when it's done.",
                "image": demo_image("Home hero", "#2563eb", alt="A tidy living room after a repair").pk,
                "call_to_action": link,
            },
        },
        {
            "type": "features",
            "value": {
                "heading": "Why ServeFlow",
                "cards": [
                    {
                        "title": "Verified providers",
                        "text": "Every pro is checked before they can bid.",
                        "icon": demo_image("Verified", "#10b981", (256, 256)).pk,
                    },
                    {
                        "title": "Held payments",
                        "text": "Your money is released only when you confirm.",
                        "icon": demo_image("Held", "#f59e0b", (256, 256)).pk,
                    },
                    {
                        "title": "Live bids",
                        "text": "Watch offers arrive in real time.",
                        "icon": demo_image("Live", "#db2777", (256, 256)).pk,
                    },
                ],
            },
        },
        {"type": "category_grid", "value": {"heading": "Popular services", "intro": "Pick a category to get started.", "limit": None}},
        {
            "type": "steps",
            "value": {
                "heading": "How it works",
                "steps": [
                    {"title": "Describe the job", "text": "Type it or snap a photo; our AI fills in the details."},
                    {"title": "Compare bids", "text": "Verified providers near you send offers."},
                    {"title": "Pay safely", "text": "We hold the payment until the work is done."},
                ],
            },
        },
        {
            "type": "testimonials",
            "value": {
                "heading": "Customers say",
                "items": [
                    {
                        "quote": "The plumber arrived in an hour and fixed the leak.",
                        "author": "Sara K.",
                        "role": "Lahore",
                        "photo": demo_image("Sara", "#64748b", (320, 320)).pk,
                        "rating": 5,
                    },
                    {
                        "quote": "Fair price, clean work, paid only when done.",
                        "author": "Omar F.",
                        "role": "Karachi",
                        "photo": None,
                        "rating": 4,
                    },
                ],
            },
        },
        {
            "type": "rich_text",
            "value": f'<h2>For professionals</h2><p>Read <a linktype="page" id="{providers.pk}">how providers get verified</a>'
            " and start bidding today.</p>",
        },
        {
            "type": "image",
            "value": {
                "image": {
                    "image": demo_image("Team at work", "#92400e", alt="Two painters at work").pk,
                    "alt_text": "Two painters rolling a wall",
                    "decorative": False,
                },
                "caption": "Verified painters at work.",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "headline": "Are you a pro?",
                "text": "Join hundreds of verified providers.",
                "call_to_action": {"label": "Become a provider", "page": providers.pk, "url": ""},
            },
        },
    ]


def load_content() -> HomePage:
    """Theme, branding and pages (categories load separately, first)."""
    return load_site(load_theme())
