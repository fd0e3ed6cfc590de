#!/usr/bin/env python3
"""Builds Tests/SluiceTextTests/Fixtures/split_cases.jsonl from the case sources beside this file.

    python3 Tests/SluiceTextTests/Fixtures/split/make_fixture.py

Sources: `legacy.jsonl` (the first hand-written table, one JSON case per line) and `*.txt`, where
each case is one line `LANG: sentence ‖ sentence ¶ sentence` — ` ‖ ` joins sentences with a space,
` ¶ ` with a line break, `∅` with nothing (CJK); `@rule NAME` names the rule of the cases below
it. Every case was written by hand for Sluice; none comes from another project's test suite.
Output lines: {"lang", "text", "sentences", "rule"}.
"""
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "split_cases.jsonl"
SEP = re.compile(r"( ‖ | ¶ |∅)")
JOIN = {" ‖ ": " ", " ¶ ": "\n", "∅": ""}


def dumps(c):
    # Readable UTF-8, but line separators escaped so every reader sees one case per line.
    s = json.dumps(c, ensure_ascii=False)
    for ch in "\u0085\u2028\u2029\u000b\u000c":
        s = s.replace(ch, "\\u%04x" % ord(ch))
    return s


def main():
    cases = []
    for line in (HERE / "legacy.jsonl").read_text(encoding="utf-8").split("\n"):
        if line.strip():
            c = json.loads(line)
            cases.append({"lang": c["lang"], "text": c["text"], "sentences": c["sentences"], "rule": c.get("rule", "")})
    for path in sorted(HERE.glob("*.txt")):
        rule = path.stem
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("@rule "):
                rule = line[6:].strip()
                continue
            lang, sep, body = line.partition(": ")
            if not sep or not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z]+)?", lang):
                sys.exit(f"{path.name}:{n}: expected `lang: text`")
            parts = SEP.split(body)
            text = "".join(JOIN.get(x, x) for x in parts)
            sentences = [x.strip() for x in parts[0::2] if x.strip()]
            cases.append({"lang": lang, "text": text, "sentences": sentences, "rule": rule})
    with OUT.open("w", encoding="utf-8") as f:
        for c in cases:
            f.write(dumps(c) + "\n")
    langs = {}
    for c in cases:
        langs[c["lang"]] = langs.get(c["lang"], 0) + 1
    print(f"{len(cases)} cases -> {OUT.name}: " + " ".join(f"{k}={v}" for k, v in sorted(langs.items())))


if __name__ == "__main__":
    main()
