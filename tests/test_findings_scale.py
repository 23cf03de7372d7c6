"""One finding per event and measure: repetition and copies add articles to a finding, never findings."""

from __future__ import annotations

from pathlib import Path

from claimcheck.pipeline import AuditOptions, run_audit

STORY = {
    "a.md": "---\npublished: 2025-04-02\n---\nA landslide near Varrow buried 14 houses on Tuesday, the county said.\n\n"
            "Varrow, a town of 8,000 people, lies 40 kilometers north of Dunmere.\n",
    "b.md": "---\npublished: 2025-04-02\n---\nThe landslide near Varrow buried 19 houses on Tuesday, officials said.\n\n"
            "Varrow, a town of 8,000 people, lies about 25 miles north of Dunmere.\n",
    "c.md": "---\npublished: 2025-04-02\n---\nRescuers searched the 14 buried houses near Varrow on Tuesday.\n\n"
            "Varrow, a town of 12,000 people, is in the hills.\n",
}
WORDS = ["amber", "birch", "cedar", "dune", "elm", "fern", "grove", "heath", "iris", "juniper"]


def _findings(folder: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    result = run_audit(AuditOptions(paths=(str(folder),)))
    return sorted((f.rule, f.measure, tuple(sorted(v.display for v in f.values))) for f in result.contradictions)


def test_ten_copies_of_a_folder_give_the_findings_of_one(tmp_path: Path) -> None:
    one = tmp_path / "one"
    one.mkdir()
    for name, text in STORY.items():
        (one / name).write_text(text, encoding="utf-8")
    ten = tmp_path / "ten"
    for word in WORDS:  # each copy ends with its own line, so no two files are the same
        copy = ten / word
        copy.mkdir(parents=True)
        for name, text in STORY.items():
            (copy / name).write_text(f"{text}\nFiled under {word}.\n", encoding="utf-8")
    expected = _findings(one)
    assert expected  # 14 vs 19 houses, and 8,000 vs 12,000 people in Varrow
    assert _findings(ten) == expected


def test_briefs_repeating_five_figures_make_one_finding_listing_them(tmp_path: Path) -> None:
    figures = ["4.1", "4.1", "4.1", "4.2", "4.3", "4.1", "3.9", "4.1", "4.0", "4.1"]
    for index in range(60):
        value = figures[index % len(figures)]
        (tmp_path / f"brief{index:03d}.md").write_text(
            f"---\npublished: 2025-05-0{1 + index % 3}\n---\nBrannock Foods reported first-quarter revenue of "
            f"${value} billion, brief number {WORDS[index % 10]}-{index}.\n", encoding="utf-8")
    result = run_audit(AuditOptions(paths=(str(tmp_path),)))
    revenue = [f for f in result.contradictions if f.measure.startswith("revenue")]
    assert len(revenue) == 1
    finding = revenue[0]
    assert len(finding.values) == 5  # 3.9, 4.0, 4.1, 4.2 and 4.3 billion
    assert finding.majority is not None and finding.majority.startswith("$4.05 billion")
    assert len(finding.claims) <= 12  # evidence stays readable: a few claims per value, not 60
