"""Reading practice files: bytes → text → front matter with line numbers + body.

Nothing here knows the schema; it only turns a file into data or into problems that name the
file and line. Front matter in the common subset of YAML is read by `yamlread.read_simple`;
anything else is composed with libyaml and converted by our own walk, so that every key and list
item keeps its line and every YAML error gets a Dutch message.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePath
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .model import ERROR, WARNING, Problem
from .textsafe import shown as escaped
from .yamlread import C_READER, STR, UNKNOWN, KeyPath, Loader, read_simple, typed

MAX_BYTES = 200 * 1024
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".svg"}


@dataclass
class Source:
    """A practice file split into front matter (with lines per key path) and body."""

    file: str  # the path as a string; `path` makes the Path object when it is needed
    display: str
    data: dict[str, Any]
    key_lines: dict[KeyPath, int] | None  # None: worked out from `front` when first needed
    body: str
    body_line: int
    problems: list[Problem] = field(default_factory=list)
    front: str = ""  # the front matter's text; its first line is line 2 of the file
    # Fields left out because their lines broke the YAML (see `_recover`): already reported,
    # so they are not reported missing as well.
    skipped: frozenset[str] = frozenset()

    @cached_property
    def path(self) -> Path:
        return Path(self.file)

    @property
    def lines(self) -> dict[KeyPath, int]:
        """The line of every key path. The fast reader gives values only; lines are needed
        only for a problem, so libyaml's walk finds them then."""
        if self.key_lines is None:
            self.key_lines = compose_front_matter(self.front, 2, self.display, [])[1]
        return self.key_lines

    def line(self, *key: str | int) -> int:
        """The line of `key` (a key path), or of its nearest parent that has one."""
        lines = self.lines
        path: KeyPath = tuple(key)
        while path:
            if path in lines:
                return lines[path]
            path = path[:-1]
        return 1


def display_path(path: Path | str) -> str:
    """The path as a user would type it: relative to the working directory when inside it.
    A string must be in the form str(Path) gives, as `discover` returns them."""
    if isinstance(path, str):
        if os.sep == "/" and not path.startswith("/"):
            return path  # the common case, once per file: no Path object needed
        path = Path(path)
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def file_id(file: Path | str) -> str:
    """The id of a practice: its file name without `.md` (Path.stem, at a tenth of the cost)."""
    name = os.path.basename(file)
    return name[:-3] if len(name) > 3 and name.endswith(".md") else PurePath(name).stem


# --- finding files -------------------------------------------------------------------------


def discover(paths: list[Path]) -> tuple[list[str], list[Problem]]:
    """Practice files under `paths` (folders or files), sorted, and problems with the paths.

    In folders, names starting with `_` or `.` are not practices (`_lijsten/`,
    `_afbeeldingen/`); a stray file that is neither a practice nor an image gets a warning
    rather than being skipped in silence. The files are path strings in the form `str(Path)`
    gives: 10,000 Path objects cost the CLI a tenth of a second before any work can start.
    """
    found: set[str] = set()
    problems: list[Problem] = []
    for path in paths:
        try:
            mode = os.lstat(path).st_mode  # lstat: a symbolic link is reported, not followed
        except OSError as exc:
            missing = isinstance(exc, FileNotFoundError | NotADirectoryError)
            message = "bestaat niet" if missing else f"kan niet gelezen worden ({exc.strerror})"
            problems.append(Problem(path.as_posix(), 1, ERROR, None, f"bestand of map {message}."))
            continue
        if stat.S_ISREG(mode):
            found.add(str(path))
        elif stat.S_ISDIR(mode):
            found.update(_walk(str(path), problems))
        else:
            to_folder = stat.S_ISLNK(mode) and os.path.isdir(path)
            problems.append(_not_regular(display_path(path), mode, to_folder))
    return sorted(found, key=lambda f: f.split(os.sep)), problems  # the order of Path


def _walk(folder: str, problems: list[Problem]) -> list[str]:
    """The practice files under `folder`. The file type comes with each folder entry (no stat
    per file), and a symbolic link is never followed: it is reported, like a FIFO or a device."""
    result: list[str] = []
    folders = [folder]
    while folders:
        current = folders.pop()
        try:
            entries = list(os.scandir(current))
        except OSError as exc:
            problems.append(
                Problem(
                    display_path(current),
                    1,
                    ERROR,
                    None,
                    f"deze map kan niet gelezen worden ({exc.strerror}).",
                )
            )
            continue
        for entry in entries:
            name = entry.name
            if name[0] == "." or name[0] == "_":
                continue  # `_lijsten/`, `_afbeeldingen/`, `.git`: not practices
            if entry.is_file(follow_symlinks=False):  # the type read with the folder: no stat
                if name.endswith(".md"):
                    result.append(entry.path)
                elif not _ignored(name):
                    problems.append(_stray(entry.path))
            elif entry.is_dir(follow_symlinks=False) and not name.endswith(".md"):
                folders.append(entry.path)
            else:  # rare: a symbolic link, a FIFO, a socket, a device, a folder named x.md
                problem = _entry_problem(entry)
                if problem is not None:
                    problems.append(problem)
    return result


def _ignored(name: str) -> bool:
    """Whether a file that is not a practice belongs in practices/ (images, a schema)."""
    return os.path.splitext(name)[1].lower() in IMAGE_SUFFIXES or name.endswith(".schema.json")


def _stray(path: str) -> Problem:
    return Problem(
        display_path(path),
        1,
        WARNING,
        None,
        "dit bestand wordt niet gelezen: een praktijk is een bestand met de "
        "extensie '.md' (kleine letters).",
    )


def _entry_problem(entry: os.DirEntry[str]) -> Problem | None:
    """The error for a folder entry that is neither a regular file nor a plain folder."""
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
        to_folder = stat.S_ISLNK(mode) and entry.is_dir()  # follows the link: only to name it
    except OSError:
        return None  # removed while the folder was read: it is not there to check
    return _not_regular(display_path(entry.path), mode, to_folder)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in Dutch ('een symbolische link')."""
    if stat.S_ISLNK(mode):
        return "een symbolische link"
    if stat.S_ISDIR(mode):
        return "een map"
    if stat.S_ISFIFO(mode):
        return "een named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "een socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaatbestand"
    return "geen gewoon bestand"


def not_regular_message(mode: int, what: str = "een praktijk") -> str:
    return f"dit is {file_kind(mode)}; {what} moet een gewoon bestand zijn."


def _not_regular(shown: str, mode: int, to_folder: bool = False) -> Problem:
    """The error for a path that is not a regular file; `to_folder`: a link to a folder."""
    message = (
        "dit is een symbolische link naar een map; die wordt niet doorzocht. Zet praktijken "
        "in een gewone map."
        if to_folder
        else not_regular_message(mode)
    )
    return Problem(shown, 1, ERROR, None, message)


# --- reading one file ----------------------------------------------------------------------


def read_source(
    path: Path | str, display: str | None = None
) -> tuple[Source | None, list[Problem]]:
    """Read and split one file. Returns (None, problems) when there is nothing to validate."""
    shown = display or display_path(path)

    def fail(line: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown, line, ERROR, None, message)]

    try:
        raw, size = read_regular(path, MAX_BYTES)
    except NotRegularFile as exc:
        return fail(1, not_regular_message(exc.mode))
    except OSError as exc:
        if exc.errno in _LINK_ERRORS:  # O_NOFOLLOW refused a symbolic link
            return fail(1, not_regular_message(stat.S_IFLNK))
        return fail(1, f"bestand kan niet gelezen worden ({exc.strerror}).")
    if len(raw) > MAX_BYTES:
        size = -(-size // 1024)  # rounded up: 200 KB + 1 byte is "201 KB"
        return fail(
            1,
            f"het bestand is {size} KB; de grens is {MAX_BYTES // 1024} KB. "
            "Zet grote afbeeldingen of bijlagen niet in de tekst.",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return fail(
            line,
            "het bestand is geen geldige UTF-8-tekst (byte "
            f"0x{raw[exc.start]:02x}). Sla het op als UTF-8, bijvoorbeeld via "
            "'Opslaan als' in je teksteditor.",
        )
    if "\r" in text:  # one memchr for the common case of Unix line ends
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return split(text, path, shown)


class NotRegularFile(OSError):
    """The path is a FIFO, a device, a socket or a folder (`mode` says which)."""

    def __init__(self, mode: int) -> None:
        super().__init__(f"not a regular file: {stat.filemode(mode)}")
        self.mode = mode


# Never follow a symbolic link (the file would be read from wherever it points) and never wait:
# opening a FIFO without O_NONBLOCK blocks until someone writes to it.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_LINK_ERRORS = {errno.ELOOP, errno.EMLINK}  # what O_NOFOLLOW gives for a link (Linux, BSD)


def read_regular(path: Path | str, limit: int) -> tuple[bytes, int]:
    """At most `limit` + 1 bytes of a regular file (enough to tell that it is too large) and
    its size. Raises NotRegularFile, checked on the open descriptor before any read, and
    OSError. (os.open and os.read: a third of the cost of Path.read_bytes, for every file.)"""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(info.st_mode)
        chunks = [os.read(fd, limit + 1)]
        while chunks[-1] and sum(map(len, chunks)) <= limit:
            chunks.append(os.read(fd, limit + 1))
        return b"".join(chunks), info.st_size
    finally:
        os.close(fd)


def split(text: str, path: Path | str, shown: str) -> tuple[Source | None, list[Problem]]:
    """Split text into front matter and body and parse the front matter."""
    if not text or text.isspace():  # as `not text.strip()`, without copying the text
        return None, [Problem(shown, 1, ERROR, None, "het bestand is leeg.")]
    first_end = text.find("\n")
    if (text if first_end < 0 else text[:first_end]).rstrip() != "---":
        return None, [
            Problem(
                shown,
                1,
                ERROR,
                None,
                "het bestand begint niet met front matter: de eerste regel moet "
                "'---' zijn, dan de velden (titel: …), dan weer '---'.",
            )
        ]
    close = _closing_line(text, first_end + 1) if first_end >= 0 else None
    if close is None:
        return None, [
            Problem(
                shown,
                1,
                ERROR,
                None,
                "de front matter wordt niet afgesloten: zet een regel '---' na het "
                "laatste veld, vóór de tekst.",
            )
        ]
    front = text[first_end + 1 : max(close[0] - 1, first_end + 1)]
    body = text[close[1] + 1 :]
    end = text.count("\n", 0, close[0])  # 0-based line of the closing '---'
    problems: list[Problem] = []
    data = read_simple(front)
    if data is not None:
        return Source(os.fspath(path), shown, data, None, body, end + 2, problems, front), problems
    data, lines = compose_front_matter(front, 2, shown, problems)
    skipped: frozenset[str] = frozenset()
    if data is None:
        recovered = _recover(front, shown, problems)
        if recovered is None:
            return None, problems
        data, lines, front, skipped = recovered
    source = Source(os.fspath(path), shown, data, lines, body, end + 2, problems, front, skipped)
    return source, problems


MAX_RECOVERIES = 10  # broken entries set aside in one file; past that, the file is hopeless


def _recover(
    front: str, shown: str, problems: list[Problem]
) -> tuple[dict[str, Any], dict[KeyPath, int], str, frozenset[str]] | None:
    """After a YAML error, the rest of the front matter: the broken entry (its top-level key
    line and the indented lines under it) is blanked, keeping every other line where it was,
    and the rest is read again, so that `check` reports the other problems of the file too.
    Every further error is reported and set aside the same way."""
    lines = front.split("\n")
    skipped: set[str] = set()
    error = problems[-1] if problems else None
    for _ in range(MAX_RECOVERIES):
        at = error.line - 2 if error is not None else -1  # the front matter starts at line 2
        if not 0 <= at < len(lines):
            return None
        start, end = _entry(lines, at)
        skipped.update(k for k in map(_key_in, lines[start:end]) if k)
        lines[start:end] = [""] * (end - start)
        text = "\n".join(lines)
        found: list[Problem] = []
        data, key_lines = compose_front_matter(text, 2, shown, found)
        if data is not None:
            problems.extend(found)  # what the walk found in the rest (duplicates, …)
            return data, key_lines, text, frozenset(skipped)
        error = found[-1] if found else None
        if error is None or error.line - 2 < end or error.message.startswith("de front matter"):
            return None  # no progress, or nothing left: the first message says it all
        if not (_refused_property(error) and any(map(_refused_property, problems))):
            problems.extend(found)  # one message for anchors and aliases, however many
    return None


def _entry(lines: list[str], at: int) -> tuple[int, int]:
    """The lines of the top-level entry that holds line `at`: (first, past the last)."""
    start = at
    while start > 0 and _continues(lines[start]):
        start -= 1
    end = at + 1
    while end < len(lines) and _continues(lines[end]):
        end += 1
    return start, end


def _continues(line: str) -> bool:
    """Part of the entry above it: indented, a '- ' item at the margin, blank or a comment."""
    return not line.strip() or line[:1] in (" ", "\t", "-", "#")


def _key_in(line: str) -> str | None:
    """The field a blanked line seems to name, so it is not also reported missing."""
    key, colon, _ = line.partition(":")
    words = (key if colon else line).strip().strip("'\"").split()
    return words[0] if words else None


def _refused_property(problem: Problem) -> bool:
    return problem.message.startswith("ongeldige YAML: een YAML-") and "is niet toegestaan" in (
        problem.message
    )


def _closing_line(text: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the first line from `pos` on that is `---` or `...`, blanks allowed
    after it. String searches, not a line-by-line loop or a regex: this runs for every file."""
    if not text.startswith(("---", "..."), pos):
        pos = _next_marker(text, pos)
    while pos >= 0:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        rest = text[pos + 3 : end]
        if not rest or rest.isspace():
            return pos, end
        pos = _next_marker(text, pos)
    return None


def _next_marker(text: str, pos: int) -> int:
    dashes = text.find("\n---", pos)
    dots = text.find("\n...", pos, dashes + 4 if dashes >= 0 else len(text))  # only before it
    found = dots if dots >= 0 else dashes
    return found + 1 if found >= 0 else -1


def compose_front_matter(
    text: str, first_line: int, shown: str, problems: list[Problem]
) -> tuple[dict[str, Any] | None, dict[KeyPath, int]]:
    """YAML that starts at `first_line` of a file as a mapping with the line of every key path,
    through libyaml: any YAML, with Dutch messages for its errors. Anchors, aliases and tags
    are refused before any node is built (see `_node_property`)."""
    if "&" in text or "*" in text or "!" in text:  # three memchr calls: usually no event scan
        found = _node_property(text)
        if found is not None:
            problems.append(Problem(shown, found[0] + first_line, ERROR, None, found[1]))
            return None, {}
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        line, message = yaml_error(exc, text)
        problems.append(Problem(shown, line + first_line, ERROR, None, message))
        return None, {}
    except yaml.reader.ReaderError as exc:  # a control character, e.g. pasted from a PDF
        # libyaml counts the position in UTF-8 bytes, the pure-Python reader in characters.
        before = text.encode("utf-8")[: exc.position] if C_READER else text[: exc.position]
        line = before.count(b"\n" if C_READER else "\n")  # type: ignore[arg-type]
        problems.append(
            Problem(
                shown,
                line + first_line,
                ERROR,
                None,
                f"ongeldige YAML: deze regel bevat een onzichtbaar stuurteken "
                f"(U+{exc.character:04X}); verwijder het of typ de regel opnieuw.",
            )
        )
        return None, {}
    except yaml.YAMLError as exc:  # other unmarked errors are rare
        detail = " ".join(str(exc).split())
        problems.append(Problem(shown, first_line, ERROR, None, f"ongeldige YAML ({detail})."))
        return None, {}
    if node is None:
        problems.append(
            Problem(
                shown,
                first_line - 1,
                ERROR,
                None,
                "de front matter is leeg: vul de velden in (titel, gemeenten, …).",
            )
        )
        return None, {}
    if not isinstance(node, MappingNode):
        kind = "een lijst" if isinstance(node, SequenceNode) else "losse tekst"
        problems.append(
            Problem(
                shown,
                node.start_mark.line + first_line,
                ERROR,
                None,
                f"de front matter is {kind}; verwacht worden velden met een "
                "waarde, één per regel, zoals 'titel: Mijn praktijk'.",
            )
        )
        return None, {}
    walker = _Walker(first_line, shown, problems, text)
    return walker.convert(node, ()), walker.lines


def _node_property(text: str) -> tuple[int, str] | None:
    """(0-based line, Dutch message) of the first anchor (&a), alias (*a) or explicit tag
    (!!float, !custom) in `text`, or None.

    Aliases are how a few lines of YAML expand into billions of values, and tags are how
    loaders are made to build other types than text, numbers and lists; neither has a use in a
    practice. Parser events show all three before anything is composed or expanded, so an
    alias bomb costs no more than reading its text once. A syntax error ends the scan: the
    composer then reports it."""
    try:
        for event in yaml.parse(text, Loader=Loader):
            message = _property_message(event)
            if message is not None:
                return event.start_mark.line, message
    except yaml.YAMLError:
        pass
    return None


def _property_message(event: yaml.Event) -> str | None:
    """The Dutch message for the anchor, alias or tag of `event`, or None if it has none."""
    if event.__class__ is AliasEvent:
        what, fix = f"een YAML-verwijzing ('*{escaped(event.anchor, 40)}')", _WRITE_OUT
    elif (anchor := getattr(event, "anchor", None)) is not None:
        what, fix = f"een YAML-anker ('&{escaped(anchor, 40)}')", _WRITE_OUT
    elif (tag := getattr(event, "tag", None)) is not None:
        if tag.startswith("tag:yaml.org,2002:"):  # as written: !!float, not the URI
            tag = "!!" + tag[18:]
        what, fix = f"een YAML-markering ('{escaped(tag, 40)}')", _NO_TAG
    else:
        return None
    char = what[what.index("'") + 1]  # the character that starts it: *, & or !
    return (
        f"ongeldige YAML: {what} is niet toegestaan. {fix}; zet tekst die met '{char}' begint "
        "tussen aanhalingstekens."
    )


_WRITE_OUT = "Schrijf elke waarde voluit"
_NO_TAG = "Schrijf de waarde zonder markering"


_MAX_DEPTH = 20  # a practice nests 3 levels deep; libyaml itself allows 1000


class _Walker:
    """Turns a composed YAML node into Python values, recording the line of every key path."""

    def __init__(self, first_line: int, shown: str, problems: list[Problem], text: str) -> None:
        self.offset = first_line
        self.shown = shown
        self.problems = problems
        self.text = text
        self.lines: dict[KeyPath, int] = {}

    def convert(self, node: Node, path: KeyPath) -> Any:
        cls = node.__class__
        if cls is ScalarNode:
            return node.value if node.tag == STR else self.scalar(node)  # type: ignore[arg-type]
        if len(path) > _MAX_DEPTH:
            self.error(
                node,
                f"de waarde is te diep genest: meer dan {_MAX_DEPTH} niveaus van lijsten of "
                "velden.",
            )
            return None
        if cls is SequenceNode:
            lines, offset, result = self.lines, self.offset, []
            for i, child in enumerate(node.value):
                lines[path + (i,)] = child.start_mark.line + offset
                result.append(self.convert(child, path + (i,)))
            if node.flow_style and node.value:
                self.trailing_comma(node)  # type: ignore[arg-type]
            return result
        return self.mapping(node, path)  # type: ignore[arg-type]

    def mapping(self, node: MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        lines, offset = self.lines, self.offset
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                self.error(key_node, "een veldnaam moet gewone tekst zijn.")
                continue
            key = key_node.value if key_node.tag == STR else str(self.scalar(key_node))
            key_path = path + (key,)
            if key in result:
                self.error(
                    key_node,
                    f"het veld '{escaped(key, 60)}' staat twee keer in de front matter "
                    f"(ook op regel {lines[key_path]}); houd er één.",
                )
                continue
            lines[key_path] = key_node.start_mark.line + offset
            result[key] = self.convert(value_node, key_path)
        return result

    def trailing_comma(self, node: SequenceNode) -> None:
        """Report `[Gent, ]`: YAML drops the empty place after the last comma, but the writer
        most likely left out a value (or removed one and kept its comma)."""
        between = self.text[node.value[-1].end_mark.index : node.end_mark.index]
        for i, row in enumerate(between.split("\n")):
            if "," in row.split("#", 1)[0]:  # a comma in a comment does not count
                line = node.value[-1].end_mark.line + i + self.offset
                self.problems.append(
                    Problem(
                        self.shown,
                        line,
                        ERROR,
                        None,
                        "de lijst eindigt met een komma zonder waarde erna; vul de "
                        "ontbrekende waarde in of schrap de laatste komma.",
                    )
                )
                return

    def scalar(self, node: ScalarNode) -> Any:
        value = typed(node.tag, node.value)
        if value is UNKNOWN:
            self.error(
                node,
                f"onbekende YAML-markering '{escaped(node.tag, 40)}'; schrijf de waarde als "
                "gewone tekst.",
            )
            return node.value
        return value

    def error(self, node: Node, message: str) -> None:
        line = node.start_mark.line + self.offset
        self.problems.append(Problem(self.shown, line, ERROR, None, message))


# --- YAML error messages in Dutch ----------------------------------------------------------

_YAML_HINTS = [
    ("found character '\\t'", "er staat een tab-teken: spring in met spaties, niet met tabs."),
    ("found a tab character", "er staat een tab-teken: spring in met spaties, niet met tabs."),
    (
        "mapping values are not allowed",
        "onverwachte dubbele punt. Zet tekst die zelf een ':' "
        "bevat tussen aanhalingstekens, of controleer het inspringen van deze regel.",
    ),
    ("while scanning a quoted scalar", "een aanhalingsteken wordt geopend maar niet gesloten."),
    (
        "while parsing a flow sequence",
        "een lijst tussen [ ] wordt niet gesloten met ']' of mist een komma tussen de waarden.",
    ),
    ("while parsing a flow mapping", "een { wordt niet gesloten met '}' of mist een komma."),
    (
        "flow node did not find expected node content",  # `[a, , b]`, `[, a]`
        "in een lijst tussen [ ] staat een lege plaats (twee komma's na elkaar, of een komma "
        "vooraan); vul de ontbrekende waarde in of schrap de komma.",
    ),
    (
        "while parsing a block mapping",
        "het inspringen klopt niet: velden op hetzelfde niveau moeten precies even ver inspringen.",
    ),
    (
        "while parsing a block collection",
        "het inspringen van deze lijst klopt niet: zet elk "
        "item op een eigen regel met '- ' op dezelfde inspringing.",
    ),
    (
        "while scanning a simple key",
        "deze regel heeft geen dubbele punt na de veldnaam (verwacht: 'veld: waarde').",
    ),
    (
        "while scanning an alias",
        "een '*' aan het begin van een waarde heeft in YAML een "
        "speciale betekenis; zet de waarde tussen aanhalingstekens.",
    ),
    (
        "while scanning an anchor",
        "een '&' aan het begin van een waarde heeft in YAML een "
        "speciale betekenis; zet de waarde tussen aanhalingstekens.",
    ),
    (
        "found undefined alias",
        "een '*' aan het begin van een waarde heeft in YAML een "
        "speciale betekenis; zet de waarde tussen aanhalingstekens.",
    ),
    (
        "found character '@'",
        "een waarde mag niet met '@' of '`' beginnen; zet ze tussen aanhalingstekens.",
    ),
    (
        "found character '`'",
        "een waarde mag niet met '@' of '`' beginnen; zet ze tussen aanhalingstekens.",
    ),
]


def yaml_error(exc: yaml.MarkedYAMLError, source: str = "") -> tuple[int, str]:
    """(0-based line within the YAML, Dutch message) for a PyYAML error in `source`."""
    text = f"{exc.context or ''} {exc.problem or ''}"
    # An unclosed quote or bracket is reported where the stream ends; the user needs the line
    # where it was opened.
    mark = exc.problem_mark
    opened = (
        "end of stream" in (exc.problem or "")
        or "flow" in (exc.context or "")
        # A line without ':' is noticed on the line after it; the key started on its own line.
        or "simple key" in (exc.context or "")
    )
    if exc.context_mark is not None and opened:
        mark = exc.context_mark
    line = mark.line if mark is not None else 0
    # libyaml does not name the character it cannot read ("found character that cannot start
    # any token"); look it up, so that a tab or a leading '@' gets its own hint.
    row = source.split("\n")[line] if mark is not None and line < source.count("\n") + 1 else ""
    if "cannot start any token" in text and mark is not None and mark.column < len(row):
        text = f"{text} found character {row[mark.column]!r}"
    # Text after a closed quote ("titel: 'Auto's delen'") ends the value early; libyaml then
    # expects the next key in the middle of the line.
    closed = row[: mark.column].rstrip()[-1:] if mark is not None else ""
    if (
        "did not find expected key" in text
        and closed
        and closed in "'\"]}"
        and mark.column > len(row) - len(row.lstrip(" "))
    ):
        if closed in "]}":
            return line, (
                f"ongeldige YAML: na de '{closed}' staat nog tekst; zet alle waarden "
                "binnen de haakjes, gescheiden door komma's."
            )
        return line, (
            "ongeldige YAML: na de waarde tussen aanhalingstekens staat nog tekst. Zet "
            'de hele waarde tussen dubbele aanhalingstekens ("…"), of schrijf een '
            "enkel aanhalingsteken in de tekst dubbel ('Auto''s delen')."
        )
    for needle, message in _YAML_HINTS:
        if needle in text:
            return line, f"ongeldige YAML: {message}"
    detail = " ".join(text.split())
    return (
        line,
        "ongeldige YAML: controleer deze regel (inspringen, dubbele punt, "
        f"aanhalingstekens) [{detail}].",
    )
