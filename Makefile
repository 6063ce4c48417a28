# SPDX-License-Identifier: Apache-2.0
# Soft RISC-V IOMMU: top-level build. `make help` lists the targets.
# Each area keeps its rules in its own fragment (included below); this file holds
# the shared variables and the targets that span areas.

.DEFAULT_GOAL := test
SHELL := bash

BUILD         ?= build
CC            ?= gcc
VERILATOR     ?= verilator
IVERILOG      ?= iverilog
YOSYS         ?= yosys
PYTHON        ?= python3
RV_PREFIX     ?= riscv64-unknown-elf-
IOTLB_ENTRIES ?= 16
SEEDS         ?= 3
JOBS          ?= $(shell nproc 2>/dev/null || echo 2)
V             ?= 0
ifeq ($(V),0)
Q := @
else
Q :=
endif

# One warning set for firmware, simulation C and unit tests (doc/design-rules.md §4).
CWARN := -std=c11 -Wall -Wextra -Werror -Wshadow -Wundef -Wcast-align \
         -Wstrict-prototypes -Wmissing-prototypes

VEXRISCV_DIR = $(shell $(PYTHON) -c "import pythondata_cpu_vexriscv as m; print(m.data_location)" 2>/dev/null)
VEXRISCV_V   = $(VEXRISCV_DIR)/VexRiscv.v

# The IP (one folder, one top: iommu_top) and the management subsystem around it (soc_top).
IOMMU_SRCS := $(sort $(wildcard rtl/iommu/*.sv))
SOC_SRCS   := $(sort $(wildcard rtl/soc/*.sv))
RTL_SRCS   := $(IOMMU_SRCS) $(SOC_SRCS)
RTL_INCS   := $(wildcard rtl/iommu/*.svh)
RTL_INCDIR := -Irtl/iommu

# VEXRISCV_* are recursive (=) so that they are read after the tools are installed.
# ---- Tools: installed by the project's own script when missing -----------------
TOOLS_STAMP := $(BUILD)/.tools-ok
$(TOOLS_STAMP): tools/install-deps.sh
	$(Q)mkdir -p $(BUILD)
	$(Q)bash tools/install-deps.sh --check >/dev/null 2>&1 || bash tools/install-deps.sh \
	  || { echo "error: tools missing; run: sudo bash tools/install-deps.sh"; exit 1; }
	$(Q)touch $@

.PHONY: deps
deps: ## install every tool the project needs (pinned Debian + PyPI packages)
	bash tools/install-deps.sh

# Each fragment appends its test target to TEST_TARGETS (run in this order by `make test`).
TEST_TARGETS :=
-include lib/lib.mk
include tools/regs.mk
include firmware/fw.mk
include tests/unit/unit.mk
-include tests/rtl/rtl.mk
include formal/formal.mk
include sim/sim.mk
include tools/lint.mk
-include fpga/synth.mk
-include fpga/ulx3s/board.mk
-include sim/host/host.mk
-include fusesoc/fusesoc.mk
-include tools/bench.mk
-include tools/demo.mk
-include tools/mutate.mk

# Each part ends with its own "N passed, N failed"; `make test` adds up those lines and ends with
# the whole suite's total (and fails if any part failed).
.PHONY: test test-parts
test-parts: $(TEST_TARGETS)

test: ## run every test (generated files, unit, RTL block, co-simulation, board); ends with the total
	$(Q)mkdir -p $(BUILD)
	$(Q)set -o pipefail; $(MAKE) --no-print-directory test-parts 2>&1 | tee $(BUILD)/test.log; \
	  rc=$$?; \
	  awk '/^([a-z-]+: )?[0-9]+ passed, [0-9]+ failed/ { sub(/^[a-z-]+: /, ""); p += $$1; f += $$3 } \
	       END { printf "total: %d passed, %d failed\n", p, f + 0 }' $(BUILD)/test.log; \
	  exit $$rc

.PHONY: ci
ci: check-generated format-check lint test ## what CI runs

.PHONY: clean
clean: ## remove build outputs
	rm -rf $(BUILD)

.PHONY: help
help: ## list the targets
	@grep -h -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'
	@echo "  variables: IOTLB_ENTRIES=$(IOTLB_ENTRIES) SEEDS=$(SEEDS) TEST=<name> SEED=<n> V=1"
