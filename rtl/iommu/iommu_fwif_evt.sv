// SPDX-License-Identifier: Apache-2.0
// iommu_fwif_evt: the event path of the firmware interface (architecture.md §5.1).
//
// Part of iommu_fwif. Owns the event FIFO (context misses, MSI-PTE misses and fault records from
// iommu_xlate), its status and head-event words as the firmware reads them (EVT_STATUS,
// EVT_TYPE, EVT_DATA0..7, the event summary of FW_DB_PENDING), EVT_POP, and the BURST_CTRL.EVT
// copy of the head event into the burst buffer. iommu_fwif passes the core's accesses to the
// fwif page (wr_i / rd_i, off_i, wdata_i) and shares the buffer port and the burst engine.
//
// Event rules (§5.1): a FAULT (a one-cycle pulse from iommu_xlate, one per record) is pushed when
// the FIFO has room, else dropped with the sticky EVT_STATUS.dropped flag (DMA never waits).
// A CTX_MISS is never dropped: iommu_xlate holds
// miss_valid_i until MISS_CMD answers it, and the miss is pushed as soon as there is room. It
// is pushed once per miss: iommu_xlate drops miss_valid_i for at least one cycle after a
// retry/fail pulse before it raises the next miss.

`default_nettype none

module iommu_fwif_evt #(
  parameter int EvtDepth = 128   // power of two, at most 128 (EVT_STATUS.count is 8 bits)
) (
  input  logic         clk_i,
  input  logic         rst_i,

  // Core access to the fwif page (iommu_fwif decodes the window)
  input  logic         wr_i,            // a write to the fwif page this cycle
  input  logic         rd_i,            // a read of the fwif page this cycle
  input  logic [11:0]  off_i,           // byte offset inside the page
  input  logic [31:0]  wdata_i,
  input  logic         burst_start_i,   // a BURST_CTRL write (wdata_i) this cycle
  output logic [31:0]  status_rd_o,     // EVT_STATUS / EVT_TYPE block, word off_i[4:2]
  output logic [31:0]  word_o,          // head event word: EVT_DATAn read, or the copy
  output logic [5:0]   summary_o,       // FW_DB_PENDING[31:26]: avail, dropped, type

  // Context / MSI-PTE miss (from iommu_xlate)
  input  logic         miss_valid_i,
  input  logic [23:0]  miss_did_i,
  input  logic [19:0]  miss_pid_i,
  input  logic         miss_pv_i,
  input  logic         miss_priv_i,
  input  logic         miss_exec_i,
  input  logic         miss_write_i,
  input  logic [63:0]  miss_iova_i,
  input  logic         miss_unsup_i,   // CTX_MISS W1[25]: unsupported transaction (260)
  input  logic         miss_msi_i,
  input  logic [15:0]  miss_gscid_i,
  input  logic [63:0]  miss_pte_i,
  input  logic [47:0]  miss_fidx_i,     // the GPA page
  input  logic         miss_dtf_i,

  // Fault records (from iommu_xlate)
  input  logic         fault_valid_i,
  input  logic [255:0] fault_rec_i,

  // BURST_CTRL.EVT: the copy into the buffer, and the store started after it
  input  logic         buf_gnt_i,       // iommu_burst took the buffer access this cycle
  input  logic         burst_busy_i,
  output logic         copy_o,          // copying the head event to the buffer
  output logic [8:0]   copy_adr_o,      // ... this buffer word (word_o)
  output logic         start_o,         // copy done, start the engine when it is idle
  output logic [31:0]  ctrl_o           // ... with this BURST_CTRL word
);

  // The firmware-interface map (FWIF_*), from the register description.
  // verilator lint_off UNUSEDPARAM
  `include "iommu_regs.svh"
  // verilator lint_on UNUSEDPARAM
  localparam int         CtrlEvt    = 29;   // BURST_CTRL.EVT

  localparam logic [3:0] EvtCtxMiss = 4'd1;
  localparam logic [3:0] EvtFault   = 4'd2;
  localparam logic [3:0] EvtMsiMiss = 4'd3;

  ////////////////////////
  // Event FIFO         //
  ////////////////////////

  logic [259:0] evt_head, evt_in;
  logic         evt_empty, evt_full, evt_push, evt_pop;
  logic [$clog2(EvtDepth):0] evt_count;
  logic         miss_seen_q, miss_push, dropped_q;
  logic [255:0] miss_payload, msi_payload;
  logic         evt_copy_q;             // BURST_CTRL.EVT: copying the head event to the buffer
  logic         evt_copy_done;

  // CTX_MISS: W0 did, W1 [25] unsup, [23:20] write/exec/priv/pv, [19:0] pid, W2/W3 the IOVA.
  assign miss_payload = {128'd0, miss_iova_i,
                         6'd0, miss_unsup_i, 1'b0,
                         miss_write_i, miss_exec_i, miss_priv_i, miss_pv_i, miss_pid_i,
                         8'd0, miss_did_i};
  // MSI_MISS: W0-W3 as CTX_MISS (W2/W3 = the IOVA) + W1[24] DTF, W4 [15:0] gscid and [31:16]
  // GPA page [47:32], W5/W6 PTE address, W7 GPA page [31:0] (miss_fidx_i carries the GPA page).
  assign msi_payload  = {miss_fidx_i[31:0], miss_pte_i, miss_fidx_i[47:32], miss_gscid_i, miss_iova_i,
                         7'd0, miss_dtf_i, miss_write_i, miss_exec_i, miss_priv_i, miss_pv_i, miss_pid_i,
                         8'd0, miss_did_i};

  // A fault takes the slot of this cycle; the (held) miss goes in on the next free cycle.
  assign miss_push     = miss_valid_i && !miss_seen_q && !evt_full && !fault_valid_i;
  assign evt_push      = (fault_valid_i && !evt_full) || miss_push;
  assign evt_in        = fault_valid_i ? {EvtFault, fault_rec_i} :
                         miss_msi_i    ? {EvtMsiMiss, msi_payload} : {EvtCtxMiss, miss_payload};
  assign evt_pop       = (wr_i && off_i == FWIF_EVT_POP) || evt_copy_done;

  iommu_evt_fifo #(
    .Width (260),
    .Depth (EvtDepth)
  ) u_evt_fifo (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (evt_push),
    .data_i  (evt_in),
    .pop_i   (evt_pop),
    .head_o  (evt_head),
    .empty_o (evt_empty),
    .full_o  (evt_full),
    .count_o (evt_count)
  );

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      miss_seen_q <= 1'b0;
      dropped_q   <= 1'b0;
    end else begin
      if (miss_push) begin
        miss_seen_q <= 1'b1;
      end else if (!miss_valid_i) begin
        miss_seen_q <= 1'b0;
      end
      // Sticky until EVT_STATUS is read; a drop in the same cycle wins.
      if (fault_valid_i && evt_full) begin
        dropped_q <= 1'b1;
      end else if (rd_i && off_i == FWIF_EVT_STATUS) begin
        dropped_q <= 1'b0;
      end
    end
  end

  ////////////////////////
  // Event copy         //
  ////////////////////////

  // BURST_CTRL.EVT (a store of the head event): copy its 8 payload words to the buffer at
  // BUF_OFF (the core's buffer accesses wait), pop it, then start the store as written.
  logic        evt_start_q;             // copy done, start the engine when it is idle
  logic [2:0]  evt_idx_q;
  logic [8:0]  evt_base_q;              // buffer word index of W0
  logic [31:0] evt_ctrl_q;
  logic [31:0] evt_word;                // head event word: EVT_DATAn read, or the copy
  logic [2:0]  evt_sel;

  // The head event's payload words as an unpacked array: a read by index is a mux tree (a
  // variable part-select of the flat vector would be a shifter).
  logic [31:0] evt_words [8];
  for (genvar i = 0; i < 8; i++) begin : gen_evt_words
    assign evt_words[i] = evt_head[32*i +: 32];
  end
  assign evt_word      = evt_words[evt_sel];
  assign evt_copy_done = evt_copy_q && buf_gnt_i && (evt_idx_q == 3'd7);
  assign evt_sel       = evt_copy_q ? evt_idx_q : off_i[4:2];

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      evt_copy_q  <= 1'b0;
      evt_start_q <= 1'b0;
      evt_idx_q   <= 3'd0;
    end else begin
      if (evt_copy_q) begin
        if (buf_gnt_i) begin
          evt_idx_q <= evt_idx_q + 3'd1;
        end
        if (evt_copy_done) begin
          evt_copy_q  <= 1'b0;
          evt_start_q <= 1'b1;
        end
      end else if (evt_start_q) begin
        if (!burst_busy_i) begin
          evt_start_q <= 1'b0;
        end
      end else if (burst_start_i && wdata_i[CtrlEvt] && !evt_empty) begin
        evt_copy_q <= 1'b1;
        evt_idx_q  <= 3'd0;
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (burst_start_i && !evt_copy_q && !evt_start_q) begin
      evt_ctrl_q <= wdata_i;
      evt_base_q <= wdata_i[26:18];
    end
  end

  assign copy_o     = evt_copy_q;
  assign copy_adr_o = evt_base_q + {6'd0, evt_idx_q};
  assign start_o    = evt_start_q;
  assign ctrl_o     = evt_ctrl_q;
  assign word_o     = evt_word;

  ////////////////////////
  // Read data          //
  ////////////////////////

  always_comb begin
    // 0x020-0x03C: EVT_STATUS, EVT_TYPE (EVT_POP is write-only)
    unique case (off_i[4:2])
      FWIF_EVT_STATUS[4:2]: status_rd_o = {15'd0, dropped_q, 8'(evt_count), 7'd0, !evt_empty};
      FWIF_EVT_TYPE[4:2]:   status_rd_o = {28'd0, evt_empty ? 4'd0 : evt_head[259:256]};
      default:              status_rd_o = '0;
    endcase
  end

  // Spec-page FW_DB_PENDING carries the event summary in its reserved bits [31:26].
  assign summary_o = {!evt_empty, dropped_q, evt_empty ? 4'd0 : evt_head[259:256]};

endmodule

`default_nettype wire
