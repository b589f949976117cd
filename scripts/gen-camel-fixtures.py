"""Generates the expected outputs of the CAMeL Tools differential test (tests/normalize_camel.rs).

CAMeL Tools (MIT, https://github.com/CAMeL-Lab/camel_tools) is the reference for Arabic orthographic normalization.
Its pure-code utilities need no data download:
    python3 -m venv venv && venv/bin/pip install --no-deps camel-tools six emoji
    venv/bin/python scripts/gen-camel-fixtures.py
For each Arabic fixture it writes tests/fixtures/camel/<fixture>.<rule>.txt, one file per rule and one with all of
them applied in order (dediac, alef, alef maqsura, teh marbuta). Generated once; rerun after adding a fixture.
"""
import pathlib

import camel_tools
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ["000_4a5a4cae09b4e272.txt", "004_8936998626512ca3.txt", "arabic_vocalized.txt"]
RULES = {
    "dediac": dediac_ar,
    "alef": normalize_alef_ar,
    "alef_maksura": normalize_alef_maksura_ar,
    "teh_marbuta": normalize_teh_marbuta_ar,
    "all": lambda s: normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(s)))),
}

out = ROOT / "tests" / "fixtures" / "camel"
out.mkdir(exist_ok=True)
for name in FIXTURES:
    text = (ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8")
    stem = name.rsplit(".", 1)[0]
    for rule, fn in RULES.items():
        (out / f"{stem}.{rule}.txt").write_text(fn(text), encoding="utf-8")
print(f"camel_tools {camel_tools.__version__}: wrote {len(FIXTURES) * len(RULES)} files to {out}")
