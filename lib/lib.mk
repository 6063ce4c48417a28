# SPDX-License-Identifier: Apache-2.0
# Host driver library and golden model: source lists only (no targets).
# Consumed by tests/unit/unit.mk (one unit-test binary) and sim/sim.mk (co-sim host model and
# scoreboard). See doc/host-library.md.
LIB_SRCS   := $(sort $(wildcard lib/*.c))
MODEL_SRCS := $(sort $(wildcard sim/model/*.c))
