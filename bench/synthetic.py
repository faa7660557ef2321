"""Write a synthetic report of N claims, built from the real report's settings, scale and pages.

The texts are made of plausible news sentences drawn from word lists with a fixed seed, so a
run is repeatable. Each claim quotes one sentence of its source (some with an elision, some
across typographic differences), cites a passage of another source and an external reference,
and about 2% of analyses mention the query word the search benchmark looks for.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

QUERY_WORD = "zeppelin"
QUERY_SHARE = 0.02
SEED = 20260522

ACTORS = [
    "the defence ministry",
    "the foreign office",
    "a government spokesperson",
    "the opposition leader",
    "the central bank",
    "the election commission",
    "the army's general staff",
    "the prime minister",
    "a regional governor",
    "the state news agency",
    "the health ministry",
    "an alliance official",
    "the energy regulator",
    "the port authority",
    "the interior minister",
    "a parliamentary committee",
]
VERBS = [
    "announced",
    "said",
    "confirmed",
    "claimed",
    "reported",
    "warned",
    "denied",
    "estimated",
    "insisted",
    "revealed",
]
TOPICS = [
    "troops would take part in the exercise",
    "refugees had crossed the border",
    "voters had been removed from the rolls",
    "tonnes of grain had left the port",
    "schools would close before the holiday",
    "soldiers were stationed near the capital",
    "households had lost power during the storm",
    "vaccines had been delivered to the region",
    "kilometres of pipeline had been completed",
    "journalists had been accredited for the summit",
    "aircraft had flown over the disputed area",
    "jobs had been created in the new factories",
    "observers would monitor the referendum",
    "villages had been evacuated after the floods",
    "tanks had been moved to the training ground",
    "million euros had been paid to the contractor",
]
PLACES = [
    "Belgrade",
    "Pristina",
    "Tirana",
    "Skopje",
    "Sarajevo",
    "Podgorica",
    "Zagreb",
    "Ljubljana",
    "Sofia",
    "Bucharest",
    "Chisinau",
    "Budapest",
    "Vienna",
    "Athens",
    "Thessaloniki",
    "Novi Sad",
    "Durres",
    "Split",
    "Varna",
    "Constanta",
]
WHEN = [
    "last week",
    "on Monday",
    "on Tuesday",
    "earlier this month",
    "in the spring",
    "at the end of the year",
    "since January",
    "over the weekend",
    "during the summit",
    "before the vote",
]
QUALIFIERS = [
    "according to figures published by the agency",
    "citing an internal report seen by reporters",
    "- although no documents were released",
    "in a statement posted online",
    "speaking to a local broadcaster",
    "at a press conference in the capital",
    "in remarks later clarified by aides",
    "without giving a source for the figure",
]
ANALYSIS = [
    "The figure matches the official register published at the time, which lists the same total.",
    "Records from the statistics office give a lower number for the same period.",
    "The claim leaves out that most of the increase happened in the previous year.",
    "Independent monitors who were present reported a different sequence of events.",
    "The document quoted in support of the claim does not contain the number given.",
    "Two earlier statements by the same office used a range rather than a single figure.",
    "The comparison mixes totals for the whole country with figures for one region.",
    "Satellite images taken that week show activity consistent with the report.",
    "The agency later corrected its own release, but the claim repeats the first version.",
    "No primary source for the number could be found in public records or archives.",
    "The date given in the claim is one year off, as the original notice shows.",
    "Local reporters who covered the event describe it in the same terms.",
    "The budget line cited covers several programmes, not the single one named.",
    "Officials contacted for this fact-check did not reply before publication.",
]
PUBLISHERS = [
    "Balkan Monitor",
    "The Danube Herald",
    "Adriatic Daily",
    "Eastern Wire",
    "Capital Observer",
    "Morning Courier",
    "Regional Post",
    "Harbour Gazette",
]
TAGS = [
    "defence",
    "elections",
    "energy",
    "migration",
    "health",
    "economy",
    "border",
    "media",
    "environment",
    "diplomacy",
    "transport",
    "education",
    "figures",
    "history",
    "security",
    "agriculture",
]
REVIEWERS = ["Fact-check desk", "Regional desk", "Data desk", "Standards editor"]


@dataclass
class SourcePlan:
    """One synthetic source text, its sentences, and where the quoted ones are."""

    id: str
    publisher: str
    title: str
    sentences: list[str] = field(default_factory=list)
    claim_sentences: list[int] = field(default_factory=list)
    fact_sentences: list[int] = field(default_factory=list)


def sentence(rng: random.Random, serial: int) -> str:
    """Return one plausible news sentence; ``serial`` makes its figure unique."""
    number = f"{rng.randint(2, 90)},{serial % 1000:03d}"
    return (
        f"{upper_first(rng.choice(ACTORS))} {rng.choice(VERBS)} {rng.choice(WHEN)} that {number} "
        f"{rng.choice(TOPICS)} in {rng.choice(PLACES)}{_joined(rng.choice(QUALIFIERS))}."
    )


def _joined(qualifier: str) -> str:
    return f" {qualifier}" if qualifier.startswith("-") else f", {qualifier}"


def plan_sources(rng: random.Random, count: int, claims_per_source: int) -> list[SourcePlan]:
    plans = []
    serial = 0
    for index in range(count):
        publisher = rng.choice(PUBLISHERS)
        plan = SourcePlan(
            id=f"source-{index + 1:04d}",
            publisher=publisher,
            title=f"{rng.choice(PLACES)}: {upper_first(rng.choice(TOPICS))}, {rng.choice(ACTORS)} says",
        )
        # Claimed, cited and plain sentences are interleaved, as in a real article.
        for i in range(claims_per_source * 3):
            serial += 1
            plan.sentences.append(sentence(rng, serial + index * 7919))
            (plan.claim_sentences if i % 3 == 0 else plan.fact_sentences if i % 3 == 1 else []).append(i)
        plans.append(plan)
    return plans


def source_text(plan: SourcePlan) -> str:
    paragraphs = [" ".join(plan.sentences[i : i + 4]) for i in range(0, len(plan.sentences), 4)]
    # Typography the anchoring must forgive: curly apostrophes and an em dash in some paragraphs.
    paragraphs = [p.replace("army's", "army’s").replace(" - although", " — although") for p in paragraphs]
    return f"{plan.title}\n\nBy {plan.publisher} staff\n\n" + "\n\n".join(paragraphs) + "\n"


def quote_of(text: str, rng: random.Random) -> str:
    """Quote a sentence whole, or with an elision in about one case in ten."""
    words = text.rstrip(".").split()
    # Start at the sentence's figure, which is unique in its source.
    first = next(i for i, word in enumerate(words) if any(c.isdigit() for c in word))
    if len(words) - first > 14 and rng.random() < 0.1:
        return " ".join(words[first : first + 5]) + " [...] " + " ".join(words[-5:])
    return " ".join(words[max(0, first - 2) :])


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def words(rng: random.Random, pool: list[str], count: int) -> str:
    return " ".join(rng.sample(pool, min(count, len(pool))))


def yaml_text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def block(text: str) -> str:
    return "\n".join("  " + line if line else "" for line in text.splitlines())


def claim_record(
    rng: random.Random, claim_id: str, plan: SourcePlan, index: int, cited: SourcePlan, verdicts: list[str]
) -> str:
    said = plan.sentences[plan.claim_sentences[index]]
    fact = cited.sentences[cited.fact_sentences[index % len(cited.fact_sentences)]]
    verdict = rng.choice(verdicts)
    published = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    paragraphs = [" ".join(rng.sample(ANALYSIS, 4)) for _ in range(3)]
    if rng.random() < QUERY_SHARE:
        paragraphs[1] += f" The same figure appeared in a {QUERY_WORD} advertisement printed that week."
    analysis = (
        "\n\n".join(paragraphs) + "\n\nThe figures are kept in [the public register](https://example.org/register)."
    )
    status = "withdrawn" if rng.random() < 0.01 else "draft" if rng.random() < 0.01 else "published"
    lines = [
        "# yaml-language-server: $schema=../generator/schema/claim.schema.json",
        f"id: {claim_id}",
        f"status: {status}",
        f"claim: {yaml_text(upper_first(said.split(' that ', 1)[1].rstrip('.')) + '.')}",
        "passage:",
        f"  source: {plan.id}",
        f"  quote: {yaml_text(quote_of(said, rng))}",
        f"claimant: {yaml_text(plan.publisher)}",
        f'claim_date: "2024-{rng.randint(1, 12):02d}"',
        f"verdict: {yaml_text(verdict)}",
        f"summary: {yaml_text(' '.join(rng.sample(ANALYSIS, 2)))}",
        "analysis: |",
        block(analysis),
        "evidence:",
        f"  - source: {cited.id}",
        f"    quote: {yaml_text(quote_of(fact, rng))}",
        "    stance: contradicts",
        f"    note: {yaml_text(rng.choice(ANALYSIS))}",
        f"  - publisher: {yaml_text(rng.choice(PUBLISHERS))}",
        f"    title: {yaml_text(upper_first(rng.choice(TOPICS)))}",
        f'    date: "2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"',
        f'    url: "https://example.org/{claim_id}/evidence"',
        f"    quote: {yaml_text(rng.choice(ANALYSIS))}",
        "    stance: context",
        f"    note: {yaml_text(rng.choice(ANALYSIS))}",
        f"reviewers: [{yaml_text(rng.choice(REVIEWERS))}]",
        f'published: "{published}"',
        f'updated: "{published}"',
        f"tags: [{', '.join(sorted(rng.sample(TAGS, rng.randint(1, 3))))}]",
    ]
    if status == "withdrawn":
        lines += ["withdrawn:", f'  date: "{published}"', '  reason: "The source text was found to be a forgery."']
    return "\n".join(lines) + "\n"


def source_meta(plan: SourcePlan, raw: bytes) -> str:
    return (
        "\n".join(
            [
                "# yaml-language-server: $schema=../generator/schema/source.schema.json",
                f"title: {yaml_text(plan.title)}",
                f"publisher: {yaml_text(plan.publisher)}",
                "author: null",
                'published: "2025-03-01"',
                f'url: "https://example.org/{plan.id}"',
                'retrieved: "2025-03-02"',
                "language: en",
                "kind: news-report",
                f"sha256: {hashlib.sha256(raw).hexdigest()}",
            ]
        )
        + "\n"
    )


def copy_template(repo: Path, out: Path) -> None:
    """Copy the real report's configuration, scale, settings and hand-written pages."""
    for name in ("mkdocs.yml", "ratings.yml", "report.yml"):
        shutil.copy2(repo / name, out / name)
    shutil.copytree(repo / "docs", out / "docs", dirs_exist_ok=True)


def verdict_ids(ratings: Path) -> list[str]:
    import yaml

    return [str(v["id"]) for v in yaml.safe_load(ratings.read_text(encoding="utf-8"))["verdicts"]]


def write_report(repo: Path, out: Path, claims: int) -> None:
    """Write a report of ``claims`` claims over max(2, claims/50) sources into ``out``."""
    rng = random.Random(SEED)
    out.mkdir(parents=True, exist_ok=True)
    copy_template(repo, out)
    count = max(2, claims // 50)
    per_source = -(-claims // count)
    plans = plan_sources(rng, count, per_source)
    seeds, records = out / "seeds", out / "claims"
    seeds.mkdir(exist_ok=True)
    records.mkdir(exist_ok=True)
    for plan in plans:
        raw = source_text(plan).encode("utf-8")
        (seeds / f"{plan.id}.txt").write_bytes(raw)
        (seeds / f"{plan.id}.yml").write_text(source_meta(plan, raw), encoding="utf-8")
    verdicts = verdict_ids(out / "ratings.yml")
    for number in range(claims):
        plan = plans[number % count]
        cited = plans[(number + 1) % count]
        claim_id = f"fc-{number + 1:04d}"
        record = claim_record(rng, claim_id, plan, number // count, cited, verdicts)
        (records / f"{claim_id}.yml").write_text(record, encoding="utf-8")
