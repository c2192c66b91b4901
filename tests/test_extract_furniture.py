"""The learned furniture model: its features, its place in the pipeline, its shipped weights, and
the training script's determinism (all on invented text)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from newsterm.extract import analyse
from newsterm.extract import furniture_weights as shipped
from newsterm.extract.furniture import (
    chances,
    drop_furniture,
    features,
    furniture_places,
    furniture_probability,
)

ROOT = Path(__file__).resolve().parents[1]

STORY = [
    "The river rose two metres overnight and the town's lower streets were under water by dawn,"
    " officials said on Tuesday.",
    "“We have never seen it come up this fast,” said Mara Olsen, who runs the bakery on Quay"
    " Street, as volunteers stacked sandbags outside her door.",
    "The county opened two shelters in school gyms and asked residents near the bank to leave"
    " before the next high tide, due late in the evening.",
    "Engineers will inspect the old stone bridge once the water falls, the county's roads"
    " department said in a statement posted on its website.",
    "Forecasters expect the rain to ease by Thursday, though a second band of storms could"
    " reach the valley over the weekend.",
]


def _load_script(name: str) -> ModuleType:
    path = ROOT / "scripts" / f"{name}.py"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # a dataclass looks its module up by name
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return module


def test_features_of_a_shape_and_a_place() -> None:
    lines = ["Follow us on Twitter @example", *STORY, "© 2026 Example Media. All rights reserved"]
    top = features(lines, 0)
    assert top["handle"] == 1.0 and top["cue_social"] == 1.0 and top["first"] == 1.0
    assert top["from_top"] == 0.0 and top["prev_none"] == 1.0
    quoted = features(lines, 2)
    assert quoted["quotes"] == 1.0 and quoted["saying"] == 1.0 and quoted["ends"] == 1.0
    assert "first" in quoted and quoted["first"] == 0.0
    bottom = features(lines, len(lines) - 1)
    assert bottom["last"] == 1.0 and bottom["cue_legal"] == 1.0
    assert bottom["shape"] == 1.0 and bottom["ends"] == 0.0


def test_features_know_a_lone_name_and_a_list() -> None:
    assert features(["Maria Lind", *STORY], 0)["lone_name"] == 1.0
    assert features(["Quay Street", *STORY], 0)["lone_name"] == 0.0
    items = ["- Two shelters", "- One bridge", "- Three roads"]
    assert features(items, 1)["list_item"] == 1.0
    assert features(items, 1)["same_lead"] == 1.0


def test_a_clear_furniture_line_is_dropped_and_the_story_kept() -> None:
    lines = [
        *STORY,
        "Sign up for our newsletter",
        "Share this article on Facebook",
    ]
    kept = drop_furniture(lines)
    assert kept == STORY


def test_the_model_keeps_a_quoted_paragraph_among_the_furniture() -> None:
    lines = ["Share on Facebook", *STORY, "Sign up for our newsletter"]
    kept = drop_furniture(lines)
    assert kept == STORY
    assert any("“" in p for p in kept)


def test_the_pipeline_drops_the_tail_furniture_and_keeps_the_quotation() -> None:
    """``analyse`` calls the model after the rules: a furniture line the rules keep goes."""
    result = analyse("Flood", [*STORY, "Our journalism needs your support"])
    assert result.paragraphs == STORY
    assert [q.speaker for q in result.quotes] == ["Mara Olsen"]


def test_a_line_the_head_rule_spares_is_never_the_models() -> None:
    """The model would take a bare unpunctuated line above the story for a teaser; the head
    rule keeps it on purpose (a standfirst without its stop), so the pipeline passes it as
    spared and it stays."""
    standfirst = "The town braces for a second night of flooding"
    assert drop_furniture([standfirst, *STORY]) == STORY
    assert drop_furniture([standfirst, *STORY], {standfirst}) == [standfirst, *STORY]
    assert analyse("Flood", [standfirst, *STORY]).paragraphs == [standfirst, *STORY]


def test_a_story_alone_is_left_whole() -> None:
    assert drop_furniture(list(STORY)) == STORY
    assert drop_furniture(STORY[:2]) == STORY[:2]  # too short to judge


def test_the_list_and_share_guards() -> None:
    weights = {"bias": 5.0, "ends": -10.0}  # furniture unless a sentence ends it
    tail = ["- item one", "- item two"]
    assert furniture_places([*STORY, *tail], weights, drop_above=0.5, body_below=0.2) == set()
    loose = [*STORY, "Words at the end", "More words here"]
    assert furniture_places(loose, weights, drop_above=0.5, body_below=0.2) == {5, 6}
    assert furniture_places(loose, weights, drop_above=0.5, body_below=0.2, most=0.1) == set()
    head = ["A heading here", *STORY]
    assert furniture_places(head, weights, drop_above=0.5, body_below=0.2) == {0}
    assert furniture_places(head, weights, drop_above=0.5, body_below=0.2, head=False) == set()


def test_the_shipped_weights_load_and_score() -> None:
    assert shipped.WEIGHTS and all(isinstance(v, float) for v in shipped.WEIGHTS.values())
    assert 0.0 < shipped.BODY_BELOW < shipped.DROP_ABOVE < 1.0
    assert 0.0 < shipped.MOST <= 1.0
    found = chances(STORY, shipped.WEIGHTS)
    assert all(0.0 < p < shipped.BODY_BELOW for p in found)
    assert furniture_probability({"bias": 1.0}, {"bias": 0.0}) == 0.5


def test_training_is_deterministic_on_an_invented_fixture(tmp_path: Path) -> None:
    train = _load_script("train_furniture")
    rows_module = _load_script("furniture_rows")
    article = rows_module.Article(
        name="invented",
        paragraphs=["Share this story", *STORY, "Sign up for our newsletter"],
        furniture=[True, False, False, False, False, False, True],
        left=[True, False, False, False, False, False, True],
        allowed=[False] * 7,
        first="the river rose",
        last="forecasters expect",
    )
    once = train.train(train.rows_of([article, article]))
    again = train.train(train.rows_of([article, article]))
    assert once == again and once["bias"] != 0.0
    assert furniture_places(article.paragraphs, once, drop_above=0.5, body_below=0.2) == {0, 6}
    written = tmp_path / "weights.py"
    train.write(once, 0.5, 0.2, written)
    text = written.read_text(encoding="utf-8")
    assert "DROP_ABOVE = 0.5" in text and f'"bias": {once["bias"]},' in text
