#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Summarise a nextpnr-ecp5 JSON report: Fmax and slack per clock, utilisation, worst paths.

Usage: pnr_report.py REPORT.json [--paths N] [--json OUT.json --name NAME]
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
    a = ap.parse_args()
    rep = json.load(open(a.report))
    out = {"name": a.name, "clocks": {}, "utilisation": {}, "paths": []}

    for clk, f in rep.get("fmax", {}).items():
        fmax, constr = f.get("achieved", 0.0), f.get("constraint", 0.0)
        slack_ns = 1000.0 / constr - 1000.0 / fmax if fmax and constr else 0.0
        out["clocks"][clk] = {"fmax_mhz": round(fmax, 2), "target_mhz": constr,
                              "slack_ns": round(slack_ns, 2)}
        print(f"clock {clk}: Fmax {fmax:.2f} MHz, target {constr:.2f} MHz, "
              f"slack {slack_ns:+.2f} ns ({'PASS' if fmax >= constr else 'FAIL'})")

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
        data.setdefault("fpga", {})[a.name] = out
        with open(a.json, "w") as f:
            json.dump(data, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
