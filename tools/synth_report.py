#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Summarise Yosys `stat` outputs (synth_ecp5) as a LUT/FF/BRAM table."""
import re
import sys
from pathlib import Path

LABELS = {
    "iommu": "IOMMU (iommu_top, without the core)",
    "xlate": "translation datapath (iommu_xlate)",
    "iotlb8": "IOTLB, 8 entries",
    "iotlb16": "IOTLB, 16 entries",
    "core": "management core (VexRiscv)",
}


def cells(stat_text):
    """Return {cell type: count} of the top-level summary (the last 'Number of cells' block)."""
    blocks = stat_text.split("=== ")
    text = blocks[-1]
    # A hierarchical stat ends with a 'design hierarchy' block holding the totals.
    if "design hierarchy" in stat_text:
        text = stat_text.split("design hierarchy")[-1]
    out = {}
    # Yosys 0.23 prints "  LUT4   123"; newer versions print "  123   LUT4".
    for m in re.finditer(r"^\s+(\S+)\s+(\d+)\s*$", text, re.M):
        out[m.group(1)] = out.get(m.group(1), 0) + int(m.group(2))
    for m in re.finditer(r"^\s+(\d+)\s+([A-Za-z_$][\w$]*)\s*$", text, re.M):
        out[m.group(2)] = out.get(m.group(2), 0) + int(m.group(1))
    return out


def summary(c):
    lut4 = c.get("LUT4", 0)
    # A CCU2C carry cell holds two LUT4s.
    ccu = c.get("CCU2C", 0)
    ff = sum(v for k, v in c.items() if k.startswith("TRELLIS_FF"))
    ram = c.get("DP16KD", 0) + c.get("PDPW16KD", 0)
    lutram = c.get("TRELLIS_DPR16X4", 0)
    return lut4 + 2 * ccu, ff, ram, lutram


def main():
    d = Path(sys.argv[1])
    parts = sys.argv[2:]
    rows = {}
    print(f"{'block':44} {'LUT4':>7} {'FF':>7} {'DP16KD':>7} {'DPR16X4':>8}")
    for p in parts:
        f = d / f"{p}.stat"
        if not f.exists():
            print(f"{LABELS.get(p, p):44} (not synthesised)")
            continue
        rows[p] = summary(cells(f.read_text()))
        lut, ff, ram, lr = rows[p]
        print(f"{LABELS.get(p, p):44} {lut:7} {ff:7} {ram:7} {lr:8}")
    if "iotlb8" in rows and "iotlb16" in rows:
        dl = (rows["iotlb16"][0] - rows["iotlb8"][0]) / 8
        df = (rows["iotlb16"][1] - rows["iotlb8"][1]) / 8
        print(f"IOTLB per entry (16 vs 8 entries): {dl:.0f} LUT4, {df:.0f} FF")
    print("LUT4 counts include 2 per CCU2C carry cell; ECP5 LFE5U-85F has 83640 LUT4.")


if __name__ == "__main__":
    main()
