#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Longest register-to-register logic path of a synthesised ECP5 netlist, in cells, by module.
# A quick check (seconds) between place-and-route runs: flip-flops, block RAMs, multipliers and
# distributed-RAM cells are cut, so each path starts and ends at a register or a RAM port.
#   tools/ltp.sh NETLIST.json [YOSYS]
set -euo pipefail
json=$1
YOSYS=${2:-${YOSYS:-yosys}}
"$YOSYS" -p "read_json $json; delete t:TRELLIS_FF t:DP16KD t:MULT18X18D t:TRELLIS_DPR16X4; ltp" 2>/dev/null |
  awk '/Longest topological path/ {f = 1; print; next} f && /^ *[0-9]+: / {print}' |
  awk 'NR == 1 {print; next} {n = $NF; gsub(/[\\()]/, "", n); sub(/\.[^.]*$/, "", n);
       if (n != last) {if (last != "") printf "  %3d  %s\n", cnt, last; last = n; cnt = 0} cnt++}
       END {printf "  %3d  %s\n", cnt, last}'
