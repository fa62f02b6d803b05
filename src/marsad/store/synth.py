"""Synthetic Arabic news articles for the store's tests and ingest benchmark.

Sentences are templates written for marsad, with choice points ``[a|b|c]`` and slots
({place}, {actor}, {n}…), so generated articles about the same towns still differ in
most word 5-shingles. ``corpus`` adds exact copies (other outlets, same text) and near
copies (one sentence changed, another headline, an outlet footer) at given rates.
"""
from __future__ import annotations

import hashlib
import random
import re

PLACES = ("الموصل", "الرقة", "حلب", "دير الزور", "تلعفر", "الفلوجة", "الرمادي", "تكريت", "كركوك", "سنجار",
          "البوكمال", "الميادين", "منبج", "الباب", "إدلب", "حماة", "حمص", "درعا", "القامشلي", "الحسكة",
          "بيجي", "سامراء", "هيت", "عانة", "القائم", "راوة", "الشرقاط", "الحويجة", "جرابلس", "تدمر",
          "السخنة", "الطبقة", "عين العرب", "تل أبيض", "معرة النعمان", "سراقب", "خان شيخون", "اللاذقية",
          "بعقوبة", "الخالدية")
ACTORS = ("القوات العراقية", "الحشد الشعبي", "قوات سوريا الديمقراطية", "الجيش السوري", "تنظيم داعش",
          "طيران التحالف الدولي", "فصائل المعارضة", "هيئة تحرير الشام", "قوات البيشمركة", "الجيش التركي",
          "الشرطة الاتحادية", "جهاز مكافحة الإرهاب", "الطيران الروسي", "وحدات حماية الشعب")
OUTLETS = ("وكالة الفرات", "شبكة الرصد", "صحيفة النهرين", "موقع البادية", "إذاعة الشمال", "قناة الجزيرة الخضراء",
           "وكالة أنباء الشرق", "مرصد الوادي")
DIRS = ("شمال", "جنوب", "شرق", "غرب", "شمال شرقي", "جنوب غربي", "شمال غربي", "جنوب شرقي")
DAYS = ("السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة")
NAMES = ("أبو محمد الحلبي", "سعد الجبوري", "خالد العبيدي", "مازن الشمري", "عمر الدليمي", "فراس الحمداني",
         "ياسر النعيمي", "حسن الكبيسي", "رامي العلي", "ماهر الزوبعي")

TEMPLATES = (
    "[قصف|استهدف|ضرب] {actor} [مواقع|مقرات|تجمعات] {actor2} في [مدينة|بلدة|محيط] {place} [يوم|صباح|مساء] {day} [الماضي|الفائت].",
    "[وقالت|وأفادت|وذكرت] مصادر [محلية|ميدانية|أمنية] إن {n} [عنصرا|مسلحا|مقاتلا] [قتلوا|لقوا حتفهم|سقطوا] في [الاشتباكات|المعارك|المواجهات] {dir} {place}.",
    "[وأعلن|وأكد|وصرح] {person} [قائد|المتحدث باسم|مسؤول في] {actor} أن [قواته|القوات|الوحدات] [تقدمت|سيطرت|توغلت] نحو {place2}.",
    "[ونزحت|وفرت|وغادرت] نحو {n} عائلة من [قرى|أحياء|ريف] {place} [هربا من|بسبب|خوفا من] [القصف|المعارك|الغارات] [المتواصل|العنيف|المستمر].",
    "[وأغلقت|وقطعت|وسيطرت] {actor} [الطريق|الطريق الدولي|الطريق الرئيسي] [الواصل|الرابط|الممتد] بين {place} و{place2} [لساعات|ليومين|منذ أسبوع].",
    "[وأشار|ولفت|ونوه] [شهود عيان|ناشطون|سكان محليون] إلى [سماع|دوي|أصوات] [انفجارات|قذائف|إطلاق نار كثيف] في [الأحياء|الأطراف|المناطق] {dir}ية من {place}.",
    "[وتأتي|وجاءت|وتجيء] هذه [التطورات|الأحداث|المواجهات] بعد {n} [أيام|أسابيع|ساعات] من [هجوم|تقدم|انسحاب] {actor2} [قرب|عند|في محيط] {place2}.",
    "[ونفى|وأنكر|ورفض] {actor2} [في بيان|عبر موقعه|في تصريح] [صحة|دقة] [الأنباء|التقارير|الروايات] عن [خسائره|سقوط مواقعه|انسحابه] في {place}.",
    "[وتعرضت|واستهدفت|وطالت] [الغارات|القذائف|الصواريخ] [مستشفى|مدرسة|سوقا شعبية|محطة مياه] في {place} [مما أدى إلى|ما تسبب في|وأسفرت عن] [أضرار كبيرة|سقوط ضحايا|توقف الخدمات].",
    "[ويبعد|ويقع] [المعبر|الجسر|السد|المطار] [نحو|قرابة|حوالي] {n} كيلومترا {dir} {place} [على|قرب|بمحاذاة] [نهر الفرات|نهر دجلة|الحدود].",
    "[وأوضح|وبين|وشرح] {person} [لمراسلنا|للصحفيين|في اتصال هاتفي] أن [الوضع|الأوضاع|الحال] في {place} [لا يزال متوترا|يزداد سوءا|يشهد هدوءا حذرا].",
    "[وطالبت|ودعت|وناشدت] [منظمات إنسانية|الأمم المتحدة|جمعيات الإغاثة] [بفتح|بتأمين|بضمان] [ممرات آمنة|طريق آمن|معابر] [للمدنيين|للعائلات|للجرحى] [المحاصرين|العالقين] في {place}.",
    "[وكانت|وقد كانت] {actor} [قد أعلنت|أعلنت في وقت سابق|قد كشفت] عن [خطة|عملية|حملة] [لاستعادة|لتحرير|لتأمين] {place2} [قبل|خلال] {n} [أشهر|أسابيع].",
    "[وأسفر|وأدى|ونتج عن] [انفجار|تفجير] [سيارة مفخخة|عبوة ناسفة|حزام ناسف] في [سوق|حي|مدخل] {place} عن [مقتل|إصابة] {n} [مدنيين|أشخاص|من السكان].",
    "[وسيرت|وأرسلت|ونشرت] {actor} [دوريات|تعزيزات|أرتالا عسكرية] [إلى|نحو|باتجاه] {place} [لتعزيز|لتثبيت|لحماية] [خطوط التماس|مواقعها|النقاط المتقدمة].",
    "[واتهم|وحمل|واتهمت مصادر في] {actor} [الطرف الآخر|{actor2}] [بخرق|بانتهاك] [الهدنة|وقف إطلاق النار|الاتفاق] [المعلن|الساري|الموقع] في {place} منذ {n} [يوما|أسابيع].",
    "[وتشهد|وتعيش|وتعاني] {place} [منذ|خلال] [أشهر|أسابيع|فترة طويلة] [نقصا حادا في|شحا في|انقطاعا في] [المياه|الكهرباء|الوقود|الأدوية] [بسبب|جراء|نتيجة] [الحصار|المعارك|تدمير البنى التحتية].",
    "[وتمكنت|ونجحت|واستطاعت] {actor} [من أسر|من اعتقال|من إلقاء القبض على] {n} [من عناصر|مقاتلين من|مسلحين ينتمون إلى] {actor2} [خلال|أثناء|في أثناء] [عملية|مداهمة|كمين] {dir} {place2}.",
    "[وذكر|وأورد|ونقل] [تقرير|بيان|مصدر] [لمنظمة حقوقية|لمرصد محلي|للأمم المتحدة] أن [حصيلة|عدد] [الضحايا|القتلى المدنيين] في {place} [ارتفع إلى|بلغ|تجاوز] {n}.",
    "[ويخشى|ويتخوف|ويحذر] [مراقبون|محللون|خبراء عسكريون] من [أن تمتد|امتداد|انتقال] [المعارك|المواجهات] [إلى|نحو] {place2} [في الأيام المقبلة|قريبا|خلال الأسابيع القادمة].",
    "[وتسيطر|وتنتشر|وتتمركز] {actor} [على|في] [معظم|أغلب|نصف] [أحياء|قرى|مناطق] {place} [منذ|بعد] [معارك|اشتباكات|حملة] [استمرت|دامت] {n} [يوما|أسبوعا].",
    "[وفي سياق متصل|وفي تطور آخر|ومن جهة أخرى|وفي غضون ذلك] [وصل|دخل|عبر] [رتل|قافلة|موكب] [مساعدات|إغاثة|عسكري] [إلى|نحو] {place} [قادما من|عبر|من جهة] {place2}.",
    "[وأكد|وشدد|وأوضح] [محافظ|رئيس مجلس|قائمقام] {place} أن [الخدمات|الحياة|الأسواق] [بدأت تعود|عادت جزئيا|تستعيد نشاطها] [إلى|في] [الأحياء المحررة|المدينة|مركز القضاء].",
    "[وقتل|ولقي|وسقط] {n} [جنود|عناصر|أفراد] من {actor} [بهجوم|بكمين|بقصف] [شنه|نفذه] {actor2} [على|ضد] [نقطة|حاجز|موقع] [عسكري|أمني] [قرب|في محيط|بمحاذاة] {place}.",
)
HEADLINES = (
    "{actor} [تتقدم|تتوغل|تسيطر] [نحو|في|على] {place}",
    "[معارك|اشتباكات|مواجهات] [عنيفة|دامية] [في|قرب|بمحيط] {place}",
    "[نزوح|فرار] [مئات|آلاف] العائلات من {place}",
    "[قصف|غارات] [على|تستهدف] {place} [وسقوط|ومقتل] {n} [مدنيين|أشخاص]",
)
FOOTERS = ("[جميع الحقوق محفوظة|حقوق النشر محفوظة] ل{outlet} [وتابعونا على|ويمكنكم متابعتنا عبر] [موقعنا|صفحاتنا] [للمزيد من الأخبار|لآخر المستجدات].",
           "[اقرأ أيضا|شاهد أيضا|المزيد] [على|في] {outlet}: [تغطية خاصة|ملف خاص|متابعة مستمرة] [لأحداث|لتطورات|لمعارك] {place}.")

_CHOICE = re.compile(r"\[([^\[\]]*)\]")


def fill(template: str, rng: random.Random, **slots) -> str:
    text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    values = {"place": rng.choice(PLACES), "place2": rng.choice(PLACES), "actor": rng.choice(ACTORS),
              "actor2": rng.choice(ACTORS), "n": str(rng.randint(2, 950)), "dir": rng.choice(DIRS),
              "day": rng.choice(DAYS), "person": rng.choice(NAMES), "outlet": rng.choice(OUTLETS), **slots}
    return text.format(**values)


def article(rng: random.Random, size: int = 3000) -> dict:
    """One article of about ``size`` characters: headline, text (paragraphs), outlet, date."""
    place, actor = rng.choice(PLACES), rng.choice(ACTORS)
    sentences: list[str] = []
    while sum(len(s) + 1 for s in sentences) < size:
        sentences.append(fill(rng.choice(TEMPLATES), rng, place=place if rng.random() < 0.5 else rng.choice(PLACES),
                              actor=actor if rng.random() < 0.5 else rng.choice(ACTORS)))
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    return {"title": fill(rng.choice(HEADLINES), rng, place=place, actor=actor), "text": "\n\n".join(paragraphs),
            "outlet": rng.choice(OUTLETS), "published": f"2017-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}


def near_copy(rng: random.Random, art: dict) -> dict:
    """The same story as another outlet runs it: one sentence rewritten, another headline, a footer."""
    paragraphs = art["text"].split("\n\n")
    k = rng.randrange(len(paragraphs))
    sentences = re.split(r"(?<=\.) ", paragraphs[k])
    sentences[rng.randrange(len(sentences))] = fill(rng.choice(TEMPLATES), rng)
    paragraphs[k] = " ".join(sentences)
    outlet = rng.choice([o for o in OUTLETS if o != art["outlet"]])
    paragraphs.append(fill(rng.choice(FOOTERS), rng, outlet=outlet))
    return {**art, "title": fill(rng.choice(HEADLINES), rng), "text": "\n\n".join(paragraphs), "outlet": outlet}


def corpus(n: int, seed: int = 7, exact: float = 0.05, near: float = 0.05, size: int = 3000,
           kinds: list[str] | None = None) -> list[dict]:
    """``n`` JSONL-ready records (text, title, url, outlet, published); about ``exact`` of them
    repeat an earlier record's text (another outlet and url), ``near`` are near copies.
    ``kinds``, if given, receives "original", "exact" or "near" per record."""
    rng = random.Random(seed)
    out: list[dict] = []
    for i in range(n):
        r = rng.random()
        if out and r < exact:
            rec, kind = {**rng.choice(out), "outlet": rng.choice(OUTLETS)}, "exact"
        elif out and r < exact + near:
            rec, kind = near_copy(rng, rng.choice(out)), "near"
        else:
            rec, kind = article(rng, size), "original"
        if kinds is not None:
            kinds.append(kind)
        digest = hashlib.sha1(f"{seed}:{i}".encode()).hexdigest()[:10]
        out.append({**rec, "url": f"https://news.example/{i:05d}-{digest}"})
    return out
