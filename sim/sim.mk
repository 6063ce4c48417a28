# SPDX-License-Identifier: Apache-2.0
# Co-simulation: Verilator model of soc_top + C testbench (sim/c), tests (tests/sim), the host
# library (LIB_SRCS) and the golden model (MODEL_SRCS, else sim/model/*.c).
#   make sim                         build $(BUILD)/sim/Vsoc_top
#   make simtest [SEEDS=3] [SIMTEST_FILTER=prefix]   every test x seed, "N passed, N failed"
#   make sim-one TEST=x SEED=n       one run
#   make wave TEST=x [SEED=n]        one run with an FST trace
SIM_DIR	     := $(BUILD)/sim
SIM_BIN      := $(SIM_DIR)/Vsoc_top
SIM_MDIR     := $(SIM_DIR)/obj
SIM_FW_HEX   := $(BUILD)/fw/fw.hex
# VEXRISCV_V may point one "verilog/" too deep; take whichever file exists.
SIM_VEX_V    = $(firstword $(wildcard $(VEXRISCV_V) $(VEXRISCV_DIR)/VexRiscv.v) $(VEXRISCV_V))
SIM_MODEL    = $(if $(strip $(MODEL_SRCS)),$(MODEL_SRCS),$(wildcard sim/model/*.c))
SIM_C_SRCS   = $(sort $(wildcard sim/c/*.c tests/sim/*.c)) $(LIB_SRCS) $(SIM_MODEL)
SIM_C_OBJS   = $(patsubst %.c,$(SIM_DIR)/cobj/%.o,$(SIM_C_SRCS))
SIM_CFLAGS   = $(CWARN) -O2 -g -MMD -MP -Iinclude -Isim/c -Isim/model -Ilib \
               $(if $(strip $(SIM_MODEL)),-DTB_HAVE_GOLDEN)
SIM_VFLAGS   = --cc --exe --build -j 2 --top-module soc_top $(RTL_INCDIR) -Wno-fatal \
               --assert --x-assign unique --x-initial unique $(SIM_TRACE) \
               -GFwHexFile='"$(SIM_FW_HEX)"' -GIotlbEntries=$(IOTLB_ENTRIES) \
               -CFLAGS "-O2 -std=c++17 -I$(CURDIR)/sim/c" \
               -MAKEFLAGS "OPT_FAST=-O2 OPT_SLOW=-O1 OPT_GLOBAL=-O2"
SEED	     ?= 1
TEST	     ?=
SIMTEST_FILTER ?=
# --trace-fst (default) or --trace (VCD, for viewers without FST support)
SIM_TRACE    ?= --trace-fst

$(SIM_DIR)/cobj/%.o: %.c | $(TOOLS_STAMP)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(SIM_CFLAGS) -c -o $@ $<

-include $(wildcard $(SIM_DIR)/cobj/*/*.d $(SIM_DIR)/cobj/*/*/*.d)

$(SIM_BIN): $(RTL_SRCS) $(RTL_INCS) $(wildcard rtl/lint.vlt) sim/main.cpp sim/c/ports.h \
            $(SIM_C_OBJS) sim/sim.mk | $(TOOLS_STAMP)
	@mkdir -p $(SIM_MDIR)
	@echo "verilator: building $@"
	@# Verilator's own makefile does not see the C objects given on its command line, so
	@# remove the binary to make it relink whenever one of them (or anything else) changed.
	@rm -f $@
	$(Q)$(VERILATOR) $(SIM_VFLAGS) -Mdir $(SIM_MDIR) -o $(abspath $@) \
	  $(wildcard rtl/lint.vlt) $(SIM_VEX_V) $(RTL_SRCS) \
	  $(abspath sim/main.cpp) $(abspath $(SIM_C_OBJS)) >$(SIM_DIR)/verilator.log 2>&1 \
	  || { tail -40 $(SIM_DIR)/verilator.log; exit 1; }

.PHONY: sim simtest sim-one wave
sim: $(SIM_BIN) $(SIM_FW_HEX) ## build the co-simulation binary (Verilator + C testbench + firmware)

TEST_TARGETS += simtest
simtest: sim ## run every co-simulation test x $(SEEDS) seeds
	$(Q)$(PYTHON) tools/runtests.py --bin $(SIM_BIN) --seeds $(SEEDS) -j $(JOBS) \
	  --logdir $(SIM_DIR)/logs $(if $(SIMTEST_FILTER),--filter $(SIMTEST_FILTER)) \
	  --exclude bench_

sim-one: sim ## run one co-simulation test: TEST=<name> SEED=<n>
	@test -n "$(TEST)" || { echo "usage: make sim-one TEST=<name> SEED=<n>; tests:"; \
	  $(SIM_BIN) +list; exit 2; }
	$(SIM_BIN) +test=$(TEST) +seed=$(SEED)

wave: sim ## run TEST=<name> with an FST trace, to open with gtkwave and sim/soc.gtkw
	@test -n "$(TEST)" || { echo "usage: make wave TEST=<name> [SEED=<n>]"; exit 2; }
	-$(SIM_BIN) +test=$(TEST) +seed=$(SEED) +trace=$(SIM_DIR)/$(TEST).fst
	@echo "wave: $(SIM_DIR)/$(TEST).fst; open with: gtkwave $(SIM_DIR)/$(TEST).fst sim/soc.gtkw"

.PHONY: stress
stress: sim ## randomized stress (random/malformed tables, DMA mixes, invalidations) over SEEDS=N seeds
	$(Q)$(PYTHON) tools/runtests.py --bin $(SIM_BIN) --seeds $(SEEDS) -j $(JOBS) \
	  --logdir $(SIM_DIR)/logs --filter stress

# Seeds that once failed `stress` / `stress_vm`, kept as regressions (doc/verification.md lists
# what each one found); run by `make test`, a few seconds per seed.
STRESS_REGRESS ?= stress:17 stress:32 stress:73 stress:82 stress_vm:18 stress_vm:79
.PHONY: stress-regress
TEST_TARGETS += stress-regress
stress-regress: sim ## rerun the stress seeds that once failed (STRESS_REGRESS: test:seed pairs)
	$(Q)$(PYTHON) tools/runtests.py --bin $(SIM_BIN) -j $(JOBS) --logdir $(SIM_DIR)/logs \
	  --runs "$(STRESS_REGRESS)"

# Soak (issue 11 item 4, doc/verification.md "Soak"): runs of stress and stress_vm with +soak
# (bus errors on implicit accesses, illegal commands, cqmf, fault-queue overflow) until
# SOAK_DMAS DMAs, every DMA checked by the golden model and every memory write by the isolation
# canary; one summary line, figures merged into $(BUILD)/bench.json (records soak-*).
SOAK_DMAS       ?= 1000000
SOAK_SLICE_DMAS ?= 20000
.PHONY: soak soak-slice
soak: sim ## million-DMA soak with the isolation canary (SOAK_DMAS=N); ends with one summary line
	$(Q)$(PYTHON) tools/soak.py --bin $(SIM_BIN) --dmas $(SOAK_DMAS) -j $(JOBS) \
	  --logdir $(SIM_DIR)/soak --json $(BUILD)/bench.json

TEST_TARGETS += soak-slice
soak-slice: sim ## the first SOAK_SLICE_DMAS DMAs of the soak (run by make test)
	$(Q)$(PYTHON) tools/soak.py --bin $(SIM_BIN) --dmas $(SOAK_SLICE_DMAS) -j $(JOBS) \
	  --logdir $(SIM_DIR)/soak-slice
