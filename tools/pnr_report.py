#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Summarise a nextpnr-ecp5 JSON report: Fmax and slack per clock, utilisation, worst paths.

Usage: pnr_report.py REPORT.json [--log PNR.log] [--paths N] [--json OUT.json --name NAME]
With --json the summary is stored under NAME in OUT.json (a dict of runs; make bench reads it
to give the cycle figures in nanoseconds at the measured Fmax).
Each path is shown as the chain of modules it crosses (from the hierarchical cell names that
Yosys keeps when it flattens), with its logic depth and delay, so that a critical path can be
named by module without opening the log.
"""
import argparse
import json
import re
import sys


def module_of(cell):
    """Hierarchy of a flattened cell name: 'u_xlate.u_ctrl.st_q_DFF' -> 'u_xlate.u_ctrl'."""
    name = cell.lstrip("\\")
    parts = re.split(r"\.(?=[^.]*$)", name)
    hier = parts[0] if len(parts) == 2 else "(top)"
    # Drop Yosys-generated suffixes such as $abc$123 that may carry dots.
    hier = re.sub(r"\$[^.]*", "", hier).strip(".")
    return hier or "(top)"


def summarise_path(path):
    steps = path.get("path", [])
    mods, depth = [], 0
    for st in steps:
        if st.get("type") == "logic":
            depth += 1
        for key in ("from", "to"):
            loc = st.get(key)
            if isinstance(loc, dict) and "cell" in loc:
                m = module_of(loc["cell"])
                if not mods or mods[-1] != m:
                    mods.append(m)
    delay = sum(st.get("delay", 0.0) for st in steps)
    return depth, delay, mods


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--paths", type=int, default=3)
    ap.add_argument("--json")
    ap.add_argument("--name", default="design")
    ap.add_argument("--log", help="nextpnr log: Fmax when the report has none (placement only)")
    a = ap.parse_args()
    rep = json.load(open(a.report))
    out = {"name": a.name, "clocks": {}, "utilisation": {}, "paths": []}

    fmax_all = dict(rep.get("fmax", {}))
    if not fmax_all and a.log:
        # "Max frequency for clock 'clk': 15.52 MHz (FAIL at 50.00 MHz)": the last line per clock
        # is the latest estimate (after placement, or after routing).
        pat = re.compile(r"Max frequency for clock '([^']+)': ([0-9.]+) MHz \((?:PASS|FAIL) at ([0-9.]+)")
        for line in open(a.log, errors="replace"):
            m = pat.search(line)
            if m:
                fmax_all[m.group(1)] = {"achieved": float(m.group(2)),
                                        "constraint": float(m.group(3)), "estimate": True}
    for clk, f in fmax_all.items():
        fmax, constr = f.get("achieved", 0.0), f.get("constraint", 0.0)
        slack_ns = 1000.0 / constr - 1000.0 / fmax if fmax and constr else 0.0
        est = f.get("estimate", False)
        out["clocks"][clk] = {"fmax_mhz": round(fmax, 2), "target_mhz": constr,
                              "slack_ns": round(slack_ns, 2),
                              "stage": "placement estimate" if est else "routed"}
        print(f"clock {clk}: Fmax {fmax:.2f} MHz{' (placement estimate)' if est else ''}, "
              f"target {constr:.2f} MHz, slack {slack_ns:+.2f} ns "
              f"({'PASS' if fmax >= constr else 'FAIL'})")

    util = rep.get("utilization", {})
    for kind in ("TRELLIS_COMB", "TRELLIS_FF", "DP16KD", "MULT18X18D", "TRELLIS_RAMW", "TRELLIS_IO"):
        if kind in util:
            u = util[kind]
            out["utilisation"][kind] = {"used": u["used"], "available": u["available"]}
            print(f"  {kind:13s} {u['used']:7d} / {u['available']:7d} "
                  f"({100.0 * u['used'] / max(1, u['available']):.1f} %)")

    crit = rep.get("critical_paths", [])
    crit.sort(key=lambda p: -sum(s.get("delay", 0.0) for s in p.get("path", [])))
    for p in crit[: a.paths]:
        depth, delay, mods = summarise_path(p)
        frm, to = p.get("from", "?"), p.get("to", "?")
        out["paths"].append({"from": frm, "to": to, "delay_ns": round(delay, 2),
                             "logic_levels": depth, "modules": mods})
        print(f"  path {frm} -> {to}: {delay:.2f} ns, {depth} logic levels")
        print(f"    through: {' > '.join(mods)}")

    if a.json:
        try:
            data = json.load(open(a.json))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        data[a.name] = out
        with open(a.json, "w") as f:
            json.dump(data, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
