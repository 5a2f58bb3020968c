#!/usr/bin/env python3
"""Consistency check for the accord gazetteers (standard library only).

Usage: python3 check_gazetteers.py [DIR]   (DIR defaults to this file's folder)
Exits non-zero when an error is found; prints warnings and row counts.
"""
import csv
import os
import re
import sys
import unicodedata

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

HEADERS = {
    "agencies.csv": ["id", "name", "acronym", "aliases", "country", "kind", "parent", "history", "source"],
    "agreements.csv": ["id", "name", "acronym", "aliases", "kind", "parties", "signed", "ended", "source"],
    "countries.csv": ["iso3", "name", "aliases", "demonyms", "source"],
    "working_groups.csv": ["id", "name", "aliases", "agreement_id", "pillar", "source"],
    "subdivisions.csv": ["code", "name", "aliases", "country", "source"],
}
AGENCY_KINDS = {"law_enforcement", "border", "intelligence", "military", "ministry", "legislature",
                "executive_office", "think_tank", "business_association", "company",
                "international_organization", "other"}
AGREEMENT_KINDS = {"treaty", "agreement", "declaration", "partnership", "initiative", "plan",
                   "program", "policy_statement", "other"}
PILLARS = {"", "prosperity", "security"}
EDTF = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def norm(s):
    """Same normalisation as the evaluation: case-fold, strip diacritics and punctuation, drop a leading 'the'."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = "".join(c for c in s if not unicodedata.category(c).startswith(("P", "S")))
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


def split(cell):
    return cell.split("|") if cell else []


def load(fname):
    path = os.path.join(DIR, fname)
    with open(path, encoding="utf-8", newline="") as fh:
        raw = fh.read()
    if raw.startswith("\ufeff"):
        err(f"{fname}: has a BOM")
    rows = list(csv.reader(raw.splitlines(keepends=True)))
    if rows[0] != HEADERS[fname]:
        err(f"{fname}: header {rows[0]} != {HEADERS[fname]}")
    out = []
    for n, r in enumerate(rows[1:], start=2):
        if len(r) != len(HEADERS[fname]):
            err(f"{fname}:{n}: {len(r)} cells")
            continue
        for h, c in zip(HEADERS[fname], r):
            if c != c.strip():
                err(f"{fname}:{n}: leading/trailing space in {h}")
            if h in ("aliases", "demonyms", "parties", "history") and c and any(p != p.strip() or not p for p in c.split("|")):
                err(f"{fname}:{n}: empty or padded value in {h}")
        d = dict(zip(HEADERS[fname], r))
        d["_line"] = n
        if not d["source"]:
            err(f"{fname}:{n}: empty source")
        out.append(d)
    return out


def unique_ids(fname, rows, key="id"):
    seen = set()
    for r in rows:
        if key == "id" and not ID.match(r[key]):
            err(f"{fname}:{r['_line']}: id {r[key]!r} is not a lowercase ASCII slug")
        if r[key] in seen:
            err(f"{fname}:{r['_line']}: duplicate {key} {r[key]}")
        seen.add(r[key])
    return seen


def surface_forms(r, cols):
    forms = []
    for c in cols:
        forms += [r[c]] if c in ("name", "acronym") else split(r[c])
    return [f for f in forms if f]


def alias_checks(fname, rows, cols, alias_cols):
    # 1. an alias must not occur (case-insensitively) in two rows
    owner = {}
    for r in rows:
        for c in alias_cols:
            for a in split(r[c]):
                k = a.casefold()
                if k in owner and owner[k] != r[ID_COL[fname]]:
                    err(f"{fname}: alias {a!r} in both {owner[k]} and {r[ID_COL[fname]]}")
                owner.setdefault(k, r[ID_COL[fname]])
    # 2. stricter: no normalised surface form (name, acronym, aliases) shared by two rows
    owner = {}
    for r in rows:
        for f in surface_forms(r, cols):
            k = norm(f)
            if k in owner and owner[k] != r[ID_COL[fname]]:
                (warnings if fname == "countries.csv" else errors).append(
                    f"{fname}: form {f!r} (normalised {k!r}) in both {owner[k]} and {r[ID_COL[fname]]}")
            owner.setdefault(k, r[ID_COL[fname]])
    return owner


ID_COL = {"agencies.csv": "id", "agreements.csv": "id", "working_groups.csv": "id", "countries.csv": "iso3",
          "subdivisions.csv": "code"}

countries = load("countries.csv")
agencies = load("agencies.csv")
agreements = load("agreements.csv")
wgs = load("working_groups.csv")

iso3 = unique_ids("countries.csv", countries, "iso3")
for r in countries:
    if not re.fullmatch(r"[A-Z]{3}", r["iso3"]):
        err(f"countries.csv:{r['_line']}: bad iso3 {r['iso3']}")
    # EUU (the European Union, ISO 3166-1's exceptionally reserved code) is a party, and
    # "European" is no adjective of it.
    if not r["demonyms"] and r["iso3"] != "EUU":
        err(f"countries.csv:{r['_line']}: no demonym")
if len(countries) != 250:
    err(f"countries.csv: {len(countries)} rows, expected 250 (249 ISO 3166-1 entries and EUU)")

ag_ids = unique_ids("agencies.csv", agencies)
for r in agencies:
    if r["kind"] not in AGENCY_KINDS:
        err(f"agencies.csv:{r['_line']}: kind {r['kind']!r}")
    if r["country"] not in iso3 | {"BINATIONAL", "INTERNATIONAL"}:
        err(f"agencies.csv:{r['_line']}: country {r['country']!r}")
    if r["parent"] and r["parent"] not in ag_ids:
        err(f"agencies.csv:{r['_line']}: parent {r['parent']!r} not an id")
    if r["parent"] == r["id"]:
        err(f"agencies.csv:{r['_line']}: is its own parent")
# parent chains must not loop
parent = {r["id"]: r["parent"] for r in agencies}
for start in parent:
    seen, cur = set(), start
    while cur:
        if cur in seen:
            err(f"agencies.csv: parent loop through {start}")
            break
        seen.add(cur)
        cur = parent.get(cur, "")

agr_ids = unique_ids("agreements.csv", agreements)
for r in agreements:
    if r["kind"] not in AGREEMENT_KINDS:
        err(f"agreements.csv:{r['_line']}: kind {r['kind']!r}")
    parties = split(r["parties"])
    if not parties:
        # allowed for multilateral conventions open to all states; listed so a forgotten cell shows
        warnings.append(f"agreements.csv:{r['_line']}: {r['id']} has no parties (multilateral)")
    for p in parties:
        if p not in iso3:
            err(f"agreements.csv:{r['_line']}: party {p!r} not in countries.csv")
    if parties != sorted(parties) or len(set(parties)) != len(parties):
        err(f"agreements.csv:{r['_line']}: parties not sorted/unique")
    for c in ("signed", "ended"):
        if r[c] and not EDTF.match(r[c]):
            err(f"agreements.csv:{r['_line']}: {c} {r[c]!r} is not an EDTF date")
    if r["signed"] and r["ended"] and r["ended"] < r["signed"][: len(r["ended"])]:
        err(f"agreements.csv:{r['_line']}: ended before signed")

wg_ids = unique_ids("working_groups.csv", wgs)
for r in wgs:
    if r["agreement_id"] and r["agreement_id"] not in agr_ids:
        err(f"working_groups.csv:{r['_line']}: agreement_id {r['agreement_id']!r} not an id")
    if r["pillar"] not in PILLARS:
        err(f"working_groups.csv:{r['_line']}: pillar {r['pillar']!r}")

forms = {
    "agencies.csv": alias_checks("agencies.csv", agencies, ["name", "acronym", "aliases"], ["aliases"]),
    "agreements.csv": alias_checks("agreements.csv", agreements, ["name", "acronym", "aliases"], ["aliases"]),
    "working_groups.csv": alias_checks("working_groups.csv", wgs, ["name", "aliases"], ["aliases"]),
    "countries.csv": alias_checks("countries.csv", countries, ["name", "aliases"], ["aliases"]),
}
# demonyms shared by two countries are legitimate but ambiguous: report them
dem = {}
for r in countries:
    for d in split(r["demonyms"]):
        dem.setdefault(norm(d), []).append(r["iso3"])
for d, codes in sorted(dem.items()):
    if len(codes) > 1:
        warnings.append(f"countries.csv: demonym {d!r} shared by {'/'.join(codes)}")
# the same surface form in two entity files (agency vs agreement vs working group)
names = ["agencies.csv", "agreements.csv", "working_groups.csv"]
for i, a in enumerate(names):
    for b in names[i + 1:]:
        for k in sorted(set(forms[a]) & set(forms[b])):
            warnings.append(f"cross-file: {k!r} is {a}:{forms[a][k]} and {b}:{forms[b][k]}")

# subdivisions: ISO 3166-2 codes whose prefix is their country's, and no name that is a
# country's (a country keeps its own name)
subdivisions = load("subdivisions.csv")
unique_ids("subdivisions.csv", subdivisions, "code")
alpha2 = {"CAN": "CA", "MEX": "MX", "USA": "US"}
country_forms = {f.lower() for r in countries for f in [r["name"], *split(r["aliases"])]}
for r in subdivisions:
    if r["country"] not in iso3:
        err(f"subdivisions.csv:{r['_line']}: unknown country {r['country']}")
    prefix = alpha2.get(r["country"])
    if not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", r["code"]) or (prefix and not r["code"].startswith(prefix + "-")):
        err(f"subdivisions.csv:{r['_line']}: bad ISO 3166-2 code {r['code']}")
    for f in [r["name"], *split(r["aliases"])]:
        if f.lower() in country_forms:
            err(f"subdivisions.csv:{r['_line']}: {f!r} is a country's name")

for w in warnings:
    print("WARNING", w)
for e in errors:
    print("ERROR", e)
print(f"agencies.csv: {len(agencies)} rows")
print(f"agreements.csv: {len(agreements)} rows")
print(f"working_groups.csv: {len(wgs)} rows")
print(f"countries.csv: {len(countries)} rows")
print(f"subdivisions.csv: {len(subdivisions)} rows")
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
