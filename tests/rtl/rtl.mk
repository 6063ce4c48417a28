# SPDX-License-Identifier: Apache-2.0
# RTL block tests under Verilator: iommu_xlate (context cache, IOTLB, walker, cause chain, AXI
# stability monitor, inval_race) and iommu_dc_check (below). Built like the rest of the RTL:
# every IP source (modules outside iommu_xlate are dropped by --top-module), the include folder
# and the lint waivers of rtl/lint.vlt, with -Wall and warnings fatal (no blanket suppression);
# the Verilator output goes to <dir>/verilator.log and its tail is printed on failure.
#   make rtltest                     build and run every block test
#   $(RTL_XLATE_BIN) +test=<prefix>  run only the tests whose name starts with <prefix>
RTL_XLATE_SRCS  = $(IOMMU_SRCS)
RTL_XLATE_DIR  := $(BUILD)/rtl/xlate
RTL_XLATE_BIN  := $(RTL_XLATE_DIR)/Viommu_xlate

$(RTL_XLATE_BIN): $(RTL_XLATE_SRCS) $(RTL_INCS) rtl/lint.vlt tests/rtl/tb_xlate.cpp tests/rtl/rtl.mk \
                  | $(TOOLS_STAMP)
	$(Q)mkdir -p $(RTL_XLATE_DIR)
	@echo "verilator: building $@"
	$(Q)$(VERILATOR) --cc --exe --build -j $(JOBS) -Wall --top-module iommu_xlate $(RTL_INCDIR) \
	  -GIotlbEntries=$(IOTLB_ENTRIES) --x-assign unique --x-initial unique \
	  -CFLAGS "-Wall -Wextra -Werror -std=c++17" \
	  -Mdir $(RTL_XLATE_DIR) rtl/lint.vlt $(RTL_XLATE_SRCS) $(CURDIR)/tests/rtl/tb_xlate.cpp \
	  >$(RTL_XLATE_DIR)/verilator.log 2>&1 || { tail -40 $(RTL_XLATE_DIR)/verilator.log; exit 1; }

# iommu_dc_check (the device-context checks the firmware reads from BURST_STATUS): every rule,
# with the IOMMU's capabilities and with others.
RTL_DCC_DIR := $(BUILD)/rtl/dc_check
RTL_DCC_BIN := $(RTL_DCC_DIR)/Viommu_dc_check

$(RTL_DCC_BIN): rtl/iommu/iommu_dc_check.sv $(RTL_INCS) include/riscv_iommu_regs.h rtl/lint.vlt \
                tests/rtl/tb_dc_check.cpp tests/rtl/rtl.mk | $(TOOLS_STAMP)
	$(Q)mkdir -p $(RTL_DCC_DIR)
	@echo "verilator: building $@"
	$(Q)$(VERILATOR) --cc --exe --build -j $(JOBS) -Wall --top-module iommu_dc_check $(RTL_INCDIR) \
	  -CFLAGS "-Wall -Wextra -Werror -std=c++17 -I$(CURDIR)/include" \
	  -Mdir $(RTL_DCC_DIR) rtl/lint.vlt rtl/iommu/iommu_dc_check.sv $(CURDIR)/tests/rtl/tb_dc_check.cpp \
	  >$(RTL_DCC_DIR)/verilator.log 2>&1 || { tail -40 $(RTL_DCC_DIR)/verilator.log; exit 1; }

TEST_TARGETS += rtltest
.PHONY: rtltest
rtltest: $(RTL_XLATE_BIN) $(RTL_DCC_BIN) ## RTL block tests (Verilator)
	$(Q)$(RTL_XLATE_BIN)
	$(Q)$(RTL_DCC_BIN)
