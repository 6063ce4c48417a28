# SPDX-License-Identifier: Apache-2.0
# Benchmarks (doc/targets.md §1–2): every co-simulation test named bench_* runs once (seed 1);
# tools/bench.py prints the table (metric, conditions, value, L, IOTLB entries, target, met)
# and writes $(BUILD)/bench.json. A missed target is reported, never a failure; a run fails only
# when the DUT misbehaves.
#   make bench [IOTLB_ENTRIES=16] [BENCH_FILTER=bench_]
BENCH_JSON   := $(BUILD)/bench.json
BENCH_FILTER ?= bench_
# Clock for the time figures when $(BUILD)/fpga.json has no Fmax: the board's routed Fmax
# measured at commit 0f2e599 (README, FPGA section).
BENCH_FMAX_MHZ ?= 52.41

.PHONY: bench
bench: sim ## run the benchmarks (tests bench_*), print the table, write $(BUILD)/bench.json and PNG plots beside it
	$(Q)$(PYTHON) tools/bench.py --bin $(SIM_BIN) --seed 1 --prefix $(BENCH_FILTER) \
	  --out $(BENCH_JSON) --fpga $(BUILD)/fpga.json --logdir $(SIM_DIR)/bench --iotlb-entries $(IOTLB_ENTRIES) -j $(JOBS) \
	  --fmax-mhz $(BENCH_FMAX_MHZ)
	$(Q)$(PYTHON) tools/bench_plot.py --json $(BENCH_JSON) --synth $(BUILD)/synth
