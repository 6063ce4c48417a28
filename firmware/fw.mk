# SPDX-License-Identifier: Apache-2.0
# Management-core firmware (RV32IM on VexRiscv): `make fw` builds $(BUILD)/fw/fw.{elf,bin,hex}.
# fw.hex is what soc_ram's $readmemh reads: one 32-bit little-endian word per line, from 0.
FW_DIR     := $(BUILD)/fw
FW_ARCH    := firmware/arch/vexriscv
FW_CC      := $(RV_PREFIX)gcc
FW_OBJCOPY := $(RV_PREFIX)objcopy
FW_SIZE    := $(RV_PREFIX)size
# -misa-spec=2.2 keeps Debian gcc 12 on the rv32im multilib and accepts CSR instructions (doc/targets.md §5).
FW_ARCHFLAGS := -march=rv32im -misa-spec=2.2 -mabi=ilp32
FW_CFLAGS  := $(FW_ARCHFLAGS) -Os -g -ffreestanding -fno-builtin -ffunction-sections -fdata-sections \
              -mcmodel=medlow $(CWARN) -Iinclude -Ifirmware
FW_LDFLAGS := $(FW_ARCHFLAGS) -nostdlib -nostartfiles -T $(FW_ARCH)/link.ld -Wl,--gc-sections \
              -Wl,-Map,$(FW_DIR)/fw.map

FW_C_SRCS  := $(sort $(wildcard firmware/*.c firmware/hal/*.c $(FW_ARCH)/*.c))
FW_S_SRCS  := $(FW_ARCH)/start.S
FW_OBJS    := $(patsubst %,$(FW_DIR)/obj/%.o,$(FW_C_SRCS) $(FW_S_SRCS))
FW_HDRS     = $(wildcard include/*.h firmware/*.h firmware/hal/*.h)

# Firmware sources that also build on the host (-DMOCK_MMIO) for tests/unit.
FW_UNIT_SRCS := firmware/ddtp.c firmware/queue.c firmware/hal/fwif.c firmware/hal/console.c \
                firmware/ddt.c firmware/fq.c firmware/cq.c firmware/irq.c firmware/pdt.c

$(FW_DIR)/obj/%.c.o: %.c $(FW_HDRS) | $(TOOLS_STAMP)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(FW_CC) $(FW_CFLAGS) -c -o $@ $<

$(FW_DIR)/obj/%.S.o: %.S | $(TOOLS_STAMP)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(FW_CC) $(FW_ARCHFLAGS) -c -o $@ $<

$(FW_DIR)/fw.elf: $(FW_OBJS) $(FW_ARCH)/link.ld
	$(Q)$(FW_CC) $(FW_LDFLAGS) -o $@ $(FW_OBJS) -lgcc

$(FW_DIR)/fw.bin: $(FW_DIR)/fw.elf
	$(Q)$(FW_OBJCOPY) -O binary $< $@

# od prints host-order words; every host we build on is little-endian, like the core.
$(FW_DIR)/fw.hex: $(FW_DIR)/fw.bin
	$(Q)od -An -v -tx4 -w4 $< | tr -d ' ' > $@

.PHONY: fw
fw: $(FW_DIR)/fw.hex ## build the management-core firmware (build/fw/fw.{elf,bin,hex})
	$(Q)$(FW_SIZE) $(FW_DIR)/fw.elf

# Board build (FPGA self-test): `make fw-board` builds $(BUILD)/fw-board/fw.{elf,bin,hex}, the
# same firmware plus firmware/selftest.c (-DBOARD_SELFTEST; an empty unit in the normal build).
# main.c is compiled unchanged except that its loop calls board_irq_poll() (selftest.c: the
# normal irq_poll(), then one step of the self-test) in place of irq_poll().
FWB_DIR     := $(BUILD)/fw-board
FWB_OBJS    := $(patsubst %,$(FWB_DIR)/obj/%.o,$(FW_C_SRCS) $(FW_S_SRCS))
FWB_CFLAGS  := $(FW_CFLAGS) -DBOARD_SELFTEST
FWB_COMMA   := ,
FWB_LDFLAGS := $(filter-out -Wl$(FWB_COMMA)-Map$(FWB_COMMA)%,$(FW_LDFLAGS)) -Wl,-Map,$(FWB_DIR)/fw.map

$(FWB_DIR)/obj/firmware/main.c.o: FWB_EXTRA := -Dirq_poll=board_irq_poll

$(FWB_DIR)/obj/%.c.o: %.c $(FW_HDRS) | $(TOOLS_STAMP)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(FW_CC) $(FWB_CFLAGS) $(FWB_EXTRA) -c -o $@ $<

$(FWB_DIR)/obj/%.S.o: %.S | $(TOOLS_STAMP)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(FW_CC) $(FW_ARCHFLAGS) -c -o $@ $<

$(FWB_DIR)/fw.elf: $(FWB_OBJS) $(FW_ARCH)/link.ld
	$(Q)$(FW_CC) $(FWB_LDFLAGS) -o $@ $(FWB_OBJS) -lgcc

$(FWB_DIR)/fw.bin: $(FWB_DIR)/fw.elf
	$(Q)$(FW_OBJCOPY) -O binary $< $@

$(FWB_DIR)/fw.hex: $(FWB_DIR)/fw.bin
	$(Q)od -An -v -tx4 -w4 $< | tr -d ' ' > $@

.PHONY: fw-board
fw-board: $(FWB_DIR)/fw.hex ## build the board self-test firmware (build/fw-board/fw.{elf,bin,hex})
	$(Q)$(FW_SIZE) $(FWB_DIR)/fw.elf
