# SPDX-License-Identifier: Apache-2.0
# Lint gates (doc/design-rules.md §8): Verilator -Wall, Yosys check, Icarus elaboration, clang-format.
C_FORMAT_SRCS = $(shell git ls-files '*.c' '*.h' 2>/dev/null | grep -v -E '^include/riscv_iommu_regs\.h$$')

.PHONY: lint lint-verilator lint-yosys lint-iverilog format format-check
lint: lint-verilator lint-yosys lint-iverilog format-check ## Verilator -Wall, Yosys, Icarus, clang-format (all blocking)

lint-verilator: | $(TOOLS_STAMP)
	$(Q)$(VERILATOR) --lint-only -Wall $(RTL_INCDIR) --top-module soc_top rtl/lint.vlt $(VEXRISCV_V) $(RTL_SRCS)
	$(Q)$(VERILATOR) --lint-only -Wall $(RTL_INCDIR) --top-module ulx3s_top rtl/lint.vlt $(VEXRISCV_V) \
	  $(RTL_SRCS) $(sort $(wildcard fpga/ulx3s/*.sv))
	@echo "lint: verilator clean (soc_top, ulx3s_top)"

lint-yosys: | $(TOOLS_STAMP)
	$(Q)$(YOSYS) -q -p "read_verilog $(RTL_INCDIR) -sv $(IOMMU_SRCS); hierarchy -check -top iommu_top; proc; check -assert" >/dev/null
	@echo "lint: yosys clean"

# Icarus 11 prints two "sorry" notes for legal code of our RTL subset (doc/design-rules.md §2): it ignores the
# unique/unique0 qualifier, and it widens always_comb sensitivity to a whole vector when a constant
# part-select is read. Neither changes elaboration, so exactly those two are filtered; any other
# output (warnings from the core file excepted) fails the gate.
IVERILOG_KNOWN := Case unique/unique0 qualities are ignored|constant selects in always_\* processes are not currently supported
lint-iverilog: | $(TOOLS_STAMP)
	$(Q)mkdir -p $(BUILD)
	$(Q)$(IVERILOG) -g2012 -Wall $(RTL_INCDIR) -s soc_top -o $(BUILD)/iverilog_elab.vvp $(VEXRISCV_V) $(RTL_SRCS) 2>&1 \
	  | grep -v -E "^$$|VexRiscv\.v|$(IVERILOG_KNOWN)" | (! grep .)
	@echo "lint: iverilog clean"

format: ## reformat C sources with clang-format
	$(Q)clang-format -i $(C_FORMAT_SRCS)

format-check: ## check C formatting (clang-format --dry-run -Werror)
	$(Q)clang-format --dry-run -Werror $(C_FORMAT_SRCS)
	@echo "format: clean"
