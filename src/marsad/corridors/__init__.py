"""Corridors across documents: the stored route reports of many articles merged into
corridors, each with its status timeline, and a graph of the passable ones as of a date.

  build.py     – route reports from the store, waypoints snapped to canonical places,
                 reports merged into corridors (deterministic ids);
  timeline.py  – a corridor's status as of a date, since when, and contradicting reports;
  graph.py     – the networkx graph of passable corridors as of a date, and open paths.

Read-only: nothing is written to the store; the same database gives the same answer.
"""
from marsad.corridors.build import Corridor, RouteReport, build_corridors, load_route_reports
from marsad.corridors.graph import PathAnswer, corridor_graph, find_path
from marsad.corridors.timeline import Status, status_as_of

__all__ = ["Corridor", "RouteReport", "build_corridors", "load_route_reports", "Status", "status_as_of",
           "PathAnswer", "corridor_graph", "find_path"]
