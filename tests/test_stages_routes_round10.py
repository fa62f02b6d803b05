"""Tests for the routes stage's status rules added after the eighth blind set's error
categories (a state before told after a span of time, a reopening told across a time
phrase, a denial far before the closure it denies, a demand to hurry an opening, a
security checkpoint on a road), on sentences written for these tests."""
from __future__ import annotations

import pytest

from routes_helpers import run


def statuses(text: str) -> list[str]:
    return [r["status"] for r in run(text).routes]


@pytest.mark.parametrize("text, status", [
    # the opening was days before the closure reported
    ("قررت السلطات إغلاق معبر رفح في الاتجاهين بعد أيام من فتحه أمام المسافرين.", "closed"),
    # the closure was before; the reopening, told across a time phrase, is now
    ("أُعيد قرابة الساعة التاسعة من صباح اليوم فتح طريق الموصل – دهوك بعد إغلاقه ليلاً.", "open"),
    # a denial far before the closure it denies
    ("نفى مصدر أمني رفيع المستوى ما تردد عن إغلاق معبر نصيب الحدودي.", "open"),
    # hurrying an opening is asked for, not done
    ("طالب التجار الحكومة بالإسراع في إعادة فتح معبر القائم الحدودي.", "unknown"),
    ("دعت البعثة الأممية الطرفين إلى الإسراع في فتح الطريق بين سرت ومصراتة.", "unknown"),
    # a security checkpoint on the road is no closure
    ("اعتقلت قوة أمنية مطلوباً في سيطرة أمنية على الطريق بين بغداد والحلة.", "unknown"),
])
def test_status_round10(text, status):
    assert statuses(text) == [status]


def test_a_closure_told_directly_still_closes():
    assert statuses("أغلقت القوات الأمنية الطريق بين بغداد والحلة صباح اليوم.") == ["closed"]
