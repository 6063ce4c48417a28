// SPDX-License-Identifier: Apache-2.0
// Internal markers of the translation datapath, shared by its modules (included inside a module
// body, like iommu_regs.svh). Architectural values (fault causes, register fields) come from the
// generated iommu_regs.svh; these two never leave the datapath.

// A fault whose write the firmware absorbs (MRIF MSI, MISS_CMD op 3): its W beats are captured
// for the firmware and no record is written. Not a spec cause (12 bits all ones).
localparam logic [11:0] XLATE_CAUSE_ABSORB = 12'hFFF;
// The debug translation request (tr_req_ctl) travels through the miss queue marked with the
// reserved AXI burst type; device requests with that burst type are refused at the intake
// (cause 260) and stored as INCR, so the marker is unambiguous.
localparam logic [1:0]  XLATE_BURST_DBG    = 2'b11;
