# SPDX-License-Identifier: Apache-2.0
# Lint gates (STYLE 4.8): Verilator -Wall, Yosys check, Icarus elaboration, clang-format.
C_FORMAT_SRCS = $(shell git ls-files '*.c' '*.h' 2>/dev/null | grep -v -E '^include/riscv_iommu_regs\.h$$')

.PHONY: lint lint-verilator lint-yosys lint-iverilog format format-check
lint: lint-verilator lint-yosys lint-iverilog format-check ## Verilator -Wall, Yosys, Icarus, clang-format (all blocking)

lint-verilator: | $(TOOLS_STAMP)
	$(Q)$(VERILATOR) --lint-only -Wall -Irtl --top-module soc_top rtl/lint.vlt $(VEXRISCV_V) $(RTL_SRCS)
	@echo "lint: verilator clean"

lint-yosys: | $(TOOLS_STAMP)
	$(Q)$(YOSYS) -q -p "read_verilog -Irtl -sv $(RTL_SRCS); hierarchy -check -top iommu_top; proc; check -assert" >/dev/null
	@echo "lint: yosys clean"

lint-iverilog: | $(TOOLS_STAMP)
	$(Q)mkdir -p $(BUILD)
	$(Q)$(IVERILOG) -g2012 -Wall -Irtl -s soc_top -o $(BUILD)/iverilog_elab.vvp $(VEXRISCV_V) $(RTL_SRCS) 2>&1 \
	  | grep -v -E "^$$|VexRiscv\.v" | (! grep .) 
	@echo "lint: iverilog clean"

format: ## reformat C sources with clang-format
	$(Q)clang-format -i $(C_FORMAT_SRCS)

format-check: ## check C formatting (clang-format --dry-run -Werror)
	$(Q)clang-format --dry-run -Werror $(C_FORMAT_SRCS)
	@echo "format: clean"
