"""Tests for the routes stage's rules added after the fifth blind set's error categories,
on sentences written for these tests in the styles of different outlets: a clause that
says a road is "still" so, a road's role (شريان) as no status unless it became one,
sniper-watched roads, skirmishes, demands and needs, denials, efforts, restricted use,
the one road left, traffic back to normal, roads as the target of an advance."""
from __future__ import annotations

import pytest

from marsad.pipeline import Pipeline

PIPE = Pipeline()


def run(text: str):
    return PIPE.run_text(text)


def statuses(text: str) -> list[str]:
    return [r["status"] for r in run(text).routes]


# ---- "still": a clause of its own after the road's asides

@pytest.mark.parametrize("text, status", [
    ("وذكر سائقون أن طريق حمص – تدمر، الذي يمتد نحو 150 كيلومتراً في البادية، لا يزال مقطوعاً منذ أيام.", "closed"),
    ("وقال مسؤول محلي إن الطريق بين بعقوبة والمقدادية، المعروف بطريق الموت، ما زال مغلقاً أمام المدنيين.", "closed"),
    ("وأكدت المصادر أن معبر نصيب، البوابة الرئيسية للتجارة مع الأردن، ما يزال مفتوحاً أمام الشاحنات.", "open"),
])
def test_a_still_clause_after_asides_says_the_roads_state(text, status):
    assert statuses(text) == [status]


# ---- a road's role is a description, not a use, unless it became so

@pytest.mark.parametrize("text", [
    "وقال المحافظ إن طريق أسوان – أبو سمبل يمثل شرياناً حيوياً للسياحة في الجنوب.",
    "ويُعد طريق بغداد – كركوك شرياناً اقتصادياً مهماً يربط الوسط بالشمال.",
])
def test_an_artery_described_has_no_status(text):
    assert statuses(text) == ["unknown"]


def test_a_road_that_became_the_main_artery_is_in_use():
    assert statuses("وبات الطريق الواصل بين اعزاز ومارع الشريان الرئيسي لقوافل الإغاثة.") == ["open"]


# ---- watched by snipers is under fire, not closed; skirmishes are fighting

@pytest.mark.parametrize("text, status", [
    ("وأصبح طريق دوما – حرستا مرصوداً بنيران القناصة منذ أيام.", "contested"),
    ("واندلعت مناوشات بين عناصر الفصائل على طريق اعزاز – عفرين صباح اليوم.", "contested"),
    ("ولا تزال المناوشات مستمرة على الطريق الرابط بين مخمور والكوير.", "contested"),
    ("وتجددت الصدامات المسلحة على طريق عرسال – اللبوة بعد منتصف الليل.", "contested"),
])
def test_sniper_watch_and_skirmishes_contest_a_road(text, status):
    assert statuses(text) == [status]
