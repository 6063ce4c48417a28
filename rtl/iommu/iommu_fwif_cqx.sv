// SPDX-License-Identifier: Apache-2.0
// iommu_fwif_cqx: the command engine of the firmware interface (CQX, architecture.md §5) and the
// IOTLB invalidation registers it shares with the firmware (INV_*).
//
// Part of iommu_fwif. The engine runs commands that the firmware has copied into the burst
// buffer (CQX_CTRL, or BURST_CTRL.CQX after a command fetch) as the firmware would: IOTINVAL into
// INV_* and the IOTLB invalidation handshake, IODIR into a context-cache invalidation pulse
// (iommu_fwif_ctx), IOFENCE.C with its DATA store through the burst engine. iommu_fwif passes
// the core's accesses to the fwif page (wr_i, off_i, wdata_i) and shares the buffer read port
// and the burst engine with it.

`default_nettype none

module iommu_fwif_cqx (
  input  logic         clk_i,
  input  logic         rst_i,

  // Core access to the fwif page (iommu_fwif decodes the window)
  input  logic         wr_i,            // a write to the fwif page this cycle
  input  logic [11:0]  off_i,           // byte offset inside the page
  input  logic [31:0]  wdata_i,
  input  logic         burst_start_i,   // a BURST_CTRL write (wdata_i) this cycle
  output logic [31:0]  status_o,        // CQX_STATUS
  output logic [31:0]  inv_rd_o,        // INV_* block, word off_i[4:2]

  // Burst buffer (read port shared with the core) and burst engine (shared with iommu_fwif_evt)
  output logic         buf_rd_o,        // the engine reads the buffer this cycle
  output logic [8:0]   buf_adr_o,       // ... this word
  input  logic         buf_gnt_i,       // iommu_burst took the buffer access this cycle
  input  logic [31:0]  buf_rdata_i,
  input  logic         burst_busy_i,
  input  logic         burst_err_i,
  input  logic         evt_copy_i,      // iommu_fwif_evt copies an event / starts its store
  input  logic         evt_start_i,
  output logic         fstart_o,        // start the fence store now
  output logic [31:0]  fctrl_o,         // ... with this BURST_CTRL word
  output logic [63:0]  faddr_o,         // ... to this address

  // IOFENCE.C PR/PW: no device request in flight
  input  logic         drain_idle_i,

  // IODIR: one context-cache invalidation pulse (to iommu_fwif_ctx)
  output logic         ctx_inv_o,
  output logic [1:0]   ctx_inv_op_o,    // 0 did, 1 all, 2 did+pid
  output logic [23:0]  ctx_inv_did_o,
  output logic [19:0]  ctx_inv_pid_o,

  // IOTLB invalidation (towards iommu_xlate)
  output logic         inv_valid_o,
  input  logic         inv_ready_i,
  output logic         inv_gvma_o,
  output logic         inv_gv_o,
  output logic         inv_av_o,
  output logic         inv_pscv_o,
  output logic [19:0]  inv_pscid_o,
  output logic [15:0]  inv_gscid_o,
  output logic [51:0]  inv_vpn_o
);

  // The firmware-interface map (FWIF_*), from the register description.
  // verilator lint_off UNUSEDPARAM
  `include "iommu_regs.svh"
  // verilator lint_on UNUSEDPARAM
  localparam int CtrlEvt = 29;   // BURST_CTRL.EVT
  localparam int CtrlCqx = 1;    // BURST_CTRL.CQX

  ////////////////////////
  // Command engine     //
  ////////////////////////
  // CQX_CTRL: run up to [7:0] commands from the buffer at byte offset [27:16] (16-aligned) as
  // the firmware would: each legal IOTINVAL.VMA/GVMA goes to the INV_* registers and the IOTLB
  // in order; each legal IODIR.INVAL_DDT/PDT is one context-cache invalidation pulse (its DID
  // and PID straight from the command register, valid in the pulse cycle); a legal IOFENCE.C with WSI=0 completes here when it has nothing to wait for (PR
  // and PW clear, or no device request in flight: drain_idle_i) and, with AV=1, once its 4-byte
  // store of DATA (through the burst engine, straight from the command in the buffer) is done.
  // The engine stops before the first other or illegal command, a WSI fence and a fence with
  // device requests in flight (the firmware runs that one), and after a fence store that got a
  // bus error (CQX_STATUS.ERR: not counted, the firmware sets cqmf).
  // BURST_CTRL.CQX with a load (a command fetch) starts the engine when the load has ended, on
  // its beats / 2 commands at its buffer offset, saving the firmware a status poll and the
  // CQX_CTRL write; a load bus error sets CQX_STATUS.LDERR instead.
  // CQX_STATUS: [0] busy, [15:8] commands done, [16] ERR, [17] LDERR.

  localparam logic [2:0] CxIdle = 3'd0, CxRd = 3'd1, CxLast = 3'd2, CxDec = 3'd3,
                         CxFst = 3'd4, CxFwait = 3'd5;

  logic [2:0]   cqx_state_q;
  logic [1:0]   cqx_k_q, cqx_cap_k_q;   // word being read / being captured
  logic         cqx_cap_q;
  logic [7:0]   cqx_left_q, cqx_done_q;
  logic [127:0] cqx_cmd_q;
  logic [63:0]  cx_dw0, cx_dw1;
  logic         cx_gvma, cx_pscv, cx_legal, cqx_fire;
  logic         cx_fence, cx_fence_av, cqx_fstart, cqx_err_q;
  logic         cx_iodir, cqx_ctx_inv;
  // BURST_CTRL.CQX: a command fetch whose end starts the engine on the loaded commands.
  logic         chain_q, chain_fire, cqx_lderr_q;
  logic [7:0]   chain_cnt_q;
  logic [8:0]   chain_adr_q;
  logic [7:0]   cqx_beat;               // buffer beat of the command being decoded
  logic         cqx_rd;                 // the command engine reads the buffer this cycle
  logic [8:0]   cqx_adr_q;
  logic         inv_valid_q;

  assign cqx_rd   = (cqx_state_q == CxRd);
  assign cx_dw0   = cqx_cmd_q[63:0];
  assign cx_dw1   = cqx_cmd_q[127:64];
  assign cx_gvma  = (cx_dw0[9:7] == 3'd1);
  assign cx_pscv  = cx_dw0[32];
  // Opcode 1, func3 VMA/GVMA, reserved bits of dw0 (11, 43:34, 63:60) and dw1 (9:0, 63:62)
  // zero, no PSCV with GVMA: what cq.c's decode accepts.
  assign cx_legal = (cx_dw0[6:0] == 7'd1) && (cx_dw0[9:8] == 2'd0) && !cx_dw0[11] &&
                    (cx_dw0[43:34] == 10'd0) && (cx_dw0[63:60] == 4'd0) &&
                    (cx_dw1[9:0] == 10'd0) && (cx_dw1[63:62] == 2'd0) && !(cx_gvma && cx_pscv);
  assign cqx_fire = (cqx_state_q == CxDec) && cx_legal && !inv_valid_q;
  // IOFENCE.C, reserved bits of dw0 (31:14) and dw1 (63:62) zero, WSI (11) clear, and PR/PW
  // (12, 13) clear or nothing in flight: what the firmware would complete at once.
  assign cx_fence    = (cx_dw0[6:0] == 7'd2) && (cx_dw0[9:7] == 3'd0) && !cx_dw0[11] &&
                       (cx_dw0[31:14] == 18'd0) && (cx_dw1[63:62] == 2'd0) &&
                       (!(cx_dw0[12] || cx_dw0[13]) || drain_idle_i);
  assign cx_fence_av = cx_dw0[10];
  // IODIR.INVAL_DDT / INVAL_PDT (func3 0 / 1), reserved bits of dw0 (11:10, 32, 39:34) and all
  // of dw1 zero, INVAL_PDT with DV: one context-cache invalidation pulse.
  assign cx_iodir    = (cx_dw0[6:0] == 7'd3) && (cx_dw0[9:8] == 2'd0) &&
                       (cx_dw0[11:10] == 2'd0) && !cx_dw0[32] && (cx_dw0[39:34] == 6'd0) &&
                       (cx_dw1 == 64'd0) && (!cx_dw0[7] || cx_dw0[33]);
  assign cqx_ctx_inv = (cqx_state_q == CxDec) && cx_iodir;
  assign cqx_beat    = 8'((cqx_adr_q - 9'd4) >> 1);
  // The fence store starts once the burst engine is free (the firmware waits on CQX_STATUS and
  // starts no burst meanwhile; a BURST_CTRL.EVT copy of its own is finished first).
  assign cqx_fstart  = (cqx_state_q == CxFst) && !burst_busy_i && !evt_copy_i && !evt_start_i;
  assign chain_fire  = chain_q && !burst_busy_i && !burst_err_i;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      cqx_state_q <= CxIdle;
      cqx_k_q     <= 2'd0;
      cqx_cap_q   <= 1'b0;
      cqx_left_q  <= 8'd0;
      cqx_done_q  <= 8'd0;
      cqx_err_q   <= 1'b0;
      cqx_lderr_q <= 1'b0;
      chain_q     <= 1'b0;
    end else begin
      cqx_cap_q <= cqx_rd && buf_gnt_i;
      // The load starts in the cycle of the BURST_CTRL write and is busy from the next one;
      // when it ends the engine starts (or, after a bus error, CQX_STATUS.LDERR is set).
      if (burst_start_i && !wdata_i[CtrlEvt] && wdata_i[CtrlCqx] && !wdata_i[0]) begin
        chain_q     <= 1'b1;
        cqx_lderr_q <= 1'b0;
        chain_cnt_q <= {1'b0, wdata_i[15:9]};
        chain_adr_q <= wdata_i[26:18];
      end else if (chain_q && !burst_busy_i) begin
        chain_q     <= 1'b0;
        cqx_lderr_q <= burst_err_i;
      end
      case (cqx_state_q)
        CxIdle: begin
          if (chain_fire) begin
            cqx_left_q <= chain_cnt_q;
            cqx_done_q <= 8'd0;
            cqx_err_q  <= 1'b0;
            cqx_k_q    <= 2'd0;
            if (chain_cnt_q != 8'd0) begin
              cqx_state_q <= CxRd;
            end
          end else if (wr_i && off_i == FWIF_CQX_CTRL) begin
            cqx_left_q <= wdata_i[7:0];
            cqx_done_q <= 8'd0;
            cqx_err_q  <= 1'b0;
            cqx_k_q    <= 2'd0;
            if (wdata_i[7:0] != 8'd0) begin
              cqx_state_q <= CxRd;
            end
          end
        end
        CxRd: begin
          if (buf_gnt_i) begin
            cqx_k_q <= cqx_k_q + 2'd1;
            if (cqx_k_q == 2'd3) begin
              cqx_state_q <= CxLast;
            end
          end
        end
        CxLast: cqx_state_q <= CxDec;
        CxDec: begin
          // A fence waits until the last invalidation has been taken (every earlier command
          // complete) before it samples drain_idle_i and completes.
          if (cx_fence && cx_fence_av && !inv_valid_q) begin
            cqx_state_q <= CxFst;
          end else if (!cx_legal && !cx_fence && !cx_iodir) begin
            cqx_state_q <= CxIdle;
          end else if (!inv_valid_q) begin
            cqx_done_q  <= cqx_done_q + 8'd1;
            cqx_left_q  <= cqx_left_q - 8'd1;
            cqx_state_q <= (cqx_left_q == 8'd1) ? CxIdle : CxRd;
          end
        end
        CxFst: begin
          if (cqx_fstart) begin
            cqx_state_q <= CxFwait;
          end
        end
        CxFwait: begin                  // the store started last cycle: busy until its B
          if (!burst_busy_i) begin
            if (burst_err_i) begin
              cqx_err_q   <= 1'b1;
              cqx_state_q <= CxIdle;
            end else begin
              cqx_done_q  <= cqx_done_q + 8'd1;
              cqx_left_q  <= cqx_left_q - 8'd1;
              cqx_state_q <= (cqx_left_q == 8'd1) ? CxIdle : CxRd;
            end
          end
        end
        default: cqx_state_q <= CxIdle;
      endcase
    end
  end

  // Buffer word address and the captured command words (payload: no reset).
  always_ff @(posedge clk_i) begin
    if (cqx_state_q == CxIdle && chain_fire) begin
      cqx_adr_q <= chain_adr_q;
    end else if (cqx_state_q == CxIdle && wr_i && off_i == FWIF_CQX_CTRL) begin
      cqx_adr_q <= wdata_i[26:18];
    end else if (cqx_rd && buf_gnt_i) begin
      cqx_adr_q <= cqx_adr_q + 9'd1;
    end
    cqx_cap_k_q <= cqx_k_q;
    if (cqx_cap_q) begin
      case (cqx_cap_k_q)
        2'd0:    cqx_cmd_q[31:0]   <= buf_rdata_i;
        2'd1:    cqx_cmd_q[63:32]  <= buf_rdata_i;
        2'd2:    cqx_cmd_q[95:64]  <= buf_rdata_i;
        default: cqx_cmd_q[127:96] <= buf_rdata_i;
      endcase
    end
  end

  assign buf_rd_o  = cqx_rd;
  assign buf_adr_o = cqx_adr_q;
  assign fstart_o  = cqx_fstart;
  // The command engine's fence store: 1 beat, SIZE32, HI32, from the command's first beat.
  assign fctrl_o   = {3'b100, 1'b1, 1'b0, cqx_beat, 3'd0, 8'd1, 7'd0, 1'b1};
  assign faddr_o   = {cx_dw1[61:0], 2'b00};

  // IODIR: the pulse, its op, DID and PID (cqx_cmd_q still holds the command in the pulse cycle:
  // the next command's words are captured two cycles later at the earliest).
  assign ctx_inv_o     = cqx_ctx_inv;
  assign ctx_inv_op_o  = cx_dw0[7] ? 2'd2 : (cx_dw0[33] ? 2'd0 : 2'd1);
  assign ctx_inv_did_o = cx_dw0[63:40];
  assign ctx_inv_pid_o = cx_dw0[31:12];

  ////////////////////////
  // IOTLB invalidation //
  ////////////////////////

  // INV_* operands: from the core, or from the command engine (payload: no reset).
  logic [31:0] inv_w0_q, inv_pscid_q, inv_gscid_q, inv_lo_q, inv_hi_q;
  logic        inv_wr;

  assign inv_wr = wr_i && (off_i[11:5] == 7'b0001_100) && (off_i[4:2] <= 3'd4);

  always_ff @(posedge clk_i) begin
    if (cqx_fire) begin
      inv_w0_q    <= {27'd0, cx_gvma, cx_pscv, cx_dw0[10], cx_dw0[33], cx_gvma};
      inv_pscid_q <= {12'd0, cx_dw0[31:12]};
      inv_gscid_q <= {16'd0, cx_dw0[59:44]};
      inv_lo_q    <= cx_dw1[41:10];
      inv_hi_q    <= {12'd0, cx_dw1[61:42]};
    end else if (inv_wr) begin
      case (off_i[4:2])
        3'd0:    inv_w0_q    <= wdata_i;
        3'd1:    inv_pscid_q <= wdata_i;
        3'd2:    inv_gscid_q <= wdata_i;
        3'd3:    inv_lo_q    <= wdata_i;
        default: inv_hi_q    <= wdata_i;
      endcase
    end
  end

  // The invalidation handshake: from the command engine, or INV_CMD.
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      inv_valid_q <= 1'b0;
    end else begin
      if (inv_valid_q && inv_ready_i) begin
        inv_valid_q <= 1'b0;
      end else if (cqx_fire || (wr_i && off_i == FWIF_INV_CMD)) begin
        inv_valid_q <= 1'b1;
      end
    end
  end

  assign inv_valid_o = inv_valid_q;
  assign inv_gvma_o  = inv_w0_q[0];
  assign inv_gv_o    = inv_w0_q[1];
  assign inv_av_o    = inv_w0_q[2];
  assign inv_pscv_o  = inv_w0_q[3];
  assign inv_pscid_o = inv_pscid_q[19:0];
  assign inv_gscid_o = inv_gscid_q[15:0];
  assign inv_vpn_o   = {inv_hi_q[19:0], inv_lo_q};

  ////////////////////////
  // Read data          //
  ////////////////////////

  // CQX_STATUS is busy until the last invalidation the engine issued has been taken, and during
  // a BURST_CTRL.CQX fetch.
  assign status_o = {14'd0, cqx_lderr_q, cqx_err_q, cqx_done_q, 7'd0,
                     (cqx_state_q != CxIdle) || inv_valid_q || chain_q};

  always_comb begin
    // 0x180-0x19C: INV_W0, INV_PSCID, INV_GSCID, INV_ADDR_LO/HI, INV_STATUS (INV_CMD write-only)
    unique case (off_i[4:2])
      FWIF_INV_W0[4:2]:      inv_rd_o = inv_w0_q;
      FWIF_INV_PSCID[4:2]:   inv_rd_o = inv_pscid_q;
      FWIF_INV_GSCID[4:2]:   inv_rd_o = inv_gscid_q;
      FWIF_INV_ADDR_LO[4:2]: inv_rd_o = inv_lo_q;
      FWIF_INV_ADDR_HI[4:2]: inv_rd_o = inv_hi_q;
      FWIF_INV_STATUS[4:2]:  inv_rd_o = {31'd0, inv_valid_q};
      default:               inv_rd_o = '0;
    endcase
  end

endmodule

`default_nettype wire
