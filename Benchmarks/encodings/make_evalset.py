#!/usr/bin/env python3
"""Evaluation set for encoding detection (issue 13, point 4 and its quality bar).

    python3 Benchmarks/encodings/make_evalset.py [OUT_DIR]        # default /tmp/enc-eval

Sources, and their licences
---------------------------
The text is REAL translated text that nobody on this project wrote: the message catalogues
(`/usr/share/locale/<lang>/LC_MESSAGES/*.mo`) of the Debian packages installed on the machine.
On the machine the numbers in README.md come from, the documents drew on catalogues of:
iso-codes (LGPL-2.1+); coreutils, grep, sed, tar, findutils, diffutils, bash, make, gettext,
wget, man-db, psmisc, xz-utils, binutils, dpkg, apt, gnupg, adduser, systemd, net-tools,
procps, git (GPL-2+/GPL-3+, some parts LGPL); libc-l10n / glibc, glib2.0, gtk+2.0,
gdk-pixbuf, at-spi2-core, gstreamer, appstream, packagekit, avahi, libidn2, gnutls, elfutils
(LGPL-2.1+ or GPL); shared-mime-info, gsettings-desktop-schemas, xkb-data, python-apt,
software-properties, Linux-PAM (libpam-runtime), shadow (login), polkit, krb5 (GPL, LGPL,
BSD-style and MIT licences); postgresql-15 and libpq5 (PostgreSQL licence). Each .mo file
carries the licence of the package that ships it; which catalogues exist depends on the
packages installed, so the set is the same only on a machine with the same packages.
`sources.tsv` in the output directory lists every catalogue that a document drew from
and, where `dpkg -S` knows it, the package that owns it. The text is used only to
evaluate detectors here: it is never committed to the repository nor shipped with Sluice.
The data set stays outside the repository; only this script is committed.

What it builds
--------------
For each of 36 languages (LANGS below; `sr` is Serbian Cyrillic; zh_CN simplified and
zh_TW traditional Chinese) it parses every .mo catalogue of the language with `struct`
(no gettext/polib), keeps the translated strings (msgstr differing from msgid, >= 20
characters, with a letter, no control characters but newline/tab, NFC) and joins randomly
chosen strings with newlines into DOCS_PER_LANG documents of 1-4 KB (UTF-8 bytes), drawn
with a fixed seed. Even-numbered documents draw from all strings; odd-numbered ones only
from strings that the language's own legacy encodings (NATIVE below) can all carry, so that
KOI8-R, ISO-8859-5, CP866, ISO-2022-JP, GB2312, EUC-KR, ... each get documents too (real
translations are full of typographic quotes, dashes and rare ideographs that the narrow
encodings lack).

Each document is then encoded in every encoding of CANDIDATES that can carry it
losslessly (Python codecs, errors='strict'), except that the CJK multibyte and ISO-2022
encodings are tried for the CJK languages only (JIS X 0208, GB 2312 and KS X 1001 also
hold Cyrillic and Greek, but Russian text in Shift_JIS is not something anyone meets).
gb18030 can carry any text, so it is likewise kept to Chinese. Vietnamese in windows-1258
is written the way real cp1258 text is: base letters precomposed where cp1258 has them and
the tone marks as combining characters (the expected text of those files is that form);
other languages get cp1258 only where their text encodes as it is. Persian gets no legacy
file: every document holds U+06CC (Farsi yeh) or Persian digits, which cp1256 lacks.
When two encodings give the same bytes for a document (German in cp1252, iso8859-15,
cp1250 and cp1257 alike; most text in shift_jis and cp932) the file is written once, under
the first encoding in CANDIDATES order, and the others are listed in `same_bytes_as`:
either answer decodes to the same text.

UTF forms, for every document: utf-8, utf-8-sig (BOM), utf-16 (little-endian with BOM),
utf-16 big-endian with BOM, utf-32 (little-endian with BOM).

Three forms of each (document, encoding):
  text       the document itself
  html-decl  an HTML page (one <p> per message) declaring the encoding as real pages do:
             by document number in turn `<meta charset=...>`, `<meta http-equiv=
             "Content-Type" content="text/html; charset=...">`, or an XHTML page with an
             XML prolog `<?xml version="1.0" encoding="..."?>`. The label is the one a page
             would carry (LABELS): cp1252 text says "iso-8859-1", cp932 "shift_jis",
             cp949 "euc-kr", cp950 "big5", cp874 "windows-874".
  html       the same page without any declaration

manifest.jsonl, one line per file: file, language, encoding (a Python codec that decodes
the file to `text`), label (the form's name for the byte layout, e.g. utf-16be-bom),
same_bytes_as, native (true when the language is commonly written in that encoding or one
of same_bytes_as: NATIVE, ALSO_NATIVE, the language's CJK encodings and the UTF forms; false
for pairs such as Norwegian in cp1257 that only "can carry it" makes), form, decl (html-decl only: meta-charset | http-equiv | xml-prolog),
declared (the label written in the file, or null), doc, bytes, sources, and text: the
expected decoded content of the file (for the HTML forms the whole page; never a BOM).
"""
import codecs, collections, glob, hashlib, html, json, os, random, shutil, struct, subprocess, sys
import unicodedata

SEED = 20240613
DOCS_PER_LANG = 6
MIN_DOC, MAX_DOC = 1024, 4096          # UTF-8 bytes of a document
MIN_STRING = 20                        # characters of one message string
LOCALE = "/usr/share/locale"

# code -> (English name, locale directory, native legacy encodings: the pool of odd documents)
LANGS = {
    "ru": ("Russian", "ru", ["cp1251", "koi8_r", "iso8859_5", "cp866", "mac_cyrillic"]),
    "uk": ("Ukrainian", "uk", ["cp1251", "koi8_u", "mac_cyrillic"]),
    "bg": ("Bulgarian", "bg", ["cp1251", "iso8859_5", "koi8_r", "cp866", "mac_cyrillic"]),
    "sr": ("Serbian (Cyrillic)", "sr", ["cp1251", "iso8859_5", "mac_cyrillic"]),
    "el": ("Greek", "el", ["cp1253", "iso8859_7"]),
    "he": ("Hebrew", "he", ["cp1255", "iso8859_8"]),
    "ar": ("Arabic", "ar", ["cp1256", "iso8859_6"]),
    "fa": ("Persian", "fa", ["cp1256"]),
    "th": ("Thai", "th", ["tis_620", "cp874"]),
    "tr": ("Turkish", "tr", ["cp1254", "iso8859_9"]),
    "pl": ("Polish", "pl", ["cp1250", "iso8859_2", "iso8859_13"]),
    "cs": ("Czech", "cs", ["cp1250", "iso8859_2"]),
    "sk": ("Slovak", "sk", ["cp1250", "iso8859_2"]),
    "hu": ("Hungarian", "hu", ["cp1250", "iso8859_2"]),
    "ro": ("Romanian", "ro", ["iso8859_16", "cp1250", "iso8859_2"]),
    "hr": ("Croatian", "hr", ["cp1250", "iso8859_2"]),
    "sl": ("Slovenian", "sl", ["cp1250", "iso8859_2"]),
    "de": ("German", "de", ["cp1252", "iso8859_15"]),
    "fr": ("French", "fr", ["cp1252", "iso8859_15"]),
    "es": ("Spanish", "es", ["cp1252", "iso8859_15"]),
    "pt": ("Portuguese", "pt", ["cp1252", "iso8859_15"]),
    "pt_BR": ("Portuguese (Brazil)", "pt_BR", ["cp1252", "iso8859_15"]),
    "it": ("Italian", "it", ["cp1252", "iso8859_15"]),
    "nl": ("Dutch", "nl", ["cp1252", "iso8859_15"]),
    "sv": ("Swedish", "sv", ["cp1252", "iso8859_15"]),
    "da": ("Danish", "da", ["cp1252", "iso8859_15"]),
    "fi": ("Finnish", "fi", ["cp1252", "iso8859_15"]),
    "nb": ("Norwegian Bokmål", "nb", ["cp1252", "iso8859_15"]),
    "lt": ("Lithuanian", "lt", ["cp1257", "iso8859_13"]),
    "lv": ("Latvian", "lv", ["cp1257", "iso8859_13"]),
    "et": ("Estonian", "et", ["cp1257", "iso8859_13", "iso8859_15"]),
    "ja": ("Japanese", "ja", ["shift_jis", "euc_jp", "iso2022_jp"]),
    "zh_CN": ("Chinese (simplified)", "zh_CN", ["gb2312"]),
    "zh_TW": ("Chinese (traditional)", "zh_TW", ["big5"]),
    "ko": ("Korean", "ko", ["euc_kr", "iso2022_kr"]),
    "vi": ("Vietnamese", "vi", ["cp1258"]),
}
CJK = {"ja", "zh_CN", "zh_TW", "ko"}
# Encodings that text of the language is commonly found in besides NATIVE (the manifest's
# `native` flag: NATIVE + these + every CJK encoding of a CJK language + the UTF forms).
ALSO_NATIVE = {"ru": ["koi8_u"], "uk": ["iso8859_5"], "et": ["cp1252"]}

# Single-byte legacy encodings: tried for every language.
SINGLE = ["cp1252", "iso8859_15", "cp1250", "iso8859_2", "iso8859_16", "cp1257", "iso8859_13",
          "cp1254", "iso8859_9", "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic",
          "cp1253", "iso8859_7", "cp1255", "iso8859_8", "cp1256", "iso8859_6", "tis_620", "cp874",
          "cp1258"]
# Multibyte legacy encodings: tried for the CJK languages only, each for its own language.
MULTI = {
    "ja": ["shift_jis", "cp932", "euc_jp", "iso2022_jp"],
    "zh_CN": ["gb2312", "gbk", "gb18030"],
    "zh_TW": ["big5", "cp950"],
    "ko": ["euc_kr", "cp949", "iso2022_kr"],
}
# (label, python codec used to decode, bytes-maker)
UTF = [
    ("utf-8", "utf-8", lambda s: s.encode("utf-8")),
    ("utf-8-sig", "utf-8-sig", lambda s: codecs.BOM_UTF8 + s.encode("utf-8")),
    ("utf-16le-bom", "utf-16", lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le")),
    ("utf-16be-bom", "utf-16", lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be")),
    ("utf-32le-bom", "utf-32", lambda s: codecs.BOM_UTF32_LE + s.encode("utf-32-le")),
]

# What a web page would declare for text in that encoding.
LABELS = {
    "cp1250": "windows-1250", "cp1251": "windows-1251", "cp1252": "iso-8859-1",
    "cp1253": "windows-1253", "cp1254": "windows-1254", "cp1255": "windows-1255",
    "cp1256": "windows-1256", "cp1257": "windows-1257", "cp1258": "windows-1258",
    "iso8859_2": "iso-8859-2", "iso8859_5": "iso-8859-5", "iso8859_6": "iso-8859-6",
    "iso8859_7": "iso-8859-7", "iso8859_8": "iso-8859-8", "iso8859_9": "iso-8859-9",
    "iso8859_13": "iso-8859-13", "iso8859_15": "iso-8859-15", "iso8859_16": "iso-8859-16",
    "koi8_r": "koi8-r", "koi8_u": "koi8-u", "mac_cyrillic": "x-mac-cyrillic", "cp866": "ibm866",
    "tis_620": "tis-620", "cp874": "windows-874",
    "shift_jis": "shift_jis", "cp932": "shift_jis", "euc_jp": "euc-jp", "iso2022_jp": "iso-2022-jp",
    "gb2312": "gb2312", "gbk": "gbk", "gb18030": "gb18030", "big5": "big5", "cp950": "big5",
    "euc_kr": "euc-kr", "cp949": "euc-kr", "iso2022_kr": "iso-2022-kr",
    "utf-8": "utf-8", "utf-8-sig": "utf-8", "utf-16le-bom": "utf-16", "utf-16be-bom": "utf-16",
    "utf-32le-bom": "utf-32",
}
EXT = {"text": "txt", "html-decl": "html", "html": "html"}


def read_mo(path):
    """[(msgid, msgstr)] of a GNU .mo file, decoded by the charset its header names."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 28:
        return []
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
    if end is None:
        return []
    _, n, orig, trans = struct.unpack(end + "4I", data[4:20])
    raw = []
    for i in range(n):
        ol, oo = struct.unpack(end + "2I", data[orig + 8 * i: orig + 8 * i + 8])
        tl, to = struct.unpack(end + "2I", data[trans + 8 * i: trans + 8 * i + 8])
        raw.append((data[oo: oo + ol], data[to: to + tl]))
    charset = "utf-8"
    for mid, mstr in raw:
        if mid == b"":
            for line in mstr.split(b"\n"):
                if line.lower().startswith(b"content-type:") and b"charset=" in line:
                    charset = line.split(b"charset=")[1].strip().decode("ascii", "replace") or "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    out = []
    for mid, mstr in raw:
        if mid == b"":
            continue
        try:
            out.append((mid.decode(charset), mstr.decode(charset)))
        except UnicodeDecodeError:
            continue
    return out


def usable(s):
    if len(s) < MIN_STRING or not any(c.isalpha() for c in s):
        return False
    return all(c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf", "Co", "Cs", "Cn")
               or c in "\u200e\u200f\u200c\u200d" for c in s)


def strings_of(lang_dir):
    """[(text, domain)] of all translated strings of a locale, sorted and deduplicated."""
    seen, out = set(), []
    for path in sorted(glob.glob(os.path.join(LOCALE, lang_dir, "LC_MESSAGES", "*.mo"))):
        domain = os.path.basename(path)[:-3]
        for mid, mstr in read_mo(path):
            ids = mid.split("\0")
            for s in mstr.split("\0"):          # plural forms
                s = unicodedata.normalize("NFC", s.strip())
                if s in ids or s in seen or not usable(s):
                    continue
                seen.add(s)
                out.append((s, path))
    return out


def can(text, enc):
    try:
        text.encode(enc)
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def cp1258_form(text):
    """Vietnamese as cp1258 writes it: precomposed where cp1258 can, combining marks else."""
    out = []
    for ch in text:
        if can(ch, "cp1258"):
            out.append(ch)
            continue
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], list(d[1:])
        changed = True
        while changed:
            changed = False
            for m in marks:
                c = unicodedata.normalize("NFC", base + m)
                if len(c) == 1 and can(c, "cp1258"):
                    base = c
                    marks.remove(m)
                    changed = True
                    break
        out.append(base + "".join(marks))
    return "".join(out)


def make_doc(rng, pool):
    target = rng.randint(MIN_DOC, MAX_DOC)
    order = list(range(len(pool)))
    rng.shuffle(order)
    picked, size = [], 0
    for i in order:
        s = pool[i][0]
        b = len(s.encode("utf-8")) + 1
        if size + b > MAX_DOC:
            continue
        picked.append(pool[i])
        size += b
        if size >= target:
            break
    return picked


def page(lang, msgs, decl_style, label):
    title = html.escape(msgs[0].split("\n")[0][:60], quote=False)
    body = "".join("<p>%s</p>\n" % html.escape(m, quote=False) for m in msgs)
    if decl_style == "xml-prolog":
        head = '<?xml version="1.0" encoding="%s"?>\n' % label if label else ""
        return (head + '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
                '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="%s" lang="%s">\n<head>\n'
                '<title>%s</title>\n</head>\n<body>\n%s</body>\n</html>\n' % (lang, lang, title, body))
    if not label:
        meta = ""
    elif decl_style == "meta-charset":
        meta = '<meta charset="%s">\n' % label
    else:
        meta = '<meta http-equiv="Content-Type" content="text/html; charset=%s">\n' % label
    return ('<!DOCTYPE html>\n<html lang="%s">\n<head>\n%s<title>%s</title>\n</head>\n<body>\n%s'
            '</body>\n</html>\n' % (lang.replace("_", "-"), meta, title, body))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/enc-eval"
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "files"))
    rng = random.Random(SEED)
    manifest = open(os.path.join(out, "manifest.jsonl"), "w", encoding="utf-8")
    used_sources = set()
    nfiles = nbytes = npairs = 0
    for lang, (name, ldir, native) in LANGS.items():
        pool = strings_of(ldir)
        if len(pool) < 50:
            sys.exit("%s: only %d strings under %s/%s" % (lang, len(pool), LOCALE, ldir))
        nat = list(native)
        while True:
            narrow = [p for p in pool if all(can(p[0] if lang != "vi" else cp1258_form(p[0]), e)
                                             for e in nat)]
            if sum(len(p[0].encode()) for p in narrow) >= 4 * MAX_DOC or len(nat) == 1:
                break
            nat.pop()
        if sum(len(p[0].encode()) for p in narrow) < 2 * MAX_DOC:
            narrow = pool
        candidates = SINGLE + MULTI.get(lang, [])
        for d in range(DOCS_PER_LANG):
            picked = make_doc(rng, pool if d % 2 == 0 else narrow)
            msgs = [p[0] for p in picked]
            srcs = sorted({os.path.relpath(p[1], LOCALE) for p in picked})
            used_sources.update(p[1] for p in picked)
            doc = "\n".join(msgs) + "\n"
            decl_style = ("meta-charset", "http-equiv", "xml-prolog")[d % 3]
            variants = []        # (label, codec, bytes_of(str), msgs as that codec sees them)
            for lab, codec, enc in UTF:
                variants.append((lab, codec, enc, msgs))
            for enc in candidates:
                m = [cp1258_form(x) for x in msgs] if enc == "cp1258" and lang == "vi" else msgs
                if can("\n".join(m), enc):
                    variants.append((enc, enc, (lambda s, e=enc: s.encode(e)), m))
            seen = {}
            for lab, codec, enc, m in variants:
                npairs += 1
                text = "\n".join(m) + "\n"
                key = enc(text)
                if key in seen:
                    seen[key]["same_bytes_as"].append(lab if lab.startswith("utf") else codec)
                    seen[key]["native"] |= codec in native or codec in ALSO_NATIVE.get(lang, [])
                    continue
                rec = {"label": lab, "codec": codec, "same_bytes_as": [], "native": lab.startswith("utf")
                       or codec in native or codec in ALSO_NATIVE.get(lang, [])
                       or codec in MULTI.get(lang, [])}
                seen[key] = rec
                forms = [("text", text, None, None),
                         ("html-decl", page(lang, m, decl_style, LABELS[lab]), decl_style, LABELS[lab]),
                         ("html", page(lang, m, decl_style, None), None, None)]
                for form, content, dstyle, declared in forms:
                    data = enc(content)
                    assert data.decode(codec) == content, (lang, d, lab, form)
                    fname = "%s-%d-%s-%s.%s" % (lang, d, lab, form, EXT[form])
                    with open(os.path.join(out, "files", fname), "wb") as f:
                        f.write(data)
                    nfiles += 1
                    nbytes += len(data)
                    row = {"file": "files/" + fname, "language": lang, "encoding": codec, "label": lab,
                           "same_bytes_as": rec["same_bytes_as"], "form": form, "decl": dstyle,
                           "declared": declared, "doc": "%s-%d" % (lang, d), "bytes": len(data),
                           "native": None,
                           "sources": srcs, "text": content}
                    rec.setdefault("rows", []).append(row)
            for rec in seen.values():
                for row in rec["rows"]:
                    row["native"] = rec["native"]
                    manifest.write(json.dumps(row, ensure_ascii=False) + "\n")
    manifest.close()
    # Which package owns each catalogue used (licence trail).
    owners = {}
    paths = sorted(used_sources)
    for i in range(0, len(paths), 200):
        try:
            r = subprocess.run(["dpkg", "-S"] + paths[i:i + 200], capture_output=True, text=True)
        except FileNotFoundError:
            break
        for line in r.stdout.splitlines():
            pkg, _, p = line.partition(": ")
            owners[p.strip()] = pkg
    with open(os.path.join(out, "sources.tsv"), "w", encoding="utf-8") as f:
        f.write("catalogue\tpackage\n")
        for p in paths:
            f.write("%s\t%s\n" % (p, owners.get(p, "?")))
    print("%d files, %.1f MB, %d (document, encoding) pairs, %d catalogues -> %s"
          % (nfiles, nbytes / 1e6, npairs, len(paths), out))


if __name__ == "__main__":
    main()
