# SPDX-License-Identifier: Apache-2.0
# Host SoC co-simulation (doc/host-soc.md): a Rocket core (pythondata-cpu-rocket) boots Debian's
# OpenSBI, which starts an S-mode payload that drives the IOMMU through lib/ and a DMA engine.
#   make host-demo    build and run it, printing the UART (OpenSBI banner, payload steps)
#   make hosttest     the same run as a test: "host: N passed, N failed" (in `make test`)
#   make host-sim     build only: $(BUILD)/host/Vhost_soc_top, the payload and the DTB
HOST_DIR        := $(BUILD)/host
HOST_SIM_BIN    := $(HOST_DIR)/Vhost_soc_top
HOST_RTL        := $(sort $(wildcard rtl/host/*.sv))
HOST_DTB        := $(HOST_DIR)/host.dtb
HOST_PAYLOAD    := $(HOST_DIR)/payload.bin
# Debian's opensbi package, unmodified: generic platform, jumps to 0x8020_0000 in S-mode with
# the device tree it relocated to 0x8220_0000 in a1.
OPENSBI_FW      ?= /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin
# The Rocket configuration from the pythondata-cpu-rocket wheel (doc/host-soc.md §1).
ROCKET_CONFIG   ?= LitexFullConfig
ROCKET_DIR       = $(shell $(PYTHON) -c "import pythondata_cpu_rocket as m; print(m.data_location)" 2>/dev/null)
ROCKET_GEN       = $(ROCKET_DIR)/generated-src/freechips.rocketchip.system.$(ROCKET_CONFIG)
ROCKET_SRCS      = $(ROCKET_GEN).v $(ROCKET_GEN).behav_srams.v \
                   $(addprefix $(ROCKET_DIR)/vsrc/,AsyncResetReg.v EICG_wrapper.v plusarg_reader.v)
# Bound of one run (cycles); the demo's boot and test take about 1/4 of it (README).
HOST_MAX_CYCLES ?= 20000000
HOST_VEX_V       = $(firstword $(wildcard $(VEXRISCV_V) $(VEXRISCV_DIR)/VexRiscv.v) $(VEXRISCV_V))
HOST_RUN         = $(HOST_SIM_BIN) +fw=$(OPENSBI_FW) +dtb=$(HOST_DTB) +payload=$(HOST_PAYLOAD) \
                   +max-cycles=$(HOST_MAX_CYCLES)

# Rocket's generated Verilog prints an instruction trace (and other debug lines) where
# PRINTF_COND holds: here the top's trace_i, which the harness raises from +trace-from=<cycle>.
# Its assertions (STOP_COND) stay on. -O1 for the rarely run code keeps the C++ build short.
HOST_VFLAGS := --cc --exe --build -j 2 --top-module host_soc_top $(RTL_INCDIR) -Wno-fatal \
               --assert --x-assign unique --x-initial unique --output-split 20000 \
               +define+PRINTF_COND=host_soc_top.trace_i \
               -GFwHexFile='"$(SIM_FW_HEX)"' -GIotlbEntries=$(IOTLB_ENTRIES) \
               -CFLAGS "-O2 -std=c++17 -I$(CURDIR)/sim/host" \
               -MAKEFLAGS "OPT_FAST=-O2 OPT_SLOW=-O1 OPT_GLOBAL=-O2"

$(HOST_DIR)/host_mem.o: sim/host/host_mem.c sim/host/host_mem.h | $(TOOLS_STAMP)
	@mkdir -p $(HOST_DIR)
	$(Q)$(CC) $(CWARN) -O2 -c -o $@ $<

$(HOST_SIM_BIN): $(HOST_RTL) $(RTL_SRCS) $(RTL_INCS) $(wildcard rtl/lint.vlt) sim/host/host_main.cpp \
                 $(HOST_DIR)/host_mem.o sim/host/host.mk | $(TOOLS_STAMP)
	@mkdir -p $(HOST_DIR)
	@echo "verilator: building $@ (Rocket $(ROCKET_CONFIG) + IOMMU; a few minutes)"
	@rm -f $@
	$(Q)t0=$$(date +%s); $(VERILATOR) $(HOST_VFLAGS) -Mdir $(HOST_DIR)/obj -o $(abspath $@) \
	  $(wildcard rtl/lint.vlt) $(ROCKET_SRCS) $(HOST_VEX_V) $(RTL_SRCS) $(HOST_RTL) \
	  $(abspath sim/host/host_main.cpp) $(abspath $(HOST_DIR)/host_mem.o) \
	  >$(HOST_DIR)/verilator.log 2>&1 || { tail -40 $(HOST_DIR)/verilator.log; exit 1; }; \
	  echo "verilator: host SoC built in $$(( $$(date +%s) - t0 )) s"

$(HOST_DTB): sim/host/host.dts | $(TOOLS_STAMP)
	@mkdir -p $(HOST_DIR)
	$(Q)dtc -q -I dts -O dtb -p 4096 -o $@ $<

.PHONY: host-sim host-demo hosttest
host-sim: $(HOST_SIM_BIN) $(HOST_DTB) $(HOST_PAYLOAD) $(SIM_FW_HEX) ## build the host SoC co-simulation

host-demo: host-sim ## Rocket boots Debian's OpenSBI; an S-mode driver runs DMA through the IOMMU
	$(Q)$(HOST_RUN)

TEST_TARGETS += hosttest
hosttest: host-sim ## the host SoC boot + payload as one test: "host: N passed, N failed"
	$(Q)$(HOST_RUN) > $(HOST_DIR)/hosttest.log 2>&1; rc=$$?; \
	  grep -E '^(payload|host-sim):' $(HOST_DIR)/hosttest.log | tail -4; \
	  if [ $$rc -eq 0 ] && grep -q '^OpenSBI v' $(HOST_DIR)/hosttest.log && \
	     grep -q '^payload: PASS' $(HOST_DIR)/hosttest.log; then \
	    echo "host: 1 passed, 0 failed"; \
	  else echo "host: 0 passed, 1 failed (log: $(HOST_DIR)/hosttest.log; rerun: make host-demo)"; exit 1; fi

# ---- S-mode payload (rv64, lib/ unchanged) --------------------------------------------------
HOST_PL_DIR    := $(HOST_DIR)/payload
HOST_PL_ARCH   := -march=rv64imac_zicsr -mabi=lp64 -mcmodel=medany
HOST_PL_CFLAGS := $(HOST_PL_ARCH) -O2 -g -ffreestanding -fno-builtin -fno-tree-loop-distribute-patterns -fno-common -ffunction-sections \
                  -fdata-sections $(CWARN) -Iinclude -Ilib -Isim/host/payload
HOST_PL_SRCS   := $(sort $(wildcard sim/host/payload/*.c)) $(LIB_SRCS)
HOST_PL_OBJS   := $(patsubst %.c,$(HOST_PL_DIR)/%.o,$(HOST_PL_SRCS)) $(HOST_PL_DIR)/start.o

$(HOST_PL_DIR)/%.o: %.c $(wildcard sim/host/payload/*.h lib/*.h include/*.h) sim/host/host.mk \
                      | $(TOOLS_STAMP)
	@mkdir -p $(dir $@)
	$(Q)$(RV_PREFIX)gcc $(HOST_PL_CFLAGS) -c -o $@ $<

$(HOST_PL_DIR)/start.o: sim/host/payload/start.S | $(TOOLS_STAMP)
	@mkdir -p $(dir $@)
	$(Q)$(RV_PREFIX)gcc $(HOST_PL_ARCH) -c -o $@ $<

$(HOST_PL_DIR)/payload.elf: $(HOST_PL_OBJS) sim/host/payload/link.ld
	$(Q)$(RV_PREFIX)gcc $(HOST_PL_ARCH) -nostdlib -nostartfiles -T sim/host/payload/link.ld \
	  -Wl,--gc-sections -Wl,--no-warn-rwx-segments -o $@ $(HOST_PL_OBJS) -lgcc

$(HOST_PAYLOAD): $(HOST_PL_DIR)/payload.elf
	$(Q)$(RV_PREFIX)objcopy -O binary $< $@

# ---- Lint: the host SoC's own RTL, with Rocket (waived in rtl/lint.vlt) and soc_top ----------
.PHONY: lint-host
lint: lint-host
lint-host: | $(TOOLS_STAMP) ## Verilator -Wall on host_soc_top (rtl/host/)
	$(Q)$(VERILATOR) --lint-only -Wall $(RTL_INCDIR) --top-module host_soc_top \
	  +define+PRINTF_COND=host_soc_top.trace_i rtl/lint.vlt $(ROCKET_SRCS) $(HOST_VEX_V) \
	  $(RTL_SRCS) $(HOST_RTL)
	$(Q)$(YOSYS) -q -p "read_verilog -sv $(filter-out %/host_mem.sv %/host_soc_top.sv,$(HOST_RTL)); \
	  hierarchy -check; proc; check -assert" >/dev/null
	@echo "lint: verilator clean (host_soc_top), yosys clean (rtl/host peripherals)"
