#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""make bench: draw the benchmark records of build/bench.json as PNG files beside it.

bench_latency.png  each control-plane latency (M9, M11, M13 miss, M14 1LVL/3LVL) against the
                   memory latency L, with the best open hardware IOMMU's figure for the same path
                   (issue 12's reference column) and the target as dashed lines, and the
                   datapath's M4 miss penalty for scale.
bench_area.png     LUT4 per block from `make synth` ($(BUILD)/synth/*.stat), when present.

Needs matplotlib (pinned in tools/install-deps.sh); without it, says so and exits 0.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

# (metric, name prefix, label, hardware reference f(L) or None, target f(L) or None). The
# hardware reference writes its fault record during the walk (~0 cycles): not drawn on a log axis.
PATHS = [
    ("M9", "IOTINVAL.VMA + IOFENCE.C", "M9 IOTINVAL + IOFENCE.C (AV store)",
     lambda L: 2 * L + 11, lambda L: 150 if L <= 30 else 250),
    ("M9-linux", "strict-mode unmap", "strict-mode unmap as Linux waits\n(cqt write -> cqh polled)",
     None, None),
    ("M11", "read page fault", "M11 fault record", None, lambda L: 100),
    ("M13", "MSI-PTE cache miss", "M13 MSI-PTE miss", None, lambda L: 400),
    ("M14", "context miss, ddtp 1LVL", "M14 context miss 1LVL",
     lambda L: L + 8, lambda L: 300),
    ("M14", "context miss, ddtp 3LVL", "M14 context miss 3LVL",
     lambda L: L + 11, lambda L: 400),
]


def series(recs, metric, prefix):
    pts = sorted((r["L"], r["value"]) for r in recs
                 if r["metric"] == metric and r["name"].startswith(prefix) and r["L"] is not None)
    return [p[0] for p in pts], [p[1] for p in pts]


def plot_latency(plt, recs, out):
    cols = 3
    rows = (len(PATHS) + cols - 1) // cols
    fig, grid = plt.subplots(rows, cols, figsize=(4.6 * cols, 3.6 * rows + 0.8))
    axes = list(grid.flat)
    for ax in axes[len(PATHS):]:
        ax.set_visible(False)
    for ax, (metric, prefix, label, ref, tgt) in zip(axes, PATHS):
        xs, ys = series(recs, metric, prefix)
        if not xs:
            ax.set_title(f"{label}\n(not measured)")
            continue
        ax.plot(xs, ys, "o-", color="tab:blue", label="this IOMMU (firmware)")
        if ref is not None:
            ax.plot(xs, [ref(x) for x in xs], "s--", color="tab:green",
                    label="best open hardware IOMMU")
        if tgt is not None:
            ax.plot(xs, [tgt(x) for x in xs], ":", color="tab:red", label="target (issue 12)")
        m4x, m4y = series(recs, "M4", "Sv39")
        if m4x:
            ax.plot(m4x, m4y, "^-", color="0.6", ms=4, lw=1, label="M4 IOTLB miss (RTL walk)")
        ax.set_title(label)
        ax.set_xlabel("memory latency L (cycles)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.grid(True, which="both", alpha=0.3)
    for r in range(rows):
        axes[r * cols].set_ylabel("cycles")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=4, frameon=False)
    fig.suptitle("Control-plane latency against memory latency (make bench, 16-entry IOTLB)")
    fig.tight_layout(rect=(0, 0.06, 1, 0.96))
    fig.savefig(out, dpi=110)
    plt.close(fig)


def plot_area(plt, synth_dir, out):
    import synth_report
    luts = {}
    for part in ("iommu", "xlate", "iotlb16", "core"):
        f = os.path.join(synth_dir, f"{part}.stat")
        if os.path.exists(f):
            with open(f) as fh:
                luts[part] = synth_report.summary(synth_report.cells(fh.read()))[0]
    if "iommu" not in luts:
        return False
    # Each block is synthesised on its own (make synth): a part is not a slice of the whole,
    # since synthesis optimises across the boundaries it sees.
    names = {"iommu": "IOMMU (iommu_top)", "xlate": "translation datapath (iommu_xlate)",
             "iotlb16": "IOTLB, 16 entries", "core": "management core (VexRiscv)"}
    bars = [(names[p], luts[p]) for p in ("iommu", "xlate", "iotlb16", "core") if p in luts]
    fig, ax = plt.subplots(figsize=(8, 3.6))
    names = [b[0] for b in bars]
    vals = [b[1] for b in bars]
    ax.barh(names, vals, color="tab:blue")
    for i, v in enumerate(vals):
        ax.text(v, i, f" {v:,}", va="center")
    ax.axvline(12000, color="tab:red", ls=":", label="IOMMU target 12 k LUT4")
    ax.invert_yaxis()
    ax.set_xlabel("LUT4 (Yosys synth_ecp5 -abc9, 2 per CCU2C)")
    ax.set_title("Area per block, each synthesised on its own (make synth)")
    ax.legend(loc="lower right", frameon=False)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", default="build/bench.json")
    ap.add_argument("--synth", default="build/synth", help="folder of make synth's .stat files")
    args = ap.parse_args()
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("bench_plot: matplotlib missing (run: bash tools/install-deps.sh); no plots")
        return 0
    with open(args.json) as f:
        recs = json.load(f)
    outdir = os.path.dirname(os.path.abspath(args.json))
    lat = os.path.join(outdir, "bench_latency.png")
    plot_latency(plt, recs, lat)
    print(f"bench_plot: {lat}")
    area = os.path.join(outdir, "bench_area.png")
    if plot_area(plt, args.synth, area):
        print(f"bench_plot: {area}")
    else:
        print("bench_plot: no area plot (run make synth first)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
