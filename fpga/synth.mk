# SPDX-License-Identifier: Apache-2.0
# ECP5 synthesis with Yosys (synth_ecp5): area of the IOMMU and of the management core,
# reported separately, plus the IOTLB alone at two sizes to get its area per entry.
SYNTH_DIR := $(BUILD)/synth

$(SYNTH_DIR)/%.stat: | $(TOOLS_STAMP)
	$(Q)mkdir -p $(SYNTH_DIR)
	$(Q)echo "synth: $* (yosys synth_ecp5)"
	$(Q)$(YOSYS) -q -l $(SYNTH_DIR)/$*.log -p "$(SYNTH_READ_$*) ; synth_ecp5 -top $(SYNTH_TOP_$*) ; tee -o $@ stat" >/dev/null

SYNTH_RTL_READ = read_verilog $(RTL_INCDIR) -sv -DSYNTHESIS $(RTL_SRCS)
SYNTH_TOP_iommu      := iommu_top
SYNTH_READ_iommu      = $(SYNTH_RTL_READ) ; chparam -set IotlbEntries $(IOTLB_ENTRIES) iommu_top
SYNTH_TOP_xlate      := iommu_xlate
SYNTH_READ_xlate      = $(SYNTH_RTL_READ) ; chparam -set IotlbEntries $(IOTLB_ENTRIES) iommu_xlate
SYNTH_TOP_iotlb8     := iommu_iotlb
SYNTH_READ_iotlb8     = $(SYNTH_RTL_READ) ; chparam -set Entries 8 iommu_iotlb
SYNTH_TOP_iotlb16    := iommu_iotlb
SYNTH_READ_iotlb16    = $(SYNTH_RTL_READ) ; chparam -set Entries 16 iommu_iotlb
SYNTH_TOP_core       := VexRiscv
SYNTH_READ_core       = read_verilog $(VEXRISCV_V)

SYNTH_PARTS := iommu xlate iotlb8 iotlb16 core
.PHONY: synth
synth: $(addprefix $(SYNTH_DIR)/,$(addsuffix .stat,$(SYNTH_PARTS))) ## Yosys ECP5 synthesis: LUT/FF/BRAM of the IOMMU, datapath, IOTLB/entry and core
	$(Q)$(PYTHON) tools/synth_report.py $(SYNTH_DIR) $(SYNTH_PARTS)

# Re-synthesise when any RTL changes.
$(addprefix $(SYNTH_DIR)/,$(addsuffix .stat,$(SYNTH_PARTS))): $(RTL_SRCS) $(RTL_INCS) fpga/synth.mk

