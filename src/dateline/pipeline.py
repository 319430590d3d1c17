"""Drives one article, or a stream of them, through every stage; one bad document fails alone."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import coref, nlp, quotes
from .actors import find_entities
from .errors import DatelineError, ProcessError
from .events import find_events
from .model import Article, RawDocument
from .read import read_inputs
from .structure import build_article

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Outcome:
    """The result for one input document: an article, or the one-line error that stopped it."""

    input: str
    article: Article | None = None
    error: DatelineError | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


def annotate(article: Article, doc: Doc) -> Article:
    """Run the language stages on one parsed article: entities, coreference, quotes, events."""
    article = replace(article, entities=find_entities(doc, article))
    article = replace(article, entities=coref.resolve(doc, article))
    article = replace(article, quotes=quotes.find_quotes(doc, article))
    return replace(article, events=find_events(doc, article))


def _input_name(raw: RawDocument) -> str:
    return raw.source.path or raw.source.url or "<stdin>"


def structure_all(items: Iterable[RawDocument | DatelineError], published: str | None = None) -> Iterator[Outcome | Article]:
    """Articles from read documents; read and structure failures pass through as failed Outcomes."""
    for item in items:
        if isinstance(item, DatelineError):
            yield Outcome(input=item.input or "?", error=item)
            continue
        try:
            yield build_article(item, published=published)
        except DatelineError as exc:
            exc.input = exc.input or _input_name(item)
            yield Outcome(input=_input_name(item), error=exc)


def annotate_all(items: Iterable[Outcome | Article], language: Language | None = None, batch_size: int = 32) -> Iterator[Outcome]:
    """Parse articles in batches and annotate each; failures pass through in their place."""
    language = language or nlp.load()

    def texts() -> Iterator[tuple[str, Outcome | Article]]:
        for item in items:
            # Failed inputs ride along with an empty text so order is kept without a second queue.
            yield (item.text if isinstance(item, Article) else "", item)

    for doc, item in language.pipe(texts(), batch_size=batch_size, as_tuples=True):
        if isinstance(item, Outcome):
            yield item
            continue
        name = item.source.path or item.source.url or item.id
        try:
            yield Outcome(input=name, article=annotate(item, doc))
        except Exception as exc:  # one document's failure must not stop the batch
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
            log.debug("processing %s failed", name, exc_info=True)
            yield Outcome(input=name, error=ProcessError(f"processing failed ({reason})", input=name))


def process_paths(paths: Iterable[str], format: str = "auto", published: str | None = None,
                  language: Language | None = None, batch_size: int = 32, skip: Iterable[str] = ()) -> Iterator[Outcome]:
    """Read, structure and annotate every document under the given paths, streaming (files in `skip` are not read)."""
    documents = read_inputs(paths, format=format, skip=skip)
    return annotate_all(structure_all(documents, published=published), language, batch_size)


def process_text(text: str, published: str | None = None, language: Language | None = None) -> Article:
    """Process one article given as a string (for the API, tests and notebooks)."""
    from .model import Source

    raw = RawDocument(source=Source(path=None, format="text"), content=text)
    article = build_article(raw, published=published)
    doc = (language or nlp.load())(article.text)
    return annotate(article, doc)
