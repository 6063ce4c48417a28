# SPDX-License-Identifier: Apache-2.0
# Mutation testing (doc/verification.md, "Mutation testing"): single-line faults put into a copy
# of the RTL and the firmware ($(BUILD)/mutate/tree), each run against a fixed list of quick
# tests (RTL block tests, co-simulation tests), reported caught/survived. Not part of make test.
#   make mutate                          every mutant of tools/mutate.py
#   make mutate MUTATE_ONLY=id,id        some of them (tools/mutate.py --list names them)
MUTATE_ONLY ?=
.PHONY: mutate
mutate: sim ## single-line faults in a copy of the RTL/firmware, each against its tests (not in make test)
	$(Q)$(PYTHON) tools/mutate.py --build $(BUILD) $(if $(MUTATE_ONLY),--only $(MUTATE_ONLY))
