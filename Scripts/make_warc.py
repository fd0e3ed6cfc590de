#!/usr/bin/env python3
"""Writes the WARC test fixtures and their expected-output manifest.

    python3 Scripts/make_warc.py [OUT_DIR]   (default: Tests/SluiceTests/Fixtures/warc)

Writes sample.warc, sample.warc.gz (one gzip member per record, as the WARC standard
recommends), sample.warc.zst (one zstd frame per record; only when the zstd CLI exists) and
expected.json: every record's fields, offset and the selection Sluice must make of it
(written out by hand below, not computed by re-implementing the rules).
Standard library only, no network, deterministic (fixed ids and dates, gzip mtime 0; the
.zst bytes depend on the zstd version).
"""
import base64
import gzip
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRLF = b"\r\n"


def rid(n):
    return "<urn:uuid:%08d-0000-4000-8000-%012d>" % (n, n)


def http_response(status_line, headers, body):
    head = status_line + "\r\n" + "".join("%s: %s\r\n" % kv for kv in headers) + "\r\n"
    return head.encode("latin-1") + body


def chunked(body, sizes):
    """`body` in chunks of the given sizes (the rest in one last chunk), one with an extension."""
    out, i = b"", 0
    for k, n in enumerate(sizes + [len(body)]):
        part = body[i:i + n]
        if not part:
            continue
        ext = ";note=x" if k == 1 else ""
        out += b"%x%s\r\n" % (len(part), ext.encode()) + part + CRLF
        i += len(part)
    return out + b"0\r\n\r\n"


def page(title, paragraphs, head_extra=""):
    ps = "".join("<p>%s</p>\n" % p for p in paragraphs)
    return ("<!DOCTYPE html>\n<html><head>%s<title>%s</title></head>\n<body>\n<h1>%s</h1>\n%s</body></html>\n"
            % (head_extra, title, title, ps))


UTF8_PAGE = page("Sluice WARC test page", [
    "The first paragraph of a small web page, with an accent: café.",
    "A second paragraph, so that the text has some length to it.",
]).encode("utf-8")
RU_PAGE = page("Новости", [
    "Это первый абзац русского текста в кодировке windows-1251.",
    "Второй абзац: съешь же ещё этих мягких французских булок.",
]).encode("cp1251")
JA_PAGE = page("日本語のページ", [
    "これは Shift_JIS で書かれた日本語のページです。",
    "文字コードは meta 要素だけが示しています。",
], head_extra='<meta charset="shift_jis">').encode("shift_jis")
CHUNKED_PAGE = page("Chunked page", [
    "This body was sent with chunked transfer coding.",
    "The reader must join the chunks and drop the sizes.",
]).encode("utf-8")
NOT_FOUND = page("Not Found", ["No such page."]).encode("utf-8")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
GZ_PAGE = page("Compressed page", ["This body is gzip content-encoded."]).encode("utf-8")
LATIN1_TEXT = "Plain notes in Latin-1: café, naïve, Zürich.\nSecond line.\n".encode("latin-1")
WET_TEXT = ("Sluice WARC test page\nThe first paragraph of a small web page, with an accent: café.\n"
            "A second paragraph, so that the text has some length to it.\n").encode("utf-8")


def records():
    """(version, fields, block, expected selection) for every record, in file order."""
    R = []

    def add(version, fields, block, selection):
        R.append((version, fields, block, selection))

    add("WARC/1.1", [("WARC-Type", "warcinfo"), ("WARC-Date", "2026-01-15T10:00:00Z"),
                     ("WARC-Filename", "sample.warc.gz"), ("WARC-Record-ID", rid(0)),
                     ("X-Note", "written for the Sluice\r\n  WARC reader tests"),
                     ("Content-Type", "application/warc-fields")],
        b"software: Sluice make_warc.py\r\nformat: WARC File Format 1.1\r\n",
        {"kind": "skipped", "reason": "warc:warcinfo"})
    add("WARC/1.1", [("WARC-Type", "request"), ("WARC-Target-URI", "http://example.com/"),
                     ("WARC-Date", "2026-01-15T10:00:01Z"), ("WARC-Record-ID", rid(1)),
                     ("Content-Type", "application/http; msgtype=request")],
        b"GET / HTTP/1.1\r\nHost: example.com\r\nUser-Agent: sluice-test\r\n\r\n",
        {"kind": "skipped", "reason": "warc:request"})

    def response(n, uri, date, status, headers, body, selection, version="WARC/1.1", status_line=None):
        add(version, [("WARC-Type", "response"), ("WARC-Target-URI", uri), ("WARC-Date", date),
                      ("WARC-Record-ID", rid(n)), ("Content-Type", "application/http; msgtype=response")],
            http_response(status_line or "HTTP/1.1 %s" % status, headers, body), selection)

    def doc(uri, date, n, ct, charset, is_html, body):
        return {"kind": "document", "url": uri, "date": date, "record_id": rid(n), "content_type": ct,
                "charset": charset, "is_html": is_html, "body_base64": base64.b64encode(body).decode()}

    response(2, "http://example.com/", "2026-01-15T10:00:02Z", "200 OK",
             [("Content-Type", "text/html; charset=UTF-8"), ("Content-Length", str(len(UTF8_PAGE)))], UTF8_PAGE,
             doc("http://example.com/", "2026-01-15T10:00:02Z", 2, "text/html", "utf-8", True, UTF8_PAGE))
    response(3, "http://example.ru/news", "2026-01-15T10:00:03Z", "200 OK",
             [("Server", "test"), ("content-type", "text/html;charset=windows-1251")], RU_PAGE,
             doc("http://example.ru/news", "2026-01-15T10:00:03Z", 3, "text/html", "windows-1251", True, RU_PAGE))
    response(4, "http://example.jp/", "2026-01-15T10:00:04Z", "200 OK",
             [("Content-Type", "text/html")], JA_PAGE,
             doc("http://example.jp/", "2026-01-15T10:00:04Z", 4, "text/html", None, True, JA_PAGE),
             status_line="HTTP/2 200")
    response(5, "http://example.com/chunked", "2026-01-15T10:00:05Z", "200 OK",
             [("Content-Type", "text/html; charset=\"utf-8\""), ("Transfer-Encoding", "chunked")],
             chunked(CHUNKED_PAGE, [40, 100]),
             doc("http://example.com/chunked", "2026-01-15T10:00:05Z", 5, "text/html", "utf-8", True, CHUNKED_PAGE))
    response(6, "http://example.com/missing", "2026-01-15T10:00:06Z", "404 Not Found",
             [("Content-Type", "text/html; charset=utf-8")], NOT_FOUND,
             {"kind": "skipped", "reason": "warc:status_404"})
    response(7, "http://example.com/logo.png", "2026-01-15T10:00:07Z", "200 OK",
             [("Content-Type", "image/png")], PNG,
             {"kind": "skipped", "reason": "warc:content_type"})
    add("WARC/1.1", [("WARC-Type", "revisit"), ("WARC-Target-URI", "http://example.com/"),
                     ("WARC-Date", "2026-01-16T10:00:00Z"), ("WARC-Record-ID", rid(8)),
                     ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
                     ("WARC-Refers-To", rid(2)), ("Content-Type", "application/http; msgtype=response")],
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n",
        {"kind": "skipped", "reason": "warc:revisit"})
    add("WARC/1.1", [("WARC-Type", "metadata"), ("WARC-Target-URI", "http://example.com/"),
                     ("WARC-Date", "2026-01-15T10:00:02Z"), ("WARC-Record-ID", rid(9)),
                     ("WARC-Concurrent-To", rid(2)), ("Content-Type", "application/warc-fields")],
        b"outlink: http://example.com/chunked\r\n",
        {"kind": "skipped", "reason": "warc:metadata"})
    # WARC/1.0 as wget writes it: the target URI in angle brackets.
    add("WARC/1.0", [("WARC-Type", "resource"), ("WARC-Target-URI", "<http://example.org/notes.txt>"),
                     ("WARC-Date", "2026-01-15T10:00:10Z"), ("WARC-Record-ID", rid(10)),
                     ("Content-Type", "text/plain; charset=\"ISO-8859-1\"")],
        LATIN1_TEXT,
        doc("http://example.org/notes.txt", "2026-01-15T10:00:10Z", 10, "text/plain", "iso-8859-1", False, LATIN1_TEXT))
    add("WARC/1.1", [("WARC-Type", "conversion"), ("WARC-Target-URI", "http://example.com/"),
                     ("WARC-Date", "2026-01-15T10:00:11.123456Z"), ("WARC-Record-ID", rid(11)),
                     ("WARC-Refers-To", rid(2)), ("Content-Type", "text/plain")],
        WET_TEXT,
        doc("http://example.com/", "2026-01-15T10:00:11.123456Z", 11, "text/plain", None, False, WET_TEXT))
    response(12, "http://example.com/gz", "2026-01-15T10:00:12Z", "200 OK",
             [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
             gzip.compress(GZ_PAGE, compresslevel=9, mtime=0),
             doc("http://example.com/gz", "2026-01-15T10:00:12Z", 12, "text/html", "utf-8", True, GZ_PAGE))
    return R


def encode(version, fields, block):
    head = version + "\r\n" + "".join("%s: %s\r\n" % kv for kv in fields)
    head += "Content-Length: %d\r\n\r\n" % len(block)
    return head.encode("utf-8") + block + CRLF + CRLF


def unfold(value):
    return " ".join(part.strip() for part in value.split("\r\n"))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Tests/SluiceTests/Fixtures/warc")
    os.makedirs(out, exist_ok=True)
    warc, gz, members, frames, manifest = b"", b"", [], [], []
    zstd = shutil.which("zstd")
    for i, (version, fields, block, selection) in enumerate(records()):
        rec = encode(version, fields, block)
        f = {k: unfold(v) for k, v in fields}
        uri = f.get("WARC-Target-URI")
        manifest.append({
            "ordinal": i, "offset": len(warc), "version": version,
            "fields": [[k, unfold(v)] for k, v in fields] + [["Content-Length", str(len(block))]],
            "type": f.get("WARC-Type"), "target_uri": uri.strip("<>") if uri else None,
            "date": f.get("WARC-Date"), "record_id": f.get("WARC-Record-ID"),
            "content_type": f.get("Content-Type"), "content_length": len(block),
            "block_base64": base64.b64encode(block).decode(), "selection": selection,
        })
        warc += rec
        members.append(len(gz))
        gz += gzip.compress(rec, compresslevel=9, mtime=0)
        if zstd:
            frames.append(subprocess.run([zstd, "-q", "-c", "-19"], input=rec, capture_output=True, check=True).stdout)
    files = {"sample.warc": warc, "sample.warc.gz": gz}
    if zstd:
        files["sample.warc.zst"] = b"".join(frames)
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(data)
    expected = {
        "note": "written by Scripts/make_warc.py; offsets count bytes of the uncompressed sample.warc",
        "warc_bytes": len(warc), "gzip_member_offsets": members, "zstd_frames": len(frames),
        "records": manifest,
    }
    with open(os.path.join(out, "expected.json"), "w") as fh:
        json.dump(expected, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    print(" ".join("%s=%d" % (k, len(v)) for k, v in files.items()), "records=%d" % len(manifest))


if __name__ == "__main__":
    main()
