"""Abbreviations and what they stand for. Searching for either finds both.

Add a pair here when people search for a service by a short form that records spell out (or the other way round).
An abbreviation that is also an everyday word (SEND) only counts when typed in capitals.
"""

from dataclasses import dataclass
from functools import cache

from .analysis import tokens


@dataclass(frozen=True)
class Abbreviation:
    short: str
    meaning: str
    capitals_only: bool = False


ABBREVIATIONS: tuple[Abbreviation, ...] = (
    Abbreviation("AI", "artificial intelligence"),
    Abbreviation("GenAI", "generative AI"),
    Abbreviation("ML", "machine learning"),
    Abbreviation("LLM", "large language model"),
    Abbreviation("NLP", "natural language processing"),
    Abbreviation("OCR", "optical character recognition"),
    Abbreviation("RPA", "robotic process automation"),
    Abbreviation("ANPR", "automatic number plate recognition"),
    Abbreviation("CCTV", "closed circuit television"),
    Abbreviation("DPIA", "data protection impact assessment"),
    Abbreviation("EIA", "equality impact assessment"),
    Abbreviation("EqIA", "equality impact assessment"),
    Abbreviation("NEET", "not in education, employment or training"),
    Abbreviation("ASC", "adult social care"),
    Abbreviation("CSC", "children's social care"),
    Abbreviation("SEND", "special educational needs and disabilities", capitals_only=True),
    Abbreviation("SEN", "special educational needs"),
    Abbreviation("EHCP", "education, health and care plan"),
    Abbreviation("HMO", "house in multiple occupation"),
    Abbreviation("DWP", "Department for Work and Pensions"),
    Abbreviation("GDPR", "General Data Protection Regulation"),
    Abbreviation("CTR", "council tax reduction"),
)


@cache
def table() -> tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...]:
    """(terms of the short form, terms of the meaning, capitals only) for each abbreviation."""
    return tuple((tuple(tokens(a.short)), tuple(tokens(a.meaning)), a.capitals_only) for a in ABBREVIATIONS)


def alternatives(terms: tuple[str, ...], typed: str) -> list[tuple[str, ...]]:
    """Other ways of writing `terms` (the terms of one word, or of a run of words): for an abbreviation, what it
    stands for; for a meaning, its abbreviation. `typed` is the text as typed, for the capitals-only entries."""
    found: list[tuple[str, ...]] = []
    for short, meaning, capitals_only in table():
        if terms == short and (not capitals_only or typed.isupper()):
            found.append(meaning)
        elif terms == meaning:
            found.append(short)
    # An abbreviation can appear in another's meaning (GenAI = generative AI): no duplicates, nothing equal to terms.
    return [alt for i, alt in enumerate(found) if alt != terms and alt not in found[:i]]


@cache
def longest_meaning() -> int:
    return max(len(meaning) for _, meaning, _ in table())
