"""Benchmark the newsreader store against TinyDB's stock JSONStorage, in the same run.

Prints, for a database of N annotations (default 10,000, quoting the demo story's
sentences): the time to open it and the time to save one verdict (p50/p95), for
`store.AnnotationStore` (atomic, fsynced, locked) and for a plain `TinyDB(path)` with the
stock JSONStorage (no fsync, no atomic rename). Also compares orjson with the standard
json module for encoding the database, and times `newsreader import` of exports of
several sizes (default 10,000 and 100,000 annotations, each with its own id and times)
into a new database: the wall time and peak memory (RSS) of the command, and the ratio of
the largest to the smallest (linear growth: the ratio of the sizes; a copy of the table
per annotation, as imports once made: its square). Needs no data set: the annotations are
generated from the bundled demo story. Timings depend on the disk and on other load on
the machine.

    python scripts/bench_store.py [--annotations N] [--saves N] [--import-sizes N,N]
        [--dir FOLDER]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
from tinydb import Query, TinyDB

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsreader.annotations.anchors import targets_for_claim  # noqa: E402
from newsreader.engine.analysis import analyze  # noqa: E402
from newsreader.library.demo import load_demo_story  # noqa: E402
from newsreader.model import Annotation, Verdict  # noqa: E402
from store import AnnotationStore  # noqa: E402
from store.annotations import annotation_to_doc  # noqa: E402
from store.storage import SafeJSONStorage, write_atomically  # noqa: E402


def make_docs(count: int) -> list[dict]:
    """Annotations quoting the demo story's claims, spread over many story ids."""
    analysis = analyze(load_demo_story())
    claims = [(c, targets_for_claim(analysis, c)) for c in analysis.claims]
    docs = []
    for n in range(count):
        claim, targets = claims[n % len(claims)]
        docs.append(
            annotation_to_doc(
                Annotation(
                    id=str(uuid.UUID(int=n)),
                    story=f"story-{n // len(claims)}",
                    claim=claim.id,
                    status=Verdict.VERIFIED if n % 3 else Verdict.DISPUTED,
                    note="checked against the agency's statement" if n % 4 == 0 else None,
                    created="2026-01-01T00:00:00.000+00:00",
                    updated="2026-01-01T00:00:00.000+00:00",
                    targets=targets,
                )
            )
        )
    return docs


def percentile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of some timings."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(action: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def bench_ours(folder: Path, docs: list[dict], saves: int) -> dict[str, float]:
    path = folder / "ours.json"
    tables = {
        "meta": {"1": {"schema": 2}},
        "stories": {},
        "annotations": {str(i + 1): d for i, d in enumerate(docs)},
    }
    SafeJSONStorage(path, data=tables).write(tables)
    size = path.stat().st_size
    opens = []
    for _ in range(5):
        start = time.perf_counter()
        opened = AnnotationStore(path)
        opens.append((time.perf_counter() - start) * 1000)
        opened.close()
    store = AnnotationStore(path)
    # The floor set by the disk: the same bytes written, fsynced and renamed, nothing else;
    # measured in turns with the saves so both see the same load on the machine.
    floor_path, payload = folder / "floor.json", [path.read_bytes()]
    times, floor = [], []
    for n in range(saves):
        doc = docs[(n * 7919) % len(docs)]
        verdict = Verdict.DISPUTED if n % 2 else Verdict.VERIFIED
        times.append(
            timed(lambda d=doc, v=verdict: store.set_verdict(d["story"], d["claim"], v, ()))
        )
        floor.append(timed(lambda: write_atomically(floor_path, payload, keep_backup=False)))
    store.close()
    return {
        "size_mb": size / 1e6,
        "open": statistics.median(opens),
        "p50": percentile(times, 0.5),
        "p95": percentile(times, 0.95),
        "floor50": percentile(floor, 0.5),
        "floor95": percentile(floor, 0.95),
    }


def bench_stock(folder: Path, docs: list[dict], saves: int) -> dict[str, float]:
    path = folder / "stock.json"
    path.write_text(json.dumps({"annotations": {str(i + 1): d for i, d in enumerate(docs)}}))
    opens = []
    for _ in range(3):

        def open_and_read() -> None:
            db = TinyDB(path)
            len(db.table("annotations"))
            db.close()

        opens.append(timed(open_and_read))
    db = TinyDB(path)
    table = db.table("annotations")
    q = Query()
    times = []
    for n in range(saves):
        doc = docs[(n * 7919) % len(docs)]
        verdict = "disputed" if n % 2 else "verified"
        times.append(
            timed(
                lambda d=doc, v=verdict: table.update(
                    {"status": v}, (q.story == d["story"]) & (q.claim == d["claim"])
                )
            )
        )
    db.close()
    return {
        "open": statistics.median(opens),
        "p50": percentile(times, 0.5),
        "p95": percentile(times, 0.95),
    }


def bench_encoders(docs: list[dict]) -> dict[str, float]:
    data = {"annotations": {str(i + 1): d for i, d in enumerate(docs)}}
    stdlib = min(timed(lambda: json.dumps(data, ensure_ascii=False)) for _ in range(3))
    fast = min(timed(lambda: orjson.dumps(data)) for _ in range(3))
    return {"json": stdlib, "orjson": fast}


def _stamp(day: int, n: int) -> str:
    """A time of its own for annotation ``n`` (on a day of January 2026)."""
    moment = datetime(2026, 1, day, tzinfo=UTC) + timedelta(milliseconds=n)
    return moment.isoformat(timespec="milliseconds")


def write_export(path: Path, docs: list[dict]) -> None:
    """An export file of the annotations, each created and updated at its own time."""
    annotations = [
        {**doc, "created": _stamp(1, n), "updated": _stamp(2, n)} for n, doc in enumerate(docs)
    ]
    document = {"format": "newsreader-annotations", "version": 1, "annotations": annotations}
    path.write_bytes(orjson.dumps(document))


# Runs the command as `python -m newsreader` does, then reports the peak RSS of this process
# since it started (VmHWM; ru_maxrss of a child would count the benchmark's own memory,
# which the child shares until it starts the interpreter).
_MEASURED_RUN = """
import sys
from newsreader.cli.main import main
status = main(sys.argv[2:])
with open("/proc/self/status") as proc, open(sys.argv[1], "w") as out:
    out.write(next(line for line in proc if line.startswith("VmHWM:")).split()[1])
sys.exit(status)
"""


def bench_import(folder: Path, sizes: list[int]) -> list[dict[str, float]]:
    """Run `newsreader import` of an export of each size (and of an empty one, the baseline)
    into a new database: the wall time and the peak RSS of the command."""
    largest = make_docs(max(sizes))
    results = []
    # The empty export three times (the start-up, least disturbed by the first run's cold
    # caches), then each size once.
    for run, size in enumerate([0, 0, 0, *sizes]):
        export, db = folder / f"export-{size}.json", folder / f"import-{run}.json"
        write_export(export, largest[:size])
        peak = folder / "peak"
        command = [sys.executable, "-c", _MEASURED_RUN, str(peak), "--db", str(db), "import"]
        start = time.perf_counter()
        done = subprocess.run([*command, str(export)], cwd=ROOT, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"newsreader import of {size} annotations failed")
        # VmHWM is in kibibytes; MB here are millions of bytes.
        results.append({"size": size, "seconds": seconds, "mb": int(peak.read_text()) * 1024 / 1e6})
    baseline = min(results[:3], key=lambda r: r["seconds"])
    return [baseline, *results[3:]]


def print_import(results: list[dict[str, float]]) -> bool:
    """Print the import figures; True when 100,000 (if measured) met the targets.

    The first result is the baseline: an empty export (the command's start-up).
    """
    empty, measured = results[0], results[1:]
    print("newsreader import into a new database (wall time, peak RSS of the command):")
    print(f"  {'empty export':>21} {empty['seconds']:7.2f} s {empty['mb']:7.0f} MB  (start-up)")
    for r in measured:
        per = (r["seconds"] - empty["seconds"]) / r["size"] * 1e6
        print(
            f"  {r['size']:>9,} annotations {r['seconds']:7.2f} s {r['mb']:7.0f} MB  "
            f"({per:.0f} µs per annotation after start-up)"
        )
    small, large = measured[0], measured[-1]
    if large["size"] > small["size"]:
        scale = large["size"] / small["size"]
        work = (large["seconds"] - empty["seconds"]) / (small["seconds"] - empty["seconds"])
        print(
            f"  ratio {large['size']:,}/{small['size']:,} (after start-up): time {work:.1f}x "
            f"for {scale:.0f}x the annotations (linear: {scale:.0f}x; a table copy per "
            f"annotation: {scale**2:.0f}x)"
        )
    hundred = [r for r in results if r["size"] == 100_000]
    if not hundred:
        return True
    ok = hundred[0]["seconds"] < 10 and hundred[0]["mb"] < 400
    print(f"targets (100,000 imported in < 10 s and < 400 MB): {'met' if ok else 'NOT met'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=int, default=10_000)
    parser.add_argument("--saves", type=int, default=200, help="verdicts saved (ours)")
    parser.add_argument("--stock-saves", type=int, default=20, help="verdicts saved (stock)")
    parser.add_argument(
        "--import-sizes",
        default="10000,100000",
        help="annotations per export imported, comma-separated (default: 10000,100000)",
    )
    parser.add_argument("--dir", type=Path, help="folder for the databases (default: a temp dir)")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.import_sizes.split(","))
    docs = make_docs(args.annotations)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        ours = bench_ours(folder, docs, args.saves)
        stock = bench_stock(folder, docs, args.stock_saves)
        imports = bench_import(folder, sizes)
    enc = bench_encoders(docs)
    print(f"database: {args.annotations} annotations, {ours['size_mb']:.1f} MB")
    print(f"{'':34}{'open (ms)':>12}{'save p50 (ms)':>15}{'save p95 (ms)':>15}")
    print(
        f"{'AnnotationStore (SafeJSONStorage)':34}{ours['open']:12.1f}{ours['p50']:15.2f}"
        f"{ours['p95']:15.2f}"
    )
    print(
        f"{'TinyDB stock JSONStorage':34}{stock['open']:12.1f}{stock['p50']:15.2f}"
        f"{stock['p95']:15.2f}"
    )
    print(
        f"{'disk floor (write+fsync+rename)':34}{'':12}{ours['floor50']:15.2f}"
        f"{ours['floor95']:15.2f}"
    )
    print(
        f"ratio stock/ours: open {stock['open'] / ours['open']:.1f}x, "
        f"save p95 {stock['p95'] / ours['p95']:.1f}x"
    )
    print(
        f"encode whole database: json {enc['json']:.1f} ms, orjson {enc['orjson']:.1f} ms "
        f"({enc['json'] / enc['orjson']:.1f}x)"
    )
    ok = ours["p95"] < 15 and ours["open"] < 500
    print(f"targets (save p95 < 15 ms, open < 500 ms): {'met' if ok else 'NOT met'}")
    print_import(imports)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
