"""Reports (the therapist summary, the profile report) as A4 PDFs: the same blocks as their
Markdown, set in DejaVu Sans (it ships with matplotlib, so any text renders offline), charts as
images with captions, page numbers, and no creation date or machine name in the metadata."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace
from fpdf.output import OutputProducer, PDFInfo

from bowlby.insights import therapist_summary_layout as layout
from bowlby.insights.documents import (
    Block,
    Bullets,
    Fields,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Plane,
    Quote,
    Table,
)
from bowlby.insights.figures import render
from bowlby.insights.plane import plot_plane
from bowlby.insights.therapist_summary import TherapistSummary

FONT = "DejaVu"
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
BODY, LINE = 10.5, 5.4  # points, millimetres
HEADINGS = {1: (18.0, 9.0), 2: (14.0, 7.5), 3: (11.0, 5.8)}  # level: (points, line height)
CELL_PADDING = 1.5
PLANE_WIDTH = 105.0  # millimetres; the plot is square
FIGURE_WIDTH = 150.0  # millimetres, at most the text's width
INK, MUTED, RULE = (25, 25, 25), (95, 95, 95), (190, 190, 190)
# fpdf2 needs some date to derive the file identifier from; the file itself gets none.
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


class _UndatedOutput(OutputProducer):
    """fpdf2 always writes a creation date; the summary states its own date in its text."""

    def _add_info(self) -> PDFInfo:
        info = super()._add_info()
        info.creation_date = None  # type: ignore[assignment]
        return info


class _Document(FPDF):
    def __init__(self, title: str, footer: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.footer_text = footer
        self.creation_date = FIXED_DATE
        self.set_title(title)
        self.set_lang("en")
        self.set_creator("Bowlby")
        self.set_producer("Bowlby")
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=20)
        self.set_text_color(*INK)
        self.set_draw_color(*RULE)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, self.footer_text.replace("{page}", str(self.page_no())), align="C")
        self.set_text_color(*INK)


def render_summary_pdf(summary: TherapistSummary) -> bytes:
    cover = summary.cover
    footer = layout.TEXT["footer"].format(
        name=cover.person, today=cover.prepared_on, page="{page}", pages="{nb}"
    )
    return render_document_pdf(layout.summary_blocks(summary), layout.TEXT["title"], footer)


def render_document_pdf(blocks: Sequence[Block], title: str, footer: str) -> bytes:
    """Blocks on A4 pages; ``footer`` may hold {page} and {nb} (the number of pages)."""
    return render_document_pages(blocks, title, footer)[0]


def render_document_pages(blocks: Sequence[Block], title: str, footer: str) -> tuple[bytes, int]:
    """The PDF and its number of pages (to tell the person what was written)."""
    pdf = _Document(title, footer)
    pdf.add_page()
    for block in blocks:
        _draw(pdf, block)
    return bytes(pdf.output(output_producer_class=_UndatedOutput)), pdf.pages_count


def _draw(pdf: _Document, block: Block) -> None:
    if isinstance(block, PageBreak):
        pdf.add_page()
        return
    pdf.set_font(FONT, "", BODY)
    match block:
        case Heading(text, level):
            _heading(pdf, text, level)
        case Paragraph(text):
            pdf.multi_cell(0, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
        case Table() | Plane() | Figure():
            _drawn(pdf, block)
        case Fields(items):
            _fields(pdf, items)
        case Bullets(items):
            _bullets(pdf, items)
        case Quote(text):
            _quote(pdf, text)
    pdf.ln(2.5)


def _drawn(pdf: _Document, block: Table | Plane | Figure) -> None:
    """The blocks drawn as pictures or grids rather than lines of text."""
    if isinstance(block, Table):
        _table(pdf, block)
    elif isinstance(block, Plane):
        _plane(pdf, block)
    else:
        _figure(pdf, block)


def _bullets(pdf: _Document, items: Sequence[str]) -> None:
    for item in items:
        pdf.cell(6, LINE, "•")
        pdf.multi_cell(0, LINE, item, align="L", new_x="LMARGIN", new_y="NEXT")


def _heading(pdf: _Document, text: str, level: int) -> None:
    size, height = HEADINGS.get(level, HEADINGS[3])
    if pdf.will_page_break(height + 3 * LINE):  # keep a heading with what follows it
        pdf.add_page()
    elif level < 3:
        pdf.ln(3)
    pdf.set_font(FONT, "B", size)
    pdf.multi_cell(0, height, text, align="L", new_x="LMARGIN", new_y="NEXT")


def _table(pdf: _Document, table: Table) -> None:
    aligns = tuple("RIGHT" if i in table.numeric else "LEFT" for i in range(len(table.columns)))
    widths = _column_widths(pdf, table)
    with pdf.table(
        width=min(sum(widths), pdf.epw),
        align="LEFT",
        col_widths=widths,
        text_align=aligns,
        borders_layout="HORIZONTAL_LINES",
        headings_style=FontFace(emphasis="BOLD"),
        line_height=LINE,
        padding=(1.2, CELL_PADDING),
    ) as drawn:
        for cells in (table.columns, *table.rows):
            row = drawn.row()
            for cell in cells:
                row.cell(cell)


def _column_widths(pdf: _Document, table: Table) -> tuple[float, ...]:
    """Millimetres: each column as wide as its longest cell when all fit (a narrow table);
    otherwise each keeps room for its longest word and the rest goes to those wanting more."""
    columns = list(zip(table.columns, *table.rows, strict=True))
    spare = 2 * CELL_PADDING + 1.5
    pdf.set_font(FONT, "B", BODY)  # headings are bold and a little wider
    wants = [max(pdf.get_string_width(cell) for cell in column) + spare for column in columns]
    least = [
        max(pdf.get_string_width(word) for cell in column for word in (cell.split() or [""]))
        + spare
        for column in columns
    ]
    pdf.set_font(FONT, "", BODY)
    if sum(wants) <= pdf.epw:
        return tuple(wants)
    room = max(pdf.epw - sum(least), 0.0)
    extra = [want - low for want, low in zip(wants, least, strict=True)]
    return tuple(
        low + room * more / (sum(extra) or 1) for low, more in zip(least, extra, strict=True)
    )


def _fields(pdf: _Document, items: Sequence[tuple[str, str]]) -> None:
    for label, text in items:
        pdf.set_font(FONT, "B", BODY)
        pdf.write(LINE, f"{label}: ")
        pdf.set_font(FONT, "", BODY)
        pdf.write(LINE, " ".join(text.split()))
        pdf.ln(LINE)


def _quote(pdf: _Document, text: str) -> None:
    indent = 6.0
    pdf.set_left_margin(pdf.l_margin + indent)
    pdf.set_x(pdf.l_margin)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(0, LINE, text.strip(), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.set_left_margin(pdf.l_margin - indent)
    pdf.set_x(pdf.l_margin)


def _plane(pdf: _Document, plane: Plane) -> None:
    figure = plot_plane([(plane.person, list(plane.points))])
    if pdf.will_page_break(PLANE_WIDTH + 3 * LINE):
        pdf.add_page()
    x = pdf.l_margin + (pdf.epw - PLANE_WIDTH) / 2
    pdf.image(io.BytesIO(render(figure, "png")), x=x, w=PLANE_WIDTH, alt_text=plane.description)
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(0, 4.5, plane.description, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)


def _figure(pdf: _Document, figure: Figure) -> None:
    """The chart centred at its own aspect, kept on one page with its caption under it."""
    if not figure.png:
        _caption(pdf, figure.title, figure.alt)
        return
    width = min(FIGURE_WIDTH, pdf.epw)
    pixels_wide, pixels_high = png_size(figure.png)
    height = width * pixels_high / pixels_wide
    if pdf.will_page_break(height + 3 * LINE):
        pdf.add_page()
    x = pdf.l_margin + (pdf.epw - width) / 2
    pdf.image(io.BytesIO(figure.png), x=x, w=width, h=height, alt_text=figure.alt)
    _caption(pdf, figure.title, figure.alt)


def _caption(pdf: _Document, title: str, alt: str) -> None:
    pdf.set_font(FONT, "B", 9)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(0, 4.5, title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(0, 4.5, alt, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels, read from the PNG header (IHDR follows the signature)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        raise ValueError("not a PNG image")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
