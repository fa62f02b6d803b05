"""Great-circle distance: the one haversine every part of marsad measures with."""
from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

EARTH_DIAMETER_KM = 12742.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km between two points given in degrees."""
    # math's functions bound by name and no min(): the resolver calls this tens of
    # thousands of times a batch; the arithmetic is unchanged, so are the results
    p1, p2 = radians(lat1), radians(lat2)
    h = (sin((p2 - p1) / 2) ** 2
         + cos(p1) * cos(p2) * sin(radians(lon2 - lon1) / 2) ** 2)
    root = sqrt(h)
    return EARTH_DIAMETER_KM * asin(root if root < 1.0 else 1.0)
