"""Articles written for the merge and export tests: one coalition air strike on Al-Qaim told
by four outlets (one story also run by a fifth) in their own words and with their own
sources, a day apart; a strike on Ramadi the same day; a strike on Al-Qaim a week later; a
denial; a protest in Al-Qaim; a road closure (a route added by a wrapper pipeline, as the
routes stage does not exist yet)."""
from __future__ import annotations

from marsad.ingest.items import Item, make_meta, sha1

QAIM_LOCAL = ("قصف طيران التحالف يستهدف القائم",
              "قالت مصادر محلية إن طيران التحالف الدولي قصف بلدة القائم غربي الأنبار يوم الثلاثاء، ما أدى إلى "
              "مقتل خمسة مدنيين. وأضافت المصادر أن فرق الدفاع المدني ما زالت "
              "تبحث عن مفقودين تحت الأنقاض قرب السوق الرئيسي للبلدة.")
QAIM_LOCAL_2 = ("سبعة قتلى بغارة على القائم",
                "أفادت مصادر محلية بأن غارة جوية للتحالف الدولي استهدفت مدينة القائم أمس الثلاثاء وأسفرت عن "
                "مقتل سبعة مدنيين بينهم أطفال. ويعيش سكان البلدة أوضاعا إنسانية صعبة مع "
                "شح المياه والكهرباء منذ أشهر.")
QAIM_ARMY = ("الجيش: غارات للتحالف على مواقع داعش في القائم",
             "قال الجيش العراقي في بيان إن طائرات التحالف الدولي قصفت مواقع لتنظيم داعش في بلدة القائم غربي "
             "الأنبار يوم الثلاثاء، وقتلت عشرة من عناصر التنظيم. وأوضح البيان أن الضربات دمرت مخزنا للأسلحة "
             "ومقرا لقيادة التنظيم قرب الحدود مع سوريا.")
QAIM_MEDICAL = ("مصدر طبي: ستة قتلى في القائم",
                "قال مصدر طبي إن غارة لطيران التحالف الدولي على بلدة القائم أمس أسفرت عن مقتل ستة أشخاص ونقلت "
                "جثثهم إلى المستشفى. ويعاني المستشفى الوحيد في البلدة من نقص في "
                "الأدوية والكوادر الطبية.")
QAIM_DENIED = ("التحالف ينفي قصف القائم",
               "نفى التحالف الدولي أن تكون طائراته قد قصفت بلدة القائم يوم الثلاثاء. وقال متحدث باسم التحالف "
               "إن عملياته الجوية في غرب العراق تخضع لمراجعة دقيقة لتجنب إيقاع إصابات بين المدنيين.")
RAMADI = ("قتيلان بقصف على الرمادي",
          "قالت مصادر محلية إن طيران التحالف الدولي قصف مدينة الرمادي يوم الثلاثاء، ما أدى إلى مقتل مدنيين "
          "اثنين. وتعد الرمادي مركز محافظة الأنبار وكبرى مدنها.")
QAIM_LATER = ("قصف جديد على القائم",
              "قالت مصادر محلية إن طيران التحالف الدولي قصف بلدة القائم يوم الثلاثاء، ما أدى إلى مقتل أربعة "
              "مدنيين. ويسكن البلدة الواقعة على نهر الفرات عشرات الآلاف من المدنيين.")
PROTEST = ("تظاهرة في القائم",
           "تظاهر مئات من أهالي بلدة القائم يوم الثلاثاء احتجاجا على انقطاع الكهرباء، بحسب مصادر محلية. "
           "ورفع المتظاهرون لافتات تطالب الحكومة بإعادة الخدمات إلى البلدة.")
ROAD = ("إغلاق طريق القائم",
        "قال مسؤول محلي إن الطريق الرابط بين بلدة القائم وبلدة الرطبة مغلق أمام المدنيين منذ يومين بسبب المعارك. "
        "وأضاف أن مئات العائلات عالقة على جانبي الطريق.")

# (origin, story, outlet, url, published)
ARTICLES = [
    ("shafaq/1", QAIM_LOCAL, "Shafaq News", "https://shafaq.example/1", "2017-03-07"),
    ("sumaria/9", QAIM_LOCAL, "Alsumaria", "https://alsumaria.example/9", "2017-03-07"),   # a copy
    ("rudaw/2", QAIM_LOCAL_2, "Rudaw", "https://rudaw.example/2", "2017-03-08"),
    ("mada/3", QAIM_ARMY, "Al-Mada", "https://almada.example/3", "2017-03-07"),
    ("btoday/4", QAIM_MEDICAL, "Baghdad Today", "https://baghdadtoday.example/4", "2017-03-08"),
    ("hurra/5", QAIM_DENIED, "Alhurra", "https://alhurra.example/5", "2017-03-07"),
    ("shafaq/6", RAMADI, "Shafaq News", "https://shafaq.example/6", "2017-03-07"),
    ("rudaw/7", QAIM_LATER, "Rudaw", "https://rudaw.example/7", "2017-03-14"),
    ("mada/8", PROTEST, "Al-Mada", "https://almada.example/8", "2017-03-07"),
    ("mada/10", ROAD, "Al-Mada", "https://almada.example/10", "2017-03-08"),
]


def items() -> list[Item]:
    out = []
    for origin, (title, text), outlet, url, published in ARTICLES:
        out.append(Item(text=text, meta=make_meta(url=url, outlet=outlet, title=title, published=published),
                        origin=origin, format="text", raw_hash=sha1((origin + text).encode())))
    return out


class WithRoutes:
    """The default pipeline, plus a closed route through the places a road story names."""

    def __init__(self):
        from marsad.api import default_pipeline
        self.inner = default_pipeline()

    def run_text(self, text, meta=None):
        doc = self.inner.run_text(text, meta)
        if "الطريق الرابط" in text:
            start = text.index("الطريق")
            doc.routes = [{"id": "route:1", "waypoints": [p.id for p in doc.places if p.kind == "town"],
                           "via": [], "length_km": None, "status": "closed", "users": [], "source": "source:1",
                           "evidence": {"start": start, "end": text.index(".", start) + 1}, "confidence": 0.6,
                           "date": {"value": "2017-03-08", "precision": "day"}}]
        return doc


def build(path):
    """A store at ``path`` holding every article above (one of them twice, as a copy)."""
    from marsad.store import Store
    from marsad.store.run import ingest_items

    store = Store(path)
    ingest_items(items(), store, pipeline=WithRoutes())
    return store
