# SPDX-License-Identifier: Apache-2.0
# Register description (doc/design-rules.md §3): include/iommu_regs.def -> generated C header, register
# table, RTL localparams and documentation. Generated files are committed; CI checks for drift.
REGMAPGEN := $(BUILD)/regmapgen
REGS_GENERATED := include/riscv_iommu_regs.h include/riscv_iommu_regtable.h rtl/iommu/iommu_regs.svh \
                  doc/registers.md

$(REGMAPGEN): tools/regmapgen.c include/iommu_regs.def | $(TOOLS_STAMP)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(CWARN) -O1 -Iinclude -o $@ tools/regmapgen.c

.PHONY: regs check-generated
regs: $(REGMAPGEN) ## regenerate headers, RTL localparams and doc/registers.md from include/iommu_regs.def
	$(Q)$(REGMAPGEN) .
	@echo "regs: generated $(REGS_GENERATED)"

TEST_TARGETS += check-generated
REGS_CHECK_DIR := $(BUILD)/regs-check
check-generated: $(REGMAPGEN) ## fail if the generated files differ from include/iommu_regs.def (compared in a scratch folder)
	$(Q)rm -rf $(REGS_CHECK_DIR) && mkdir -p $(addprefix $(REGS_CHECK_DIR)/,$(sort $(dir $(REGS_GENERATED))))
	$(Q)$(REGMAPGEN) $(REGS_CHECK_DIR) >/dev/null
	$(Q)for f in $(REGS_GENERATED); do cmp -s $(REGS_CHECK_DIR)/$$f $$f || { \
	  diff -u $$f $(REGS_CHECK_DIR)/$$f | head -20; \
	  echo "error: $$f is out of date; run: make regs"; exit 1; }; done
	$(Q)for f in $(REGS_GENERATED); do git ls-files --error-unmatch $$f >/dev/null 2>&1 || { \
	  echo "error: $$f is not committed; run: make regs && git add $$f"; exit 1; }; done
	@echo "check-generated: clean"
