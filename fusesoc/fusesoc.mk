# SPDX-License-Identifier: Apache-2.0
# FuseSoC packaging of the IP (fusesoc/iommu.core, top iommu_top) and of the management
# subsystem (fusesoc/iommu_soc.core, top soc_top), checked offline from a fresh clone:
#   make lint-fusesoc   the cores list exactly rtl/iommu/*.sv and rtl/soc/*.sv, then
#                       `fusesoc run --target=lint` (Verilator -Wall) on both cores
# VexRiscv is the pythondata-cpu-vexriscv package: a vendor core pointing at it is written
# into $(BUILD)/fusesoc/vendor/ (nothing is fetched).
FUSESOC       ?= fusesoc
FUSESOC_DIR   := $(BUILD)/fusesoc
FUSESOC_FLAGS  = --cores-root fusesoc --cores-root $(FUSESOC_DIR)/vendor

# Fails with the difference when a core's file list and its RTL folder disagree.
define fusesoc_check_list
	$(Q)diff <(ls $(2)/*.sv | sort) <(grep -o '\.\./$(2)/[a-z0-9_]*\.sv$$' $(1) | sed 's|^\.\./||' | sort) \
	  || { echo "error: $(1) does not list exactly $(2)/*.sv (< folder, > core file)"; exit 1; }
endef

$(FUSESOC_DIR)/vendor/vexriscv/vexriscv.core: fusesoc/fusesoc.mk | $(TOOLS_STAMP)
	$(Q)mkdir -p $(dir $@)
	$(Q)ln -sf $(HOST_VEX_V) $(dir $@)VexRiscv.v
	$(Q)printf '%s\n' 'CAPI=2:' 'name: soft-iommu:vendor:vexriscv:0' \
	  'description: VexRiscv from the installed pythondata-cpu-vexriscv package (generated)' \
	  'filesets:' '  rtl:' '    files: [VexRiscv.v]' '    file_type: verilogSource' \
	  'targets:' '  default:' '    filesets: [rtl]' > $@

.PHONY: lint-fusesoc
lint: lint-fusesoc
lint-fusesoc: $(FUSESOC_DIR)/vendor/vexriscv/vexriscv.core ## FuseSoC cores of the IP and the management subsystem: file lists + lint
	@command -v $(FUSESOC) >/dev/null || { echo "error: fusesoc missing; run: bash tools/install-deps.sh"; exit 1; }
	$(call fusesoc_check_list,fusesoc/iommu.core,rtl/iommu)
	$(call fusesoc_check_list,fusesoc/iommu_soc.core,rtl/soc)
	$(Q)$(FUSESOC) $(FUSESOC_FLAGS) run --build-root $(FUSESOC_DIR)/iommu --target=lint \
	  soft-iommu:ip:iommu >$(FUSESOC_DIR)/iommu.log 2>&1 || { tail -30 $(FUSESOC_DIR)/iommu.log; exit 1; }
	$(Q)$(FUSESOC) $(FUSESOC_FLAGS) run --build-root $(FUSESOC_DIR)/iommu_soc --target=lint \
	  soft-iommu:ip:iommu_soc >$(FUSESOC_DIR)/iommu_soc.log 2>&1 || { tail -30 $(FUSESOC_DIR)/iommu_soc.log; exit 1; }
	@echo "lint: fusesoc cores clean (soft-iommu:ip:iommu, soft-iommu:ip:iommu_soc)"
