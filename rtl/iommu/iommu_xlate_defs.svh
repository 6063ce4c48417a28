// SPDX-License-Identifier: Apache-2.0
// Internal markers of the translation datapath, shared by its modules (included inside a module
// body, like iommu_regs.svh). Architectural values (fault causes, register fields) come from the
// generated iommu_regs.svh; these never leave the datapath.

// A fault whose write the firmware absorbs (MRIF MSI, MISS_CMD op 3): its W beats are captured
// for the firmware and no record is written. Not a spec cause (12 bits all ones).
localparam logic [11:0] XLATE_CAUSE_ABSORB = 12'hFFF;
// The debug translation request (tr_req_ctl) travels through the miss queue marked with the
// reserved AXI burst type; device requests with that burst type are refused at the intake
// (cause 260) and stored as INCR, so the marker is unambiguous.
localparam logic [1:0]  XLATE_BURST_DBG    = 2'b11;

// An MSI page (spec "Process to translate addresses of MSIs"): the GPA page number pn equals the
// context's msi_addr_pattern in every bit that msi_addr_mask leaves unmasked.
function automatic logic msi_page_match(input logic [51:0] pn, input logic [51:0] mask,
                                        input logic [51:0] pat);
  msi_page_match = ((pn & ~mask) == (pat & ~mask));
endfunction
