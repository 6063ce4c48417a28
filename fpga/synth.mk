# SPDX-License-Identifier: Apache-2.0
# ECP5 synthesis with Yosys (synth_ecp5): area of the IOMMU and of the management core,
# reported separately, plus the IOTLB alone at two sizes to get its area per entry.
SYNTH_DIR := $(BUILD)/synth
# synth_ecp5 options of every flow (area, out-of-context, board): -abc9 maps for depth and area
# (measured on iommu_xlate, Yosys 0.23: 19.2 k -> 16.0 k LUT4, longest path 29 -> 23 cells).
# The synthesis tool is SYNTH_YOSYS (fpga/ulx3s/board.mk: Yosys 0.70 from PyPI).
SYNTH_OPTS ?= -abc9

$(SYNTH_DIR)/%.stat: | $(TOOLS_STAMP) board-tools
	$(Q)mkdir -p $(SYNTH_DIR)
	$(Q)echo "synth: $* ($(SYNTH_YOSYS) synth_ecp5 $(SYNTH_OPTS))"
	$(Q)$(SYNTH_YOSYS) -q -l $(SYNTH_DIR)/$*.log -p "$(SYNTH_READ_$*) ; synth_ecp5 $(SYNTH_OPTS) -top $(SYNTH_TOP_$*) ; tee -o $@ stat" >/dev/null

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

# Area by block: the same synthesis with the hierarchy kept, each module's own cells times its
# instances (tools/synth_blocks.py). The guide for area work: where the LUT4 are.
.PHONY: synth-blocks
synth-blocks: $(SYNTH_DIR)/iommu_blocks.stat ## LUT4/FF of iommu_top by module (synth_ecp5 -noflatten), largest first
	$(Q)$(PYTHON) tools/synth_blocks.py $<

$(SYNTH_DIR)/iommu_blocks.stat: $(RTL_SRCS) $(RTL_INCS) fpga/synth.mk | $(TOOLS_STAMP) board-tools
	$(Q)mkdir -p $(SYNTH_DIR)
	$(Q)echo "synth: iommu_top by block ($(SYNTH_YOSYS) synth_ecp5 $(SYNTH_OPTS) -noflatten)"
	$(Q)$(SYNTH_YOSYS) -q -l $(SYNTH_DIR)/iommu_blocks.log -p "$(SYNTH_READ_iommu) ; \
	  synth_ecp5 $(SYNTH_OPTS) -noflatten -top iommu_top ; tee -o $@ stat" >/dev/null

# Re-synthesise when any RTL changes.
$(addprefix $(SYNTH_DIR)/,$(addsuffix .stat,$(SYNTH_PARTS))): $(RTL_SRCS) $(RTL_INCS) fpga/synth.mk


# ---- Out-of-context implementation of one block: the fast loop for timing work ----------------
#   make fpga-ooc                 iommu_top: synth + nextpnr placement (Fmax estimate), ~6 min
#   make fpga-ooc OOC_ROUTE=1     ... and routing: the real Fmax, ~15 min
#   make fpga-ooc OOC_TOP=iommu_xlate OOC_FREQ=75
#   make fpga-ltp [OOC_TOP=...]   longest register-to-register logic path by module (seconds after
#                                 the synthesis step)
OOC_TOP   ?= iommu_top
OOC_FREQ  ?= 50
OOC_ROUTE ?= 0
OOC_DIR    = $(BUILD)/fpga-ooc/$(OOC_TOP)
FLOW_ENV   = FLOW_SRCS="$(IOMMU_SRCS)" FLOW_INC="$(RTL_INCDIR)" YOSYS="$(SYNTH_YOSYS)" \
             FLOW_SYNTH_OPTS="$(SYNTH_OPTS)"

.PHONY: fpga-ooc fpga-ltp
fpga-ooc: | $(TOOLS_STAMP) board-tools ## out-of-context place (and OOC_ROUTE=1 route) of OOC_TOP: Fmax, utilisation, worst paths
	$(Q)$(FLOW_ENV) bash tools/fpga_flow.sh ooc $(OOC_DIR) $(OOC_TOP) $(OOC_FREQ) $(OOC_ROUTE)
	$(Q)$(PYTHON) tools/pnr_report.py $(OOC_DIR)/report.json --log $(OOC_DIR)/pnr.log \
	  --name ooc_$(OOC_TOP) --json $(BUILD)/fpga.json
	$(Q)bash tools/ltp.sh $(OOC_DIR)/$(OOC_TOP).json $(SYNTH_YOSYS)

fpga-ltp: | $(TOOLS_STAMP) board-tools ## longest logic path of OOC_TOP after synthesis (no place and route)
	$(Q)mkdir -p $(OOC_DIR)
	$(Q)$(SYNTH_YOSYS) -q -l $(OOC_DIR)/synth.log -p "read_verilog $(RTL_INCDIR) -sv -DSYNTHESIS \
	  $(IOMMU_SRCS); synth_ecp5 $(SYNTH_OPTS) -top $(OOC_TOP) -json $(OOC_DIR)/$(OOC_TOP).json; \
	  tee -q -o $(OOC_DIR)/synth.stat stat" >/dev/null
	$(Q)bash tools/ltp.sh $(OOC_DIR)/$(OOC_TOP).json $(SYNTH_YOSYS)
