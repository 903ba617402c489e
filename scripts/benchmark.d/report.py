#!/usr/bin/env python3
"""Turns the benchmark CLI's JSON results (docs/bench/*.json, written by scripts/benchmark)
into the tables of docs/performance.md (between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`)
and the coinbase curve, docs/img/coinbase.svg. Standard library only.

Weights are the CLI's: the median extrinsic time of each step, plus its storage reads and
writes priced at the ParityDB costs measured on this machine (runtime/src/weights/paritydb.rs).
"""
import gzip
import json
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BLOCK_REF_TIME_PS = 2_000_000_000_000  # 2 s of compute: the runtime's maximum block weight


def text(value):
    return bytes(value).decode() if isinstance(value, list) else str(value)


def db_costs():
    """(read, write) in picoseconds from runtime/src/weights/paritydb.rs."""
    source = (ROOT / "runtime/src/weights/paritydb.rs").read_text()
    read = re.search(r"read:\s*([\d_]+)\s*\*\s*constants::WEIGHT_REF_TIME_PER_NANOS", source)
    write = re.search(r"write:\s*([\d_]+)\s*\*\s*constants::WEIGHT_REF_TIME_PER_NANOS", source)
    if not (read and write):
        sys.exit("report.py: cannot read the ParityDB costs from runtime/src/weights/paritydb.rs")
    return int(read.group(1).replace("_", "")) * 1000, int(write.group(1).replace("_", "")) * 1000


def load(path):
    """A results file, or its gzip (the large ones are kept compressed)."""
    path = Path(path)
    if not path.exists():
        path = path.with_name(path.name + ".gz")
    if path.suffix == ".gz":
        return json.loads(gzip.decompress(path.read_bytes()))
    return json.loads(path.read_text())


def present(path):
    path = Path(path)
    return path.exists() or path.with_name(path.name + ".gz").exists()


def steps(batch):
    """{component values tuple: ([time results], [database results])} of one benchmark: the
    CLI measures time and storage accesses in separate runs."""
    grouped = {}
    for kind, index in (("time_results", 0), ("db_results", 1)):
        for result in batch[kind]:
            key = tuple(value for _, value in result["components"])
            grouped.setdefault(key, ([], []))[index].append(result)
    return grouped


def summary(results, costs):
    """Median time (ps), reads, writes, proof size and weight (ps) of one step's repeats."""
    times, accesses = results
    time_ps = statistics.median(r["extrinsic_time"] for r in times) * 1000
    first = accesses[0] if accesses else times[0]
    reads, writes = first["reads"], first["writes"]
    weight = time_ps + reads * costs[0] + writes * costs[1]
    return {"time": time_ps, "reads": reads, "writes": writes, "proof": first.get("proof_size", 0), "weight": weight}


def replace_section(markdown, name, body):
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    if not pattern.search(markdown):
        sys.exit(f"report.py: docs/performance.md has no {start} … {end} section")
    return pattern.sub(start + "\n" + body.rstrip() + "\n" + end, markdown)


def compare_table(batches, costs):
    wanted = [
        ("pallet_dtao", "add_stake"),
        ("pallet_dtao", "remove_stake"),
        ("pallet_dtao", "move_stake"),
        ("pallet_asset_conversion", "swap_exact_tokens_for_tokens"),
        ("pallet_balances", "transfer_keep_alive"),
    ]
    rows = {}
    for batch in batches:
        key = (text(batch["pallet"]), text(batch["benchmark"]))
        if key in wanted:
            grouped = steps(batch)
            lowest = min(grouped)  # the swap at its shortest path (2 assets, one pool)
            rows[key] = summary(grouped[lowest], costs)
    missing = [f"{p}::{b}" for p, b in wanted if (p, b) not in rows]
    if missing:
        sys.exit("report.py: compare.json lacks " + ", ".join(missing))
    swap = rows[("pallet_asset_conversion", "swap_exact_tokens_for_tokens")]
    lines = [
        "| call | ref_time (µs) | reads | writes | proof (B) | weight with DB (µs) | × swap (ref_time) | × swap (weight) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key in wanted:
        r = rows[key]
        lines.append(
            f"| `{key[0]}::{key[1]}` | {r['time'] / 1e6:.1f} | {r['reads']} | {r['writes']} | {r['proof']} "
            f"| {r['weight'] / 1e6:.1f} | {r['time'] / swap['time']:.2f} | {r['weight'] / swap['weight']:.2f} |"
        )
    return "\n".join(lines)


def curve(batches, costs):
    for batch in batches:
        if text(batch["benchmark"]) == "on_initialize":
            grouped = steps(batch)
            return [(key[0], summary(grouped[key], costs)) for key in sorted(grouped)]
    sys.exit("report.py: coinbase.json has no on_initialize benchmark")


def curve_table(points):
    lines = [
        "| subnets | ref_time (ms) | reads | writes | weight with DB (ms) | share of the block |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for s, r in points:
        lines.append(
            f"| {s} | {r['time'] / 1e9:.2f} | {r['reads']} | {r['writes']} | {r['weight'] / 1e9:.2f} "
            f"| {100 * r['weight'] / BLOCK_REF_TIME_PS:.2f} % |"
        )
    return "\n".join(lines)


def svg(points, path):
    """Weight (ms) against subnets, compute alone and with the database, and the 3 % line."""
    width, height, left, right, top, bottom = 720, 420, 70, 20, 30, 55
    xs = [s for s, _ in points]
    ys_total = [r["weight"] / 1e9 for _, r in points]
    ys_time = [r["time"] / 1e9 for _, r in points]
    goal = 0.03 * BLOCK_REF_TIME_PS / 1e9
    x_max = max(xs)
    y_max = max(max(ys_total), goal) * 1.1

    def px(x):
        return left + (width - left - right) * x / x_max

    def py(y):
        return height - bottom - (height - top - bottom) * y / y_max

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2}" y="18" text-anchor="middle" font-size="14">on_initialize (coinbase, no epoch) against the number of subnets</text>',
    ]
    for i in range(6):
        y = y_max * i / 5
        out.append(f'<line x1="{left}" y1="{py(y):.1f}" x2="{width - right}" y2="{py(y):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{py(y) + 4:.1f}" text-anchor="end">{y:.0f}</text>')
    for x in range(0, x_max + 1, 128):
        out.append(f'<line x1="{px(x):.1f}" y1="{height - bottom}" x2="{px(x):.1f}" y2="{height - bottom + 5}" stroke="black"/>')
        out.append(f'<text x="{px(x):.1f}" y="{height - bottom + 18}" text-anchor="middle">{x}</text>')
    out.append(f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="black"/>')
    out.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="black"/>')
    out.append(f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">subnets</text>')
    out.append(f'<text x="18" y="{(top + height - bottom) / 2}" text-anchor="middle" transform="rotate(-90 18 {(top + height - bottom) / 2})">weight (ms of ref_time)</text>')
    for ys, colour, label in [(ys_total, "#c0392b", "with ParityDB reads and writes"), (ys_time, "#2471a3", "compute (WASM) alone")]:
        line = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, ys))
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{line}"/>')
    out.append(f'<line x1="{left}" y1="{py(goal):.1f}" x2="{width - right}" y2="{py(goal):.1f}" stroke="#555" stroke-dasharray="6 4"/>')
    out.append(f'<text x="{width - right - 4}" y="{py(goal) - 5:.1f}" text-anchor="end" fill="#555">3 % of the block ({goal:.0f} ms)</text>')
    for i, (colour, label) in enumerate([("#c0392b", "with ParityDB reads and writes"), ("#2471a3", "compute (WASM) alone")]):
        y = top + 14 + 16 * i
        out.append(f'<line x1="{left + 12}" y1="{y}" x2="{left + 36}" y2="{y}" stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{left + 42}" y="{y + 4}">{label}</text>')
    out.append("</svg>")
    Path(path).write_text("\n".join(out) + "\n")


def main():
    bench_dir = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs/bench")
    img_dir = Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "docs/img")
    img_dir.mkdir(parents=True, exist_ok=True)
    costs = db_costs()
    doc = ROOT / "docs/performance.md"
    markdown = doc.read_text()
    markdown = replace_section(markdown, "db", f"| ParityDB read | {costs[0] / 1e6:.1f} µs |\n| ParityDB write | {costs[1] / 1e6:.1f} µs |")
    if present(bench_dir / "compare.json"):
        markdown = replace_section(markdown, "compare", compare_table(load(bench_dir / "compare.json"), costs))
    if present(bench_dir / "coinbase.json"):
        points = curve(load(bench_dir / "coinbase.json"), costs)
        markdown = replace_section(markdown, "curve", curve_table(points))
        svg(points, img_dir / "coinbase.svg")
    doc.write_text(markdown)


if __name__ == "__main__":
    main()
