#!/bin/sh
# Regenerate the end-to-end test corpus under in/. Needs python3 and zstd (v1.5.4).
# Texts are short on purpose so expected outputs can be written by hand.
# Run from anywhere:  sh Tests/SluiceTests/Fixtures/e2e/make.sh
set -eu
cd "$(dirname "$0")"
rm -rf in
mkdir -p in/sub

python3 - <<'EOF'
import json

def line(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"

with open("in/a.jsonl", "w", encoding="utf-8", newline="\n") as f:
    f.write(line({"id": "a1", "title": "Bridge reopens",
                  "text": "The Mill Street bridge reopened on Monday. Repairs took six weeks.",
                  "published": "2024-07-01", "source": "e2e.example"}))
    f.write(line({"id": "a2", "title": "Park concert",
                  "text": "Dr. Lee will conduct the park concert at 7 p.m. on Friday.\nEntry is free.\n#music #park\n2024-07-05 10:00:00",
                  "source": "e2e.example"}))
    f.write(line({"id": "a3", "title": "Rain expected",
                  "text": "Heavy rain is expected on Tuesday. The city has opened two shelters. Drivers should avoid the river road.",
                  "source": "e2e.example", "meta": {"views": 12345678901234567890}}))

with open("in/sub/b.jsonl", "w", encoding="utf-8", newline="\n") as f:
    f.write(line({"id": "b1", "title": "Neue Bibliothek",
                  "text": "Die neue Bibliothek öffnet am 3. August. Sie hat ca. 20.000 Bücher.",
                  "source": "e2e.example"}))
    f.write(line({"id": "b2", "title": "Market day",
                  "text": "The farmers’ market moves to Saturday. It will run from 8 a.m. to noon.",
                  "source": "e2e.example"}))

with open("in/sub/c.txt", "w", encoding="utf-8", newline="\n") as f:
    f.write("The school library will close for repairs in August. It reopens on September 2.\n")

with open("in/skip.csv", "w", encoding="utf-8", newline="\n") as f:
    f.write("id,text\ns1,This file is a CSV and must be skipped.\n")

with open("in/bad.jsonl", "w", encoding="utf-8", newline="\n") as f:
    f.write(line({"id": "bad1", "text": "This record is fine. It has two sentences.", "source": "e2e.example"}))
    f.write('{"id":"bad2","text":"missing the closing quote}\n')
EOF

zstd -q -19 --rm in/sub/b.jsonl        # -> in/sub/b.jsonl.zst
