#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""make bench: run every co-simulation test named bench_* once, collect their records, print
a table against the targets of doc/targets.md §1 and write a JSON list of the records.

Each test appends JSON lines (sim/c/bench.c tb_bench_record) to the file named by the
environment variable TB_BENCH_JSONL. A benchmark fails only when the DUT misbehaves (the test
run fails); a missed target is reported in the table, never as a failure. Exit code 1 when a
run failed.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import time


# A hit's added latency is at least the stage's cycle: 0 means the probe saw no memory AR.
ZERO_IS_ERROR = ("M1",)

def target(rec, by_metric):
    """(text, met) for a record: met is True/False, or None when no target applies."""
    m, v, L = rec["metric"], rec["value"], rec["L"]
    if m == "M1":
        return "<= 2", v <= 2
    if m == "M2":
        return ">= 0.9", v >= 0.9
    if m == "M3":
        return "<= 1 %", v <= 1.0
    if m == "M4" and L is not None:
        if not rec["name"].startswith("Sv39"):
            return "- (3L+6 is for Sv39)", None
        return f"<= 3L+6 = {3 * L + 6}", v <= 3 * L + 6
    if m == "M4w" and L is not None:
        return f"<= L+4 = {L + 4}", v <= L + 4
    if m == "M6":
        ref = [r["value"] for r in by_metric.get("M6-ref", [])
               if r["name"].startswith("lone") and r["L"] == L]
        if ref:
            return f"<= lone hit ({ref[0]:g})", v <= ref[0]
        return "hit not delayed", None
    if m == "M7":
        return ">= 4", v >= 4
    if m == "M9":
        lim = {30: 82, 100: 211}.get(L)
        if lim is not None:
            return f"<= {lim}", v <= lim
        return "-", None
    if m == "M10":
        return ">= 30" if L == 30 else "-", (v >= 30) if L == 30 else None
    if m == "M11":
        return "<= 64", v <= 64
    if m == "M14" and L is not None:
        return f"<= L+60 = {L + 60}", v <= L + 60
    if m == "M17":
        return ">= 2", v >= 2
    return "-", None


# Control-plane paths also printed in microseconds (what a driver waits for).
US_METRICS = ("M9", "M9-linux", "M11", "M13", "M14", "CMD")


def fpga_records(path, recs, fmax_default=None):
    """Fmax records from the FPGA runs (tools/pnr_report.py writes them) and, at the board's
    Fmax (else the out-of-context one, else @fmax_default), M1/M2/M4 in nanoseconds and the
    control-plane paths in microseconds."""
    try:
        with open(path) as f:
            runs = json.load(f)
    except (OSError, ValueError):
        runs = {}
    out, clk = [], None
    for name in sorted(runs):
        for cname, c in runs[name].get("clocks", {}).items():
            out.append({"metric": "Fmax", "name": f"{name} clock {cname} ({c.get('stage', '')})",
                        "value": c["fmax_mhz"], "unit": "MHz", "L": None,
                        "iotlb_entries": None})
            if name == "ulx3s" or clk is None:
                clk = c["fmax_mhz"]
    if not clk:
        clk = fmax_default
    if not clk:
        return out
    for r in recs:
        if r["metric"] in US_METRICS and r["unit"].startswith("cycles"):
            per = "/command" if r["unit"].endswith("/command") else ""
            out.append(dict(r, metric=r["metric"] + "-us", value=r["value"] / clk,
                            unit=f"us{per} @ {clk:g} MHz"))
        if r["metric"] in ("M1", "M4") and r["unit"] == "cycles":
            out.append(dict(r, metric=r["metric"] + "-ns", value=r["value"] * 1000.0 / clk,
                            unit=f"ns @ {clk:g} MHz"))
        if r["metric"] == "M2":
            out.append(dict(r, metric="M2-ns", value=r["value"] * clk,
                            unit=f"M translations/s @ {clk:g} MHz"))
    return out


def list_tests(binary, prefix):
    out = subprocess.run([binary, "+list"], check=True, capture_output=True, text=True)
    return [t.strip() for t in out.stdout.splitlines() if t.strip().startswith(prefix)]


def run_one(binary, test, seed, logdir, timeout, env_extra, max_cycles):
    jsonl = os.path.join(logdir, f"{test}.jsonl")
    log = os.path.join(logdir, f"{test}.{seed}.log")
    if os.path.exists(jsonl):
        os.remove(jsonl)
    env = dict(os.environ, TB_BENCH_JSONL=jsonl, **env_extra)
    cmd = [binary, f"+test={test}", f"+seed={seed}", f"+timeout={max_cycles}"]
    t0 = time.monotonic()
    with open(log, "w") as f:
        try:
            rc = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, env=env,
                                timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            f.write(f"\nbench: killed after {timeout} s\n")
            rc = -1
    recs = []
    if os.path.exists(jsonl):
        with open(jsonl) as f:
            for line in f:
                line = line.strip()
                if line:
                    recs.append(json.loads(line))
    return test, rc, time.monotonic() - t0, log, recs


def metric_key(rec):
    m = rec["metric"]
    base = m.split("-")[0]
    num = "".join(c for c in base if c.isdigit())
    return (int(num) if num else 999, base, m.endswith("-ref"), m)


def fmt_value(v):
    if abs(v) >= 100 or v == int(v):
        return f"{v:.0f}" if v == int(v) else f"{v:.1f}"
    return f"{v:.3g}"


def print_table(recs, by_metric):
    rows = [("metric", "name", "value", "unit", "L", "IOTLB", "target", "met")]
    for r in recs:
        text, met = target(r, by_metric)
        rows.append((r["metric"], r["name"], fmt_value(r["value"]), r["unit"],
                     "-" if r["L"] is None else str(r["L"]),
                     "-" if r.get("iotlb_entries") is None else str(r["iotlb_entries"]),
                     text, "-" if met is None else ("yes" if met else "no")))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    widths[1] = min(widths[1], 100)
    for n, row in enumerate(rows):
        cells = [row[i].ljust(widths[i]) if i != 2 else row[i].rjust(widths[i])
                 for i in range(len(row))]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="build/sim/Vsoc_top", help="simulator binary")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--prefix", default="bench_", help="run tests whose name starts with this")
    ap.add_argument("--out", default="build/bench.json", help="JSON list of every record")
    ap.add_argument("--fpga", default="build/fpga.json", help="FPGA runs (tools/pnr_report.py)")
    ap.add_argument("--fmax-mhz", type=float, default=None,
                    help="clock for the time figures when --fpga holds no Fmax")
    ap.add_argument("--logdir", default="build/sim/bench")
    ap.add_argument("--iotlb-entries", default="", help="passed to the tests (TB_IOTLB_ENTRIES)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=1800, help="wall seconds per run")
    ap.add_argument("--max-cycles", type=int, default=100000000, help="+timeout= per run")
    args = ap.parse_args()

    tests = list_tests(args.bin, args.prefix)
    if not tests:
        print(f"bench: no test named {args.prefix}* in {args.bin}")
        return 1
    os.makedirs(args.logdir, exist_ok=True)
    env_extra = {"TB_IOTLB_ENTRIES": str(args.iotlb_entries)} if args.iotlb_entries else {}
    # The simulation-speed benchmark runs alone, after the others, so that it has a core.
    speed = [t for t in tests if "speed" in t]
    others = [t for t in tests if t not in speed]
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = [ex.submit(run_one, args.bin, t, args.seed, args.logdir, args.timeout,
                          env_extra, args.max_cycles) for t in others]
        results += [f.result() for f in futs]
    for t in speed:
        results.append(run_one(args.bin, t, args.seed, args.logdir, args.timeout, env_extra,
                               args.max_cycles))

    failed = 0
    recs = []
    for test, rc, dt, log, trecs in results:
        unmeasured = [r["metric"] for r in trecs if r["metric"] in ZERO_IS_ERROR and r["value"] == 0]
        if rc == 0 and unmeasured:
            print(f"     {test}: {', '.join(unmeasured)} read 0: nothing measured")
            rc = 1
        if rc == 0:
            print(f"ok   {test} seed={args.seed} ({dt:.1f} s, {len(trecs)} records)")
        else:
            failed += 1
            print(f"FAIL {test} seed={args.seed} (exit {rc}, {dt:.1f} s) log: {log}")
            print(f"     repro: make sim-one TEST={test} SEED={args.seed}")
        with open(log, errors="replace") as f:
            for line in f:
                if "bench:" in line and "skipped" in line:
                    print("     " + line.strip())
        if rc == 0:
            recs += trecs   # a failed run's figures are not results
    recs += fpga_records(args.fpga, recs, args.fmax_mhz)
    recs.sort(key=metric_key)
    by_metric = {}
    for r in recs:
        by_metric.setdefault(r["metric"], []).append(r)
    print()
    print_table(recs, by_metric)
    out = [{k: r.get(k) for k in ("metric", "name", "value", "unit", "L", "iotlb_entries")}
           for r in recs]
    # Records other tools merged in (make soak: soak-*) are kept.
    try:
        with open(args.out) as f:
            out += [r for r in json.load(f) if str(r.get("metric", "")).startswith("soak-")]
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"\nbench: {len(recs)} records -> {args.out}; {len(results) - failed} runs passed, "
          f"{failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
