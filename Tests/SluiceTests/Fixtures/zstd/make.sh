#!/bin/sh
# Regenerate the zstd fixtures in this directory from payload.jsonl.
# Needs: zstd (made with v1.5.4), python3, head, cat, printf.
# Deterministic for a given zstd version: same inputs, same levels, no timestamps.
# Run from anywhere:  sh Tests/SluiceTests/Fixtures/zstd/make.sh
set -eu
cd "$(dirname "$0")"

Z="zstd -q -f"

# payload.jsonl: 10 lines, {"id":"p1","text":"Line one."} ... p10 (committed; rewritten here).
python3 - <<'EOF'
words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
with open("payload.jsonl", "w", newline="\n") as f:
    for i, w in enumerate(words, 1):
        f.write('{"id":"p%d","text":"Line %s."}\n' % (i, w))
EOF

# Split payload into 3 parts (lines 1-3, 4-6, 7-10) for the multi-frame fixtures.
head -n 3 payload.jsonl            > part1.tmp
sed -n '4,6p' payload.jsonl        > part2.tmp
sed -n '7,10p' payload.jsonl       > part3.tmp

# single: one frame (content size recorded in the header, since input is a file).
$Z -c payload.jsonl > single.jsonl.zst

# multi: three frames, each compressed separately, concatenated.
$Z -c part1.tmp  > f1.tmp
$Z -c part2.tmp  > f2.tmp
$Z -c part3.tmp  > f3.tmp
cat f1.tmp f2.tmp f3.tmp > multi.jsonl.zst

# skippable: skippable frame (magic 0x184D2A50 LE, 4-byte LE size, payload)
# before the first data frame and between frames 1/2 and 2/3 (magic 0x184D2A5F variant).
python3 - <<'EOF'
import struct
def skip(magic_low, data):
    return struct.pack("<II", 0x184D2A50 | magic_low, len(data)) + data
f1 = open("f1.tmp", "rb").read()
f2 = open("f2.tmp", "rb").read()
f3 = open("f3.tmp", "rb").read()
out = (skip(0x0, b"sluice skippable frame 1")
       + f1
       + skip(0x0, b"")                      # empty skippable frame
       + f2
       + skip(0xF, bytes(range(16)))         # highest skippable magic, binary payload
       + f3)
open("skippable.jsonl.zst", "wb").write(out)
EOF

# nosize: compressed from stdin, so the frame header has no content size.
cat payload.jsonl | $Z -c > nosize.jsonl.zst

# long31: --long=31 on the small file. zstd shrinks the window to fit the known
# source size, so the header window is tiny and any decoder can read it.
$Z --long=31 -c payload.jsonl > long31.jsonl.zst

# longwindow: --long=31 from stdin (size unknown), so the frame header declares a
# 2 GiB window (windowLog 31). A decoder with the default limit (windowLogMax 27,
# 128 MiB) refuses it: "Frame requires too much memory for decoding"; it decodes
# only with ZSTD_d_windowLogMax raised to 31 (`zstd -d --long=31`).
# Input: 16 KiB of deterministic base64 lines, written twice (32 KiB), so the second
# copy is one long match at distance 16 KiB. This proves the windowLogMax handling;
# it does NOT exercise a real match distance above 2^27 (that would need > 128 MiB
# of input, far too big for a fixture).
python3 - <<'EOF' > longwindow.src.tmp
import base64, hashlib
block, i = b"", 0
while len(block) < 16384:
    block += base64.b64encode(hashlib.sha256(b"sluice-%d" % i).digest() * 2)[:76] + b"\n"
    i += 1
import sys
sys.stdout.buffer.write(block + block)
EOF
cat longwindow.src.tmp | $Z --long=31 -c > longwindow.jsonl.zst

# truncated: single.jsonl.zst cut in the middle.
size=$(wc -c < single.jsonl.zst)
head -c $((size / 2)) single.jsonl.zst > truncated.jsonl.zst

# corrupt: multi.jsonl.zst with bits flipped in the 3rd frame's first block header
# (block type set to 3 = "reserved"), so frames 1 and 2 decode (lines p1-p6) and
# the 3rd frame fails as a corrupted block, whether or not checksums are verified.
# badchecksum: multi.jsonl.zst with the 3rd frame's 4-byte XXH64 checksum flipped;
# every block decodes, only checksum verification catches it.
python3 - <<'EOF'
data = bytes(open("multi.jsonl.zst", "rb").read())
f1 = len(open("f1.tmp", "rb").read())
f2 = len(open("f2.tmp", "rb").read())
start = f1 + f2                                  # offset of the 3rd frame
assert data[start:start + 4] == b"\x28\xb5\x2f\xfd"
fhd = data[start + 4]
fcs_flag, single, did_flag, has_check = fhd >> 6, (fhd >> 5) & 1, fhd & 3, (fhd >> 2) & 1
assert has_check
hdr = 4 + 1 + (0 if single else 1) + [0, 1, 2, 4][did_flag] + [single, 2, 4, 8][fcs_flag]
bh = start + hdr                                 # first block header (3 bytes, LE)
corrupt = bytearray(data)
corrupt[bh] |= 0x06                              # Block_Type bits -> 3 (reserved)
open("corrupt.jsonl.zst", "wb").write(bytes(corrupt))
bad = bytearray(data)
for k in range(len(bad) - 4, len(bad)):          # last frame's Content_Checksum
    bad[k] ^= 0xFF
open("badchecksum.jsonl.zst", "wb").write(bytes(bad))
EOF

# notzstd: plain text with a .zst name.
printf '{"id":"x1","text":"This file is not compressed."}\n' > notzstd.jsonl.zst

# empty: 0 bytes.
: > empty.jsonl.zst

# empty-frame: a valid frame of empty content.
printf '' > empty.tmp
$Z -c empty.tmp > empty-frame.jsonl.zst

rm -f ./*.tmp
