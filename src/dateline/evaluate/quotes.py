"""`dateline eval quotes`: quote extraction scored against PolNeAR (dev) and the seed's gold quotes, with textacy beside it.

Scoring, as recorded in docs/evaluation.md:
- A predicted quote matches a gold attribution when their contents share enough word tokens: overlap =
  shared tokens / tokens of the longer span, at >= 0.3 and (separately) >= 0.8; matching is one-to-one, best first.
- PolNeAR codes one attribution per cue, its content possibly in several pieces ("A," said X. "B."); predicted
  quotes that share one cue span are joined into one attribution before matching, for dateline and textacy alike.
- Articles coded by several annotators are scored against each annotator and the counts averaged, so every
  article weighs the same.
- Cue accuracy (on matched pairs whose gold has a cue): the cue spans overlap. Speaker accuracy (on matched pairs
  whose gold names a source): the predicted speaker span overlaps the gold source, or a mention of the predicted
  speaker's entity does. On the seed, where gold gives canonical names, the speaker is right when
  speaker_name equals the gold name, and the cue when its words equal the gold cue.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterable

import click

from ..model import Article, RawDocument, Source
from ..paths import shared_dir
from .polnear import GoldAttribution, GoldDocument, load_corpus
from .quote_match import Tally, Unit, char_map, mapped, merge_by_cue, speaker_correct, tokens, unit_from_ranges

THRESHOLDS = (0.3, 0.8)
POLNEAR = ("eval", "quotes", "polnear-dev")
SEED = ("seed", "000_f7ddba212c609172.txt")


def _gold_units(text: str, gold: list[GoldAttribution]) -> list[Unit]:
    return [unit_from_ranges(text, g.content, g.cue, g.source) for g in gold]


def _article_units(article: Article, original: str) -> list[Unit]:
    """dateline's quotes as units on the original text (the structure stage may have dropped or changed characters)."""
    offsets = char_map(original, article.text)
    out = []
    for q in article.quotes:
        entity = article.entity(q.speaker_entity)
        mentions = tuple((m.start, m.end) for m in entity.mentions) if entity else ()
        out.append(unit_from_ranges(
            original,
            mapped([(q.content.start, q.content.end)], offsets),
            mapped([(q.cue.start, q.cue.end)], offsets) if q.cue else (),
            mapped([(q.speaker.start, q.speaker.end)], offsets) if q.speaker else (),
            mapped(mentions, offsets),
            q.speaker_name,
        ))
    return out


def _textacy_units(doc: Any) -> list[Unit]:
    """textacy's direct quotations of a parsed text as units (its speaker is a list of tokens)."""
    from textacy.extract.triples import direct_quotations

    out: list[Unit] = []
    text = doc.text
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy gives up on a text with an odd number of quotation marks
        return out
    for triple in triples:
        cue = tuple((t.idx, t.idx + len(t)) for t in triple.cue)
        cue = ((cue[0][0], cue[-1][1]),) if cue else ()
        speaker = tuple((t.idx, t.idx + len(t)) for t in triple.speaker)
        name = " ".join(t.text for t in triple.speaker) or None
        content = ((triple.content.start_char, triple.content.end_char),)
        out.append(unit_from_ranges(text, content, cue, speaker, (), name))
    return out


def textacy_available() -> bool:
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError:
        return False
    return True


def _process(texts: list[str]) -> Iterable[tuple[Article, Any]]:
    """Structure, parse and annotate texts as the pipeline does, yielding each article with its Doc."""
    from .. import nlp
    from ..pipeline import annotate
    from ..structure import build_article

    articles = [build_article(RawDocument(source=Source(format="text"), content=t)) for t in texts]
    language = nlp.load()
    for article, doc in zip(articles, language.pipe([a.text for a in articles], batch_size=16)):
        yield annotate(article, doc), doc


def score_polnear(root: Path, baseline: bool = False, limit: int | None = None,
                  on_errors: Callable[[str, GoldDocument, list[Unit], list[Unit], list[tuple[int, int, float]]], None] | None = None) -> dict[str, dict[str, float]]:
    """Scores per system ("dateline", and "textacy" when asked and installed) and threshold, on PolNeAR."""
    docs = load_corpus(root)[:limit] if limit else load_corpus(root)
    systems = ["dateline"] + (["textacy"] if baseline and textacy_available() else [])
    tallies = {(s, t): Tally() for s in systems for t in THRESHOLDS}
    for gold_doc, (article, doc) in zip(docs, _process([d.text for d in docs])):
        predictions = {"dateline": merge_by_cue(_article_units(article, gold_doc.text))}
        if "textacy" in systems:
            predictions["textacy"] = merge_by_cue(_textacy_units(doc) if article.text == gold_doc.text else
                                                  _textacy_units(_parse_one(gold_doc.text)))
        weight = 1.0 / len(gold_doc.annotations)
        for annotator, gold in sorted(gold_doc.annotations.items()):
            gold_units = _gold_units(gold_doc.text, gold)
            for system, pred in predictions.items():
                for t in THRESHOLDS:
                    pairs = tallies[(system, t)].add(pred, gold_units, t, weight)
                    if on_errors and system == "dateline" and t == THRESHOLDS[0]:
                        on_errors(annotator, gold_doc, pred, gold_units, pairs)
    return {f"{s}@{t}": tallies[(s, t)].scores() for s in systems for t in THRESHOLDS}


def _parse_one(text: str) -> Any:
    from .. import nlp

    return nlp.load()(text)


def score_seed(shared: Path, baseline: bool = False) -> dict[str, dict[str, float]]:
    """Scores on the seed story against gold.json's 13 quotes (canonical speaker names, cue words)."""
    gold = json.loads((shared / "seed" / "gold.json").read_text("utf-8"))
    text = (shared.joinpath(*SEED)).read_text("utf-8")
    gold_units = [Unit(tokens(g["content"]), cue_text=g.get("cue"), speaker_name=g.get("speaker")) for g in gold["quotes"]]
    ((article, doc),) = list(_process([text]))
    predictions = {"dateline": [Unit(tokens(q.content.text), cue_text=q.cue.text if q.cue else None, speaker_name=q.speaker_name)
                                for q in article.quotes]}
    if baseline and textacy_available():
        predictions["textacy"] = [Unit(u.content, cue_text=u.cue_text and text_of(doc.text, u.cue), speaker_name=u.speaker_name)
                                  for u in _textacy_units(doc)]
    out = {}
    for system, pred in predictions.items():
        for t in THRESHOLDS:
            tally = Tally()
            tally.add(pred, gold_units, t)
            out[f"{system}@{t}"] = tally.scores() | {"predicted": float(len(pred)), "gold": float(len(gold_units))}
    return out


def text_of(text: str, ranges: tuple[tuple[int, int], ...]) -> str:
    return " ".join(text[s:e] for s, e in ranges)


def _flatten(prefix: str, table: dict[str, dict[str, float]], system: str = "dateline") -> dict[str, float]:
    out = {}
    for key, metrics in table.items():
        name, t = key.split("@")
        if name != system:
            continue
        for metric, value in metrics.items():
            if metric in ("predicted", "gold"):
                continue
            out[f"quotes.{prefix}.{metric}@{t}"] = value
    return out


def scores(shared: Path) -> dict[str, float]:
    """The gate's view: dateline's PolNeAR and seed scores as flat metrics (textacy is reported by the command only)."""
    out: dict[str, float] = {}
    root = shared.joinpath(*POLNEAR)
    if root.is_dir():
        out |= _flatten("polnear", score_polnear(root))
    if shared.joinpath(*SEED).exists():
        out |= _flatten("seed", score_seed(shared))
    return out


class ErrorLog:
    """Collects unmatched gold and predicted attributions (at the lower threshold) for study."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, annotator: str, doc: GoldDocument, pred: list[Unit], gold: list[Unit], pairs: list[tuple[int, int, float]]) -> None:
        text = doc.text
        hit_p = {i for i, _, _ in pairs}
        hit_g = {j for _, j, _ in pairs}
        for i, j, _ in pairs:
            p, g = pred[i], gold[j]
            if g.speaker and not speaker_correct(p, g):
                self.lines.append(f"SPEAKER {doc.name}/{annotator}: gold [{text_of(text, g.speaker)}] got [{text_of(text, p.speaker)}] cue [{p.cue_text}]")
        for j, g in enumerate(gold):
            if j not in hit_g:
                self.lines.append(f"MISS {doc.name}/{annotator}: [{text_of(text, g.speaker)}] [{g.cue_text}] {_excerpt(text, g)}")
        for i, p in enumerate(pred):
            if i not in hit_p:
                self.lines.append(f"EXTRA {doc.name}/{annotator}: [{text_of(text, p.speaker)}] [{p.cue_text}] {_excerpt(text, p)}")


def _excerpt(text: str, unit: Unit) -> str:
    ranges = unit.cue or unit.speaker
    if not ranges:
        return "(no cue) " + " ".join(list(unit.content)[:12])
    s, e = ranges[0]
    return text[max(0, s - 120):e + 120].replace("\n", " ")


def _table(title: str, table: dict[str, dict[str, float]]) -> list[str]:
    lines = [title, f"  {'system@overlap':18} {'P':>6} {'R':>6} {'F1':>6} {'cue':>6} {'speaker':>8}"]
    for key, m in table.items():
        lines.append(f"  {key:18} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {m['cue_accuracy']:6.3f} {m['speaker_accuracy']:8.3f}")
    return lines


@click.command(name="quotes")
@click.option("--baseline/--no-baseline", default=True, help="Also run textacy's direct_quotations (when installed).")
@click.option("--limit", type=int, default=None, help="Score only the first N PolNeAR articles.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write dateline's unmatched and mis-attributed PolNeAR quotes to this file.")
def command(baseline: bool, limit: int | None, errors_path: str | None) -> None:
    """Score quotes against PolNeAR dev and the seed, with textacy as a baseline column."""
    root = shared_dir()
    if root is None:
        raise click.ClickException("../shared is not present: nothing to score")
    if baseline and not textacy_available():
        click.echo("textacy is not installed: baseline column skipped (pip install 'dateline[baseline]')", err=True)
    log = ErrorLog() if errors_path else None
    polnear = root.joinpath(*POLNEAR)
    if polnear.is_dir():
        for line in _table(f"PolNeAR dev ({polnear})", score_polnear(polnear, baseline, limit, log)):
            click.echo(line)
    if root.joinpath(*SEED).exists():
        for line in _table("seed (gold.json)", score_seed(root, baseline)):
            click.echo(line)
    if log is not None and errors_path:
        Path(errors_path).write_text("\n".join(log.lines) + "\n", "utf-8")
        click.echo(f"errors written to {errors_path}")
