# SPDX-License-Identifier: Apache-2.0
# Host unit tests: firmware logic on a mock MMIO (-DMOCK_MMIO), the host library and the golden
# model, all in one binary. Areas add sources through FW_UNIT_SRCS / LIB_SRCS / MODEL_SRCS.
UNIT_BIN  := $(BUILD)/unit/unit_tests
UNIT_SRCS  = $(sort $(wildcard tests/unit/*.c)) $(FW_UNIT_SRCS) $(LIB_SRCS) $(MODEL_SRCS)
UNIT_INCS := -Iinclude -Ifirmware -Ilib -Isim/model -Itests/unit

$(UNIT_BIN): $(UNIT_SRCS) $(wildcard include/*.h firmware/*.h firmware/*/*.h lib/*.h sim/model/*.h tests/unit/*.h) | $(TOOLS_STAMP)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(CWARN) -O1 -g -DMOCK_MMIO $(UNIT_INCS) -o $@ $(UNIT_SRCS)

TEST_TARGETS += unit
.PHONY: unit
unit: $(UNIT_BIN) ## host unit tests (firmware on mock MMIO, host library, golden model)
	$(Q)$(UNIT_BIN)
