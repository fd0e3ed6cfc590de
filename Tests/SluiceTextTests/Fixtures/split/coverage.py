#!/usr/bin/env python3
"""Rule x language coverage of the issue-5 rules in split_cases.jsonl (run make_fixture.py first).

    python3 Tests/SluiceTextTests/Fixtures/split/coverage.py
"""
import json,collections,pathlib
RULES=["initials","company","etc","months","money","percent","time","version","numbered list","web","digit start","lowercase start","nested quotes","dashes","?! runs","ellipsis","attribution","ordinal dots"]
cases=[json.loads(l) for l in open(pathlib.Path(__file__).resolve().parent.parent/'split_cases.jsonl',encoding='utf-8')]
cov=collections.defaultdict(collections.Counter)
for c in cases:
    if c['rule'] in RULES: cov[c['rule']][c['lang']]+=1
print("| rule | #langs | languages (cases) |\n|---|---|---|")
for r in RULES:
    d=cov[r]; cjk=[l for l in d if l in('zh','ja')]
    print(f"| {r} | {len(d)-len(cjk)}{' + CJK' if cjk else ''} | "+", ".join(f"{l}({n})" for l,n in sorted(d.items()))+" |")
