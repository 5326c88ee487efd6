"""Sentence states stay readable and distinct in every built-in theme and colour system."""

from __future__ import annotations

import math

import pytest
from rich.color import ColorSystem
from story_factory import handmade_analysis

from store import AnnotationStore
from tui.app import make_app

pytestmark = pytest.mark.slow

BASE = ("article-view--corroborated",)
CONFLICT = ("article-view--conflicting",)
STATES = {
    "plain": (),
    "corroborated": BASE,
    "three sources": (*BASE, "article-view--strong"),
    "conflicting": CONFLICT,
    "counterpart": (*BASE, "article-view--counterpart"),
    "conflicting counterpart": (
        *CONFLICT,
        "article-view--counterpart",
        "article-view--counterpart-conflicting",
    ),
    "cursor": (*BASE, "article-view--cursor"),
    "conflicting cursor": (
        *CONFLICT,
        "article-view--cursor",
        "article-view--cursor-conflicting",
    ),
}
# Backgrounds that must tell the states apart at a glance (CIE76 distance). The
# counterpart is also marked by its bar and the cursor by its own, in any colours.
DISTINCT = [
    tuple(pair.split(" / "))
    for pair in (
        "plain / corroborated",
        "corroborated / three sources",
        "corroborated / conflicting",
        "corroborated / cursor",
        "conflicting / conflicting counterpart",
        "counterpart / conflicting counterpart",
    )
]
MIN_DISTANCE = 5.0
MIN_TEXT_CONTRAST = 3.0


def luminance(rgb: tuple[int, int, int]) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def lab(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    """CIE L*a*b* of an sRGB colour (D65)."""

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    r, g, b = map(linear, rgb)
    x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047
    y = r * 0.2126 + g * 0.7152 + b * 0.0722
    z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


async def test_states_are_readable_and_distinct_in_every_theme(tmp_path) -> None:
    analysis = handmade_analysis()
    with AnnotationStore(tmp_path / "db.json") as store:
        app = make_app(analysis.story, store, analysis)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            view = app.screen.columns[0].view
            problems = []
            # ANSI themes leave the colours to the terminal's own palette.
            themes = [t for t in sorted(app.available_themes) if not t.startswith("ansi")]
            assert len(themes) > 10
            for theme in themes:
                app.theme = theme
                for system in (ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT):
                    app.set_class(system is ColorSystem.EIGHT_BIT, "-colors-256")
                    await pilot.pause()
                    where = f"{theme}, {system.name.lower()}"
                    colours = {}
                    for name, classes in STATES.items():
                        style = view.get_visual_style(*classes).rich_style
                        fg = style.color.downgrade(system).get_truecolor()
                        bg = style.bgcolor.downgrade(system).get_truecolor()
                        colours[name] = bg
                        if contrast(fg, bg) < MIN_TEXT_CONTRAST:
                            problems.append(f"{where}: {name} text {contrast(fg, bg):.1f}:1")
                    for a, b in DISTINCT:
                        distance = math.dist(lab(colours[a]), lab(colours[b]))
                        if distance < MIN_DISTANCE:
                            problems.append(f"{where}: {a} / {b} backgrounds {distance:.1f} apart")
            assert not problems, "\n".join(problems)


async def test_sixteen_colours_keep_the_cursor_and_the_marks(tmp_path) -> None:
    """With 16 colours the tints fade; the cursor stands out and the marks tell the rest."""
    analysis = handmade_analysis()
    with AnnotationStore(tmp_path / "db.json") as store:
        app = make_app(analysis.story, store, analysis)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            screen = app.screen
            view = screen.view_of(screen.cursor)
            for theme in ("textual-dark", "textual-light", "ansi-dark", "ansi-light"):
                app.theme = theme
                await pilot.pause()
                cursor = view.get_visual_style(*STATES["cursor"]).rich_style
                plain = view.get_visual_style().rich_style
                system = ColorSystem.STANDARD
                assert cursor.bgcolor.downgrade(system) != plain.bgcolor.downgrade(system), theme
            line = view.render_line(view.first_line[screen.cursor] - view.scroll_offset.y).text
            assert line.startswith("▌ ≠")
            other = screen.grid.counterparts(screen.cursor)[0]
            other_view = screen.view_of(other)
            drawn = other_view.render_line(
                other_view.first_line[other] - other_view.scroll_offset.y
            ).text
            assert drawn.startswith("│ ≠")


# With 256 colours both the mark and its text are rounded to the palette, which costs a
# few hundredths of the ratio; 16 colours and true colour keep the full floor.
MIN_MARK_CONTRAST = {
    ColorSystem.STANDARD: 3.0,
    ColorSystem.EIGHT_BIT: 2.9,
    ColorSystem.TRUECOLOR: 3.0,
}
SYSTEM_CLASS = {ColorSystem.STANDARD: "-colors-16", ColorSystem.EIGHT_BIT: "-colors-256"}


async def each_setting(app, pilot, themes: list[str]):
    """Set every theme with every colour system in turn: (where, system, contrast floor)."""
    for theme in themes:
        app.theme = theme
        for system, floor in MIN_MARK_CONTRAST.items():
            for cls in SYSTEM_CLASS.values():
                app.set_class(SYSTEM_CLASS.get(system) == cls, cls)
            await pilot.pause()
            yield f"{theme}, {system.name.lower()}", system, floor


def marked_segments(widget) -> list:
    """The styles of the words drawn as differing (bold and underlined) in a widget."""
    return [
        seg.style
        for y in range(widget.size.height)
        for seg in widget.render_line(y)
        if seg.style and seg.style.bold and seg.style.underline and seg.text.strip()
    ]


async def test_differing_words_and_cells_are_readable_in_every_theme_and_colour_system(
    tmp_path,
) -> None:
    """The marked words of a conflict as drawn (reader columns and claim panel) and the
    matrix's differing cells."""
    from tui.widgets.claim_panel import ClaimPanel
    from tui.widgets.coverage_grid import CoverageGrid

    analysis = handmade_analysis()
    with AnnotationStore(tmp_path / "db.json") as store:
        app = make_app(analysis.story, store, analysis)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("c")
            await pilot.pause()
            reader = app.screen
            panel = reader.query_one(ClaimPanel)
            if not panel.display:
                await pilot.press("p")
                await pilot.pause()
            problems = []
            themes = [t for t in sorted(app.available_themes) if not t.startswith("ansi")]

            def check(where: str, styles: list, system: ColorSystem, floor: float) -> None:
                for style in styles:
                    fg = style.color.downgrade(system).get_truecolor()
                    bg = style.bgcolor.downgrade(system).get_truecolor()
                    if style.reverse:
                        fg, bg = bg, fg
                    if contrast(fg, bg) < floor:
                        problems.append(f"{where}: {contrast(fg, bg):.2f}:1")
                        return

            async for where, system, floor in each_setting(app, pilot, themes):
                words = [s for c in reader.columns for s in marked_segments(c.view)]
                assert words, "the conflict's differing words are drawn marked"
                check(f"{where}: reader", words, system, floor)
                in_panel = marked_segments(panel.body)
                assert in_panel, "the panel marks the differing words too"
                check(f"{where}: panel", in_panel, system, floor)
            await pilot.press("m")
            await pilot.pause()
            grid = app.screen.query_one(CoverageGrid)
            async for where, system, floor in each_setting(app, pilot, themes):
                differs = grid.get_visual_style("coverage-grid--differs").rich_style
                check(f"{where}: matrix", [differs], system, floor)
            assert not problems, "\n".join(problems)
