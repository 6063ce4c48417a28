// SPDX-License-Identifier: Apache-2.0
// Issue port of the translation stage (part of iommu_xlate_ctrl): picks a ready parked request of
// the miss queue, else the stage's direct request (a pass or a fault decided in the stage), hands
// it to a two-entry register slice toward memory and the response block, and emits the fault
// record of a recorded fault when its request enters the slice. A debug request (tr_req_ctl)
// ends here: it never reaches memory, and its result goes back to the register page.

`default_nettype none

module iommu_xlate_issue #(
  parameter int IdWidth = 4
) (
  input  logic               clk_i,
  input  logic               rst_i,

  // ---- The stage's request and its decision ----
  input  logic               direct_i,      // decided (pass or fault), not behind a parked chain
  output logic               direct_ok_o,   // ... and it left the stage this cycle
  input  logic               st_write_i,
  input  logic [IdWidth-1:0] st_id_i,
  input  logic [63:0]        st_addr_i,
  input  logic [7:0]         st_len_i,
  input  logic [2:0]         st_size_i,
  input  logic [1:0]         st_burst_i,
  input  logic [2:0]         st_prot_i,
  input  logic [23:0]        st_did_i,
  input  logic [19:0]        st_pid_i,
  input  logic               st_pv_i,
  input  logic               st_dbg_i,
  input  logic [63:0]        dec_addr_i,    // translated address (pass)
  input  logic               dec_fault_i,
  input  logic               dec_record_i,
  input  logic [11:0]        dec_cause_i,

  // ---- Debug translation result ----
  output logic               dbg_done_o,    // pulse: the debug request finished
  output logic               dbg_fault_o,
  output logic [43:0]        dbg_ppn_o,
  output logic [2:0]         dbg_size_o,    // 0 4K, 1 64K, 2 2M, 3 1G, 4 512G, 5 256T
  input  logic [2:0]         iss_wsize_i,   // leaf size of the issuing walk slot

  // ---- Miss queue's issue request ----
  input  logic               iss_valid_i,
  output logic               iss_take_o,
  input  logic               iss_write_i,
  input  logic [IdWidth-1:0] iss_id_i,
  input  logic [63:0]        iss_iova_i,
  input  logic [63:0]        iss_addr_i,
  input  logic [7:0]         iss_len_i,
  input  logic [2:0]         iss_size_i,
  input  logic [1:0]         iss_burst_i,
  input  logic [2:0]         iss_prot_i,
  input  logic [23:0]        iss_did_i,
  input  logic [19:0]        iss_pid_i,
  input  logic               iss_pv_i,
  input  logic               iss_fault_i,
  input  logic               iss_record_i,
  input  logic [11:0]        iss_cause_i,
  input  logic [63:0]        iss_iotval2_i,

  // ---- Issue port: memory requests and the response block ----
  output logic               is_write_o,
  output logic [IdWidth-1:0] is_id_o,
  output logic [63:0]        is_addr_o,
  output logic [7:0]         is_len_o,
  output logic [2:0]         is_size_o,
  output logic [1:0]         is_burst_o,
  output logic [2:0]         is_prot_o,
  output logic               is_pass_o,
  output logic               is_absorb_o, // fault marked CAUSE_ABSORB: W beats go to firmware
  output logic               is_done_o,   // the issue port's request left this cycle
  output logic               m_dma_arvalid_o,
  input  logic               m_dma_arready_i,
  output logic               m_dma_awvalid_o,
  input  logic               m_dma_awready_i,
  input  logic               rd_err_ready_i,
  input  logic               rd_err_busy_i,
  input  logic               wr_route_ready_i,
  input  logic               wr_err_busy_i,

  // ---- Fault record ----
  output logic               fault_valid_o,      // one-cycle pulse per record, never waits
  output logic [255:0]       fault_rec_o         // meaningful with fault_valid_o only
);

  // verilator lint_off UNUSEDPARAM
  `include "iommu_xlate_defs.svh"
  // verilator lint_on UNUSEDPARAM

  // Issue port: a ready parked request first, else the stage's direct request. What it picks
  // enters a two-entry register slice (iommu_skid) toward memory and the response block, so a
  // request offered on m_dma_* comes from flops and cannot change before its handshake (an
  // invalidation or a fill in the stage no longer reaches an offered request), and the memory
  // port's ready never reaches the lookup. A debug request ends at the issue port (it never
  // reaches memory); a fault record is emitted when its request enters the slice.
  logic        use_q, is_valid, is_dbg, is_fault, is_record, is_absorb, acc, slice_ready;
  logic        sel_write;
  logic [IdWidth-1:0] sel_id;
  logic [63:0] sel_addr, is_iotval2, is_iova;
  logic [7:0]  sel_len;
  logic [2:0]  sel_size, sel_prot;
  logic [1:0]  sel_burst;
  logic [11:0] is_cause;
  logic [23:0] is_did;
  logic [19:0] is_pid;
  logic        is_pv;

  assign use_q      = iss_valid_i;
  assign is_valid   = use_q || direct_i;
  assign sel_write  = use_q ? iss_write_i : st_write_i;
  assign sel_id     = use_q ? iss_id_i    : st_id_i;
  assign sel_addr   = use_q ? iss_addr_i  : dec_addr_i;
  assign sel_len    = use_q ? iss_len_i   : st_len_i;
  assign sel_size   = use_q ? iss_size_i  : st_size_i;
  assign sel_burst  = use_q ? iss_burst_i : st_burst_i;
  assign sel_prot   = use_q ? iss_prot_i  : st_prot_i;
  assign is_fault   = use_q ? iss_fault_i : dec_fault_i;
  assign is_record  = use_q ? iss_record_i : dec_record_i;
  assign is_cause   = use_q ? iss_cause_i  : dec_cause_i;
  assign is_iotval2 = use_q ? iss_iotval2_i : 64'd0;
  assign is_iova    = use_q ? iss_iova_i  : st_addr_i;
  assign is_did     = use_q ? iss_did_i   : st_did_i;
  assign is_pid     = use_q ? iss_pid_i   : st_pid_i;
  assign is_pv      = use_q ? iss_pv_i    : st_pv_i;
  assign is_dbg     = use_q ? (iss_burst_i == XLATE_BURST_DBG) : st_dbg_i;
  assign is_absorb  = is_fault && (is_cause == XLATE_CAUSE_ABSORB);

  assign acc         = is_valid && (is_dbg || slice_ready);
  // A parked request leaves on the slice's (registered) room alone: written out so that the
  // miss queue's take and its IOTLB fill never wait for the stage's decision.
  assign iss_take_o  = use_q && ((iss_burst_i == XLATE_BURST_DBG) || slice_ready);
  assign direct_ok_o = direct_i && !use_q && (st_dbg_i || slice_ready);

  // Debug result: a walk slot's leaf size; a direct pass (Bare, both stages Bare) is 4 KiB.
  assign dbg_done_o  = acc && is_dbg;
  assign dbg_fault_o = is_fault;
  assign dbg_ppn_o   = sel_addr[55:12];
  assign dbg_size_o  = use_q ? iss_wsize_i : 3'd0;

  // ---- Issue slice: {write, id, addr[55:0], len, size, burst, prot, fault, absorb} ----
  localparam int SliceW = 1 + IdWidth + 56 + 8 + 3 + 2 + 3 + 1 + 1;
  logic              hd_valid, hd_ok, hd_write, hd_fault, hd_absorb;
  logic [55:0]       hd_addr;
  logic [SliceW-1:0] hd_data;

  iommu_skid #(
    .W (SliceW)
  ) u_slice (
    .clk_i       (clk_i),
    .rst_i       (rst_i),
    .in_valid_i  (is_valid && !is_dbg),
    .in_ready_o  (slice_ready),
    .in_data_i   ({sel_write, sel_id, sel_addr[55:0], sel_len, sel_size, sel_burst, sel_prot,
                   is_fault, is_absorb}),
    .out_valid_o (hd_valid),
    .out_ready_i (hd_ok),
    .out_data_o  (hd_data)
  );
  assign {hd_write, is_id_o, hd_addr, is_len_o, is_size_o, is_burst_o, is_prot_o, hd_fault,
          hd_absorb} = hd_data;
  assign is_write_o = hd_write;
  assign is_addr_o  = {8'd0, hd_addr};

  // Passing requests wait while an injected error of their channel is pending (per-ID order).
  always_comb begin
    if (hd_write) begin
      hd_ok = wr_route_ready_i && (hd_fault || (!wr_err_busy_i && m_dma_awready_i));
    end else begin
      hd_ok = hd_fault ? rd_err_ready_i : (!rd_err_busy_i && m_dma_arready_i);
    end
  end

  assign is_done_o       = hd_valid && hd_ok;
  // Stable while offered: the slice holds its head, and the error/route state can only clear
  // while the head waits (only the head itself adds to it).
  assign m_dma_arvalid_o = hd_valid && !hd_write && !hd_fault && !rd_err_busy_i;
  assign m_dma_awvalid_o = hd_valid && hd_write && !hd_fault && !wr_err_busy_i && wr_route_ready_i;
  assign is_pass_o       = !hd_fault;
  assign is_absorb_o     = hd_absorb;

  //////////////////
  // Fault record //
  //////////////////

  // TTYP (spec 4.2): 1 untranslated exec, 2 untranslated read, 3 untranslated write.
  logic [5:0]   is_ttyp;
  logic         fault_valid_q, rec_now;
  logic [255:0] fault_rec_q;

  assign is_ttyp = sel_write ? 6'd3 : (sel_prot[2] ? 6'd1 : 6'd2);
  assign rec_now = acc && is_record && !is_dbg;

  // One-cycle pulse per record; the consumer (iommu_fwif) takes it or drops it (DMA never stalls)
  // and reads fault_rec_o only with the pulse.
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      fault_valid_q <= 1'b0;
    end else begin
      fault_valid_q <= rec_now;
    end
  end

  // The record register takes its candidate in every cycle: its content matters only in the
  // cycle of the pulse, so its 256 flops need no enable from the stage's decision (that fan-out
  // ended the routed worst path, 22.6 ns: context data -> MSI cache -> cause chain -> decision
  // -> record enable).
  always_ff @(posedge clk_i) begin
    fault_rec_q <= {is_iotval2,                  // dw3 iotval2
                    is_iova,                     // dw2 iotval
                    64'd0,                       // dw1
                    is_did, is_ttyp, sel_prot[0] & is_pv, is_pv,
                    is_pv ? is_pid : 20'd0, is_cause};
  end

  assign fault_valid_o = fault_valid_q;
  assign fault_rec_o   = fault_rec_q;

  logic unused_issue;
  assign unused_issue = ^sel_addr[63:56];

endmodule
