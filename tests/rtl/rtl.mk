# SPDX-License-Identifier: Apache-2.0
# RTL block tests under Verilator: iommu_xlate (context cache, IOTLB, walker, cause chain).
RTL_XLATE_SRCS := rtl/iommu/iommu_xlate.sv rtl/iommu/iommu_xlate_rsp.sv rtl/iommu/iommu_xlate_ctrl.sv \
                  rtl/iommu/iommu_xlate_missq.sv rtl/iommu/iommu_ctx_cache.sv \
                  rtl/iommu/iommu_iotlb.sv rtl/iommu/iommu_ptw.sv rtl/iommu/iommu_ptw_perm.sv rtl/iommu/iommu_walk_cache.sv \
                  rtl/iommu/iommu_msi_cache.sv
RTL_XLATE_DIR  := $(BUILD)/rtl/xlate
RTL_XLATE_BIN  := $(RTL_XLATE_DIR)/Viommu_xlate

$(RTL_XLATE_BIN): $(RTL_XLATE_SRCS) tests/rtl/tb_xlate.cpp | $(TOOLS_STAMP)
	$(Q)mkdir -p $(RTL_XLATE_DIR)
	$(Q)$(VERILATOR) --cc --exe --build -j $(JOBS) -Wall -Wno-fatal --top-module iommu_xlate \
	  -GIotlbEntries=$(IOTLB_ENTRIES) --x-assign unique --x-initial unique \
	  -CFLAGS "-Wall -Wextra -Werror -Wno-unused-parameter -std=c++17" \
	  -Mdir $(RTL_XLATE_DIR) $(RTL_XLATE_SRCS) $(CURDIR)/tests/rtl/tb_xlate.cpp >/dev/null

TEST_TARGETS += rtltest
.PHONY: rtltest
rtltest: $(RTL_XLATE_BIN) ## RTL block tests (Verilator)
	$(Q)$(RTL_XLATE_BIN)
