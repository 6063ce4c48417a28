# SPDX-License-Identifier: Apache-2.0
# Register description (STYLE 4.3): include/iommu_regs.def -> generated C header, register
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
check-generated: regs ## fail if the committed generated files differ from include/iommu_regs.def
	$(Q)git diff --exit-code -- $(REGS_GENERATED) >/dev/null || { \
	  git diff --stat -- $(REGS_GENERATED); \
	  echo "error: generated register files are out of date; run: make regs && git add $(REGS_GENERATED)"; \
	  exit 1; }
	$(Q)for f in $(REGS_GENERATED); do git ls-files --error-unmatch $$f >/dev/null 2>&1 || { \
	  echo "error: $$f is not committed; run: make regs && git add $$f"; exit 1; }; done
	@echo "check-generated: clean"
