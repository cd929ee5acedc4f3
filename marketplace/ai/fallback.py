"""The local answers used when no model answer is available. They say what they are and never guess boldly.

Intake: keyword match of the customer's note and the photo's metadata (file name words, any embedded description)
against the live categories' names and keywords; the category's base price as the budget; low confidence.
Disputes: a structured digest of the facts, with no recommendation beyond "needs an admin's review".
"""

from __future__ import annotations

import re

from cms.models import ServiceCategory

WORD = re.compile(r"[a-z0-9]+")

EMERGENCY_WORDS = ("emergency", "flood", "flooding", "fire", "smoke", "sparks", "sparking", "gas leak", "burst", "electrocuted")
HIGH_WORDS = ("urgent", "asap", "leak", "leaking", "no power", "no water", "today", "overflowing", "broken")
LOW_WORDS = ("no rush", "whenever", "cosmetic", "eventually", "next month", "minor")

MAX_CONFIDENCE = 0.4


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _contains(haystack: list[str], phrase: str) -> bool:
    needle = words_of(phrase)
    if not needle:
        return False
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def score_category(category: ServiceCategory, text_words: list[str]) -> int:
    """Keyword hits, with the category's own name or slug worth two."""
    score = sum(1 for keyword in category.keyword_list if _contains(text_words, keyword))
    if _contains(text_words, category.name) or _contains(text_words, category.slug.replace("-", " ")):
        score += 2
    return score


def best_category(categories: list[ServiceCategory], text: str) -> tuple[ServiceCategory | None, int]:
    """The highest-scoring category (editors' order breaks ties), or (None, 0) when nothing matches."""
    text_words = words_of(text)
    best, best_score = None, 0
    for category in categories:
        score = score_category(category, text_words)
        if score > best_score:
            best, best_score = category, score
    return best, best_score


def urgency_from_text(text: str) -> str:
    text_words = words_of(text)
    for level, phrases in (("EMERGENCY", EMERGENCY_WORDS), ("HIGH", HIGH_WORDS), ("LOW", LOW_WORDS)):
        if any(_contains(text_words, phrase) for phrase in phrases):
            return level
    return "MEDIUM"


def intake_guess(categories: list[ServiceCategory], note: str, metadata_text: str) -> dict:
    """A draft request from keywords only. Always names one of `categories` (the first when nothing matches)."""
    text = f"{note}\n{metadata_text}"
    category, score = best_category(categories, text)
    if category is None:
        category, confidence = categories[0], 0.05
    else:
        confidence = min(MAX_CONFIDENCE, 0.15 + 0.1 * score)
    note = note.strip()
    if note:
        first_sentence = re.split(r"(?<=[.!?])\s", note, maxsplit=1)[0]
        title = first_sentence[:80].rstrip(" .") or f"{category.name} request"
        description = note
    else:
        title = f"{category.name} request from a photo"
        description = "Automatic analysis was unavailable; the category was guessed from the photo's details. Please describe the problem."
    return {
        "category": category,
        "title": title[:1].upper() + title[1:],
        "description": description,
        "urgency": urgency_from_text(text),
        "budget": category.base_price,
        "confidence": round(confidence, 2),
    }
