"""The form's routes without a GitHub account (issue #19), in Chromium.

- "Verstuur naar de redactie": a mailto: link to mkdocs.yml's extra.redactie.email with the
  practice file in its body, which the real `check` accepts once decoded; a file too long for a
  mail link falls back to a download with instructions to attach it.
- "Wijzig deze praktijk": the form opened with ?wijzig=<id> is filled with the practice, shows
  a line diff, sets `bijgewerkt` to today, keeps the fields it does not show, and hands over a
  changed file that passes `check` in the repository's own collection.
- Images: checked by their first bytes and size, large photos scaled down to JPEG, named
  `_afbeeldingen/<id>.jpg`, handed over with the file (and accepted by `check`); a wrong type
  or a too-large SVG is refused with the message the rules give.
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from conftest import REPO

from generator import images, load_project, rules
from generator.render import form
from generator.render.form import MAIL_URL_LIMIT, image_rules, split_sections

PAGE = "bijdragen/nieuwe-praktijk/"
EMAIL = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)[
    "extra"
]["redactie"]["email"]
SUMMARY = (
    "Elke maand herstellen vrijwilligers in de bibliotheek kapotte toestellen, kleren en "
    "fietsen samen met de bezoekers, en leren ze hen zelf te herstellen."
)
# A starter practice with an image, a contact and `voorbeeld: true` (which the form does not show).
EDITED = "aalst-duurzaamheidsmarkt-grote-markt"
MESSAGES = image_rules()["messages"]


# --- helpers -----------------------------------------------------------------------------------


def open_form(watched, root: str, query: str = ""):
    watch = watched(root)
    watch.page.goto(root + PAGE + query)
    watch.page.wait_for_function("() => window.PK_FORM_READY === true")
    return watch


def require_mail_route(page) -> None:
    """The address reaches the form through SiteOptions.editors_email (set by the plugin)."""
    shown = page.evaluate("window.PK_FORM.editors.email")
    assert shown == EMAIL, "het adres van de redactie komt niet in de formulierdata"


def pick(page, field: str, typed: str) -> None:
    box = page.locator(f"#pk-f-{field}")
    box.press_sequentially(typed)
    page.locator(f"#pk-f-{field}-opties [role=option]").first.wait_for()
    box.press("Enter")


def fill_short_practice(page, aanpak: str = "De bib stelt een zaal ter beschikking.") -> None:
    page.locator("#pk-f-titel").fill("Repair Café in de bib")
    page.locator("#pk-f-samenvatting").fill(SUMMARY)
    page.get_by_role("radio", name="Lopend").check()
    page.locator("#pk-f-jaar").fill("2024")
    pick(page, "gemeenten", "Gent")
    page.locator("label[for=pk-f-sdgs-12]").click()
    domains = page.get_by_role("group", name="Beleidsdomeinen")
    domains.get_by_role("checkbox", name="Lokale economie").check()
    page.locator("#pk-f-tekst-aanleiding").fill("Toestellen belandden te vroeg bij het afval.")
    page.locator("#pk-f-tekst-aanpak").fill(aanpak)
    page.locator("#pk-f-tekst-resultaten").fill("Ruim 400 herstellingen in het eerste jaar.")


def mail_parts(href: str) -> tuple[str, str, str]:
    """(address, subject, body) of a mailto: link, the body with LF line ends."""
    assert href.startswith("mailto:")
    parts = urlsplit(href)
    query = parse_qs(parts.query, keep_blank_values=True)
    return unquote(parts.path), query["subject"][0], query["body"][0].replace("\r\n", "\n")


def file_in_mail(body: str, practice_id: str) -> str:
    begin = f"----- begin van practices/{practice_id}.md -----\n"
    end = f"----- einde van practices/{practice_id}.md -----"
    assert begin in body and end in body, body
    return body.split(begin, 1)[1].split(end, 1)[0]


def run_check(root: Path) -> subprocess.CompletedProcess:
    """The real `python -m generator check` on the project at `root`."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "--project", str(root), "check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )


def new_project(root: Path, files: dict[str, str | bytes]) -> Path:
    shutil.copytree(REPO / "practices" / "_lijsten", root / "practices" / "_lijsten")
    for name, content in files.items():
        path = root / "practices" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def png(width: int, height: int) -> bytes:
    """A PNG of a horizontal gradient (small file, any size in pixels), without Pillow."""
    row = b"\x00" + bytes(v for x in range(width) for v in (x * 255 // width, 120, 200))
    raw = zlib.compress(row * height, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def jpeg_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a JPEG's start-of-frame marker."""
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2 : i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        i += 2 + length
    raise AssertionError("geen JPEG-frame gevonden")


def choose_image(page, name: str, data: bytes, mime: str = "image/png") -> None:
    page.locator("#pk-f-afbeelding-bestand").set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}]
    )


def collect_downloads(page, action, count: int) -> dict[str, bytes]:
    found = []
    page.on("download", lambda download: found.append(download))
    action()
    for _ in range(50):
        if len(found) >= count:
            break
        page.wait_for_timeout(100)
    assert len(found) == count, [d.suggested_filename for d in found]
    return {d.suggested_filename: Path(d.path()).read_bytes() for d in found}


# --- the mail route ----------------------------------------------------------------------------


def test_mail_link_carries_the_file_which_check_accepts(repo_site, serve, watched, tmp_path):
    root = serve(repo_site)
    watch = open_form(watched, root)
    page = watch.page
    require_mail_route(page)
    mail = page.locator("#pk-fmail")
    assert mail.inner_text() == "Verstuur naar de redactie"
    assert mail.get_attribute("aria-disabled") == "true"  # not before the file is in order
    assert mail.get_attribute("href") is None

    fill_short_practice(page)
    assert page.evaluate("window.PK_FORM_API.ok()"), page.locator("#pk-fsummary").inner_text()
    href = mail.get_attribute("href")
    assert mail.get_attribute("data-route") == "volledig"
    assert len(href) <= MAIL_URL_LIMIT
    assert page.locator("#pk-fmaillong").is_hidden()

    address, subject, body = mail_parts(href)
    practice_id = page.evaluate("window.PK_FORM_API.id()")
    assert address == EMAIL == "redactie@vvsg.be"
    assert subject == f"Nieuwe praktijk {practice_id}"
    markdown = file_in_mail(body, practice_id)
    assert markdown == page.locator("#pk-fmarkdown").text_content()

    project = new_project(tmp_path, {f"{practice_id}.md": markdown})
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 praktijk gecontroleerd: 0 fouten, 0 waarschuwingen" in result.stdout
    [practice] = load_project(project).practices
    assert practice.bijgewerkt == dt.date.today()
    assert watch.outside == [] and watch.errors == []


def test_a_file_too_long_for_a_mail_link_is_downloaded_to_attach(repo_site, serve, watched):
    root = serve(repo_site)
    watch = open_form(watched, root)
    page = watch.page
    long_text = "\n\n".join(
        f"Stap {n}: de vrijwilligers herstellen samen met de bezoekers toestellen, kleren en "
        "fietsen, en tonen hoe je dat zelf doet."
        for n in range(1, 16)
    )
    require_mail_route(page)
    fill_short_practice(page, aanpak=long_text)
    assert page.evaluate("window.PK_FORM_API.ok()"), page.locator("#pk-fsummary").inner_text()
    mail = page.locator("#pk-fmail")
    practice_id = page.evaluate("window.PK_FORM_API.id()")
    markdown = page.locator("#pk-fmarkdown").text_content()

    assert mail.get_attribute("data-route") == "bijlage"
    href = mail.get_attribute("href")
    assert len(href) <= MAIL_URL_LIMIT
    address, subject, body = mail_parts(href)
    assert (address, subject) == (EMAIL, f"Nieuwe praktijk {practice_id}")
    assert "----- begin van" not in body and "titel:" not in body  # the file is not in it
    assert (
        f"Het bestand {practice_id}.md (voor practices/{practice_id}.md) voeg ik als bijlage"
        in body
    )
    steps = page.locator("#pk-fmaillong")
    assert steps.is_visible()
    assert "te lang om in een e-mail mee te geven" in steps.inner_text()
    assert "Voeg het gedownloade bestand als bijlage toe" in steps.inner_text()

    # The same click downloads the file to attach (the mail program itself is not opened here:
    # the test only follows the download).
    page.evaluate(
        "document.getElementById('pk-fmail').addEventListener('click', e => e.preventDefault())"
    )
    files = collect_downloads(page, lambda: mail.click(), 1)
    assert files == {f"{practice_id}.md": markdown.encode("utf-8")}
    assert watch.errors == []


# --- editing an existing practice --------------------------------------------------------------


def test_wijzig_fills_the_form_shows_the_diff_and_gives_a_file_that_passes_check(
    repo_site, serve, watched, tmp_path
):
    root = serve(repo_site)
    watch = open_form(watched, root, f"?wijzig={EDITED}")
    page = watch.page
    source = (REPO / "practices" / f"{EDITED}.md").read_text(encoding="utf-8")
    [original] = [p for p in load_project(REPO).practices if p.id == EDITED]

    assert page.evaluate("window.PK_FORM_API.editing()") == EDITED
    assert page.locator("h1").inner_text() == "Een praktijk wijzigen"
    assert page.locator("#pk-f-titel").input_value() == original.titel
    assert page.locator("#pk-f-samenvatting").input_value() == original.samenvatting
    assert page.locator("#pk-f-afbeelding-alt").input_value() == original.afbeelding.alt
    assert (
        page.locator("#pk-f-tekst-aanpak").input_value() == split_sections(original.body)["Aanpak"]
    )
    assert page.locator("#pk-f-id").input_value() == EDITED
    assert page.locator("#pk-f-id").get_attribute("readonly") is not None
    assert page.evaluate("window.PK_FORM_API.ok()"), page.locator("#pk-fsummary").inner_text()

    # Unchanged, the file differs only in its date (and the goals in their order).
    today = dt.date.today().isoformat()
    deleted = page.locator("#pk-fdiff del").all_inner_texts()
    inserted = page.locator("#pk-fdiff ins").all_inner_texts()
    assert f"- bijgewerkt: {original.bijgewerkt.isoformat()}\n" in deleted
    assert f"+ bijgewerkt: {today}\n" in inserted
    assert len(inserted) == len(deleted) <= 2

    new_summary = (
        "De markt groeide uit tot een jaarlijkse Duurzaamheidsmarkt met repaircafé, "
        "fairtradekraampjes en verenigingen die hun project in het Zuiden tonen."
    )
    page.locator("#pk-f-samenvatting").fill(new_summary)
    page.locator("#pk-f-tekst-resultaten").press("End")
    page.locator("#pk-f-tekst-resultaten").press_sequentially("\n\nIn 2026 kwamen er 60 standen.")
    deleted = "".join(page.locator("#pk-fdiff del").all_inner_texts())
    inserted = "".join(page.locator("#pk-fdiff ins").all_inner_texts())
    assert "-   De jaarlijkse biomarkt kreeg een nieuwe naam" in deleted
    assert "+   De markt groeide uit tot een jaarlijkse" in inserted
    assert "+ In 2026 kwamen er 60 standen." in inserted
    summary = page.locator("#pk-fdiff-summary").inner_text()
    assert summary.startswith(f"{deleted.count(chr(10))} regels weg, {inserted.count(chr(10))}")

    markdown = page.locator("#pk-fmarkdown").text_content()
    assert f"\nbijgewerkt: {today}\nvoorbeeld: true\n---\n" in markdown  # kept as it was
    github = page.locator("#pk-fgithub").get_attribute("href")
    assert (
        github == f"https://github.com/vvsg/sdg-praktijkendatabank/edit/main/practices/{EDITED}.md"
    )

    # Long: the mail asks to attach; the download gives the changed file.
    mail = page.locator("#pk-fmail")
    assert mail.get_attribute("data-route") == "bijlage"
    address, subject, body = mail_parts(mail.get_attribute("href"))
    assert subject == f"Wijziging van praktijk {EDITED}"
    assert f"Hierbij een wijziging van de praktijk {EDITED}" in body
    files = collect_downloads(page, lambda: page.locator("#pk-fdownload").click(), 1)
    assert files == {f"{EDITED}.md": markdown.encode("utf-8")}

    # The changed file in the repository's own collection: `check` accepts it.
    project = tmp_path / "project"
    shutil.copytree(REPO / "practices", project / "practices")
    (project / "practices" / f"{EDITED}.md").write_bytes(files[f"{EDITED}.md"])
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 fouten" in result.stdout
    [changed] = [p for p in load_project(project).practices if p.id == EDITED]
    assert changed.samenvatting == new_summary
    assert changed.bijgewerkt == dt.date.today()
    assert changed.voorbeeld is True
    assert changed.afbeelding.pad == original.afbeelding.pad
    assert (changed.titel, changed.contact, changed.partners) == (
        original.titel,
        original.contact,
        original.partners,
    )
    assert source != markdown
    assert watch.outside == [] and watch.errors == []


def test_the_practice_page_links_to_the_filled_form(repo_site, serve, watched):
    root = serve(repo_site)
    watch = watched(root)
    page = watch.page
    page.goto(root + f"praktijken/{EDITED}/")
    link = page.get_by_role("link", name="Wijzig deze praktijk")
    assert link.get_attribute("href") == f"../../bijdragen/nieuwe-praktijk/?wijzig={EDITED}"
    link.click()
    page.wait_for_function("() => window.PK_FORM_READY === true")
    assert page.evaluate("window.PK_FORM_API.editing()") == EDITED
    assert watch.errors == []


def test_an_unknown_practice_is_not_loaded(repo_site, serve, watched):
    root = serve(repo_site)
    for wanted in ("bestaat-niet", "../formulier-data", "x%22%3E%3Cscript%3E"):
        watch = open_form(watched, root, f"?wijzig={wanted}")
        page = watch.page
        assert "staat niet in de databank" in page.locator(".pk-fstop").inner_text()
        assert page.locator("#pk-fmarkdown").count() == 0
        assert page.locator("script[src*='praktijken/']").count() == 0
        assert watch.outside == [] and watch.errors == []


def test_the_diff_is_a_longest_common_subsequence_with_a_size_guard(repo_site, serve, watched):
    page = open_form(watched, serve(repo_site)).page
    diff = page.evaluate("window.PK_FORM_API.diff(['a','b','c','d'], ['a','x','c','d','e'])")
    assert diff == [[" ", "a"], ["-", "b"], ["+", "x"], [" ", "c"], [" ", "d"], ["+", "e"]]
    assert page.evaluate("window.PK_FORM_API.diff(['a'], ['a'])") == [[" ", "a"]]
    n = math.isqrt(form.DIFF_LIMIT) + 1  # n × n changed lines: over the limit
    too_large = page.evaluate(
        f"window.PK_FORM_API.diff(Array.from({{length: {n}}}, (_, i) => 'a' + i), "
        f"Array.from({{length: {n}}}, (_, i) => 'b' + i))"
    )
    assert too_large is None


# --- images ------------------------------------------------------------------------------------


def test_a_large_photo_is_scaled_to_jpeg_named_and_handed_over(repo_site, serve, watched, tmp_path):
    root = serve(repo_site)
    watch = open_form(watched, root)
    page = watch.page
    fill_short_practice(page)
    practice_id = page.evaluate("window.PK_FORM_API.id()")
    choose_image(page, "Foto van de Markt.PNG", png(3000, 2000))
    page.wait_for_function("() => window.PK_FORM_API.image() !== null")
    image = page.evaluate("window.PK_FORM_API.image()")
    assert (image["kind"], image["width"], image["height"]) == ("jpeg", 1600, 1067)
    assert image["name"] == f"{practice_id}.jpg"
    assert page.locator("#pk-f-afbeelding-pad").input_value() == f"_afbeeldingen/{practice_id}.jpg"
    assert (
        "Verkleind van 3000 × 2000 tot 1600 × 1067 pixels"
        in page.locator("#pk-fimage-status").inner_text()
    )
    assert page.locator("#pk-fimage-preview").get_attribute("src").startswith("data:image/jpeg")

    # The description is required before the file is in order.
    assert not page.evaluate("window.PK_FORM_API.ok()")
    assert page.evaluate("document.activeElement.id") == "pk-f-afbeelding-alt"
    page.locator("#pk-f-afbeelding-alt").fill("Vrijwilligers herstellen een fiets in de bib")
    assert page.evaluate("window.PK_FORM_API.ok()"), page.locator("#pk-fsummary").inner_text()
    markdown = page.locator("#pk-fmarkdown").text_content()
    assert f"afbeelding:\n  pad: _afbeeldingen/{practice_id}.jpg\n  alt: Vrijwilligers" in markdown

    # The mail asks to attach the image; the download gives both files.
    _, _, body = mail_parts(page.locator("#pk-fmail").get_attribute("href"))
    assert f"De afbeelding {practice_id}.jpg voeg ik als bijlage toe" in body
    assert f"{practice_id}.jpg" in page.locator("#pk-fmailimage").inner_text()
    files = collect_downloads(page, lambda: page.locator("#pk-fdownload").click(), 2)
    photo = files[f"{practice_id}.jpg"]
    assert photo.startswith(b"\xff\xd8\xff") and jpeg_size(photo) == (1600, 1067)
    assert len(photo) <= images.MAX_RASTER_BYTES
    assert files[f"{practice_id}.md"] == markdown.encode("utf-8")

    project = new_project(
        tmp_path,
        {f"{practice_id}.md": markdown, f"_afbeeldingen/{practice_id}.jpg": photo},
    )
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fouten, 0 waarschuwingen" in result.stdout

    # The name follows the id; removing the image empties the field again.
    page.locator("#pk-f-id").fill("bib-repair")
    assert page.locator("#pk-f-afbeelding-pad").input_value() == "_afbeeldingen/bib-repair.jpg"
    page.locator("#pk-fimage-remove").press("Enter")  # by keyboard: the header covers it at times
    assert page.evaluate("window.PK_FORM_API.image()") is None
    assert page.locator("#pk-f-afbeelding-pad").input_value() == ""
    assert watch.outside == [] and watch.errors == []


def test_a_small_picture_and_a_drawing_are_kept_as_they_are(repo_site, serve, watched):
    page = open_form(watched, serve(repo_site)).page
    small = png(800, 600)
    choose_image(page, "schets.png", small)
    page.wait_for_function("() => window.PK_FORM_API.image() !== null")
    assert page.evaluate("window.PK_FORM_API.image()")["kind"] == "png"
    assert page.evaluate("window.PK_FORM_API.image()")["size"] == len(small)
    assert page.locator("#pk-f-afbeelding-pad").input_value() == "_afbeeldingen/nieuwe-praktijk.png"
    drawing = (REPO / "practices" / "_afbeeldingen" / "a-boomgaard.svg").read_bytes()
    choose_image(page, "BOOMGAARD.SVG", drawing, "image/svg+xml")
    page.wait_for_function("() => window.PK_FORM_API.image().kind === 'svg'")
    assert page.evaluate("window.PK_FORM_API.image()")["size"] == len(drawing)  # not scaled
    assert page.locator("#pk-f-afbeelding-pad").input_value() == "_afbeeldingen/nieuwe-praktijk.svg"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        # The type is read from the first bytes, never from the name.
        ("foto.png", b"GIF89a" + bytes(2000), MESSAGES["wrongType"].format(value="foto.png")),
        ("foto.jpg", b"<html><body>geen foto</body></html>", None),
        ("tekening.svg", b"<?xml version='1.0'?><html/>", None),
        (
            "grote-tekening.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg">' + b" " * (600 * 1024) + b"</svg>",
            MESSAGES["tooLargeSvg"].format(pad="grote-tekening.svg", kb=601),
        ),
    ],
)
def test_a_wrong_type_or_too_large_image_is_refused(repo_site, serve, watched, name, data, message):
    page = open_form(watched, serve(repo_site)).page
    choose_image(page, name, data)
    error = page.locator("#pk-f-afbeelding-bestand-error")
    error.wait_for()
    expected = message or MESSAGES["wrongType"].format(value=name)
    assert error.inner_text() == expected
    assert page.evaluate("window.PK_FORM_API.image()") is None
    assert page.locator("#pk-f-afbeelding-pad").input_value() == ""
    assert page.locator("#pk-f-afbeelding-bestand").get_attribute("aria-invalid") == "true"


def test_the_browser_refuses_what_check_refuses_with_the_same_words(tmp_path):
    """The too-large message is images' own; `check` says it about the same file."""
    big = b'<svg xmlns="http://www.w3.org/2000/svg">' + b" " * (600 * 1024) + b"</svg>"
    front = (REPO / "practices" / f"{EDITED}.md").read_text(encoding="utf-8")
    front = front.replace("_afbeeldingen/b-duurzaamheidsmarkt.svg", "_afbeeldingen/groot.svg")
    project = new_project(tmp_path, {"x.md": front, "_afbeeldingen/groot.svg": big})
    result = run_check(project)
    assert result.returncode == 1
    assert MESSAGES["tooLargeSvg"].format(pad="_afbeeldingen/groot.svg", kb=601) in result.stdout
    assert MESSAGES["wrongType"] == rules.MESSAGES["imageType"]


def test_the_first_bytes_the_form_reads_are_those_check_reads():
    rules_ = image_rules()
    assert rules_["maxRaster"] == images.MAX_RASTER_BYTES
    assert rules_["maxSvg"] == images.MAX_SVG_BYTES
    for kind, marks in rules_["magic"].items():
        data = bytearray(16)
        for offset, hex_text in marks:
            part = bytes.fromhex(hex_text)
            data[offset : offset + len(part)] = part
        assert images._magic_matches(kind, bytes(data)), kind
        for other in rules_["magic"]:
            if other != kind:
                assert not images._magic_matches(other, bytes(data)), (kind, other)
    assert set(rules_["magic"]) | {"svg"} == set(images.KIND_LABEL)
    for kind, suffix in rules_["extension"].items():
        assert images.SUFFIX_KIND[suffix] == kind


def test_sections_are_split_without_losing_text():
    body = (
        "Inleiding zonder kop.\n\n## Aanpak\n\nStap een.\n\n### Detail\n\nMeer.\n\n"
        "```\n## Aanleiding\n```\n\n## Aanleiding\n\nWaarom.\n\n## Iets anders\n\nRest.\n"
    )
    parts = split_sections(body)
    assert parts == {
        "Aanleiding": "Waarom.\n\n## Iets anders\n\nRest.",
        "Aanpak": "Inleiding zonder kop.\n\nStap een.\n\n### Detail\n\nMeer.\n\n"
        "```\n## Aanleiding\n```",
    }
    assert split_sections("Alleen tekst.") == {"Aanpak": "Alleen tekst."}


def test_wijzig_works_from_file_urls_too(offline_site, watched):
    """An offline bundle opens the form from file://, where fetch() is refused: the practice
    comes as a script next to the form's data, which loads there too."""
    root = offline_site.as_uri() + "/"
    watch = watched(root)
    page = watch.page
    page.goto(root + f"praktijken/{EDITED}.html")
    page.get_by_role("link", name="Wijzig deze praktijk").click()
    page.wait_for_function("() => window.PK_FORM_READY === true")
    assert page.url.endswith(f"bijdragen/nieuwe-praktijk.html?wijzig={EDITED}")
    assert page.evaluate("window.PK_FORM_API.editing()") == EDITED
    [original] = [p for p in load_project(REPO).practices if p.id == EDITED]
    assert page.locator("#pk-f-titel").input_value() == original.titel
    assert watch.outside == [] and watch.errors == []
