#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Area by block: summarise a hierarchical Yosys `stat` (synth_ecp5 -noflatten).

Each module's own cells (its submodules excluded) times the number of its instances in the
design, largest first, so the table adds up to the whole. Parameterised copies of one module
(Yosys names them $paramod$...\\name\\...) are merged under the module's name.
"""
import re
import sys
from collections import defaultdict
from pathlib import Path


def module_name(raw):
    """'$paramod$abc\\iommu_skid\\W=8' -> 'iommu_skid'; plain names unchanged."""
    raw = raw.strip().lstrip("\\")
    if raw.startswith("$paramod"):
        parts = [p for p in raw.split("\\") if p]
        return parts[1] if len(parts) > 1 else raw
    return raw


def parse(text):
    """Return ({module: {cell type: count}}, {module: instances}) from a stat listing."""
    own = {}
    for block in re.split(r"^=== ", text, flags=re.M)[1:]:
        head, _, body = block.partition("\n")
        name = head.strip().rstrip("=").strip()
        if name == "design hierarchy":
            continue
        cells = {}
        for m in re.finditer(r"^\s+(\d+)\s+(\S+)\s*$", body, re.M):
            cells[m.group(2)] = int(m.group(1))
        for m in re.finditer(r"^\s+(\S+)\s+(\d+)\s*$", body, re.M):
            cells[m.group(1)] = int(m.group(2))
        own[name] = cells
    # Instance counts: walk down from the top (the module nobody instantiates).
    children = {m: {c: n for c, n in cells.items() if c in own} for m, cells in own.items()}
    used = {c for kids in children.values() for c in kids}
    tops = [m for m in own if m not in used]
    count = defaultdict(int)

    def walk(mod, mult):
        count[mod] += mult
        for c, n in children[mod].items():
            walk(c, mult * n)

    for t in tops:
        walk(t, 1)
    return own, count


def lut4(cells):
    return cells.get("LUT4", 0) + 2 * cells.get("CCU2C", 0)


def flops(cells):
    return sum(v for k, v in cells.items() if k.startswith("TRELLIS_FF"))


def main():
    own, count = parse(Path(sys.argv[1]).read_text())
    rows = defaultdict(lambda: [0, 0, 0, 0])  # instances, LUT4, FF, DPR16X4
    for mod, cells in own.items():
        r = rows[module_name(mod)]
        n = count[mod]
        r[0] += n
        r[1] += n * lut4(cells)
        r[2] += n * flops(cells)
        r[3] += n * cells.get("TRELLIS_DPR16X4", 0)
    total = [sum(r[i] for r in rows.values()) for i in range(4)]
    print(f"{'module (own cells x instances)':34} {'inst':>5} {'LUT4':>7} {'FF':>7} {'DPR16X4':>8} {'LUT4 %':>7}")
    for name, r in sorted(rows.items(), key=lambda kv: -kv[1][1]):
        share = 100.0 * r[1] / total[1] if total[1] else 0.0
        print(f"{name:34} {r[0]:5} {r[1]:7} {r[2]:7} {r[3]:8} {share:6.1f}%")
    print(f"{'total':34} {'':5} {total[1]:7} {total[2]:7} {total[3]:8}")
    print("LUT4 include 2 per CCU2C. -noflatten stops optimisation across block boundaries, so the "
          "total is above the flattened `make synth` figure (about 15 % on iommu_top).")


if __name__ == "__main__":
    main()
