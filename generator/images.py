"""Practice images: which files may be published, and the bytes that are published.

A practice names its image in the front matter (`afbeelding: {pad: _afbeeldingen/x.svg}`).
Everything under practices/ comes from contributors, so an image is only accepted when:

- it is a file directly in practices/_afbeeldingen/. The path is written as
  `_afbeeldingen/naam.png`; a bare `naam.png` means the same file (older practices use it).
  Images next to a practice are no longer published: one folder is one place to check;
- the folder and the file are what they seem: `lstat`, never followed. A symbolic link (to a
  file or as the folder), a FIFO, a device or a socket is refused. The file is opened with
  O_NOFOLLOW | O_NONBLOCK (relative to the opened folder where the platform allows it) and
  `fstat` must again say: the same regular file;
- its name is safe in any URL and on any file system: lower-case letters, digits, '-' and
  '_', one extension (.png, .jpg, .jpeg, .webp, .svg);
- its first bytes match the extension (a `.png` that is HTML is refused), and it is not too
  large (MAX_RASTER_BYTES, MAX_SVG_BYTES);
- an SVG is UTF-8 XML without DTD or entities whose root is an SVG `<svg>`, and uses only the
  elements and attributes below. What is published is `clean_svg(data)`: the tree written
  anew from the allowlist, never the uploaded bytes. Raster images are published as read.

SVG decisions. Anything that could run script, open a link or fetch something from outside
the file refuses the image (an error in `check`): `<script>`, `on…` attributes,
`<foreignObject>`, links, `<image>`, animation, an `href` other than `#naam` on the few
elements that may refer within the file, `url(…)` other than `url(#naam)`, DTDs and entities,
`<?xml-stylesheet?>`, and every element outside the allowlist (in any namespace). CSS in a
`style` attribute or `<style>` element is allowed (drawing programs write it) when it has no
backslash, no @-rule and no function outside CSS_FUNCTIONS. Harmless things are dropped
without a message: comments, other processing instructions, `<metadata>`, elements and
attributes of the drawing programs (Inkscape, Sodipodi, RDF, ...), and any other attribute that
is not on the allowlist (it cannot run or fetch anything; the drawing looks the same).
`examine_svg(...).dropped` lists what was dropped.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as defused
from defusedxml.common import DefusedXmlException

from . import rules
from .layout import IMAGES

FOLDER = IMAGES
MAX_RASTER_BYTES = 2 * 1024 * 1024
MAX_SVG_BYTES = 512 * 1024
MAX_SVG_DEPTH = 64  # elements inside each other; drawings need a handful
MAX_REPORTED = 5  # refusals named in one message; the rest are counted

SUFFIX_KIND = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".webp": "webp", ".svg": "svg"}
KIND_LABEL = {"png": "PNG", "jpeg": "JPEG", "webp": "WebP", "svg": "SVG"}
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}\.(?:png|jpg|jpeg|webp|svg)$")

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# Drawing programs' own data: dropped with everything inside it, without a message.
EDITOR_NAMESPACES: frozenset[str] = frozenset(
    {
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.inkscape.org/namespaces/inkscape",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://creativecommons.org/ns#",
        "http://purl.org/dc/elements/1.1/",
        "http://www.serif.com/",
        "http://www.bohemiancoding.com/sketch/ns",
    }
)

# The SVG elements a drawing needs: shapes, text, grouping, reuse, paint servers, clipping,
# masks, markers and simple filters. No <a>, <image>, <foreignObject>, <script>, animation.
ELEMENTS: frozenset[str] = frozenset(
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan",
        "linearGradient", "radialGradient", "stop", "pattern",
        "clipPath", "mask", "marker",
        "filter", "feGaussianBlur", "feOffset", "feBlend", "feFlood", "feComposite",
        "feMerge", "feMergeNode", "feColorMatrix", "feDropShadow",
    }
)  # fmt: skip
DROPPED_ELEMENTS: frozenset[str] = frozenset({"metadata"})  # editor data in the SVG namespace
# Refused even inside editor data that is dropped anyway: whoever put them there meant harm.
HOSTILE_ELEMENTS: frozenset[str] = frozenset(
    {
        "script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "a",
        "image", "feimage", "animate", "set", "animatemotion", "animatetransform",
    }
)  # fmt: skip
KEEP, DROP, REFUSE = "keep", "drop", "refuse"  # what becomes of an element
HREF_ELEMENTS: frozenset[str] = frozenset({"use", "linearGradient", "radialGradient", "pattern"})

# Attributes without a namespace that are kept (on any allowed element); others are dropped.
ATTRIBUTES: frozenset[str] = frozenset(
    {
        "id", "class", "style", "lang", "role", "tabindex", "focusable",
        "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
        "viewBox", "preserveAspectRatio", "width", "height", "x", "y", "transform",
        "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
        "d", "points", "pathLength",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
        "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset",
        "stroke-miterlimit", "opacity", "color", "display", "visibility", "overflow",
        "clip-path", "clip-rule", "mask", "filter", "vector-effect", "shape-rendering",
        "paint-order", "mix-blend-mode", "isolation", "color-interpolation",
        "color-interpolation-filters",
        "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight",
        "markerUnits", "refX", "refY", "orient",
        "font-family", "font-size", "font-weight", "font-style", "font-variant",
        "font-stretch", "text-anchor", "dominant-baseline", "alignment-baseline",
        "baseline-shift", "letter-spacing", "word-spacing", "text-decoration",
        "writing-mode", "dx", "dy", "rotate", "textLength", "lengthAdjust",
        "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform",
        "spreadMethod", "patternUnits", "patternContentUnits", "patternTransform",
        "clipPathUnits", "maskUnits", "maskContentUnits",
        "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode",
        "operator", "k1", "k2", "k3", "k4", "values", "type", "flood-color", "flood-opacity",
    }
)  # fmt: skip
# Attribute values that are names or text, not CSS: not held to the CSS rule.
NOT_CSS: frozenset[str] = frozenset(
    {"id", "class", "lang", "role", "aria-label", "aria-labelledby", "aria-describedby"}
)
# CSS functions a drawing uses (colours, transforms, arithmetic). Others, such as image(),
# image-set() or expression(), can fetch or run something; url() only as url(#naam).
CSS_FUNCTIONS: frozenset[str] = frozenset(
    {
        "url", "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch",
        "calc", "min", "max", "clamp", "var",
        "translate", "translatex", "translatey", "rotate", "scale", "scalex", "scaley",
        "matrix", "skewx", "skewy",
    }
)  # fmt: skip

_LOCAL_HREF = re.compile(r"^#[A-Za-z_][\w.:-]*$")
_LOCAL_URL = re.compile(r"""url\(\s*(["']?)#[A-Za-z_][\w.:-]*\1\s*\)""", re.IGNORECASE)
_CSS_FUNCTION = re.compile(r"([A-Za-z_-][\w-]*)\s*\(")
_SCRIPT_SCHEME = re.compile(r"(?:java|vb|live)script:")
_BLANKS = re.compile(r"[\x00-\x20\x7f]+")  # what browsers drop inside a URL scheme
_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")

ALLOWED = "een afbeelding moet een gewoon bestand zijn in practices/_afbeeldingen/"
SVG_ALLOWED = (
    "Toegestaan zijn tekenelementen (zoals path, rect, circle, text, g, linearGradient) met "
    "hun vorm- en kleurattributen; niet toegestaan zijn script, gebeurtenissen (on…), "
    "foreignObject, links en verwijzingen naar buiten het bestand. Exporteer de tekening "
    "opnieuw als gewone SVG."
)


class ImageError(ValueError):
    """An image that may not be published; the message is Dutch and names the file."""


@dataclass(frozen=True)
class ImageFile:
    """An image that passed every rule. `path` is inside practices/_afbeeldingen/, unresolved."""

    path: Path
    pad: str  # normalised: "_afbeeldingen/naam.ext"
    kind: str  # "png", "jpeg", "webp" or "svg"
    size: int


@dataclass(frozen=True)
class SvgResult:
    """What `examine_svg` found: the cleaned bytes, or why the SVG is refused."""

    cleaned: bytes | None
    problem: str | None = None  # completes "de SVG '...' ..."; None when cleaned is set
    refused: tuple[str, ...] = ()  # each "regel N: ..."
    dropped: tuple[str, ...] = ()  # harmless things left out, each "regel N: ..."


# --- the file ------------------------------------------------------------------------------


def inspect_image(
    practices_dir: Path, pad: str, beside: Path | None = None
) -> tuple[ImageFile | None, str | None]:
    """The image `pad` names, or a Dutch message saying why it may not be published.
    `beside` (the practice's folder) only improves the message for an image left there."""
    loaded = _load(practices_dir, pad, beside)
    if isinstance(loaded, str):
        return None, loaded
    file, data = loaded
    if file.kind == "svg":
        result = examine_svg(data)
        if result.cleaned is None:
            return None, f"de SVG '{pad}' {result.problem}"
    return file, None


def published_bytes(path: Path) -> bytes:
    """The bytes to publish for `ImageFile.path`: read again with every rule (the file may
    have changed since `check`); an SVG is cleaned. Raises ImageError when it is refused."""
    if path.parent.name != FOLDER:
        raise ImageError(f"'{path.as_posix()}' staat niet in practices/{FOLDER}/.")
    pad = f"{FOLDER}/{path.name}"
    loaded = _load(path.parent.parent, pad, None)
    if isinstance(loaded, str):
        raise ImageError(loaded)
    file, data = loaded
    if file.kind != "svg":
        return data
    result = examine_svg(data)
    if result.cleaned is None:
        raise ImageError(f"de SVG '{pad}' {result.problem}")
    return result.cleaned


def file_stamp(practices_dir: Path, pad: str) -> tuple[Any, ...] | None:
    """What changes when the folder or file named by `pad` changes (lstat, never followed):
    a refused image is examined again only when its stamp changed."""
    name = _name_of(pad)
    if name is None:
        return ("pad",)
    folder = practices_dir / FOLDER
    try:
        parts = [os.lstat(folder), os.lstat(folder / name)]
    except OSError:
        return None
    return tuple((s.st_mode, s.st_ino, s.st_dev, s.st_size, s.st_mtime_ns) for s in parts)


def _name_of(pad: str) -> str | None:
    """The file name inside _afbeeldingen/ that `pad` means, or None for any other place."""
    parts = pad.split("/")
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2 and parts[0] == FOLDER:
        return parts[1]
    return None


def _check_pad(pad: str) -> str | None:
    """A message when `pad` is not a safe file name in _afbeeldingen/."""
    plain = _BLANKS.sub("", pad).lower()
    if ":" in plain or pad.startswith(("/", "\\")) or "\\" in pad or ".." in pad.split("/"):
        return rules.message("imagePath", value=pad)
    if os.path.splitext(pad)[1].lower() not in SUFFIX_KIND:
        return rules.message("imageType", value=pad)
    name = _name_of(pad)
    if name is None:
        return (
            f"'{pad}' staat niet in practices/{FOLDER}/; zet de afbeelding in die map "
            f"(zonder submap) en schrijf {FOLDER}/{pad.rsplit('/', 1)[-1]}."
        )
    if not _NAME.match(name):
        return (
            f"de bestandsnaam '{name}' is niet toegestaan; gebruik kleine letters, cijfers, "
            "'-' en '_' met één extensie (.jpg, .jpeg, .png, .webp of .svg), "
            f"bv. {FOLDER}/markt-gent.jpg."
        )
    return None


def _load(practices_dir: Path, pad: str, beside: Path | None) -> tuple[ImageFile, bytes] | str:
    """The checked file and its bytes, or a Dutch message."""
    problem = _check_pad(pad)
    if problem:
        return problem
    name = _name_of(pad)
    assert name is not None  # _check_pad refused every other place
    kind = SUFFIX_KIND[os.path.splitext(name)[1]]
    folder = practices_dir / FOLDER
    read = _read_regular(folder, name, pad, MAX_SVG_BYTES if kind == "svg" else MAX_RASTER_BYTES)
    if read is None:
        return _missing(pad, beside)
    if isinstance(read, str):
        return read
    if kind != "svg" and not _magic_matches(kind, read):
        label = KIND_LABEL[kind]
        return (
            f"'{pad}' is geen echt {label}-bestand: de inhoud past niet bij de extensie "
            f"{os.path.splitext(name)[1]}. Sla de afbeelding opnieuw op als {label}."
        )
    return ImageFile(folder / name, f"{FOLDER}/{name}", kind, len(read)), read


def _missing(pad: str, beside: Path | None) -> str:
    if beside is not None and "/" not in pad and os.path.lexists(beside / pad):
        return (
            f"de afbeelding '{pad}' staat naast de praktijk; verplaats ze naar "
            f"practices/{FOLDER}/ (alleen afbeeldingen in die map worden gepubliceerd)."
        )
    return (
        f"de afbeelding '{pad}' is niet gevonden in practices/{FOLDER}/. Controleer de naam "
        "en de hoofdletters."
    )


def _magic_matches(kind: str, data: bytes) -> bool:
    if kind == "png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "jpeg":
        return data.startswith(b"\xff\xd8\xff")
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"  # webp


_DIR_FD = os.open in os.supports_dir_fd and os.stat in os.supports_dir_fd
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO that slipped through must not block the open
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _read_regular(folder: Path, name: str, pad: str, limit: int) -> bytes | str | None:
    """The bytes of `folder/name` if both are what they seem (None: not there; str: why not).
    The folder is opened once with O_NOFOLLOW and the file is looked up relative to it, so
    swapping the folder for a link after the checks does not redirect the read."""
    try:
        folder_stat = os.lstat(folder)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"'{pad}' kan niet gelezen worden ({exc.strerror})."
    if stat.S_ISLNK(folder_stat.st_mode):
        return (
            f"'{pad}': de map practices/{FOLDER}/ is een symbolische link; {ALLOWED} "
            "en die map moet een gewone map zijn."
        )
    if not stat.S_ISDIR(folder_stat.st_mode):
        return f"'{pad}': practices/{FOLDER} is geen map; {ALLOWED}."
    dir_fd = None
    try:
        if _DIR_FD:
            dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
        return _read_in(dir_fd, name if dir_fd is not None else str(folder / name), pad, limit)
    except OSError as exc:
        return f"'{pad}' kan niet gelezen worden ({exc.strerror})."
    finally:
        if dir_fd is not None:
            os.close(dir_fd)


def _read_in(dir_fd: int | None, target: str, pad: str, limit: int) -> bytes | str | None:
    try:
        before = os.stat(target, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return None
    problem = _not_regular(before, pad) or _too_large(before.st_size, limit, pad)
    if problem:
        return problem
    try:
        fd = os.open(target, _OPEN_FLAGS, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno == getattr(os, "ELOOP", -1):  # became a link after the lstat
            return f"'{pad}' is een symbolische link; {ALLOWED}."
        raise
    try:
        after = os.fstat(fd)
        problem = _not_regular(after, pad) or _too_large(after.st_size, limit, pad)
        if problem:
            return problem
        if (after.st_dev, after.st_ino) != (before.st_dev, before.st_ino):
            return f"'{pad}' is veranderd tijdens het lezen; controleer opnieuw."
        data = _read_at_most(fd, limit + 1)
    finally:
        os.close(fd)
    return _too_large(len(data), limit, pad) or data


def _read_at_most(fd: int, count: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < count:
        chunk = os.read(fd, count - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _not_regular(st: os.stat_result, pad: str) -> str | None:
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return f"'{pad}' is een symbolische link; {ALLOWED}."
    if stat.S_ISDIR(mode):
        what = "een map"
    elif stat.S_ISFIFO(mode):
        what = "een named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "een apparaatbestand"
    elif stat.S_ISSOCK(mode):
        what = "een socket"
    else:
        what = "een speciaal bestand"
    return f"'{pad}' is geen gewoon bestand maar {what}; {ALLOWED}."


def _too_large(size: int, limit: int, pad: str) -> str | None:
    if size <= limit:
        return None
    kb = -(-size // 1024)  # rounded up: one byte over the limit is not "the limit"
    what = "een SVG" if limit == MAX_SVG_BYTES else "een foto (.jpg, .png, .webp)"
    return (
        f"'{pad}' is {kb} KB; de grens voor {what} is {limit // 1024} KB. Verklein de afbeelding."
    )


# --- SVG -----------------------------------------------------------------------------------


def clean_svg(data: bytes) -> bytes:
    """The SVG written anew from the allowlist. Raises ImageError when it is refused."""
    result = examine_svg(data)
    if result.cleaned is None:
        raise ImageError(f"de SVG {result.problem}")
    return result.cleaned


def examine_svg(data: bytes) -> SvgResult:
    """Check an SVG against the rules and write the cleaned tree (deterministic)."""
    problem = _encoding_problem(data)
    if problem:
        return SvgResult(None, problem)
    parsed = _parse(data.removeprefix(b"\xef\xbb\xbf"))
    if isinstance(parsed, str):
        return SvgResult(None, parsed)
    root, builder = parsed
    if root.tag != f"{{{SVG_NS}}}svg":
        return SvgResult(
            None,
            f"is geen SVG-afbeelding: het hoofdelement is <{_shown(root.tag)}>; verwacht "
            f'<svg xmlns="{SVG_NS}">.',
        )
    review = _Review(refused=list(builder.refused), dropped=list(builder.dropped))
    review.walk(root)
    # The parse notes comments and instructions, the walk the rest: report in file order.
    review.refused.sort(key=_line_of)
    review.dropped.sort(key=_line_of)
    if review.refused:
        listed = "; ".join(review.refused[:MAX_REPORTED])
        more = len(review.refused) - MAX_REPORTED
        if more > 0:
            listed += f"; en nog {more}"
        return SvgResult(
            None,
            f"bevat wat in een afbeelding niet is toegestaan: {listed}. {SVG_ALLOWED}",
            tuple(review.refused),
            tuple(review.dropped),
        )
    out = _serialise(root, review.uses_xlink)
    return SvgResult(out, None, (), tuple(review.dropped))


def _line_of(found: str) -> int:
    """The line of a "regel N: ..." note."""
    return int(found.split(":", 1)[0].removeprefix("regel "))


def _encoding_problem(data: bytes) -> str | None:
    """SVGs must be UTF-8: other encodings are refused, not guessed (a parser guesses)."""
    boms = {
        b"\x00\x00\xfe\xff": "UTF-32",
        b"\xff\xfe\x00\x00": "UTF-32",
        b"\xff\xfe": "UTF-16",
        b"\xfe\xff": "UTF-16",
    }
    fix = "sla ze op als UTF-8."
    for bom, name in boms.items():
        if data.startswith(bom):
            return f"is geen UTF-8-tekst maar {name}; {fix}"
    if b"\x00" in data:
        return f"bevat nul-bytes en is dus geen UTF-8-tekst (UTF-16?); {fix}"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return f"is geen geldige UTF-8-tekst (byte 0x{data[exc.start]:02x} op regel {line}); {fix}"
    declared = _DECLARED_ENCODING.match(data.removeprefix(b"\xef\xbb\xbf"))
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return (
            f"noemt zichzelf '{declared.group(1).decode('ascii', 'replace')}' in de "
            f"XML-declaratie; alleen UTF-8 is toegestaan: {fix}"
        )
    return None


@dataclass
class _Node:
    tag: str
    attrib: dict[str, str]
    line: int
    children: list[_Node | str] = field(default_factory=list)


class _Builder:
    """An expat target that keeps line numbers and notes comments and processing
    instructions (ElementTree's own builder forgets both)."""

    def __init__(self) -> None:
        self.expat: Any = None
        self.root: _Node | None = None
        self.stack: list[_Node] = []
        self.refused: list[str] = []
        self.dropped: list[str] = []

    def line(self) -> int:
        return int(self.expat.CurrentLineNumber)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        node = _Node(tag, dict(attrib), self.line())
        if len(self.stack) >= MAX_SVG_DEPTH:
            raise _TooDeep(node.line)
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def end(self, tag: str) -> None:
        self.stack.pop()

    def data(self, text: str) -> None:
        if not self.stack:
            return
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += text
        else:
            children.append(text)

    def comment(self, text: str) -> None:
        self.dropped.append(f"regel {self.line()}: commentaar")

    def pi(self, target: str, text: str) -> None:
        if target.lower() == "xml-stylesheet":  # loads a style sheet from elsewhere
            self.refused.append(f"regel {self.line()}: <?{target}?>")
        else:
            self.dropped.append(f"regel {self.line()}: <?{target}?>")

    def close(self) -> _Node | None:
        return self.root


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _parse(data: bytes) -> tuple[_Node, _Builder] | str:
    builder = _Builder()
    parser = defused.DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    builder.expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
    except _TooDeep as exc:
        return (
            f"heeft op regel {exc.line} meer dan {MAX_SVG_DEPTH} elementen in elkaar; "
            "vereenvoudig de tekening."
        )
    except DefusedXmlException:
        return (
            f"bevat een DOCTYPE (regel {builder.line()}); DTD's en entiteiten zijn niet "
            "toegestaan. Verwijder de regel <!DOCTYPE …> (en wat erbij hoort)."
        )
    except ParseError as exc:
        line, column = exc.position
        return (
            f"is geen geldige XML (fout op regel {line}, kolom {column + 1}). Open en bewaar "
            "ze opnieuw in een tekenprogramma."
        )
    if root is None:
        return "is leeg; verwacht een <svg>-element."
    return root, builder


def _split(name: str) -> tuple[str, str]:
    """'{ns}local' → (ns, local); no namespace → ('', name)."""
    if name.startswith("{"):
        ns, _, local = name[1:].partition("}")
        return ns, local
    return "", name


def _shown(name: str) -> str:
    ns, local = _split(name)
    if ns in ("", SVG_NS):
        return local
    prefix = {XLINK_NS: "xlink", XML_NS: "xml"}.get(ns)
    return f"{prefix}:{local}" if prefix else f"{local} (naamruimte {ns})"


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 40 else value[:39] + "…"


def css_problem(value: str) -> str | None:
    """Why a CSS text (style, presentation attribute) could fetch or run something, or None.
    A backslash is refused because CSS escapes can hide a function name (u\\72l)."""
    if "\\" in value:
        return "een backslash (\\)"
    if "@" in value:
        return "een @-regel (zoals @import)"
    rest = _LOCAL_URL.sub("", value)
    for match in _CSS_FUNCTION.finditer(rest):
        name = match.group(1).lower()
        if name == "url":
            return "url(…) naar buiten het bestand (alleen url(#naam) mag)"
        if name not in CSS_FUNCTIONS:
            return f"de functie {match.group(1)}()"
    return None


@dataclass
class _Review:
    """One walk over the tree: what is refused, what is dropped, and the kept attributes
    (written back into the nodes so that serialising needs no second decision)."""

    refused: list[str]
    dropped: list[str]
    uses_xlink: bool = False

    def walk(self, root: _Node) -> None:
        """Depth first, in document order (the messages follow the file). Inside a refused
        element nothing more is reported (the file is refused already); inside a dropped one
        only what is hostile is."""
        stack: list[tuple[_Node, str]] = [(root, KEEP)]
        while stack:
            node, mode = stack.pop()
            verdict = self.element(node) if mode == KEEP else self.inside_dropped(node)
            if verdict != KEEP:
                node.tag = ""  # left out when serialising, with everything inside it
            if verdict != REFUSE:
                children = [c for c in node.children if isinstance(c, _Node)]
                stack.extend((child, verdict) for child in reversed(children))

    def element(self, node: _Node) -> str:
        """Check one element and its attributes: KEEP, DROP (harmless) or REFUSE."""
        ns, local = _split(node.tag)
        at = f"regel {node.line}"
        if ns in EDITOR_NAMESPACES or (ns == SVG_NS and local in DROPPED_ELEMENTS):
            self.dropped.append(f"{at}: <{_shown(node.tag)}>")
            return self.inside_dropped(node)
        if ns != SVG_NS or local not in ELEMENTS:
            self.refused.append(f"{at}: element <{_shown(node.tag)}>")
            return REFUSE
        if not self.attributes(node, keep=True):
            return REFUSE
        if local == "style":
            return self.style_element(node, at)
        return KEEP

    def inside_dropped(self, node: _Node) -> str:
        """An element that is not published (editor data): refused only when hostile."""
        if _split(node.tag)[1].lower() in HOSTILE_ELEMENTS:
            self.refused.append(f"regel {node.line}: element <{_shown(node.tag)}>")
            return REFUSE
        return DROP if self.attributes(node, keep=False) else REFUSE

    def style_element(self, node: _Node, at: str) -> str:
        if any(isinstance(c, _Node) for c in node.children):
            self.refused.append(f"{at}: <style> met elementen erin")
            return REFUSE
        problem = css_problem("".join(c for c in node.children if isinstance(c, str)))
        if problem:
            self.refused.append(f"{at}: <style> met {problem}")
            return REFUSE
        return KEEP

    def attributes(self, node: _Node, keep: bool) -> bool:
        """Check the attributes; with `keep`, leave only the allowed ones on the node (the
        others are harmless and dropped). Whether none was refused."""
        at = f"regel {node.line}"
        before = len(self.refused)
        _, local_tag = _split(node.tag)
        kept: dict[str, str] = {}
        for name, value in node.attrib.items():
            ns, local = _split(name)
            shown = _shown(name)
            if local.lower().startswith("on"):
                self.refused.append(f"{at}: gebeurtenis-attribuut {shown}")
            elif local == "href" and ns in ("", XLINK_NS):
                if local_tag not in HREF_ELEMENTS or not _LOCAL_HREF.match(value):
                    self.refused.append(f'{at}: verwijzing {shown}="{_short(value)}"')
                else:
                    kept[name] = value
                    self.uses_xlink |= ns == XLINK_NS
            elif _SCRIPT_SCHEME.search(_BLANKS.sub("", value).lower()):
                self.refused.append(f'{at}: script in {shown}="{_short(value)}"')
            elif not keep:
                continue
            elif self.keeps(ns, local):
                problem = None if local in NOT_CSS else css_problem(value)
                if problem:
                    self.refused.append(f"{at}: {shown} met {problem}")
                else:
                    kept[name] = value
            else:
                self.dropped.append(f"{at}: attribuut {shown}")
        if keep:
            node.attrib = kept
        return len(self.refused) == before

    @staticmethod
    def keeps(ns: str, local: str) -> bool:
        if ns == "":
            return local in ATTRIBUTES
        return ns == XML_NS and local in ("space", "lang")


def _serialise(root: _Node, uses_xlink: bool) -> bytes:
    parts: list[str] = []
    namespaces = [("xmlns", SVG_NS)] + ([("xmlns:xlink", XLINK_NS)] if uses_xlink else [])
    _write(root, parts, namespaces)
    parts.append("\n")
    return "".join(parts).encode("utf-8")


def _write(node: _Node, parts: list[str], extra: list[tuple[str, str]]) -> None:
    """Write a kept element: attributes sorted by name (stable output), text escaped."""
    _, local = _split(node.tag)
    attributes = extra + sorted((_shown(name), value) for name, value in node.attrib.items())
    parts.append("<" + local)
    for name, value in attributes:
        parts.append(f' {name}="{_escape_attribute(value)}"')
    kept = [c for c in node.children if isinstance(c, str) or c.tag]
    if not kept:
        parts.append("/>")
        return
    parts.append(">")
    for child in kept:
        if isinstance(child, str):
            parts.append(_escape_text(child))
        else:
            _write(child, parts, [])
    parts.append(f"</{local}>")


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    return (
        _escape_text(value)
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )
