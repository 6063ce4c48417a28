#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Soak: runs of the stress tests (+soak) until a number of DMAs is reached, one summary line.

Runs `stress` and `stress_vm` with +soak (stress adds bus errors on page-table and device-context
reads, illegal commands, command-queue memory faults and fault storms that overflow the fault
queue) and +ops=N (longer runs than `make stress`, so that boot and table set-up cost less per
DMA), seed after seed, on -j jobs, until the finished runs account for --dmas DMAs. Every DMA is
checked by the scoreboard against the golden model and every memory write by the isolation
canary (sim/c/canary.h); each run ends with a `SOAK ...` line with its figures, which are summed
here. Before the runs, a canary self-test: one short run with +canary_fault (a deliberate stray
write) must fail and both canary checks must have caught the write.

Ends with one line: `soak: R passed, F failed: N DMAs, ... , wall T s` (the `N passed, N failed`
head is what `make test` adds up), writes the figures into --json (records `soak-*`, other
records kept) and exits 1 on any mismatch, stray write, hang or failed run.
"""
import argparse
import concurrent.futures
import json
import os
import re
import signal
import sys
import time

from runtests import run_logged

FIELDS = ("dmas", "faults", "dropped", "mismatches", "stray", "hangs")
SOAK_RE = re.compile(r"^SOAK test=(\S+) seed=(\d+) (.*)$", re.M)


def parse(log):
    try:
        with open(log, errors="replace") as f:
            text = f.read()
    except OSError:
        return None, ""
    m = None
    for m in SOAK_RE.finditer(text):
        pass
    if not m:
        return None, text
    vals = dict(kv.split("=", 1) for kv in m.group(3).split())
    return {k: int(vals.get(k, 0)) for k in FIELDS}, text


def run_one(binary, test, seed, ops, logdir, timeout, extra=(), tag=""):
    log = os.path.join(logdir, f"{test}.{seed}{tag}.log")
    cycles = ops * (6000 if test == "stress_vm" else 3000) + 5000000
    cmd = [binary, f"+test={test}", f"+seed={seed}", "+soak", f"+ops={ops}",
           f"+timeout={cycles}", *extra]
    rc, killed, _ = run_logged(cmd, log, timeout, who="soak")
    figs, _ = parse(log)
    if figs is None:  # no SOAK line: killed (a hang) or crashed (counted as a mismatch)
        figs = dict.fromkeys(FIELDS, 0)
        figs["hangs" if killed else "mismatches"] = 1
    return test, seed, rc, figs, log


def self_test(binary, logdir, timeout):
    """A deliberate stray write: the run must fail, and both canary checks must see it."""
    test, seed, rc, figs, log = run_one(binary, "stress", 1, 200, logdir, timeout,
                                        ("+canary_fault=10",), ".canary")
    _, text = parse(log)
    by_grant = "outside every live mapping" in text
    by_sum = "page written outside every placed range" in text
    ok = rc != 0 and figs["stray"] > 0 and by_grant and by_sum
    if not ok:
        print(f"soak: canary self-test FAILED (rc {rc}, {figs['stray']} stray, grant check "
              f"{by_grant}, checksum {by_sum}); log {log}")
    return ok, figs["stray"]


def write_json(path, tot, runs, wall, target):
    recs = []
    if os.path.exists(path):
        try:
            with open(path) as f:
                recs = json.load(f)
        except (OSError, ValueError):
            recs = []
    if not isinstance(recs, list):
        recs = []
    recs = [r for r in recs if not str(r.get("metric", "")).startswith("soak-")]
    names = {"dmas": ("DMAs checked against the golden model", "DMAs"),
             "faults": ("fault records drained from the queue", "records"),
             "dropped": ("fault records dropped on overflow (at least)", "records"),
             "mismatches": ("mismatches (scoreboard, queue, checks)", "count"),
             "stray": ("stray writes (isolation canary)", "writes"),
             "hangs": ("hangs (watchdogs)", "runs")}
    for k, (name, unit) in names.items():
        recs.append({"metric": f"soak-{k}", "name": f"soak ({target} DMAs asked): {name}",
                     "value": tot[k], "unit": unit, "L": None, "iotlb_entries": None})
    recs.append({"metric": "soak-runs", "name": "soak: runs", "value": runs, "unit": "runs",
                 "L": None, "iotlb_entries": None})
    if wall is not None:
        recs.append({"metric": "soak-wall-s", "name": "soak: wall time", "value": round(wall, 1),
                     "unit": "s", "L": None, "iotlb_entries": None})
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        json.dump(recs, f, indent=1)
        f.write("\n")


def from_logs(args):
    tot = dict.fromkeys(FIELDS, 0)
    passed = failed = 0
    for name in sorted(os.listdir(args.logdir)):
        if not name.endswith(".log") or ".canary" in name:
            continue
        figs, text = parse(os.path.join(args.logdir, name))
        if figs is None:
            continue  # in flight when the soak stopped
        for k in FIELDS:
            tot[k] += figs[k]
        ok = re.search(r"^PASS ", text, re.M) and not (figs["mismatches"] or figs["stray"] or
                                                       figs["hangs"])
        passed, failed = passed + bool(ok), failed + (not ok)
    if args.json:
        write_json(args.json, tot, passed + failed, None, args.dmas)
    print(f"soak (from the logs of {args.logdir}): {passed} passed, {failed} failed: "
          f"{tot['dmas']} DMAs, {tot['faults']} faults recorded, {tot['dropped']} records "
          f"dropped on overflow, {tot['mismatches']} mismatches, {tot['stray']} stray writes, "
          f"{tot['hangs']} hangs")
    return 1 if failed or tot["mismatches"] or tot["stray"] or tot["hangs"] else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="build/sim/Vsoc_top")
    ap.add_argument("--dmas", type=int, default=1000000, help="DMAs to reach")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--logdir", default="build/sim/soak")
    ap.add_argument("--json", default="", help="bench.json to merge the soak-* records into")
    ap.add_argument("--seed-base", type=int, default=1, help="first seed")
    ap.add_argument("--ops", type=int, default=2000, help="+ops= of a stress run")
    ap.add_argument("--vm-ops", type=int, default=1000, help="+ops= of a stress_vm run")
    ap.add_argument("--vm-every", type=int, default=4,
                    help="one stress_vm run after every N stress runs")
    ap.add_argument("--timeout", type=float, default=1800, help="wall seconds per run")
    ap.add_argument("--from-logs", action="store_true",
                    help="run nothing: sum the SOAK lines of the finished runs in --logdir "
                    "(a soak that was stopped)")
    args = ap.parse_args()
    os.makedirs(args.logdir, exist_ok=True)
    t0 = time.monotonic()
    if args.from_logs:
        return from_logs(args)
    # SIGTERM / SIGINT: no new runs; the ones in flight finish and the summary is printed.
    stop = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.append(1))

    canary_ok, canary_caught = self_test(args.bin, args.logdir, args.timeout)

    def schedule():
        i = 0
        while True:  # run i: seed base + i; every (vm_every + 1)-th run is stress_vm
            vm = args.vm_every > 0 and i % (args.vm_every + 1) == args.vm_every
            yield ("stress_vm", args.seed_base + i, args.vm_ops) if vm else \
                ("stress", args.seed_base + i, args.ops)
            i += 1

    tot = dict.fromkeys(FIELDS, 0)
    passed = failed = 0
    per_op = {"stress": 1.0, "stress_vm": 0.9}  # DMAs per op, refined as runs finish
    ops_done = {"stress": 0, "stress_vm": 0}
    dmas_done = {"stress": 0, "stress_vm": 0}
    sched = schedule()
    last_report = t0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        pending = {}

        def expected():
            return tot["dmas"] + sum(per_op[t] * o for t, o in pending.values())

        while True:
            while len(pending) < args.jobs and expected() < args.dmas and not stop:
                test, seed, ops = next(sched)
                fut = ex.submit(run_one, args.bin, test, seed, ops, args.logdir, args.timeout)
                pending[fut] = (test, ops)
            if not pending:
                break
            done, _ = concurrent.futures.wait(pending,
                                              return_when=concurrent.futures.FIRST_COMPLETED)
            for fut in done:
                test, ops = pending.pop(fut)
                test, seed, rc, figs, log = fut.result()
                for k in FIELDS:
                    tot[k] += figs[k]
                ops_done[test] += ops
                dmas_done[test] += figs["dmas"]
                per_op[test] = dmas_done[test] / ops_done[test]
                bad = rc != 0 or figs["mismatches"] or figs["stray"] or figs["hangs"]
                if bad:
                    failed += 1
                    print(f"soak: FAIL {test} seed={seed} ({log}): {figs}; "
                          f"repro: {args.bin} +test={test} +seed={seed} +soak +ops={ops}")
                else:
                    passed += 1
            if time.monotonic() - last_report > 120:
                last_report = time.monotonic()
                print(f"soak: ... {tot['dmas']} DMAs, {passed + failed} runs, "
                      f"{last_report - t0:.0f} s", flush=True)

    wall = time.monotonic() - t0
    if canary_ok:
        passed += 1
    else:
        failed += 1
    if args.json:
        write_json(args.json, tot, passed + failed, wall, args.dmas)
    print(f"soak: {passed} passed, {failed} failed: {tot['dmas']} DMAs, "
          f"{tot['faults']} faults recorded, {tot['dropped']} records dropped on overflow, "
          f"{tot['mismatches']} mismatches, {tot['stray']} stray writes, {tot['hangs']} hangs "
          f"(canary self-test: {canary_caught} stray writes caught), {wall:.0f} s wall, "
          f"-j {args.jobs}{', stopped early' if stop else ''}", flush=True)
    bad = failed or tot["mismatches"] or tot["stray"] or tot["hangs"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
