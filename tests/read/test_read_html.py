"""HTML pages: trafilatura's main text without the site's furniture, plus title, date, author and site."""

from __future__ import annotations

import pytest

from dateline.errors import ReadError
from dateline.model import Source
from dateline.read.html import read_html

PAGE = """<!DOCTYPE html>
<html><head>
<title>Chile and Peru sign water deal | Andes Daily</title>
<meta property="og:title" content="Chile and Peru sign water deal">
<meta property="og:site_name" content="Andes Daily">
<meta name="author" content="Lucia Ramos">
<meta property="article:published_time" content="2023-10-17T08:00:00Z">
<link rel="canonical" href="https://andes-daily.example/2023/10/17/water-deal">
</head><body>
<div id="cookies">This site uses cookies. <a href="/cookies">Cookie policy</a> <button>Accept</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Chile and Peru sign water deal</h1>
<p>SANTIAGO, Oct 17 (Reuters) - Chile and Peru signed an agreement on Tuesday to share water from the rivers that cross their border, ending a dispute that had gone to the International Court of Justice.</p>
<p>"This is a day for our farmers on both sides of the border," Chilean Foreign Minister Rosa Fuentes said at the signing ceremony in Santiago. Her Peruvian counterpart, Jorge Salas, said the deal showed that neighbours could settle their differences without judges.</p>
<p>The agreement sets up a joint commission that will meet every six months to decide how much water each country may take during the dry season.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Ten beaches to visit this summer</a></li><li><a href="/y">Copper prices rise</a></li></ul></aside>
<footer>Copyright Andes Daily. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_main_text_and_metadata_come_through() -> None:
    document = read_html(PAGE, Source(path="page.html", format="html"))
    assert document.kind == "fields"
    assert document.title == "Chile and Peru sign water deal"
    assert document.date_publish == "2023-10-17"
    assert document.author == "Lucia Ramos"
    assert document.site == "Andes Daily"
    assert document.source.url == "https://andes-daily.example/2023/10/17/water-deal"
    assert "signed an agreement on Tuesday" in document.content
    assert "joint commission" in document.content
    for furniture in ("Most read", "Copper prices", "cookies", "All rights reserved", "Politics"):
        assert furniture not in document.content


def test_truncated_html_still_gives_its_text() -> None:
    cut = PAGE[: PAGE.index("The agreement sets up")]
    document = read_html(cut, Source(path="cut.html", format="html"))
    assert "Rosa Fuentes" in document.content


@pytest.mark.parametrize("broken", [
    "<html><body><div><<<>>></div></body></html>",
    "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
    "<html><body>\x00\x00</body>",
])
def test_html_without_article_text_is_one_clear_error(broken: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_html(broken, Source(path="broken.html", format="html"))
    message = str(caught.value)
    assert message.startswith("broken.html: ") and "no article text" in message and "\n" not in message


def test_declared_charset_of_a_legacy_page_is_believed(tmp_path) -> None:
    from dateline.read import read_inputs

    page = PAGE.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    page = page.replace("Rosa Fuentes", "Rosa Fuentes Muñoz").replace("the signing ceremony", "the signing ceremony – a “historic” day –")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    (document,) = read_inputs([str(path)])
    assert "Rosa Fuentes Muñoz" in document.content and "“historic”" in document.content  # type: ignore[union-attr]
