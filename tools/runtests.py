#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Co-simulation test runner: every registered test x seed, in parallel.

Lists the tests with `Vsoc_top +list`, runs each (test, seed) with its own log file, prints
one `ok` / `FAIL` line per run (with the repro command for failures) and ends with
`N passed, N failed`. Exit code 0 when everything passed, 1 otherwise.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import time


def list_tests(binary):
    out = subprocess.run([binary, "+list"], check=True, capture_output=True, text=True)
    return [line.strip() for line in out.stdout.splitlines() if line.strip()]


def run_logged(cmd, log, timeout, who="runner"):
    """Run cmd with stdout and stderr into the file log, killed after timeout wall seconds.

    Returns (exit code, -1 when killed; killed; wall seconds). Shared with tools/soak.py.
    """
    t0 = time.monotonic()
    killed = False
    with open(log, "w") as f:
        try:
            rc = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT,
                                timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            f.write(f"\n{who}: killed after {timeout} s\n")
            rc, killed = -1, True
    return rc, killed, time.monotonic() - t0


def run_one(binary, test, seed, logdir, timeout, extra):
    log = os.path.join(logdir, f"{test}.{seed}.log")
    cmd = [binary, f"+test={test}", f"+seed={seed}"] + extra
    rc, _, dt = run_logged(cmd, log, timeout)
    return test, seed, rc, dt, log


def last_lines(path, n):
    try:
        with open(path, errors="replace") as f:
            return f.readlines()[-n:]
    except OSError:
        return []


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="build/sim/Vsoc_top", help="simulator binary")
    ap.add_argument("--seeds", default="3",
                    help="N (seeds 1..N) or a comma-separated list of seeds")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--filter", default="", help="run only tests whose name starts with this "
                    "(comma-separated prefixes)")
    ap.add_argument("--exclude", default="", help="skip tests whose name starts with this "
                    "(comma-separated prefixes)")
    ap.add_argument("--runs", default="",
                    help="explicit runs instead of tests x seeds: test:seed pairs separated "
                    "by commas or spaces (e.g. 'stress:17 stress_vm:18')")
    ap.add_argument("--logdir", default="build/sim/logs")
    ap.add_argument("--timeout", type=float, default=1800, help="wall seconds per run")
    ap.add_argument("extra", nargs="*", help="more plusargs for every run")
    args = ap.parse_args()

    seeds = ([int(s) for s in args.seeds.split(",")] if "," in args.seeds
             else list(range(1, int(args.seeds) + 1)))
    prefixes = [p for p in args.filter.split(",") if p]
    tests = [t for t in list_tests(args.bin)
             if not prefixes or any(t.startswith(p) for p in prefixes)]
    excludes = [p for p in args.exclude.split(",") if p]
    tests = [t for t in tests if not any(t.startswith(p) for p in excludes)]
    os.makedirs(args.logdir, exist_ok=True)

    passed = failed = 0
    jobs = [(t, s) for t in tests for s in seeds]
    if args.runs:
        known = set(list_tests(args.bin))
        jobs = []
        for run in args.runs.replace(",", " ").split():
            test, _, seed = run.partition(":")
            if test not in known or not seed.isdigit():
                print(f"runtests: bad run '{run}' (want test:seed, test one of +list)")
                return 1
            jobs.append((test, int(seed)))
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = [ex.submit(run_one, args.bin, t, s, args.logdir, args.timeout, args.extra)
                for t, s in jobs]
        for fut in concurrent.futures.as_completed(futs):
            test, seed, rc, dt, log = fut.result()
            if rc == 0:
                passed += 1
                print(f"ok   {test} seed={seed} ({dt:.1f} s)", flush=True)
            else:
                failed += 1
                print(f"FAIL {test} seed={seed} (exit {rc}, {dt:.1f} s) log: {log}", flush=True)
                for line in last_lines(log, 6):
                    print("     | " + line.rstrip())
                print(f"     repro: make sim-one TEST={test} SEED={seed}", flush=True)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
