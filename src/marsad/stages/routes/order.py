"""The last step of reading a route's places: its waypoints put in travel order (origins,
the named or between ends with what it passes between them, then destinations), and
whether the text gives a direction of travel.
"""
from __future__ import annotations

from marsad.stages.routes.waypoints import Item


NEAR_GAP = 2   # tokens from a destination to the قرب that locates it


def ordered(items: list[Item]) -> tuple[list[str], bool]:
    """Place ids in travel order, and whether the text gives a direction: origins, then
    the named or between ends (a through place goes between the two ends), then the
    destinations in the order told. A road named by its two ends (طريق تدمر – السخنة)
    takes no other destination: "وقطعوا إمدادات الجيش المتجهة إلى دير الزور" is where the
    supplies go. A place it passes near (قرب الشيخ مسكين) is where on the road, not a
    waypoint, once two ends are known or the route is named by a place (معبر X قرب مدينة
    الباب); "الممرات … التي اتخذها المقاتلون للهرب إلى سوريا، تلك القريبة من الحضر" has
    only its near place to be drawn by."""
    way = [i for i in items if i.role not in ("area", "across")]
    # a named road between two places lies between them: طريق الكاستيلو بين X و Y
    named_mid = any(i.role == "between" for i in way)
    pair = [i for i in way if i.role == "between" or (i.role == "name" and not named_mid)]
    middle = [i for i in way if i.role == "through" or (i.role == "name" and named_mid)]
    starts = [i for i in way if i.role == "from"] if len(pair) < 2 else []
    ends = [i for i in way if i.role == "to"] if len(pair) < 2 else []
    if len(pair) >= 2:
        # طريق البصرة – الناصرية، ومن ثم إلى السماوة … وصولاً إلى بغداد: the next stops go on
        chain = next((n for n, i in enumerate(way) if i.role == "to" and i.join == "then"), None)
        if chain is not None:
            ends = [i for i in way[chain:] if i.role == "to"]
    if len(pair) + len(starts) + len(ends) + len(middle) < 2 and not any(i.role == "name" for i in way):
        # (not a place near the destination, right after it: الطرق المؤدية إلى مخيم X قرب Y)
        middle += [i for i in way if i.role == "near"
                   and not any(e.last < i.first <= e.last + NEAR_GAP for e in ends)]
    if ends and not starts and not pair:
        # "المنافذ … في تلعفر … باتجاه البعاج": the routes of a place lead out of it
        starts = [i for i in items if i.role == "area"][:1]
    if pair and not starts and not ends:
        seq = pair[:1] + middle + pair[1:]
    else:
        seq = starts + pair + middle + ends
    out: list[str] = []
    for i in seq:
        if i.ref not in out:
            out.append(i.ref)
    return out, bool(starts or ends)
