# SPDX-License-Identifier: Apache-2.0
# The demo (tests/sim/demo.c): a narrated run of what an IOMMU is for, on the real firmware,
# core and RTL; every step is CHECKed, so it fails like any test (it also runs in `make simtest`).
#   make demo
.PHONY: demo
demo: sim ## narrated demo: boot + Linux probe, 2 devices/domains DMA, a stray DMA faults, unmap revokes
	$(Q)$(SIM_BIN) +test=demo +seed=1
