#!/usr/bin/env python3
"""Sluice side by side with Python peers on the same generated corpus (issue 7, point 3).

    python3 -m venv /tmp/venv-peers && /tmp/venv-peers/bin/pip install datatrove zstandard orjson regex
    swift build -c release --product sluice && swift build -c release --product sluice-bench
    /tmp/venv-peers/bin/python Benchmarks/compare_peers.py [--mb 20] [--corpus DIR] [--bin .build/release]
    (or: bash Benchmarks/compare_peers.sh [MB], which does all of the above)

The venv lives outside the repository: the peers are never a dependency of Sluice.
Each tool runs in its own child process under /usr/bin/time, one process / one core each
(datatrove: LocalPipelineExecutor with 1 task and 1 worker; Sluice: --jobs 1), and is
charged its CPU seconds (user+sys) and peak RSS:

  - py-passthrough   Python zstandard + orjson: decompress, parse, serialize, recompress (level 3)
  - datatrove        JsonlReader -> GopherQualityFilter -> C4QualityFilter -> JsonlWriter (zstd)
  - sluice passthrough / news (the default pipeline) / gopher+c4 (like for like with the
    datatrove run: read, Gopher quality and C4 filters dropping, write) / filtered
    (Pipelines/filtered.yaml: clean, language, split, tag, terms and the quality stage
    dropping Gopher, C4 and FineWeb failures)

datatrove's filters run at ~0.2 MB/s, so the default corpus is 20 MB (about two minutes of
datatrove); the ratios are per MB, so they do not depend on the corpus size.
"""
import argparse, os, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def worker_passthrough(src, dst):
    import orjson, zstandard
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if not name.endswith(".zst"):
            continue
        with open(os.path.join(src, name), "rb") as fi, open(os.path.join(dst, name), "wb") as fo:
            reader = zstandard.ZstdDecompressor().stream_reader(fi, read_across_frames=True)
            import io
            text = io.BufferedReader(reader, buffer_size=1 << 20)
            writer = zstandard.ZstdCompressor(level=3).stream_writer(fo, closefd=False)
            for line in text:
                try:
                    obj = orjson.loads(line)
                except orjson.JSONDecodeError:
                    continue
                writer.write(orjson.dumps(obj) + b"\n")
            writer.flush(zstandard.FLUSH_FRAME)


def worker_datatrove(src, dst):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.filters import C4QualityFilter, GopherQualityFilter
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    def adapter(self, data, path, id_in_file):
        # The corpus holds a few records whose "text" is not a string (Sluice rejects them as
        # no_text); datatrove's reader would crash on them, so they become empty documents.
        if not isinstance(data.get("text", ""), str):
            data["text"] = ""
        return self._default_adapter(data, path, id_in_file)

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(src, glob_pattern="*.jsonl.zst", compression="zstd", adapter=adapter),
            GopherQualityFilter(),
            C4QualityFilter(),
            JsonlWriter(dst, compression="zstd"),
        ],
        tasks=1, workers=1, logging_dir=dst + "-logs", skip_completed=False,
    ).run()


def timed(argv):
    """(wall, cpu, peak RSS MB, exit status) of argv under /usr/bin/time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", t.name] + argv,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        last = [l for l in open(t.name).read().splitlines() if l.strip()][-1].split()
    wall, user, sys_, rss = float(last[0]), float(last[1]), float(last[2]), int(last[3])
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode(errors="replace")[-3000:])
    return wall, user + sys_, rss / 1024, p.returncode


def uncompressed_bytes(src):
    import zstandard
    total = 0
    for name in os.listdir(src):
        if name.endswith(".zst"):
            with open(os.path.join(src, name), "rb") as f:
                r = zstandard.ZstdDecompressor().stream_reader(f, read_across_frames=True)
                while chunk := r.read(1 << 20):
                    total += len(chunk)
    return total


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        {"passthrough": worker_passthrough, "datatrove": worker_datatrove}[sys.argv[2]](sys.argv[3], sys.argv[4])
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20, help="size of the generated corpus (MB of JSONL)")
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--corpus", help="use this directory of *.jsonl.zst instead of generating one")
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release"), help="folder of sluice and sluice-bench")
    ap.add_argument("--skip", default="", help="comma-separated tools to skip (datatrove, py-passthrough)")
    a = ap.parse_args()
    sluice = os.path.join(a.bin, "sluice")
    work = tempfile.mkdtemp(prefix="sluice-peers-")
    try:
        corpus = a.corpus
        if not corpus:
            corpus = os.path.join(work, "corpus")
            subprocess.run([os.path.join(a.bin, "sluice-bench"), "corpus", corpus, "--mb", str(a.mb),
                            "--files", str(a.files)], check=True)
        mb = uncompressed_bytes(corpus) / 1e6
        py = sys.executable
        runs = []
        skip = set(a.skip.split(","))
        if "py-passthrough" not in skip:
            runs.append(("py zstandard+orjson pass-through", [py, __file__, "--worker", "passthrough", corpus, work + "/py"]))
        if "datatrove" not in skip:
            runs.append(("datatrove Gopher+C4 filters", [py, __file__, "--worker", "datatrove", corpus, work + "/dt"]))
        for name, pipe in [("passthrough", os.path.join(work, "passthrough.yaml")), ("news (default)", "news"),
                           ("gopher+c4 (same filters)", os.path.join(work, "gopher-c4.yaml")),
                           ("filtered (quality)", os.path.join(ROOT, "Pipelines", "filtered.yaml"))]:
            runs.append(("sluice " + name, [sluice, "run", corpus, "-o", work + "/s-" + name.split()[0], "-p", pipe,
                                             "--jobs", "1", "--progress", "none"]))
        with open(os.path.join(work, "passthrough.yaml"), "w") as f:
            f.write("name: passthrough\nstages: []\nsink:\n  format: jsonl\n  compression_level: 3\n")
        # Like for like with the datatrove run: read, Gopher quality + C4 filters (dropping), write.
        with open(os.path.join(work, "gopher-c4.yaml"), "w") as f:
            f.write("name: gopher-c4\nstages:\n  - quality:\n      filters: [gopher_quality, c4]\n"
                    "      drop: [gopher_quality, c4]\nsink:\n  format: jsonl\n  compression_level: 3\n")
        results = {}
        for name, argv in runs:
            print(f"running {name} …", file=sys.stderr, flush=True)
            wall, cpu, rss, rc = timed(argv)
            results[name] = (wall, cpu, rss, rc)
        ref = {"py": "sluice passthrough", "datatrove": "sluice gopher+c4 (same filters)"}
        print(f"\ncorpus: {corpus}: {mb:.1f} MB uncompressed JSONL; one process, one core each; "
              f"{os.cpu_count()} cores, shared")
        print(f"{'tool':36} {'CPU s':>8} {'wall s':>8} {'MB/CPU-s':>9} {'RSS MB':>7}  Sluice is … faster (CPU)")
        for name, (wall, cpu, rss, rc) in results.items():
            comp = ""
            for prefix, target in ref.items():
                if name.startswith(prefix) and target in results:
                    comp = f"{cpu / results[target][1]:.1f}× vs {target}"
            for other in ("sluice filtered (quality)", "sluice news (default)"):
                if name.startswith("datatrove") and other in results:
                    comp += f", {cpu / results[other][1]:.1f}× vs {other}"
            status = "" if rc == 0 else f"  (exit {rc})"
            print(f"{name:36} {cpu:8.2f} {wall:8.2f} {mb / cpu:9.2f} {rss:7.0f}  {comp}{status}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
