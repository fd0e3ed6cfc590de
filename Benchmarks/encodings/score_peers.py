#!/usr/bin/env python3
"""Score encoding detectors on the evaluation set of make_evalset.py (issue 13, point 4).

    apt-get install -y libuchardet0            # libuchardet.so.0 (libuchardet-dev also works)
    python3 -m venv /tmp/venv-enc && /tmp/venv-enc/bin/pip install charset-normalizer
    python3 Benchmarks/encodings/make_evalset.py /tmp/enc-eval
    /tmp/venv-enc/bin/python Benchmarks/encodings/score_peers.py [/tmp/enc-eval] \
        [--by-encoding] [--by-language] [--details OUT.jsonl] [--sluice .build/release/sluice-bench]

The venv lives outside the repository: charset-normalizer is never a dependency of Sluice.

A file counts as right when the text the detector's answer decodes to equals the manifest's
`text` exactly (a leading U+FEFF is dropped from every decoder's output first: any sane
caller strips a BOM; undecodable bytes become U+FFFD and so count as wrong). Every detector
gets the file's bytes as they are, HTML with a declaration included:

  uchardet           libuchardet 0.0.7 (Debian) through ctypes, in-process: one handle,
                     uchardet_reset / handle_data / data_end / get_charset per file, then
                     Python's codec for the name it gives. uchardet does not read
                     declarations (<meta charset>, XML prolog): it guesses from the bytes alone.
                     An empty answer (no guess) counts as wrong.
  charset-normalizer from_bytes(data).best(), str(match). It looks for a declaration in the
                     first bytes itself (preemptive_behaviour, on by default).
  utf8-else-cp1252   the baseline: UTF-8 if the bytes are valid UTF-8, else windows-1252.
  rules+uchardet     NOT a peer: a reference for what the rules of point 4 give with uchardet
                     as their statistical stage, in Python: BOM, then a declaration in the
                     first 1024 bytes mapped as browsers do (LABEL_MAP), then valid UTF-8,
                     then uchardet, then windows-1252 if uchardet has no guess.
  sluice             --sluice PATH: PATH is the `sluice-bench` binary (swift build -c release
                     --product sluice-bench); decode_with_sluice() runs its `encodings`
                     subcommand once over the set and reads each file's decoded text. Its
                     MB/s is the bench's CPU time for detection plus conversion (Swift, in
                     memory, fastest of 3), not Python's.

Throughput: input bytes / CPU seconds (time.process_time of this process) of detection plus
decoding over all files held in memory, one core, for each detector; the fastest of --repeat
passes (default 3). uchardet's detection alone (no Python decoding) is printed too.
"""
import argparse, codecs, collections, ctypes, ctypes.util, json, os, re, sys, time

FAMILY = {}
for fam, encs in [
    ("CJK multibyte", "shift_jis cp932 euc_jp gb2312 gbk gb18030 big5 cp950 euc_kr cp949"),
    ("ISO-2022", "iso2022_jp iso2022_kr"),
    ("Cyrillic", "cp1251 koi8_r koi8_u iso8859_5 cp866 mac_cyrillic"),
    ("Greek", "cp1253 iso8859_7"),
    ("Hebrew", "cp1255 iso8859_8"),
    ("Arabic", "cp1256 iso8859_6"),
    ("Thai", "tis_620 cp874"),
    ("Turkish", "cp1254 iso8859_9"),
    ("Central European", "cp1250 iso8859_2 iso8859_16"),
    ("Western European", "cp1252 iso8859_15"),
    ("Baltic", "cp1257 iso8859_13"),
    ("Vietnamese", "cp1258"),
    ("UTF-8", "utf-8 utf-8-sig"),
    ("UTF-16/32", "utf-16le-bom utf-16be-bom utf-32le-bom"),
]:
    for e in encs.split():
        FAMILY[e] = fam
FAMILIES = list(dict.fromkeys(FAMILY.values()))

# uchardet names that Python's codec registry does not know as such.
UCHARDET_NAMES = {
    "mac-centraleurope": "mac_latin2", "uhc": "cp949", "x-iso-10646-ucs-4-3412": None,
    "x-iso-10646-ucs-4-2143": None, "euc-tw": None, "iso-2022-cn": None, "viscii": None,
    "ascii": "ascii", "windows-1252": "cp1252", "ibm855": "cp855", "ibm866": "cp866",
    "mac-cyrillic": "mac_cyrillic", "tis-620": "tis_620", "utf-16": "utf-16", "utf-32": "utf-32",
}

# Declared labels as a browser reads them (WHATWG Encoding), to Python codecs.
LABEL_MAP = {
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "windows-31j": "cp932",
    "x-sjis": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "iso-8859-1": "cp1252",
    "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "cp950",
    "big5-hkscs": "cp950", "tis-620": "cp874", "iso-8859-11": "cp874", "windows-874": "cp874",
    "x-mac-cyrillic": "mac_cyrillic", "ibm866": "cp866", "utf-16": "utf-16", "utf-32": "utf-32",
}
DECL = [re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I),
        re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)]


def strip_bom(text):
    return text[1:] if text and text[0] == "\ufeff" else text


def codec_of(name):
    if not name:
        return None
    low = name.lower()
    if low in UCHARDET_NAMES:
        return UCHARDET_NAMES[low]
    try:
        return codecs.lookup(low).name
    except LookupError:
        return None


class Uchardet:
    def __init__(self):
        path = ctypes.util.find_library("uchardet") or "libuchardet.so.0"
        lib = ctypes.CDLL(path)
        lib.uchardet_new.restype = ctypes.c_void_p
        lib.uchardet_reset.argtypes = [ctypes.c_void_p]
        lib.uchardet_handle_data.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
        lib.uchardet_handle_data.restype = ctypes.c_int
        lib.uchardet_data_end.argtypes = [ctypes.c_void_p]
        lib.uchardet_get_charset.argtypes = [ctypes.c_void_p]
        lib.uchardet_get_charset.restype = ctypes.c_char_p
        self.lib, self.h = lib, lib.uchardet_new()

    def detect(self, data):
        lib, h = self.lib, self.h
        lib.uchardet_reset(h)
        lib.uchardet_handle_data(h, data, len(data))
        lib.uchardet_data_end(h)
        return (lib.uchardet_get_charset(h) or b"").decode("ascii")


def make_uchardet():
    u = Uchardet()

    def decode(data):
        name = u.detect(data)
        codec = codec_of(name)
        if codec is None:
            return None, name or "(none)"
        return strip_bom(data.decode(codec, errors="replace")), name
    return decode


def make_charset_normalizer():
    from charset_normalizer import from_bytes

    def decode(data):
        best = from_bytes(data).best()
        if best is None:
            return None, "(none)"
        return strip_bom(str(best)), best.encoding
    return decode


def baseline(data):
    try:
        return strip_bom(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def make_rules_uchardet():
    u = Uchardet()

    def decode(data):
        for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                           (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                           (codecs.BOM_UTF16_BE, "utf-16")):
            if data.startswith(bom):
                return strip_bom(data.decode(codec, errors="replace")), codec
        head = data[:1024]
        for rx in DECL:
            m = rx.search(head)
            if m:
                label = m.group(1).decode("ascii").lower()
                codec = LABEL_MAP.get(label) or codec_of(label)
                if codec and not codec.startswith("utf_16") and not codec.startswith("utf_32"):
                    return data.decode(codec, errors="replace"), "decl:" + label
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        name = u.detect(data)
        codec = codec_of(name)
        if codec is None:
            return data.decode("cp1252", errors="replace"), "fallback-cp1252"
        return strip_bom(data.decode(codec, errors="replace")), name
    return decode


def decode_with_sluice(path_to_bench, eval_dir):
    """Sluice's answers for every file of the set, in manifest order, and its MB/s.

    Runs `sluice-bench encodings EVAL_DIR --details TMP` once (EncodingDetector on each
    file's first MB, then the BOM dropped and the rest converted to UTF-8, as
    TranscodingReader does) and reads its per-file output: the decoded text and the label.
    The MB/s is the bench's own: input bytes / CPU seconds of detection plus conversion over
    all files in memory, fastest of 3 passes (the Python side's time would measure the
    process start and the JSON instead).
    """
    import subprocess, tempfile
    with tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False) as tmp:
        details = tmp.name
    try:
        subprocess.run([path_to_bench, "encodings", eval_dir, "--details", details],
                       check=True, stdout=subprocess.DEVNULL)
        by_file = {}
        mbps = 0.0
        with open(details, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                by_file[d["file"]] = (d["text"], d["label"])
                mbps = d["mbps"]
        return by_file, mbps
    finally:
        os.unlink(details)


def pct(ok, n):
    return "%5.1f%% (%d/%d)" % (100.0 * ok / n, ok, n) if n else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set", nargs="?", default="/tmp/enc-eval")
    ap.add_argument("--sluice", metavar="PATH", help="score Sluice: PATH is the sluice-bench binary")
    ap.add_argument("--by-encoding", action="store_true")
    ap.add_argument("--by-language", action="store_true")
    ap.add_argument("--details", metavar="FILE", help="write per-file answers as JSONL")
    ap.add_argument("--only", help="comma-separated detector names")
    ap.add_argument("--repeat", type=int, default=3,
                    help="timed passes over the set per detector; the fastest counts (default 3)")
    args = ap.parse_args()

    rows = [json.loads(l) for l in open(os.path.join(args.set, "manifest.jsonl"), encoding="utf-8")]
    blobs = []
    for r in rows:
        with open(os.path.join(args.set, r["file"]), "rb") as f:
            blobs.append(f.read())
    total_bytes = sum(map(len, blobs))

    detectors = [("uchardet", make_uchardet), ("charset-normalizer", make_charset_normalizer),
                 ("utf8-else-cp1252", lambda: baseline), ("rules+uchardet", make_rules_uchardet)]
    if args.only:
        keep = set(args.only.split(","))
        detectors = [d for d in detectors if d[0] in keep]
    results = {}
    speed = {}
    for name, make in detectors:
        try:
            fn = make()
        except (ImportError, OSError) as e:
            print("%s: not available (%s)" % (name, e), file=sys.stderr)
            continue
        best = None
        for _ in range(max(1, args.repeat)):
            t0 = time.process_time()
            out = [fn(b) for b in blobs]
            dt = time.process_time() - t0
            best = dt if best is None else min(best, dt)
        speed[name] = (total_bytes / 1e6 / best, best)
        results[name] = out
        if name == "uchardet":
            u = Uchardet()
            best = None
            for _ in range(max(1, args.repeat)):
                t0 = time.process_time()
                for b in blobs:
                    u.detect(b)
                dt = time.process_time() - t0
                best = dt if best is None else min(best, dt)
            detect_only = total_bytes / 1e6 / best
    if args.sluice:
        by_file, mbps = decode_with_sluice(args.sluice, args.set)
        results["sluice"] = [by_file[r["file"]] for r in rows]
        speed["sluice"] = (mbps, 0)

    names = list(results)
    right = {n: [o[0] == r["text"] for o, r in zip(results[n], rows)] for n in names}

    def table(title, keyfn, keys=None):
        groups = collections.defaultdict(list)
        for i, r in enumerate(rows):
            groups[keyfn(r)].append(i)
        keys = [k for k in (keys or sorted(groups)) if k in groups]
        w = max([len(title)] + [len(k) for k in keys])
        print("\n| %s | files | %s |" % (title.ljust(w), " | ".join(names)))
        print("|%s|---:|%s|" % ("-" * (w + 2), "|".join("---:" for _ in names)))
        for k in keys:
            idx = groups[k]
            cells = []
            for n in names:
                ok = sum(right[n][i] for i in idx)
                cells.append("%.1f%%" % (100.0 * ok / len(idx)))
            print("| %s | %d | %s |" % (k.ljust(w), len(idx), " | ".join(cells)))

    print("%d files, %.1f MB, %d languages, %d documents" % (
        len(rows), total_bytes / 1e6, len({r["language"] for r in rows}), len({r["doc"] for r in rows})))
    print("\n| detector | all files | legacy encodings only | legacy, native pairs only | MB/s (CPU) |")
    print("|---|---:|---:|---:|---:|")
    legacy = [i for i, r in enumerate(rows) if not r["label"].startswith("utf")]
    native = [i for i in legacy if rows[i].get("native")]
    for n in names:
        mbs = "%.1f" % speed[n][0] if n in speed else "-"
        cells = []
        for idx in (range(len(rows)), legacy, native):
            ok = sum(right[n][i] for i in idx)
            cells.append(pct(ok, len(idx)))
        print("| %s | %s | %s |" % (n, " | ".join(cells), mbs))
    if "uchardet" in results:
        print("\nuchardet detection alone (ctypes call, no decoding): %.1f MB/s (CPU)" % detect_only)
    table("family", lambda r: FAMILY[r["label"]], FAMILIES)
    table("form and declaration", lambda r: r["form"] if r["form"] != "html-decl" else "html-decl (%s)" % r["decl"])
    table("form", lambda r: r["form"], ["text", "html-decl", "html"])
    if args.by_encoding:
        table("encoding", lambda r: r["label"])
    if args.by_language:
        table("language", lambda r: r["language"])

    for n in names:
        miss = collections.Counter()
        for o, r, ok in zip(results[n], rows, right[n]):
            if not ok:
                miss[(r["label"], str(o[1]))] += 1
        if miss:
            print("\n%s, most frequent misses (true -> answer: files): %s" % (n, ", ".join(
                "%s->%s: %d" % (a, b, c) for (a, b), c in miss.most_common(12))))
    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            for i, r in enumerate(rows):
                f.write(json.dumps({"file": r["file"], "label": r["label"], "form": r["form"],
                                    **{n: {"answer": results[n][i][1], "right": right[n][i]}
                                       for n in names}}) + "\n")


if __name__ == "__main__":
    main()
