// SPDX-License-Identifier: Apache-2.0
// iommu_fwif_ctx: the context-cache side of the firmware interface (architecture.md §5).
//
// Part of iommu_fwif. Owns CTX_W0..15 (the raw device context, written by the core or by the
// R beats of a BURST_CTRL.CTX load), CTX_CMD.DID and CTX_KEY, the context-cache entry wired
// from them (ctx_w_o) with the DC checks (iommu_dc_check, read through BURST_STATUS), the
// CTX_CMD load / invalidation pulses (and the command engine's IODIR invalidations), and the
// BURST_CTRL.CTX_LOAD shortcut that loads a checked DC and retries the miss without firmware.
// iommu_fwif passes the core's accesses to the fwif page (wr_i, off_i, wdata_i).

`default_nettype none

module iommu_fwif_ctx (
  input  logic         clk_i,
  input  logic         rst_i,

  // Core access to the fwif page (iommu_fwif decodes the window)
  input  logic         wr_i,            // a write to the fwif page this cycle
  input  logic [11:0]  off_i,           // byte offset inside the page
  input  logic [31:0]  wdata_i,
  input  logic         burst_start_i,   // a BURST_CTRL write (wdata_i) this cycle
  output logic [31:0]  ctx_rd_o,        // CTX_W block word off_i[5:2]
  output logic [31:0]  key_rd_o,        // CTX_KEY block, word off_i[4:2]
  output logic [4:0]   dc_status_o,     // BURST_STATUS [7:3]: msi, dtf, pdtv, bad, invalid

  // BURST_CTRL.CTX: the R beats of the DC load (iommu_burst's AXI read channel)
  input  logic         rvalid_i,
  input  logic         rready_i,
  input  logic [63:0]  rdata_i,
  input  logic         rlast_i,
  input  logic         burst_err_i,
  output logic         retry_o,         // BURST_CTRL.CTX_LOAD: retry the miss (MISS_CMD retry)

  // Device-context checks (iommu_dc_check)
  input  logic [63:0]  caps_i,
  input  logic         fctl_gxl_i,

  // IODIR from the command engine (iommu_fwif_cqx)
  input  logic         eng_inv_i,
  input  logic [1:0]   eng_inv_op_i,
  input  logic [23:0]  eng_inv_did_i,
  input  logic [19:0]  eng_inv_pid_i,

  // Context cache (towards iommu_xlate)
  output logic         ctx_load_o,
  output logic [511:0] ctx_w_o,         // the entry, in the layout below (Context-cache entry)
  output logic         ctx_inv_o,
  output logic [1:0]   ctx_inv_op_o,    // 0 did, 1 all, 2 did+pid
  output logic [23:0]  ctx_inv_did_o,
  output logic [19:0]  ctx_inv_pid_o
);

  // The firmware-interface map (FWIF_*) and the DC layout, from the register description.
  // verilator lint_off UNUSEDPARAM
  `include "iommu_regs.svh"
  // verilator lint_on UNUSEDPARAM
  localparam int CtrlEvt     = 29;   // BURST_CTRL.EVT
  localparam int CtrlCtx     = FWIF_BURST_CTRL_CTX_SHIFT;
  localparam int CtrlCtxLoad = FWIF_BURST_CTRL_CTX_LOAD_SHIFT;

  ////////////////////////
  // Context words      //
  ////////////////////////

  logic [31:0] ctx_w_q [16];
  logic        ctx_load_q, ctx_inv_q, ctx_inv_eng_q;
  logic [1:0]  ctx_inv_op_q;
  logic        is_ctx_w;
  logic        dc_invalid, dc_bad, dc_pdtv;

  assign is_ctx_w    = (off_i[11:6] == 6'b0001_00);   // 0x100-0x13C

  // CTX_W0..15: written by the core, or (BURST_CTRL.CTX) by the R beats of the DC load, two
  // words per beat. One 64-bit source mux ahead of the 512 flops: word i takes its half of it.
  logic        ctx_fill_q;              // a BURST_CTRL.CTX load is running
  logic        ctx_auto_q;              // ... with CTX_LOAD
  logic        auto_chk_q;              // its last beat landed last cycle: the verdict is out
  logic        auto_ok;                 // load the context and retry the miss
  logic [1:0]  auto_retry_q;            // the retry, two cycles after the load (as firmware)
  logic [2:0]  ctx_beat_q;              // its next R beat
  logic        ctx_beat;                // an R beat of it lands this cycle
  logic [63:0] ctx_src;
  logic [23:0] ctx_did_q;               // CTX_CMD.DID of the last context command
  logic [24:0] ctx_key_q;               // CTX_KEY (bits 22:21 unused)

  assign ctx_beat = ctx_fill_q && rvalid_i && rready_i;
  assign ctx_src  = ctx_beat ? rdata_i : {wdata_i, wdata_i};

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      ctx_fill_q <= 1'b0;
      ctx_auto_q <= 1'b0;
      ctx_beat_q <= 3'd0;
    end else if (burst_start_i) begin
      ctx_fill_q <= wdata_i[CtrlCtx] && !wdata_i[0] && !wdata_i[CtrlEvt];
      ctx_auto_q <= wdata_i[CtrlCtxLoad];
      ctx_beat_q <= 3'd0;
    end else if (ctx_beat) begin
      ctx_beat_q <= ctx_beat_q + 3'd1;
      if (rlast_i) begin
        ctx_fill_q <= 1'b0;
      end
    end
  end

  // BURST_CTRL.CTX_LOAD: the cycle after the last beat the checker judges the DC in CTX_W; a
  // DC the firmware would load at once (no bus error, valid, well-formed, PDTV=0) is loaded
  // (device CTX_CMD.DID) and the pending miss retried, without waiting for the firmware's
  // status read. The firmware tells from the same BURST_STATUS bits whether this happened.
  assign auto_ok = auto_chk_q && !burst_err_i && !dc_invalid && !dc_bad && !dc_pdtv;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      auto_chk_q   <= 1'b0;
      auto_retry_q <= 2'd0;
    end else begin
      auto_chk_q   <= ctx_beat && rlast_i && ctx_auto_q;
      auto_retry_q <= {auto_retry_q[0], auto_ok};
    end
  end

  for (genvar i = 0; i < 16; i++) begin : gen_ctx_wr
    always_ff @(posedge clk_i) begin
      if ((ctx_beat && ctx_beat_q == 3'(i / 2)) ||
          (!ctx_beat && wr_i && is_ctx_w && off_i[5:2] == 4'(i))) begin
        ctx_w_q[i] <= ctx_src[32*(i%2) +: 32];
      end
    end
  end

  // Registers that hold payload only: no reset needed.
  always_ff @(posedge clk_i) begin
    if (wr_i) begin
      case (off_i)
        FWIF_CTX_CMD:       ctx_did_q   <= wdata_i[FWIF_CTX_CMD_DID_SHIFT +: 24];
        FWIF_CTX_KEY:       ctx_key_q   <= wdata_i[24:0];
        default: ;
      endcase
    end
  end

  ////////////////////////
  // Context commands   //
  ////////////////////////

  // One-cycle command pulses.
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      ctx_load_q      <= 1'b0;
      ctx_inv_q       <= 1'b0;
      ctx_inv_op_q    <= 2'd0;
      ctx_inv_eng_q   <= 1'b0;
    end else begin
      ctx_load_q      <= auto_ok;
      ctx_inv_q       <= 1'b0;
      if (eng_inv_i) begin
        ctx_inv_q     <= 1'b1;
        ctx_inv_op_q  <= eng_inv_op_i;
        ctx_inv_eng_q <= 1'b1;
      end else if (wr_i && off_i == FWIF_CTX_CMD) begin
        ctx_inv_eng_q <= 1'b0;
        case (wdata_i[2:0])
          3'd1: ctx_load_q <= 1'b1;
          3'd2: begin ctx_inv_q <= 1'b1; ctx_inv_op_q <= 2'd0; end
          3'd3: begin ctx_inv_q <= 1'b1; ctx_inv_op_q <= 2'd1; end
          3'd4: begin ctx_inv_q <= 1'b1; ctx_inv_op_q <= 2'd2; end
          default: ;
        endcase
      end
    end
  end

  ////////////////////////
  // Context-cache entry //
  ////////////////////////
  // CTX_W0..15 hold the raw DC; the entry iommu_xlate loads (CTX_CMD load) is wired from its
  // fields, CTX_CMD.DID and, for a PDTV=1 DC, CTX_KEY (a PDTV=0 entry has no process key:
  // pid = pv = 0, ENS = SUM = 0). For a process context the firmware writes the PC's PSCID into
  // ta and its fsc into fsc (CTX_W4, W6/W7) before the load. Entry layout (32-bit words):
  // W0 did; W1 [19:0] pid, 20 pv, 21 pdtv, 22 dtf, 23 ens, 24 sum, 25 gade, 26 sade; W2 [19:0] pscid, [31:28]
  // first-stage mode; W4:W3 its PPN; W5 [15:0] gscid, [31:28] G-stage mode; W7:W6 its PPN;
  // W8 [31:28] msiptp mode; W10:W9 its PPN; W12:W11 msi_addr_mask; W14:W13 msi_addr_pattern.
  logic [511:0] dc;
  logic [63:0]  dc_tc, dc_gatp, dc_ta, dc_fsc, dc_msiptp, dc_mmask, dc_mpat;
  logic         dc_dtf, dc_ext, dc_msi;
  logic [3:0]   dc_msimode;

  for (genvar i = 0; i < 16; i++) begin : gen_dc
    assign dc[32*i +: 32] = ctx_w_q[i];
  end
  assign dc_tc      = dc[8*RISCV_IOMMU_DC_TC_OFFSET               +: 64];
  assign dc_gatp    = dc[8*RISCV_IOMMU_DC_IOHGATP_OFFSET          +: 64];
  assign dc_ta      = dc[8*RISCV_IOMMU_DC_TA_OFFSET               +: 64];
  assign dc_fsc     = dc[8*RISCV_IOMMU_DC_FSC_OFFSET              +: 64];
  assign dc_msiptp  = dc[8*RISCV_IOMMU_DC_MSIPTP_OFFSET           +: 64];
  assign dc_mmask   = dc[8*RISCV_IOMMU_DC_MSI_ADDR_MASK_OFFSET    +: 64];
  assign dc_mpat    = dc[8*RISCV_IOMMU_DC_MSI_ADDR_PATTERN_OFFSET +: 64];
  assign dc_pdtv    = dc_tc[RISCV_IOMMU_DC_TC_PDTV_SHIFT];
  assign dc_dtf     = dc_tc[RISCV_IOMMU_DC_TC_DTF_SHIFT];
  // The base format (no MSI_FLAT) has no MSI words: msiptp reads as Off.
  assign dc_ext     = |(caps_i & RISCV_IOMMU_CAPABILITIES_MSI_FLAT);
  assign dc_msimode = dc_ext ? dc_msiptp[RISCV_IOMMU_DC_MSIPTP_MODE_SHIFT +: 4] : 4'd0;
  assign dc_msi     = (dc_msimode != RISCV_IOMMU_MSIPTP_MODE_OFF);

  assign ctx_w_o[0*32 +: 32] = {8'd0, ctx_did_q};
  assign ctx_w_o[1*32 +: 32] = {5'd0, dc_tc[RISCV_IOMMU_DC_TC_SADE_SHIFT],
                                dc_tc[RISCV_IOMMU_DC_TC_GADE_SHIFT],
                                ctx_key_q[24:23] & {2{dc_pdtv}}, dc_dtf, dc_pdtv,
                                ctx_key_q[20:0] & {21{dc_pdtv}}};
  assign ctx_w_o[2*32 +: 32] = {dc_fsc[RISCV_IOMMU_DC_FSC_MODE_SHIFT +: 4], 8'd0,
                                dc_ta[RISCV_IOMMU_DC_TA_PSCID_SHIFT +: 20]};
  assign ctx_w_o[3*32 +: 64] = {20'd0, dc_fsc[RISCV_IOMMU_DC_FSC_PPN_SHIFT +: 44]};
  assign ctx_w_o[5*32 +: 32] = {dc_gatp[RISCV_IOMMU_DC_IOHGATP_MODE_SHIFT +: 4], 12'd0,
                                dc_gatp[RISCV_IOMMU_DC_IOHGATP_GSCID_SHIFT +: 16]};
  assign ctx_w_o[6*32 +: 64] = {20'd0, dc_gatp[RISCV_IOMMU_DC_IOHGATP_PPN_SHIFT +: 44]};
  assign ctx_w_o[8*32 +: 32] = {dc_msimode, 28'd0};
  assign ctx_w_o[9*32 +: 64] = {20'd0, dc_msiptp[RISCV_IOMMU_DC_MSIPTP_PPN_SHIFT +: 44]};
  assign ctx_w_o[11*32 +: 64] = {12'd0, dc_mmask[RISCV_IOMMU_DC_MSI_ADDR_MASK_MASK_SHIFT +: 52]};
  assign ctx_w_o[13*32 +: 64] = {12'd0,
                                 dc_mpat[RISCV_IOMMU_DC_MSI_ADDR_PATTERN_PATTERN_SHIFT +: 52]};
  assign ctx_w_o[15*32 +: 32] = 32'd0;

  // The DC checks, read with BURST_STATUS after the load. FCTL.BE is read-zero here (no END).
  iommu_dc_check u_dc_check (
    .dc_i       (dc),
    .caps_i     (caps_i),
    .fctl_be_i  (1'b0),
    .fctl_gxl_i (fctl_gxl_i),
    .invalid_o  (dc_invalid),
    .bad_o      (dc_bad)
  );

  // Fields of the raw DC that the entry does not hold (the checker judges them).
  logic unused_dc;
  assign unused_dc = ^{dc_tc[63:6], dc_tc[3:0], dc_ta[63:32], dc_ta[11:0], dc_fsc[59:44],
                       dc_msiptp[59:44], dc_mmask[63:52], dc_mpat[63:52], ctx_key_q[22:21]};

  assign ctx_load_o      = ctx_load_q;
  assign ctx_inv_o       = ctx_inv_q;
  assign ctx_inv_op_o    = ctx_inv_op_q;
  // From the command engine's IODIR (iommu_fwif_cqx holds it in the pulse cycle) or from
  // CTX_CMD.DID and CTX_KEY.PID.
  assign ctx_inv_did_o   = ctx_inv_eng_q ? eng_inv_did_i : ctx_did_q;
  assign ctx_inv_pid_o   = ctx_inv_eng_q ? eng_inv_pid_i : ctx_key_q[19:0];
  assign retry_o         = auto_retry_q[1];
  assign dc_status_o     = {dc_msi, dc_dtf, dc_pdtv, dc_bad, dc_invalid};

  ////////////////////////
  // Read data          //
  ////////////////////////

  // 0x100-0x13C: CTX_W0..15; 0x140-0x15C: CTX_KEY (CTX_CMD and MISS_CMD are write-only).
  assign ctx_rd_o = ctx_w_q[off_i[5:2]];
  assign key_rd_o = (off_i[4:2] == FWIF_CTX_KEY[4:2]) ? {7'd0, ctx_key_q} : '0;

endmodule

`default_nettype wire
