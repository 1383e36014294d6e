"""HTML pages come out as one block per line: headings, numbered entries and table rows as the reader sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.errors import UnreadableFileError
from indexer.formats import html as html_format
from indexer.formats import read_bytes
from indexer.parse import parse_document
from indexer.source import SourceText

FORMATS = Path(__file__).parents[1] / "data" / "formats"
PORTAL = FORMATS / "tmu_referat_2023-10-10.html"
WORDPRESS = FORMATS / "bestyrelsesmoede_wordpress.html"

PORTAL_TEXT = """\
# Referat – Teknik- og Miljøudvalget

Udvalg\tTeknik- og Miljøudvalget
Dato\t10-10-2023
Tidspunkt\tKl. 15:00 – 17:30
Sted\tMødelokale 1, Rådhuset, Torvet 3, Grenaa
Deltagere\tJens Ærø (A), Søren Østergård (V), Birthe Åkjær (F)
Afbud

Indholdsfortegnelse

1. Godkendelse af dagsorden
2. Trafiksikkerhedsplan 2024-2027
3. Vejbelysning på Østervej

## 1. Godkendelse af dagsorden

### Beslutning

Godkendt.

## 2. Trafiksikkerhedsplan 2024-2027

Sagsnr.: 05.13.00-P22-1-23

### Sagsfremstilling

Kommunens trafiksikkerhedsplan udløber ved årets udgang. Forvaltningen har udarbejdet et forslag til en ny plan, der bygger på borgerhøringen i foråret, hvor der kom 187 henvendelser om bl.a. skolevejene i Ørsted og Auning.

Planen koster i alt 2,5 mio. kr. over fire år. »Nul dræbte« er fortsat målet.

### Indstilling

Direktøren for Teknik og Miljø indstiller,

1. at forslaget til trafiksikkerhedsplan godkendes,
2. at der afsættes 625.000 kr. årligt i 2024-2027, og
3. at planen sendes i offentlig høring i 8 uger.

### Beslutning

Indstillingens punkt 1 og 3 godkendt.
Punkt 2 oversendes til budgetforhandlingerne.

### Bilag

- Forslag til trafiksikkerhedsplan 2024-2027
- Høringssvar fra borgerne

## 3. Vejbelysning på Østervej

### Sagsfremstilling

Grundejerforeningen har bedt om bedre belysning. Der er tre muligheder:

a. LED-armaturer på de eksisterende master
  - pris 310.000 kr.
  - kan udføres i 2024
b. nye master med lavere lyspunkt
e. ingen ændring

### Indstilling

4. at mulighed a vælges.

### Beslutning

Godkendt. Fraværende: Søren Østergård (V)."""

CHROME = [
    "cookies",
    "Tillad alle",
    "Gå til indhold",
    "Borger",
    "Erhverv",
    "Forside",
    "Dagsordener og referater",
    "Søg",
    "Til toppen",
    "Del på Facebook",
    "Send som e-mail",
    "Se også",
    "Hent som PDF",
    "8500 Grenaa",
    "dataLayer",
    "margin-right",
    "pixel",
]


def read(data: bytes | str, name: str = "side.html") -> SourceText:
    return read_bytes(data.encode("utf-8") if isinstance(data, str) else data, name)


def page(body: str, head: str = "<meta charset='utf-8'>") -> str:
    return f"<!DOCTYPE html><html lang='da'><head>{head}</head><body>{body}</body></html>"


def test_council_portal_page_reads_as_blocks() -> None:
    src = read(PORTAL.read_bytes(), PORTAL.name)
    assert (src.kind, src.page_starts, src.notes) == ("html", (), ())
    assert src.text == PORTAL_TEXT
    for chrome in CHROME:
        assert chrome not in src.text, chrome


def test_chrome_is_dropped_without_a_main_element_too() -> None:
    # Without <main> the whole body is read: the drop rules alone must remove the chrome.
    data = PORTAL.read_text(encoding="utf-8").replace("<main", "<div").replace("</main>", "</div>")
    assert read(data).text == PORTAL_TEXT


def test_wordpress_post_reads_only_the_article() -> None:
    src = read(WORDPRESS.read_bytes(), WORDPRESS.name)
    lines = src.text.split("\n")
    assert lines[:5] == [
        "Udgivet 18. marts 2024",
        "",
        "# Referat af bestyrelsesmøde 14. marts 2024",
        "",
        "Til stede: Hanne Kjær (formand), Peter Møller, Åse Lindgård, Jørgen Bæk.",
    ]
    assert lines[5] == "Afbud: Ulla Friis."  # <br /> is a line break inside the paragraph
    assert (
        "\n\nCykeloprydning og -parkering: Der står fortsat mange efterladte cykler ved stisystemet. Bestyrelsen "
        "mærker cyklerne med strips den 6. april; cykler, der ikke er fjernet inden 1. maj, afleveres til politiet. "
        "Cykelstativet ved nr. 14 udvides med 10 pladser.\n\n"
    ) in src.text
    assert "\n\nNæste møde: Torsdag den 16. maj 2024 kl. 19.00 hos Åse.\n\n" in src.text
    for chrome in ["Spring til indhold", "Menu", "Kontakt", "Del dette", "Facebook", "Forrige indlæg", "Skriv et svar"]:
        assert chrome not in src.text, chrome
    for chrome in ["Send kommentar", "Seneste indlæg", "WordPress", "siden 1974", "jquery"]:
        assert chrome not in src.text, chrome
    assert src.text.count("# ") == 1  # the page has an h1, so the <title> is not added


def test_title_heads_a_page_without_h1() -> None:
    head = "<meta charset='utf-8'><title>Referat: Økonomiudvalget 5. marts 2024 | Kommune</title>"
    src = read(page("<h2>1. Godkendelse</h2><p>Godkendt.</p>", head))
    assert src.text == "# Referat: Økonomiudvalget 5. marts 2024 | Kommune\n\n## 1. Godkendelse\n\nGodkendt."
    with_h1 = read(page("<h1>Referat</h1><p>Godkendt.</p>", head))
    assert with_h1.text == "# Referat\n\nGodkendt."


def test_list_numbers_are_the_ones_shown() -> None:
    body = """
      <ol start="7"><li>syv</li><li value="10">ti</li><li>elleve</li></ol>
      <ol type="a"><li>første</li><li>anden<ol type="A" start="3"><li>under</li></ol></li></ol>
      <ol reversed><li>to</li><li>en</li></ol>
      <ul><li><p>punkt</p><p>fortsat</p></li><li>  mange
         mellemrum  </li></ul>"""
    assert read(page(body)).text == (
        "7. syv\n10. ti\n11. elleve\n\n"
        "a. første\nb. anden\n  C. under\n\n"
        "2. to\n1. en\n\n"
        "- punkt fortsat\n- mange mellemrum"
    )


def test_tables_and_definition_lists_are_tab_separated_rows() -> None:
    body = """
      <table><caption>Mødeoplysninger</caption>
        <thead><tr><th>Felt</th><th>Værdi</th></tr></thead>
        <tr><td>Dato</td><td></td><td>10-10-2023</td></tr>
        <tr><td>Deltagere</td><td><p>Anne</p><p>Bo</p></td></tr>
        <tr><td> </td><td>&nbsp;</td></tr>
      </table>
      <dl><dt>Sted</dt><dd>Rådhuset</dd><dt>Afbud</dt><dd>Ingen</dd></dl>"""
    assert read(page(body)).text == (
        "Mødeoplysninger\n\nFelt\tVærdi\nDato\t10-10-2023\nDeltagere\tAnne Bo\n\nSted\tRådhuset\nAfbud\tIngen"
    )


def test_layout_table_is_read_as_blocks() -> None:
    body = "<table><tr><td><h1>Referat</h1><p>Mødet blev holdt.</p></td><td><table><tr><td>x</td></tr></table></td></tr></table>"
    assert read(page(body)).text == "# Referat\n\nMødet blev holdt.\n\nx"


def test_inline_markup_entities_and_line_breaks() -> None:
    body = (
        "<p>S&oslash;ren &AElig;bel&oslash;&nbsp;og <b>Åse</b> <i>ærgrede</i>\n   sig –\r\n «meget»&#8230;<br>"
        "Ny&shy;linje</p><div>Blok<div>indre</div>efter</div><h2><span>4</span>Eventuelt</h2>"
        "<p><span>5.</span>Ikke en overskrift</p>"
    )
    assert read(page(body)).text == (
        "Søren Æbelø og Åse ærgrede sig – «meget»…\nNylinje\n\nBlok\n\nindre\n\nefter\n\n## 4 Eventuelt\n\n5. Ikke en overskrift"
    )


def test_hidden_and_chrome_elements_are_dropped() -> None:
    body = """
      <div hidden>skjult</div><p aria-hidden="true">ikon</p><div style="display: none">gemt</div>
      <div role="navigation">navigation</div><div role="banner">banner</div><div role="contentinfo">kontakt</div>
      <div id="cookie-consent">cookie</div><div class="Breadcrumbs">sti</div><ul class="social-links"><li>X</li></ul>
      <iframe src="x"></iframe><svg><text>svgtekst</text></svg><template><p>skabelon</p></template>
      <p>Indhold.</p><a href="#top">Til toppen</a>"""
    assert read(page(body)).text == "Indhold."


def test_page_wide_wrappers_are_not_taken_for_chrome() -> None:
    # ASP.NET portals put the whole page in one <form>; some themes put it in a "menu" wrapper.
    body = (
        "<form id='aspnetForm'><div class='off-canvas-menu-wrap'><h1>Referat</h1><p>Godkendt.</p></div>"
        "<div class='navbar-search'><input name='q'>Søg</div></form><form action='/soeg'><p>Søg her</p></form>"
    )
    assert read(page(body)).text == "# Referat\n\nGodkendt."


def test_main_or_single_article_is_read_when_substantial() -> None:
    long = "Bestyrelsen drøftede vedligeholdelsen af stierne og besluttede at indhente tre tilbud. " * 3
    chrome = "<div class='sidebar'>Arkiv: januar, februar, marts</div>"
    assert read(page(f"{chrome}<main><p>{long.strip()}</p></main>")).text == long.strip()
    assert read(page(f"{chrome}<div role='main'><p>{long.strip()}</p></div>")).text == long.strip()
    assert read(page(f"{chrome}<article><p>{long.strip()}</p></article>")).text == long.strip()
    # A short <main> is not trusted to hold the page; several articles are a list of posts.
    assert read(page(f"{chrome}<main><p>Kort.</p></main>")).text == "Arkiv: januar, februar, marts\n\nKort."
    two = read(page(f"<article><p>{long}</p></article><article><p>{long}</p></article>")).text
    assert two.count("Bestyrelsen drøftede") == 6


@pytest.mark.parametrize(
    ("data", "notes"),
    [
        ("<meta charset='utf-8'><p>Æblegrød på Ærø</p>".encode(), ()),
        (b"\xef\xbb\xbf<p>\xc3\x86blegr\xc3\xb8d p\xc3\xa5 \xc3\x86r\xc3\xb8</p>", ()),
        ("\ufeff<p>Æblegrød på Ærø</p>".encode("utf-16-le"), ()),
        ("<meta charset='windows-1252'><p>Æblegrød på Ærø</p>".encode("cp1252"), ()),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Æblegrød på Ærø</p>'.encode(
                "latin-1"
            ),
            (),
        ),
        ("<p>Æblegrød på Ærø</p>".encode(), ()),
        ("<p>Æblegrød på Ærø</p>".encode("cp1252"), ("not UTF-8: decoded as cp1252",)),
        # A page that declares UTF-8 but is not: decoded as the bytes say, with a note.
        ("<meta charset='utf-8'><p>Æblegrød på Ærø</p>".encode("cp1252"), ("not UTF-8: decoded as cp1252",)),
    ],
)
def test_encodings(data: bytes, notes: tuple[str, ...]) -> None:
    src = read(data, "side.htm")
    assert (src.text, src.notes) == ("Æblegrød på Ærø", notes)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("tom.html", b"", "empty file"),
        ("blank.htm", b"  \r\n ", "empty file"),
        (
            "billede.html",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
            "not an HTML page: a PNG image: save the page as .html, or rename the file",
        ),
        (
            "referat.html",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01\x02" + bytes(range(40)),
            "not an HTML page: a PDF document: save the page as .html, or rename the file",
        ),
        (
            "app.html",
            b"<html><head><title>Referat</title></head><body><div id='root'></div><script>render()</script></body></html>",
            "no text in the page (it may be filled in by JavaScript): save it as PDF or as text",
        ),
        (
            "menu.html",
            b"<body><nav><a href='/'>Forside</a></nav><footer>Kontakt</footer></body>",
            "no text in the page (it may be filled in by JavaScript): save it as PDF or as text",
        ),
        (
            "dyb.html",
            b"<div>" * 3000 + b"tekst",
            "damaged HTML (elements nested too deeply): save the page as PDF",
        ),
    ],
)
def test_bad_pages_have_plain_reasons(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFileError) as info:
        read(data, name)
    assert (info.value.source, info.value.reason) == (name, reason)
    assert str(info.value) == f"{name}: {reason}"


def test_a_parser_failure_is_reported_for_that_file_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(node: object) -> list[object]:
        raise ValueError("unexpected node")

    monkeypatch.setattr(html_format, "content_blocks", broken)
    with pytest.raises(UnreadableFileError) as info:
        read(page("<p>tekst</p>"), "fejl.html")
    assert str(info.value) == "fejl.html: damaged HTML (ValueError: unexpected node): save the page as PDF"


def test_parse_document_reads_html_pages() -> None:
    for path in (PORTAL, WORDPRESS):
        src = read(path.read_bytes(), path.name)
        doc = parse_document(src)
        assert doc.passages and all(p.text.strip() for p in doc.passages)
        joined = " ".join(p.text for p in doc.passages)
        assert ("Nul dræbte" in joined) or ("Cykelstativet ved nr. 14" in joined)
        for p in doc.passages:
            assert 0 <= p.span[0] <= p.span[1] <= len(src.text)
