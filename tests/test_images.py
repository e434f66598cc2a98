"""Practice images are safe to publish: hostile files are refused with an exact message, and
what is published is read again safely and (for an SVG) written anew from the allowlist.

Golden style as in test_validate_input: with `image(pad)` the line `pad:` is line 12.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import stat
import threading
from pathlib import Path

import pytest
from conftest import VALID_FRONT, practice_text

from generator import images
from generator.load import read_source
from generator.project import load_project
from generator.render import render_site
from generator.taxonomy import build_site
from generator.validate import validate
from generator.vocab import load_vocab

TODAY = dt.date(2026, 11, 22)
F = "practices/praktijk.md"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 32
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><rect width="4" height="3"/></svg>'

ALLOWED = "een afbeelding moet een gewoon bestand zijn in practices/_afbeeldingen/"
SVG_ALLOWED = (
    "Toegestaan zijn tekenelementen (zoals path, rect, circle, text, g, linearGradient) met "
    "hun vorm- en kleurattributen; niet toegestaan zijn script, gebeurtenissen (on…), "
    "foreignObject, links en verwijzingen naar buiten het bestand. Exporteer de tekening "
    "opnieuw als gewone SVG."
)


def image(pad: str, alt: str = "Kraampjes op de markt met fairtrade-koffie") -> str:
    return VALID_FRONT + f"afbeelding:\n  pad: {pad}\n  alt: {alt}\n"


def pad_error(message: str, practice: str = F) -> str:
    return f"{practice}:12: fout: afbeelding.pad: {message}"


def refused_svg(pad: str, *found: str) -> str:
    return pad_error(
        f"de SVG '{pad}' bevat wat in een afbeelding niet is toegestaan: {'; '.join(found)}. "
        + SVG_ALLOWED
    )


def within(seconds: float, work):
    """Run `work` in a thread; fail (instead of hanging the suite) when it does not end."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"hangs for more than {seconds} s"
    return result[0]


@pytest.fixture
def check(project, monkeypatch):
    """Validate the project; returns the problems as `check` prints them."""
    monkeypatch.chdir(project.root)

    def run() -> list[str]:
        return within(
            30, lambda: [str(p) for p in load_project(project.root, today=TODAY).problems]
        )

    return run


@pytest.fixture
def practices(project, monkeypatch):
    monkeypatch.chdir(project.root)

    def run():
        result = load_project(project.root, today=TODAY)
        assert [str(p) for p in result.problems if p.is_error] == []
        return result

    return run


# --- where the file is, and what it is -----------------------------------------------------


@pytest.mark.parametrize("pad", ["_afbeeldingen/markt.svg", "markt.svg"], ids=["pad", "kort"])
def test_image_in_the_images_folder_is_accepted(project, practices, pad):
    project.write("_afbeeldingen/markt.svg", SVG)
    project.add("praktijk.md", front=image(pad))
    found = practices().practices[0].afbeelding
    # The path inside _afbeeldingen as written to disk: not resolved, not followed.
    assert (found.pad, found.file) == (pad, project.practices / "_afbeeldingen" / "markt.svg")


@pytest.mark.parametrize("name, content", [
    ("markt.png", PNG), ("markt.jpg", JPEG), ("markt.jpeg", JPEG), ("markt.webp", WEBP),
    ("markt_2-b.svg", SVG.encode()),
])  # fmt: skip
def test_every_kind_is_accepted(project, practices, name, content):
    project.write(f"_afbeeldingen/{name}", content)
    project.add("praktijk.md", front=image(f"_afbeeldingen/{name}"))
    assert practices().practices[0].afbeelding.file.name == name


def test_image_next_to_the_practice_is_no_longer_published(project, check):
    project.write("markt.png", PNG)
    project.add("praktijk.md", front=image("markt.png"))
    assert check() == [
        pad_error(
            "de afbeelding 'markt.png' staat naast de praktijk; verplaats ze naar "
            "practices/_afbeeldingen/ (alleen afbeeldingen in die map worden gepubliceerd)."
        )
    ]


def test_missing_image(project, check):
    project.add("praktijk.md", front=image("_afbeeldingen/markt.png"))
    assert check() == [
        pad_error(
            "de afbeelding '_afbeeldingen/markt.png' is niet gevonden in practices/_afbeeldingen/. "
            "Controleer de naam en de hoofdletters."
        )
    ]


@pytest.mark.parametrize("pad", [
    "../markt.png", "_afbeeldingen/../markt.png", "/etc/markt.png", "https://example.org/a.png",
    "javascript:alert(1)", "JavaScript:x.png", "data:image/png;base64,AAAA",
    "_afbeeldingen\\markt.png",
])  # fmt: skip
def test_image_outside_the_images_folder(project, check, pad):
    project.add("praktijk.md", front=image(f"'{pad}'"))
    assert check() == [
        pad_error(
            f"'{pad}' moet een bestand in practices/_afbeeldingen/ zijn, bv. "
            "_afbeeldingen/markt.jpg (geen webadres, geen '..')."
        )
    ]


@pytest.mark.parametrize("pad", ["foto/markt.png", "_afbeeldingen/sub/markt.png"])
def test_image_in_another_folder(project, check, pad):
    project.write(pad, PNG)
    project.add("praktijk.md", front=image(pad))
    assert check() == [
        pad_error(
            f"'{pad}' staat niet in practices/_afbeeldingen/; zet de afbeelding in die map "
            "(zonder submap) en schrijf _afbeeldingen/markt.png."
        )
    ]


@pytest.mark.parametrize("name", [
    "Markt.png", "markt.PNG", "markt foto.png", "markt.svg.png", "-markt.png", ".markt.png",
    "markt..png", "märkt.png", "m" * 101 + ".png",
])  # fmt: skip
def test_unsafe_file_name(project, check, name):
    project.add("praktijk.md", front=image(f'"_afbeeldingen/{name}"'))
    assert check() == [
        pad_error(
            f"de bestandsnaam '{name}' is niet toegestaan; gebruik kleine letters, cijfers, "
            "'-' en '_' met één extensie (.jpg, .jpeg, .png, .webp of .svg), "
            "bv. _afbeeldingen/markt-gent.jpg."
        )
    ]


def test_not_an_image_type(project, check):
    project.write("_afbeeldingen/markt.gif", b"GIF89a")
    project.add("praktijk.md", front=image("_afbeeldingen/markt.gif"))
    assert check() == [
        pad_error(
            "'_afbeeldingen/markt.gif' is geen afbeelding; verwacht een bestand .jpg, .png, "
            ".webp of .svg."
        )
    ]


def test_symlink_to_a_file_outside(project, check, tmp_path):
    secret = tmp_path / "geheim.png"
    secret.write_bytes(PNG + b"secret")
    (project.practices / "_afbeeldingen").mkdir()
    (project.practices / "_afbeeldingen" / "markt.png").symlink_to(secret)
    project.add("praktijk.md", front=image("_afbeeldingen/markt.png"))
    assert check() == [pad_error(f"'_afbeeldingen/markt.png' is een symbolische link; {ALLOWED}.")]


def test_symlink_inside_the_folder_is_refused_too(project, check):
    project.write("_afbeeldingen/echt.png", PNG)
    (project.practices / "_afbeeldingen" / "markt.png").symlink_to("echt.png")
    project.add("praktijk.md", front=image("markt.png"))
    assert check() == [pad_error(f"'markt.png' is een symbolische link; {ALLOWED}.")]


def test_symlinked_images_folder(project, check, tmp_path):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "markt.png").write_bytes(PNG)
    (project.practices / "_afbeeldingen").symlink_to(elsewhere, target_is_directory=True)
    project.add("praktijk.md", front=image("_afbeeldingen/markt.png"))
    assert check() == [
        pad_error(
            "'_afbeeldingen/markt.png': de map practices/_afbeeldingen/ is een symbolische "
            f"link; {ALLOWED} en die map moet een gewone map zijn."
        )
    ]


def test_images_folder_that_is_a_file(project, check):
    project.write("_afbeeldingen", PNG)
    project.add("praktijk.md", front=image("_afbeeldingen/markt.png"))
    assert check() == [
        pad_error(f"'_afbeeldingen/markt.png': practices/_afbeeldingen is geen map; {ALLOWED}.")
    ]


def not_regular(pad: str, what: str) -> str:
    return pad_error(f"'{pad}' is geen gewoon bestand maar {what}; {ALLOWED}.")


def test_fifo_is_refused_without_hanging(project, check):
    (project.practices / "_afbeeldingen").mkdir()
    os.mkfifo(project.practices / "_afbeeldingen" / "markt.png")
    project.add("praktijk.md", front=image("_afbeeldingen/markt.png"))
    assert check() == [not_regular("_afbeeldingen/markt.png", "een named pipe (FIFO)")]


def test_fifo_swapped_in_after_the_lstat_is_caught_by_fstat(project, monkeypatch):
    """The open does not block on a FIFO (O_NONBLOCK) and fstat refuses it."""
    folder = project.practices / "_afbeeldingen"
    folder.mkdir()
    os.mkfifo(folder / "markt.png")
    (project.root / "echt.png").write_bytes(PNG)
    regular = os.stat(project.root / "echt.png")
    real_stat = os.stat
    # The lstat sees a regular file, as if the FIFO took its place just after it.
    monkeypatch.setattr(
        images.os, "stat", lambda p, **kw: regular if p == "markt.png" else real_stat(p, **kw)
    )
    found = within(10, lambda: images.inspect_image(project.practices, "markt.png"))
    assert found == (
        None,
        f"'markt.png' is geen gewoon bestand maar een named pipe (FIFO); {ALLOWED}.",
    )


def test_socket_is_refused(project, check):
    folder = project.practices / "_afbeeldingen"
    folder.mkdir()
    cwd = os.getcwd()
    os.chdir(folder)  # a socket path must be short: bind by name inside the folder
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("markt.png")
    finally:
        os.chdir(cwd)
    try:
        project.add("praktijk.md", front=image("_afbeeldingen/markt.png"))
        assert check() == [not_regular("_afbeeldingen/markt.png", "een socket")]
    finally:
        server.close()


def test_device_is_refused(project, check):
    folder = project.practices / "_afbeeldingen"
    folder.mkdir()
    try:
        os.mknod(folder / "markt.png", stat.S_IFCHR | 0o600, os.makedev(1, 3))  # /dev/null
    except PermissionError:
        pytest.skip("making a device file needs root")
    project.add("praktijk.md", front=image("_afbeeldingen/markt.png"))
    assert check() == [not_regular("_afbeeldingen/markt.png", "een apparaatbestand")]


def test_folder_named_like_an_image(project, check):
    (project.practices / "_afbeeldingen" / "markt.png").mkdir(parents=True)
    project.add("praktijk.md", front=image("_afbeeldingen/markt.png"))
    assert check() == [not_regular("_afbeeldingen/markt.png", "een map")]


@pytest.mark.parametrize("name, content, label, ext", [
    ("markt.png", b"<html><script>alert(1)</script></html>", "PNG", ".png"),
    ("markt.jpg", PNG, "JPEG", ".jpg"),
    ("markt.jpeg", b"", "JPEG", ".jpeg"),
    ("markt.webp", b"RIFF\x24\x00\x00\x00WAVEfmt ", "WebP", ".webp"),
])  # fmt: skip
def test_content_must_match_the_extension(project, check, name, content, label, ext):
    project.write(f"_afbeeldingen/{name}", content)
    project.add("praktijk.md", front=image(f"_afbeeldingen/{name}"))
    assert check() == [
        pad_error(
            f"'_afbeeldingen/{name}' is geen echt {label}-bestand: de inhoud past niet bij de "
            f"extensie {ext}. Sla de afbeelding opnieuw op als {label}."
        )
    ]


def test_raster_image_too_large(project, check):
    project.write("_afbeeldingen/groot.png", PNG + b"\x00" * (2 * 1024 * 1024 + 1 - len(PNG)))
    project.add("praktijk.md", front=image("_afbeeldingen/groot.png"))
    assert check() == [
        pad_error(
            "'_afbeeldingen/groot.png' is 2049 KB; de grens voor een foto (.jpg, .png, .webp) "
            "is 2048 KB. Verklein de afbeelding."
        )
    ]


def test_raster_image_at_the_limit_is_accepted(project, practices):
    project.write("_afbeeldingen/groot.png", PNG + b"\x00" * (2 * 1024 * 1024 - len(PNG)))
    project.add("praktijk.md", front=image("_afbeeldingen/groot.png"))
    assert practices().practices[0].afbeelding.file.name == "groot.png"


def test_script_after_two_megabytes_of_whitespace(project, check):
    svg = '<svg xmlns="http://www.w3.org/2000/svg">' + " " * 2_000_000 + "<script>x</script></svg>"
    project.write("_afbeeldingen/markt.svg", svg)
    project.add("praktijk.md", front=image("_afbeeldingen/markt.svg"))
    kb = -(-len(svg) // 1024)
    assert check() == [
        pad_error(
            f"'_afbeeldingen/markt.svg' is {kb} KB; de grens voor een SVG is 512 KB. Verklein "
            "de afbeelding."
        )
    ]


def test_script_after_a_long_comment_is_found(project, check):
    """The whole file is parsed, not a prefix: the script on line 5,003 is found."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg">\n<!--'
        + "opvulling\n" * 5000
        + "-->\n<script>alert(1)</script></svg>"
    )
    assert len(svg) > 50_000
    project.write("_afbeeldingen/markt.svg", svg)
    project.add("praktijk.md", front=image("_afbeeldingen/markt.svg"))
    assert check() == [refused_svg("_afbeeldingen/markt.svg", "regel 5003: element <script>")]


# --- hostile SVGs --------------------------------------------------------------------------

NS = 'xmlns="http://www.w3.org/2000/svg"'
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'


@pytest.mark.parametrize("svg, found", [
    (f"<svg {NS}><script>alert(1)</script></svg>", ["regel 1: element <script>"]),
    (f'<svg {NS} xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>',
     ["regel 1: element <script>"]),
    (f'<svg {NS}><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>',
     ["regel 1: element <script (naamruimte http://www.w3.org/1999/xhtml)>"]),
    (f'<svg {NS} onload="alert(1)"><rect/></svg>', ["regel 1: gebeurtenis-attribuut onload"]),
    (f'<svg {NS}>\n<rect ONCLICK="x()"/></svg>', ["regel 2: gebeurtenis-attribuut ONCLICK"]),
    (f"<svg {NS}><foreignObject><p>x</p></foreignObject></svg>",
     ["regel 1: element <foreignObject>"]),
    (f'<svg {NS}><image href="https://example.org/volg.png"/></svg>',
     ["regel 1: element <image>"]),
    (f'<svg {NS} {XLINK}><use xlink:href="javascript:alert(1)"/></svg>',
     ['regel 1: verwijzing xlink:href="javascript:alert(1)"']),
    (f'<svg {NS} {XLINK}><use xlink:href="https://example.org/x.svg#a"/></svg>',
     ['regel 1: verwijzing xlink:href="https://example.org/x.svg#a"']),
    (f'<svg {NS}><rect href="#a"/></svg>', ['regel 1: verwijzing href="#a"']),
    (f'<svg {NS}><a href="https://example.org"><rect/></a></svg>', ["regel 1: element <a>"]),
    (f'<svg {NS}><rect><set attributeName="fill" to="red"/></rect></svg>',
     ["regel 1: element <set>"]),
    (f'<svg {NS}><rect fill="url(https://example.org/p.svg#p)"/></svg>',
     ["regel 1: fill met url(…) naar buiten het bestand (alleen url(#naam) mag)"]),
    (f'<svg {NS}><rect style="fill: u\\72l(https://x.org/a)"/></svg>',
     ["regel 1: style met een backslash (\\)"]),
    (f'<svg {NS}><rect style="fill:red;background:image(&quot;https://x.org/a&quot;)"/></svg>',
     ["regel 1: style met de functie image()"]),
    (f'<svg {NS}><style>@import url(https://example.org/a.css);</style></svg>',
     ["regel 1: <style> met een @-regel (zoals @import)"]),
    (f'<svg {NS}><text fill="java&#x0A;script:alert(1)">x</text></svg>',
     ['regel 1: script in fill="java script:alert(1)"']),
    (f'<?xml-stylesheet href="https://example.org/a.css"?><svg {NS}/>',
     ["regel 1: <?xml-stylesheet?>"]),
    (f'<svg {NS}><metadata><script>alert(1)</script></metadata></svg>',
     ["regel 1: element <script>"]),
], ids=["script", "svg-prefix-script", "xhtml-script", "onload", "onclick-upper",
        "foreignObject", "external-image", "javascript-xlink", "external-use", "href-on-rect",
        "link", "animation", "external-url", "css-escape", "css-image", "style-import",
        "script-scheme", "stylesheet-pi", "script-in-metadata"])  # fmt: skip
def test_hostile_svg(project, check, svg, found):
    project.write("_afbeeldingen/markt.svg", svg)
    project.add("praktijk.md", front=image("_afbeeldingen/markt.svg"))
    assert check() == [refused_svg("_afbeeldingen/markt.svg", *found)]


def test_many_refusals_are_counted(project, check):
    svg = f"<svg {NS}>" + "".join(f'\n<rect onclick="{i}"/>' for i in range(8)) + "</svg>"
    project.write("_afbeeldingen/markt.svg", svg)
    project.add("praktijk.md", front=image("_afbeeldingen/markt.svg"))
    shown = [f"regel {n}: gebeurtenis-attribuut onclick" for n in range(2, 7)]
    assert check() == [refused_svg("_afbeeldingen/markt.svg", *shown, "en nog 3")]


def svg_problem(message: str) -> str:
    return pad_error(f"de SVG '_afbeeldingen/markt.svg' {message}")


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE svg [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + f"]>\n<svg {NS}><text>&lol9;</text></svg>"
)


@pytest.mark.parametrize("data, message", [
    (BILLION_LAUGHS.encode(),
     "bevat een DOCTYPE (regel 2); DTD's en entiteiten zijn niet toegestaan. Verwijder de "
     "regel <!DOCTYPE …> (en wat erbij hoort)."),
    (f'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg {NS}>&x;</svg>'.encode(),
     "bevat een DOCTYPE (regel 1); DTD's en entiteiten zijn niet toegestaan. Verwijder de "
     "regel <!DOCTYPE …> (en wat erbij hoort)."),
    (f"<svg {NS}>\n<text>&xxe;</text></svg>".encode(),
     "is geen geldige XML (fout op regel 2, kolom 7). Open en bewaar ze opnieuw in een "
     "tekenprogramma."),
    (f"<svg {NS}><rect></svg>".encode(),
     "is geen geldige XML (fout op regel 1, kolom 49). Open en bewaar ze opnieuw in een "
     "tekenprogramma."),
    (f"<svg {NS}/>".encode("utf-16"),
     "is geen UTF-8-tekst maar UTF-16; sla ze op als UTF-8."),
    (f"<svg {NS}/>".encode("utf-16-le"),
     "bevat nul-bytes en is dus geen UTF-8-tekst (UTF-16?); sla ze op als UTF-8."),
    (f"<svg {NS}>\n<text>café</text></svg>".encode("latin-1"),
     "is geen geldige UTF-8-tekst (byte 0xe9 op regel 2); sla ze op als UTF-8."),
    (f'<?xml version="1.0" encoding="ISO-8859-1"?><svg {NS}/>'.encode(),
     "noemt zichzelf 'ISO-8859-1' in de XML-declaratie; alleen UTF-8 is toegestaan: sla ze "
     "op als UTF-8."),
    (b"<html><body>geen tekening</body></html>",
     'is geen SVG-afbeelding: het hoofdelement is <html>; verwacht '
     '<svg xmlns="http://www.w3.org/2000/svg">.'),
    (f"<svg {NS}>" + "<g>" * 70 + "</g>" * 70 + "</svg>",
     "heeft op regel 1 meer dan 64 elementen in elkaar; vereenvoudig de tekening."),
    (b"", "is geen geldige XML (fout op regel 1, kolom 1). Open en bewaar ze opnieuw in een "
          "tekenprogramma."),
], ids=["billion-laughs", "external-entity", "undefined-entity", "not-well-formed", "utf-16",
        "utf-16-no-bom", "latin-1", "declared-latin-1", "html", "too-deep", "empty"])  # fmt: skip
def test_svg_that_is_not_clean_utf8_svg(project, check, data, message):
    project.write("_afbeeldingen/markt.svg", data)
    project.add("praktijk.md", front=image("_afbeeldingen/markt.svg"))
    assert check() == [svg_problem(message)]


def test_svg_without_namespace(project, check):
    project.write("_afbeeldingen/markt.svg", "<svg><rect/></svg>")
    project.add("praktijk.md", front=image("_afbeeldingen/markt.svg"))
    assert check() == [
        svg_problem(
            "is geen SVG-afbeelding: het hoofdelement is <svg>; verwacht "
            '<svg xmlns="http://www.w3.org/2000/svg">.'
        )
    ]


# --- the cleaned SVG -----------------------------------------------------------------------

CLEAN_INPUT = """\
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Gemaakt met Inkscape -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
     version="1.1" width="80" height="40" viewBox="0 0 80 40" inkscape:version="1.3">
  <sodipodi:namedview id="nv" pagecolor="#ffffff"><inkscape:page x="0"/></sodipodi:namedview>
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
  <title>Markt &amp; "kraam"</title>
  <defs>
    <linearGradient id="g" x2="1"><stop offset="0" stop-color="#e5243b"/></linearGradient>
    <circle id="c" r="4"/>
  </defs>
  <rect y="0" x="0" width="80" height="40" style="fill:url(#g);stroke:rgb(0, 0, 0)"
        data-naam="kraam" inkscape:label="achtergrond"/>
  <use xlink:href="#c" x="10" y="10" xlink:title="bol"/>
  <text x="4" y="36" xml:space="preserve" font-family="'Open Sans'">a &lt; b<!-- x --> c</text>
</svg>
"""

CLEAN_OUTPUT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'height="40" viewBox="0 0 80 40" width="80">\n  \n  \n'
    b'  <title>Markt &amp; "kraam"</title>\n'
    b"  <defs>\n"
    b'    <linearGradient id="g" x2="1"><stop offset="0" stop-color="#e5243b"/></linearGradient>\n'
    b'    <circle id="c" r="4"/>\n'
    b"  </defs>\n"
    b'  <rect height="40" style="fill:url(#g);stroke:rgb(0, 0, 0)" width="80" x="0" y="0"/>\n'
    b'  <use x="10" xlink:href="#c" y="10"/>\n'
    b'  <text font-family="\'Open Sans\'" x="4" xml:space="preserve" y="36">a &lt; b c</text>\n'
    b"</svg>\n"
)


def test_clean_svg_exact_output():
    assert images.clean_svg(CLEAN_INPUT.encode()) == CLEAN_OUTPUT


def test_clean_svg_lists_what_it_dropped():
    result = images.examine_svg(CLEAN_INPUT.encode())
    assert (result.problem, result.refused) == (None, ())
    assert result.dropped == (
        "regel 2: commentaar",
        "regel 3: attribuut version",  # the line where the start tag begins
        "regel 3: attribuut version (naamruimte http://www.inkscape.org/namespaces/inkscape)",
        "regel 7: <namedview (naamruimte http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd)>",
        "regel 8: <metadata>",
        "regel 14: attribuut data-naam",
        "regel 14: attribuut label (naamruimte http://www.inkscape.org/namespaces/inkscape)",
        "regel 16: attribuut xlink:title",
        "regel 17: commentaar",
    )


def test_cleaning_is_stable():
    once = images.clean_svg(CLEAN_INPUT.encode())
    assert images.clean_svg(once) == once


def test_clean_svg_refuses_with_a_message():
    with pytest.raises(images.ImageError) as caught:
        images.clean_svg(f"<svg {NS}><script/></svg>".encode())
    assert str(caught.value) == (
        "de SVG bevat wat in een afbeelding niet is toegestaan: regel 1: element <script>. "
        + SVG_ALLOWED
    )


def test_starter_images_pass_and_keep_their_drawing():
    """The cleaner only drops the comments of the starter images (they render the same: checked
    with chromium screenshots when this was written)."""
    folder = Path(__file__).resolve().parent.parent / "practices" / "_afbeeldingen"
    for file in sorted(folder.glob("*.svg")):
        result = images.examine_svg(file.read_bytes())
        assert result.problem is None, file.name
        assert {d.split(": ", 1)[1] for d in result.dropped} == {"commentaar"}, file.name


# --- what is published ---------------------------------------------------------------------


def test_the_site_publishes_the_cleaned_svg(project, practices):
    project.write("_afbeeldingen/markt.svg", CLEAN_INPUT)
    project.add("praktijk.md", front=image("_afbeeldingen/markt.svg"))
    loaded = practices()
    _, assets = render_site(build_site(loaded.practices, loaded.vocab))
    published = {a.src: a for a in assets}["afbeeldingen/markt.svg"]
    assert (published.file, published.content) == (None, CLEAN_OUTPUT)


def test_the_site_publishes_a_raster_image_as_read(project, practices):
    project.write("_afbeeldingen/markt.png", PNG)
    project.add("praktijk.md", front=image("markt.png"))
    loaded = practices()
    _, assets = render_site(build_site(loaded.practices, loaded.vocab))
    assert {a.src: a.content for a in assets}["afbeeldingen/markt.png"] == PNG


def test_published_bytes_checks_again(project, practices, tmp_path):
    """A file swapped for a link after `check` is not published."""
    project.write("_afbeeldingen/markt.png", PNG)
    project.add("praktijk.md", front=image("_afbeeldingen/markt.png"))
    file = practices().practices[0].afbeelding.file
    file.unlink()
    (tmp_path / "geheim.png").write_bytes(PNG)
    file.symlink_to(tmp_path / "geheim.png")
    with pytest.raises(images.ImageError) as caught:
        images.published_bytes(file)
    assert str(caught.value) == f"'_afbeeldingen/markt.png' is een symbolische link; {ALLOWED}."


# --- many practices, one image -------------------------------------------------------------


def test_a_shared_image_is_examined_once(project, check, monkeypatch):
    calls: list[str] = []
    real = images.inspect_image

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(images, "inspect_image", counting)
    project.write("_afbeeldingen/goed.svg", SVG)
    project.write("_afbeeldingen/slecht.svg", f"<svg {NS}><script/></svg>")
    for i in range(3):
        project.add(f"goed-{i}.md", front=image("_afbeeldingen/goed.svg"))
        project.add(f"slecht-{i}.md", front=image("_afbeeldingen/slecht.svg"))
    problems = check()
    assert problems == [
        refused_svg("_afbeeldingen/slecht.svg", "regel 1: element <script>").replace(
            F, f"practices/slecht-{i}.md"
        )
        for i in range(3)
    ]
    assert sorted(calls) == ["_afbeeldingen/goed.svg", "_afbeeldingen/slecht.svg"]


def test_a_refused_image_is_examined_again_once_changed(project):
    """`new` validates again and again with one vocabulary while its user fixes the image: a
    remembered refusal must not outlive the file it was about."""
    vocab, _ = load_vocab(project.root / "practices" / "_lijsten")
    path = project.add("praktijk.md", front=image("_afbeeldingen/markt.svg"))
    project.write("_afbeeldingen/markt.svg", f"<svg {NS}><script/></svg>")

    def messages() -> list[str]:
        source, _ = read_source(path)
        return [p.message for p in validate(source, vocab, project.practices, TODAY)[1]]

    refusal = (
        "de SVG '_afbeeldingen/markt.svg' bevat wat in een afbeelding niet is toegestaan: "
        f"regel 1: element <script>. {SVG_ALLOWED}"
    )
    assert messages() == [refusal]
    assert messages() == [refusal]  # remembered while the file is the same
    project.write("_afbeeldingen/markt.svg", SVG + "\n" * 10)  # another size: another stamp
    assert messages() == []


# --- through MkDocs and the export ---------------------------------------------------------


@pytest.fixture
def site_with_image(tmp_path: Path) -> Path:
    """A project with the repository's site files and one practice with a dirty SVG."""
    from sitebuild import make_site

    practices = {"praktijk.md": practice_text(image("markt.svg"))}
    project = make_site(tmp_path / "site-project", practices)
    project.write("_afbeeldingen/markt.svg", CLEAN_INPUT)
    return project.root


def test_the_mkdocs_build_publishes_the_cleaned_svg(site_with_image: Path) -> None:
    from sitebuild import build

    site = build(site_with_image)
    assert (site / "afbeeldingen" / "markt.svg").read_bytes() == CLEAN_OUTPUT


def test_the_export_writes_the_cleaned_svg(site_with_image: Path, capsys) -> None:
    from generator.cli import main as cli

    out = site_with_image / "export"
    assert cli(["--project", str(site_with_image), "export", "--out", str(out)]) == 0
    assert (out / "afbeeldingen" / "markt.svg").read_bytes() == CLEAN_OUTPUT
