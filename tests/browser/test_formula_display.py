"""Formulas as a reader meets them on a phone and copies them: nothing clipped at 390 px, a working
Copy TeX button on every display formula, TeX in the clipboard when a selection has formulas, and
no raw TeX in code spans outside the formula-writing guide (wrong forms are typeset)."""
from __future__ import annotations

import re

import pytest

PHONE = {"width": 390, "height": 844}
# The one page that teaches the TeX to write, and so shows it.
TEX_GUIDE = "/contributing/"

DISPLAY_FACTS_JS = """() => [...document.querySelectorAll('article .math.display')].map((box, i) => {
  const math = box.querySelector('math');
  const column = box.parentElement.getBoundingClientRect();
  const style = getComputedStyle(box);
  const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const button = box.querySelector(':scope > button.mc-copy');
  return {
    index: i,
    tex: (box.getAttribute('data-tex') || '').slice(0, 70),
    hidden: box.offsetParent === null,
    math_width: math ? math.getBoundingClientRect().width : 0,
    box_width: box.getBoundingClientRect().width,
    room: inner,
    column: column.width,
    scrolls: box.scrollWidth > box.clientWidth + 1,
    button: !!button,
    button_name: button ? button.getAttribute('aria-label') || '' : '',
  };
})"""

TEX_IN_CODE_JS = r"""() => [...document.querySelectorAll('article code')]
  .filter(c => !c.closest('pre'))
  .map(c => c.textContent)
  .filter(t => /\\[A-Za-z]+|\^\{|_\{|\^T\b/.test(t))"""


def _fail_if(problems: list[str], what: str):
    if problems:
        pytest.fail(f"{what}:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture(scope="module")
def phone_facts(reader, site):
    """Every page at 390 px: its display formulas' widths and buttons, and TeX in code spans."""
    context = reader.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    facts = {}
    try:
        page = context.new_page()
        for path in site.pages:
            page.goto(site.url(path), wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            # Open details boxes, so formulas inside them are measured too.
            page.evaluate("document.querySelectorAll('article details').forEach(d => d.open = true)")
            facts[path] = (page.evaluate(DISPLAY_FACTS_JS), page.evaluate(TEX_IN_CODE_JS))
    finally:
        context.close()
    return facts


def test_no_display_formula_is_wider_than_its_column_at_390px(phone_facts):
    problems, measured = [], 0
    for path, (displays, _) in phone_facts.items():
        for d in displays:
            if d["hidden"]:
                continue   # in a tab not shown
            measured += 1
            if d["math_width"] > d["room"] + 0.5 or d["scrolls"]:
                problems.append(f"{path}: display {d['index']} is {d['math_width']:.0f} px wide in a "
                                f"{d['room']:.0f} px column: {d['tex']!r}")
    assert measured > 300, f"only {measured} display formulas measured"
    _fail_if(problems, "display formulas clipped at 390 px (break them into aligned lines)")


def test_every_display_formula_has_a_labelled_copy_tex_button(phone_facts):
    problems, count = [], 0
    for path, (displays, _) in phone_facts.items():
        for d in displays:
            count += 1
            if not d["button"]:
                problems.append(f"{path}: display {d['index']} has no Copy TeX button: {d['tex']!r}")
            elif d["button_name"] != "Copy TeX":
                problems.append(f"{path}: display {d['index']}: button labelled {d['button_name']!r}")
    assert count > 300
    _fail_if(problems, "display formulas without a Copy TeX button")


def test_no_raw_tex_in_code_outside_the_formula_guide(phone_facts):
    problems = [f"{path}: code span shows TeX {t[:80]!r}" for path, (_, codes) in phone_facts.items()
                if path != TEX_GUIDE for t in codes]
    assert phone_facts[TEX_GUIDE][1], "the formula-writing guide shows its TeX in code (the test's control)"
    _fail_if(problems, "raw TeX shown to readers in code spans")


def _verified_tex(site, page_path: str) -> list[str]:
    import json
    data = json.loads((site.dir / "verification.json").read_text(encoding="utf-8"))
    return [f["latex"] for f in data["formulas"] if f["page"] == page_path]


def test_copy_tex_button_copies_the_verified_tex_from_the_keyboard(reader, site):
    context = reader.new_context()
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base)
        page = reader.open("/matrix-function-derivatives/", context=context)
        box = page.locator("article .math.display.mc-verified").first
        tex = box.get_attribute("data-tex")
        assert tex in _verified_tex(site, "docs/matrix-function-derivatives.md")
        button = box.locator("button.mc-copy")
        # Unobtrusive on a desktop until hover or focus; reachable with Tab.
        assert float(button.evaluate("b => getComputedStyle(b).opacity")) == 0
        button.focus()
        page.keyboard.press("Tab")
        page.keyboard.press("Shift+Tab")
        assert button.evaluate("b => b === document.activeElement")
        page.wait_for_function("b => getComputedStyle(b).opacity === '1'", arg=button.element_handle())
        page.keyboard.press("Enter")
        page.wait_for_function("b => b.classList.contains('mc-copied')", arg=button.element_handle())
        assert page.evaluate("navigator.clipboard.readText()") == tex
        assert button.get_attribute("aria-label") == "TeX copied"
    finally:
        context.close()


def test_copying_a_selection_gives_the_tex_of_its_inline_formulas(reader, site):
    context = reader.new_context()
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base)
        page = reader.open("/matrix-function-derivatives/", context=context)
        paragraph = page.locator("article p:has(.math)").first
        expected_tex = paragraph.evaluate("""p => [...p.querySelectorAll('math annotation')]
            .map(a => a.textContent.replace(/\\\\coloneqq ?/g, ':='))""")
        paragraph.evaluate("""p => { const r = document.createRange(); r.selectNodeContents(p);
            const s = getSelection(); s.removeAllRanges(); s.addRange(r); }""")
        page.keyboard.press("Control+c")
        copied = page.evaluate("navigator.clipboard.readText()")
        for tex in expected_tex:
            assert f"${tex}$" in copied, f"{tex!r} not in the copied text {copied!r}"
        # The words around the formulas are kept, and no MathML glyph soup is left.
        words = re.sub(r"\$[^$]*\$", "", copied)
        assert len(words.split()) > 3 and "\u2061" not in copied
    finally:
        context.close()
