"""Every user-facing error, with a code, in one catalogue (grep for the code).

Raise ``MarsadError(E.xxx, key=value…)``; the CLI prints ``[E###] message`` and exits 2.
Messages say what went wrong, with which input, and what to do next.
"""
from __future__ import annotations


class E:
    FILE_NOT_FOUND = ("E001", "Input {path} does not exist. Check the path, or pass - to read standard input.")
    EMPTY_INPUT = ("E002", "Input {path} is empty (no text after removing whitespace). Give a file with article text.")
    BINARY_INPUT = ("E003", "Input {path} looks binary ({why}), not text. marsad reads plain-text articles; "
                            "save the article's text as a .txt file (UTF-8, UTF-16 or Windows-1256) and pass that.")
    UNDECODABLE = ("E004", "Cannot decode {path}: {why}. Save it as UTF-8, or give an encoding with --encoding "
                           "(e.g. --encoding cp1256).")
    IS_DIRECTORY = ("E005", "Input {path} is a directory. Give the article files inside it, e.g. {path}/*.txt.")
    UNKNOWN_FORMAT = ("E006", "Unknown output format {fmt!r}. Use one of: {choices}.")
    BAD_PUBLISHED = ("E007", "Publication date {value!r} is not a date in the form YYYY-MM-DD "
                             "(e.g. --published 2017-01-05).")
    PIPELINE_MISSING = ("E010", "Pipeline stage {stage!r} requires {attr!r}, but no earlier stage assigns it. "
                                "Stages in order: {order}.")
    UNKNOWN_STAGE = ("E011", "Unknown pipeline stage {stage!r}. Known stages: {known}.")
    GAZ_FILE_FORMAT = ("E020", "{path} line {line}: {why}. Expected the GeoNames '{table}' table "
                               "({columns} tab-separated columns), as in the per-country dumps.")
    GAZ_GEOJSON = ("E021", "{path}: {why}. Expected a GeoJSON FeatureCollection of admin polygons with Arabic "
                           "names; set the property names with --name-ar/--name-en/--level if they differ.")
    GAZ_NO_INDEX = ("E022", "The gazetteer index at {path} is unreadable ({why}). Run `marsad gazetteer rebuild`.")
    UNKNOWN_PLACE = ("E023", "No place called {name!r} in the gazetteer. Check the spelling, try the Arabic or "
                             "English name, or look it up with `marsad gazetteer lookup NAME`.")
    CONLL_FORMAT = ("E030", "{path} line {line}: {why}. Expected CoNLL: one token per line (token first), "
                            "a blank line between sentences.")
    MODEL_MISSING = ("E031", "The tagger model {path} is missing. Run `marsad train ner` to build it.")
    KNOWLEDGE_FILE = ("E050", "Knowledge file {path} is invalid: {why}. Fix the entry (see the file's \"_doc\" notes).")
    STORE_FOREIGN = ("E070", "The database at {path} is not a marsad database (it has tables {tables} but no "
                              "'migrations' table). Give another path with --db, or move that file away.")
    STORE_NEWER = ("E071", "The database at {path} was written by a newer marsad (unknown migrations: {unknown}). "
                           "Upgrade marsad (pip install -U marsad), or give another path with --db.")
    STORE_OPEN = ("E072", "Cannot open the database at {path}: {why}. Check that the folder is writable and the "
                          "file is a SQLite database, or give another path with --db.")
    STORE_MISSING = ("E073", "No marsad database at {path}. Run `marsad ingest SOURCE... --db {path}` first, "
                             "or give the right path with --db.")
    STORE_WRITE = ("E074", "Could not store {origin} in {path}: {why}. Nothing of this article was written; "
                           "fix the cause (disk space, permissions) and run the same command again to resume.")
    BAD_QUERY = ("E075", "Search query {query!r} has no words to search for. Give one or more Arabic or Latin words.")
    INGEST_NOTHING = ("E076", "Nothing was read from {sources}: {why}. Give files, folders, feeds, WARC or JSONL "
                              "files with article text.")
    DATA_MISSING = ("E040", "Evaluation data not found at {path}. Pass --data pointing at the shared data folder "
                            "(the one holding anercorp/, wojood/, idrisi/).")
    HTML_NO_TEXT = ("E060", "No article text found in HTML page {path} ({why}). If it is an index or menu page, "
                            "leave it out; if the text is loaded by JavaScript, save the article's text as a .txt file.")
    BAD_JSON_LINE = ("E061", "{path} line {line} is not a JSON object ({why}). Fix or remove that line; "
                             "the other lines were read.")
    RECORD_NO_TEXT = ("E062", "{path} {where} has no text in field {field!r} (fields: {fields}). "
                              "Name the field that holds the article text with --text-field.")
    BAD_FEED = ("E063", "{path} is not a readable RSS/Atom feed ({why}). Check that it is the feed's XML as served, "
                        "not a web page about the feed.")
    FEED_ENTRY_NO_TEXT = ("E064", "Feed entry {link} in {path}: {why}. Save the page as an HTML file next to the "
                                  "feed (or in --pages-dir){fetch_hint}.")
    WARC_DAMAGED = ("E065", "{path} is damaged at byte offset {offset} ({why}); the records before it were read. "
                            "Re-download or re-create the archive to read the rest.")
    UNREADABLE = ("E066", "Cannot read {path} ({why}). Check that it exists and that you may read it.")
    NO_PAGES = ("E067", "{path} holds no HTML pages ({why}). Only 'response' records of web pages are read; "
                        "check that the archive was made by a web crawler.")
    BAD_CSV = ("E068", "{path} {where}: {why}. Save the sheet as CSV (UTF-8, comma-separated, one header row).")
    BAD_FILTER_DATE = ("E080", "{option} {value!r} is not a date in the form YYYY-MM-DD (e.g. {option} 2017-01-05).")
    BAD_FILTER_RANGE = ("E081", "--since {since} is after --until {until}; no event can match. Swap the two dates.")
    BAD_FILTER_COUNTRY = ("E082", "--country {value!r} is not a two-letter ISO country code. Give one such as IQ, SY "
                                  "or YE.")
    BAD_FILTER_ACTOR = ("E083", "--actor {value!r} is not an actor id. Give the id as marsad writes it (e.g. "
                                "actor:isis; see the 'actors' of `marsad extract FILE --format json`).")
    BAD_FILTER_TYPE = ("E084", "--type {value!r} is not an event type. Use one of: {known}.")
    BAD_WINDOW = ("E085", "--window-days {value} is not a number of days from 0 to 30. Give e.g. --window-days 1.")
    EXPORT_WRITE = ("E086", "Cannot write {path}: {why}. Check that the folder exists and is writable, or leave out "
                            "-o to write to standard output.")
    CORRIDOR_PLACE = ("E090", "{option} {name!r}: no such place in the gazetteer. Check the spelling, try the Arabic "
                              "or English name, or look it up with `marsad gazetteer lookup NAME`.")
    CORRIDOR_DATE = ("E091", "--as-of {value!r} is not a date in the form YYYY-MM-DD (e.g. --as-of 2017-01-20).")
    CORRIDOR_NO_DB = ("E092", "No marsad database at {path}: corridors are built from stored articles. Run "
                              "`marsad ingest SOURCE... --db {path}` first, or give the right path with --db.")
    CORRIDOR_PAIR = ("E093", "{given} was given without {missing}: an open-path question needs both "
                             "(e.g. --from الموصل --to سنجار).")
    CORRIDOR_KM = ("E094", "{option} {value} is not a distance in km above 0 and at most 1000. Give e.g. {option} 50.")
    CORRIDOR_WINDOW = ("E095", "--window {value} is not a number of days from 0 to 365. Give e.g. --window 7.")
    CORRIDOR_NEAR_PATH = ("E096", "--near cannot be combined with --from/--to: ask for the corridors near a place, "
                                  "or for a path between two places.")


class MarsadError(Exception):
    def __init__(self, entry: tuple[str, str], **fields):
        self.code, template = entry
        self.fields = fields
        super().__init__(f"[{self.code}] {template.format(**fields)}")
