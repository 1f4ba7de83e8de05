"""An XLSX workbook written as a stream of bytes, so that a download starts at once however many rows it holds.

An XLSX file is a zip of XML parts. openpyxl writes the whole zip before the first byte can be sent, which took
minutes for the whole register; here each part goes into the zip as it is written, and the zip's bytes are handed on
as they come. The zip holds its parts one after another, but an export fills all its sheets row by row together, so
one sheet (`live`) goes straight into the zip and the others wait in temporary files (on disk past SPOOL_BYTES each)
until the last row, and are then copied in. The cells are written as openpyxl's write-only mode writes them: inline
strings, whole numbers as numbers.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import quoteattr

from openpyxl.utils import get_column_letter

CHUNK_BYTES = 64 * 1024
SPOOL_BYTES = 1024 * 1024
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
SPREADSHEETML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
SHEET_START = f'<worksheet xmlns="{MAIN}"><sheetData>'.encode()
SHEET_END = b"</sheetData></worksheet>"
TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
STYLES = (f'<styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


class _Sink:
    """Where the zip writes: it keeps the bytes until they are taken (a stream, not a file: zipfile then writes
    each part's sizes after its content instead of seeking back)."""

    def __init__(self):
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data, self.parts, self.size = b"".join(self.parts), [], 0
        return data


class StreamingWorkbook:
    """Sheets named in workbook order; rows go to any sheet in any order; `chunks()` hands on the bytes so far.

        book = StreamingWorkbook(["README", "Records"], live="Records")
        yield book.start()
        book.append("Records", ["id", 1])
        yield from book.chunks()
        yield from book.finish()
    """

    def __init__(self, names: list[str], live: str):
        self.names, self.live = names, live
        self.sink = _Sink()
        self.zip = zipfile.ZipFile(self.sink, "w", compression=zipfile.ZIP_DEFLATED)
        self.rows = dict.fromkeys(names, 0)
        self.spools = {name: tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) for name in names if name != live}
        self.live_part = None

    def part_name(self, name: str) -> str:
        return f"xl/worksheets/sheet{self.names.index(name) + 1}.xml"

    def start(self) -> bytes:
        """The parts that describe the workbook, and the start of the live sheet."""
        self.zip.writestr("[Content_Types].xml", self._content_types())
        self.zip.writestr("_rels/.rels", f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" '
                                         f'Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
                                         "</Relationships>")
        sheets = "".join(f'<sheet name={quoteattr(name)} sheetId="{n}" r:id="rId{n}"/>'
                         for n, name in enumerate(self.names, start=1))
        self.zip.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
                                             f"<sheets>{sheets}</sheets></workbook>")
        self.zip.writestr("xl/_rels/workbook.xml.rels", self._workbook_relationships())
        self.zip.writestr("xl/styles.xml", STYLES)
        self.live_part = self.zip.open(self.part_name(self.live), "w")
        self.live_part.write(SHEET_START)
        return self.sink.take()

    def append(self, name: str, cells: Iterable[str | int | None]) -> None:
        self.rows[name] += 1
        row = _row(self.rows[name], cells)
        (self.live_part if name == self.live else self.spools[name]).write(row)

    def chunks(self) -> Iterator[bytes]:
        """The bytes written so far, once there are enough of them to be worth sending."""
        if self.sink.size >= CHUNK_BYTES:
            yield self.sink.take()

    def finish(self) -> Iterator[bytes]:
        """The end of the live sheet, every other sheet, and the zip's table of contents."""
        try:
            self.live_part.write(SHEET_END)
            self.live_part.close()
            for name, spool in self.spools.items():
                spool.seek(0)
                with self.zip.open(self.part_name(name), "w") as part:
                    part.write(SHEET_START)
                    while block := spool.read(CHUNK_BYTES):
                        part.write(block)
                        yield from self.chunks()
                    part.write(SHEET_END)
            self.zip.close()
            yield self.sink.take()
        finally:
            self.close()

    def close(self) -> None:
        """Remove the temporary files (also when the download is abandoned half way)."""
        for spool in self.spools.values():
            spool.close()

    def _content_types(self) -> str:
        sheets = "".join(f'<Override PartName="/{self.part_name(name)}" ContentType="{SPREADSHEETML}.worksheet+xml"/>'
                         for name in self.names)
        return ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{SPREADSHEETML}.sheet.main+xml"/>'
                f'<Override PartName="/xl/styles.xml" ContentType="{SPREADSHEETML}.styles+xml"/>{sheets}</Types>')

    def _workbook_relationships(self) -> str:
        sheets = "".join(f'<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet" '
                         f'Target="worksheets/sheet{n}.xml"/>' for n in range(1, len(self.names) + 1))
        styles = f'<Relationship Id="rId{len(self.names) + 1}" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>'
        return f'<Relationships xmlns="{PACKAGE}">{sheets}{styles}</Relationships>'


def _row(number: int, cells: Iterable[str | int | None]) -> bytes:
    parts = [f'<row r="{number}">']
    for column, value in enumerate(cells, start=1):
        ref = f"{get_column_letter(column)}{number}"
        if value is None:
            continue
        if isinstance(value, int):
            parts.append(f'<c r="{ref}" t="n"><v>{value}</v></c>')
        elif value == "":
            parts.append(f'<c r="{ref}" t="inlineStr"/>')
        else:
            space = ' xml:space="preserve"' if value != value.strip() else ""
            parts.append(f'<c r="{ref}" t="inlineStr"><is><t{space}>{value.translate(TEXT_ESCAPES)}</t></is></c>')
    parts.append("</row>")
    return "".join(parts).encode()
