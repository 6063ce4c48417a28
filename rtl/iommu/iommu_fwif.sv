// SPDX-License-Identifier: Apache-2.0
// iommu_fwif: the firmware interface of the IOMMU, as seen by the management core.
//
// Owns the core's 16 KiB IOMMU window (architecture.md §3, §5): the fwif registers and burst
// buffer at 0x000-0xFFF, and the raw / set / clear aliases of the spec register page at
// 0x1000 / 0x2000 / 0x3000, forwarded to iommu_regfile's firmware port. Also owns the event
// FIFO (context misses and fault records from iommu_xlate), the context-cache and IOTLB
// command registers towards iommu_xlate, the console / simctrl outputs and the cycle counter.
// The burst engine and its buffer live in iommu_burst.
//
// Wishbone classic slave, one access per two cycles (registered ack); a buffer access waits one
// more cycle per cycle the burst engine uses the buffer RAM. Registers ignore the byte selects
// (firmware uses word accesses); the buffer honours them.
//
// Event rules (§5.1): a FAULT (a one-cycle pulse from iommu_xlate, one per record) is pushed when
// the FIFO has room, else dropped with the sticky EVT_STATUS.dropped flag (DMA never waits).
// A CTX_MISS is never dropped: iommu_xlate holds
// miss_valid_i until MISS_CMD answers it, and the miss is pushed as soon as there is room. It
// is pushed once per miss: iommu_xlate drops miss_valid_i for at least one cycle after a
// retry/fail pulse before it raises the next miss.

`default_nettype none

module iommu_fwif #(
  parameter int EvtDepth = 128   // power of two, at most 128 (EVT_STATUS.count is 8 bits)
) (
  input  logic         clk_i,
  input  logic         rst_i,

  // Wishbone slave: byte offset [13:0] of 0xF000_0000
  input  logic         s_wb_cyc_i,
  input  logic         s_wb_stb_i,
  input  logic         s_wb_we_i,
  input  logic [11:0]  s_wb_adr_i,      // word address inside the window
  input  logic [31:0]  s_wb_dat_i,
  input  logic [3:0]   s_wb_sel_i,
  output logic [31:0]  s_wb_dat_o,
  output logic         s_wb_ack_o,
  output logic         s_wb_err_o,

  // iommu_regfile firmware port (spec page, 0 raw / 1 set / 2 clear)
  output logic         fw_req_o,
  output logic         fw_we_o,
  output logic [1:0]   fw_op_o,
  output logic [11:2]  fw_addr_o,
  output logic [31:0]  fw_wdata_o,
  input  logic [31:0]  fw_rdata_i,      // combinational

  // Device-context checks (iommu_dc_check)
  input  logic [63:0]  caps_i,
  input  logic         fctl_gxl_i,

  // Context cache (towards iommu_xlate)
  output logic         ctx_load_o,
  output logic [511:0] ctx_w_o,         // the entry, in the layout below (Context-cache entry)
  output logic         ctx_inv_o,
  output logic [1:0]   ctx_inv_op_o,    // 0 did, 1 all, 2 did+pid
  output logic [23:0]  ctx_inv_did_o,
  output logic [19:0]  ctx_inv_pid_o,

  // Context miss (from iommu_xlate)
  input  logic         miss_valid_i,
  input  logic [23:0]  miss_did_i,
  input  logic [19:0]  miss_pid_i,
  input  logic         miss_pv_i,
  input  logic         miss_priv_i,
  input  logic         miss_exec_i,
  input  logic         miss_write_i,
  input  logic [63:0]  miss_iova_i,
  input  logic         miss_unsup_i,   // CTX_MISS W1[25]: unsupported transaction (260)
  output logic         miss_retry_o,
  output logic         miss_fail_o,
  // MSI-PTE miss (same handshake) and the MSI-PTE cache fill (MSI_W*/MSI_CMD)
  input  logic         miss_msi_i,
  input  logic [15:0]  miss_gscid_i,
  input  logic [63:0]  miss_pte_i,
  input  logic [51:0]  miss_fidx_i,
  input  logic         miss_dtf_i,
  output logic         msi_load_o,
  output logic [15:0]  msi_load_gscid_o,
  output logic [51:0]  msi_load_gpn_o,
  output logic [43:0]  msi_load_ppn_o,
  // MISS_CMD op 3 (absorb, with miss_fail_o): an MRIF MSI write whose data firmware reads
  // (MSI_WD0/WD1/WSTAT) and whose B response firmware gives (MSI_WRESP)
  output logic         miss_absorb_o,
  input  logic         mrif_valid_i,
  input  logic [63:0]  mrif_data_i,
  input  logic [7:0]   mrif_strb_i,
  input  logic         mrif_multi_i,
  output logic         mrif_done_o,
  output logic [1:0]   mrif_resp_o,

  // IOTLB invalidation (towards iommu_xlate)
  output logic         inv_valid_o,
  input  logic         inv_ready_i,
  output logic         inv_gvma_o,
  output logic         inv_gv_o,
  output logic         inv_av_o,
  output logic         inv_pscv_o,
  output logic [19:0]  inv_pscid_o,
  output logic [15:0]  inv_gscid_o,
  output logic [51:0]  inv_vpn_o,

  // IOFENCE.C PR/PW: hold the device port, and whether everything accepted before has answered
  output logic         drain_hold_o,
  input  logic         drain_done_i,
  input  logic         drain_idle_i,    // no device request in flight (no hold needed)

  // Fault records (from iommu_xlate)
  input  logic         fault_valid_i,
  input  logic [255:0] fault_rec_i,

  output logic         console_valid_o,
  output logic [7:0]   console_data_o,
  output logic         simctrl_valid_o,
  output logic [31:0]  simctrl_data_o,

  // Burst engine AXI4 master (source 2 of iommu_mem_arb)
  output logic [3:0]   m_burst_awid_o,
  output logic [63:0]  m_burst_awaddr_o,
  output logic [7:0]   m_burst_awlen_o,
  output logic [2:0]   m_burst_awsize_o,
  output logic [1:0]   m_burst_awburst_o,
  output logic [2:0]   m_burst_awprot_o,
  output logic         m_burst_awlock_o,
  output logic         m_burst_awvalid_o,
  input  logic         m_burst_awready_i,
  output logic [63:0]  m_burst_wdata_o,
  output logic [7:0]   m_burst_wstrb_o,
  output logic         m_burst_wlast_o,
  output logic         m_burst_wvalid_o,
  input  logic         m_burst_wready_i,
  input  logic [3:0]   m_burst_bid_i,
  input  logic [1:0]   m_burst_bresp_i,
  input  logic         m_burst_bvalid_i,
  output logic         m_burst_bready_o,
  output logic [3:0]   m_burst_arid_o,
  output logic [63:0]  m_burst_araddr_o,
  output logic [7:0]   m_burst_arlen_o,
  output logic [2:0]   m_burst_arsize_o,
  output logic [1:0]   m_burst_arburst_o,
  output logic [2:0]   m_burst_arprot_o,
  output logic         m_burst_arlock_o,
  output logic         m_burst_arvalid_o,
  input  logic         m_burst_arready_i,
  input  logic [3:0]   m_burst_rid_i,
  input  logic [63:0]  m_burst_rdata_i,
  input  logic [1:0]   m_burst_rresp_i,
  input  logic         m_burst_rlast_i,
  input  logic         m_burst_rvalid_i,
  output logic         m_burst_rready_o
);

  // The firmware-interface map (FWIF_*), from the register description.
  // verilator lint_off UNUSEDPARAM
  `include "iommu_regs.svh"
  // verilator lint_on UNUSEDPARAM
  // Spec-page FW_DB_PENDING (0x400, word 0x100): fwif puts the event summary (EVT_STATUS.avail,
  // .dropped, EVT_TYPE) in its reserved bits [31:26] on a firmware read, so one read per idle
  // pass sees doorbells and events.
  localparam logic [9:0]  SpecFwDbWord       = 10'h100;
  localparam int          CtrlEvt            = 29;   // BURST_CTRL.EVT
  localparam int          CtrlCqx            = 1;    // BURST_CTRL.CQX
  localparam int          CtrlCtx            = FWIF_BURST_CTRL_CTX_SHIFT;
  localparam int          CtrlCtxLoad        = FWIF_BURST_CTRL_CTX_LOAD_SHIFT;

  localparam logic [3:0] EvtCtxMiss = 4'd1;
  localparam logic [3:0] EvtFault   = 4'd2;
  localparam logic [3:0] EvtMsiMiss = 4'd3;

  ////////////////////////
  // Bus decode         //
  ////////////////////////

  logic        ack_q;
  logic        evt_copy_q;              // BURST_CTRL.EVT: copying the head event to the buffer
  logic        cqx_rd;                  // the command engine reads the buffer this cycle
  logic        req, wr, rd;
  logic        buf_gnt;                 // iommu_burst took the buffer access this cycle
  logic [11:0] off;                     // byte offset inside the fwif page
  logic        in_page, in_buf, in_spec;

  assign req     = s_wb_cyc_i && s_wb_stb_i && !ack_q;
  assign wr      = req && s_wb_we_i;
  assign rd      = req && !s_wb_we_i;
  assign off     = {s_wb_adr_i[9:0], 2'b00};
  assign in_page = (s_wb_adr_i[11:10] == 2'd0);
  assign in_spec = !in_page;
  assign in_buf  = in_page && off[11];

  // Spec page aliases: window page 1/2/3 = op 0/1/2.
  assign fw_req_o   = req && in_spec;
  assign fw_we_o    = s_wb_we_i;
  assign fw_op_o    = s_wb_adr_i[11:10] - 2'd1;
  assign fw_addr_o  = s_wb_adr_i[9:0];
  assign fw_wdata_o = s_wb_dat_i;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      ack_q <= 1'b0;
    end else begin
      ack_q <= req && (!in_buf || (buf_gnt && !evt_copy_q && !cqx_rd));
    end
  end

  assign s_wb_ack_o = ack_q && s_wb_cyc_i && s_wb_stb_i;
  assign s_wb_err_o = 1'b0;

  ////////////////////////
  // Cycle counter      //
  ////////////////////////

  logic [63:0] cycle_q;
  logic [31:0] cycle_hi_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      cycle_q    <= '0;
      cycle_hi_q <= '0;
    end else begin
      cycle_q <= cycle_q + 64'd1;
      if (rd && in_page && off == FWIF_CYCLE_LO) begin
        cycle_hi_q <= cycle_q[63:32];
      end
    end
  end

  ////////////////////////
  // Event FIFO         //
  ////////////////////////

  logic [259:0] evt_head, evt_in;
  logic         evt_empty, evt_full, evt_push, evt_pop;
  logic [$clog2(EvtDepth):0] evt_count;
  logic         miss_seen_q, miss_push, dropped_q;
  logic [255:0] miss_payload, msi_payload;
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
  assign evt_pop       = (wr && in_page && off == FWIF_EVT_POP) || evt_copy_done;

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
      end else if (rd && in_page && off == FWIF_EVT_STATUS) begin
        dropped_q <= 1'b0;
      end
    end
  end

  ////////////////////////
  // Command registers  //
  ////////////////////////

  logic [31:0] ctx_w_q [16];
  logic [31:0] burst_lo_q, burst_hi_q;
  logic [31:0] inv_w0_q, inv_pscid_q, inv_gscid_q, inv_lo_q, inv_hi_q;
  logic [31:0] msi_w0_q, msi_w1_q, msi_w2_q, msi_w3_q, msi_w4_q;
  logic        msi_load_q, miss_absorb_q, mrif_done_q;
  logic [1:0]  mrif_resp_q;
  logic        inv_valid_q;
  logic        drain_hold_q;
  logic        ctx_load_q, ctx_inv_q, miss_retry_q, miss_fail_q;
  logic [1:0]  ctx_inv_op_q;
  logic        console_valid_q, simctrl_valid_q;
  logic [7:0]  console_q;
  logic [31:0] simctrl_q;
  logic        burst_start, burst_busy, burst_err, burst_exok;
  logic        is_ctx_w;

  assign is_ctx_w    = (off[11:6] == 6'b0001_00);   // 0x100-0x13C
  assign burst_start = wr && in_page && off == FWIF_BURST_CTRL;

  // BURST_CTRL.EVT (a store of the head event): copy its 8 payload words to the buffer at
  // BUF_OFF (the core's buffer accesses wait), pop it, then start the store as written.
  logic        evt_start_q;             // copy done, start the engine when it is idle
  logic [2:0]  evt_idx_q;
  logic [8:0]  evt_base_q;              // buffer word index of W0
  logic [31:0] evt_ctrl_q;
  logic [31:0] ctrl_word;
  logic [31:0] evt_word;                // head event word: EVT_DATAn read, or the copy
  logic [2:0]  evt_sel;
  logic [8:0]  cqx_adr_q;
  logic        eng_start;
  logic        cbuf_en, cbuf_we;
  logic [8:0]  cbuf_adr;
  logic [31:0] cbuf_wdata;
  logic [3:0]  cbuf_sel;

  // The head event's payload words as an unpacked array: a read by index is a mux tree (a
  // variable part-select of the flat vector would be a shifter).
  logic [31:0] evt_words [8];
  for (genvar i = 0; i < 8; i++) begin : gen_evt_words
    assign evt_words[i] = evt_head[32*i +: 32];
  end
  assign evt_word      = evt_words[evt_sel];
  assign evt_copy_done = evt_copy_q && buf_gnt && (evt_idx_q == 3'd7);
  assign evt_sel       = evt_copy_q ? evt_idx_q : off[4:2];
  assign eng_start     = evt_start_q ? !burst_busy :
                         (cqx_fstart || (burst_start && !s_wb_dat_i[CtrlEvt]));
  // The command engine's fence store: 1 beat, SIZE32, HI32, from the command's first beat.
  assign ctrl_word     = evt_start_q ? evt_ctrl_q :
                         cqx_fstart  ? {3'b100, 1'b1, 1'b0, cqx_beat, 3'd0, 8'd1, 7'd0, 1'b1} :
                                       s_wb_dat_i;
  assign cbuf_en       = evt_copy_q || cqx_rd || (req && in_buf);
  assign cbuf_we       = evt_copy_q || (!cqx_rd && s_wb_we_i);
  assign cbuf_adr      = evt_copy_q ? evt_base_q + {6'd0, evt_idx_q} :
                         cqx_rd     ? cqx_adr_q : s_wb_adr_i[8:0];
  assign cbuf_wdata    = evt_copy_q ? evt_word : s_wb_dat_i;
  assign cbuf_sel      = evt_copy_q ? 4'hF : s_wb_sel_i;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      evt_copy_q  <= 1'b0;
      evt_start_q <= 1'b0;
      evt_idx_q   <= 3'd0;
    end else begin
      if (evt_copy_q) begin
        if (buf_gnt) begin
          evt_idx_q <= evt_idx_q + 3'd1;
        end
        if (evt_copy_done) begin
          evt_copy_q  <= 1'b0;
          evt_start_q <= 1'b1;
        end
      end else if (evt_start_q) begin
        if (!burst_busy) begin
          evt_start_q <= 1'b0;
        end
      end else if (burst_start && s_wb_dat_i[CtrlEvt] && !evt_empty) begin
        evt_copy_q <= 1'b1;
        evt_idx_q  <= 3'd0;
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (burst_start && !evt_copy_q && !evt_start_q) begin
      evt_ctrl_q <= s_wb_dat_i;
      evt_base_q <= s_wb_dat_i[26:18];
    end
  end

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
  logic         cx_iodir, cqx_ctx_inv, ctx_inv_eng_q;
  // BURST_CTRL.CQX: a command fetch whose end starts the engine on the loaded commands.
  logic         chain_q, chain_fire, cqx_lderr_q;
  logic [7:0]   chain_cnt_q;
  logic [8:0]   chain_adr_q;
  logic [7:0]   cqx_beat;               // buffer beat of the command being decoded

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
  assign cqx_fstart  = (cqx_state_q == CxFst) && !burst_busy && !evt_copy_q && !evt_start_q;
  assign chain_fire  = chain_q && !burst_busy && !burst_err;

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
      cqx_cap_q <= cqx_rd && buf_gnt;
      // The load starts in the cycle of the BURST_CTRL write and is busy from the next one;
      // when it ends the engine starts (or, after a bus error, CQX_STATUS.LDERR is set).
      if (burst_start && !s_wb_dat_i[CtrlEvt] && s_wb_dat_i[CtrlCqx] && !s_wb_dat_i[0]) begin
        chain_q     <= 1'b1;
        cqx_lderr_q <= 1'b0;
        chain_cnt_q <= {1'b0, s_wb_dat_i[15:9]};
        chain_adr_q <= s_wb_dat_i[26:18];
      end else if (chain_q && !burst_busy) begin
        chain_q     <= 1'b0;
        cqx_lderr_q <= burst_err;
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
          end else if (wr && in_page && off == FWIF_CQX_CTRL) begin
            cqx_left_q <= s_wb_dat_i[7:0];
            cqx_done_q <= 8'd0;
            cqx_err_q  <= 1'b0;
            cqx_k_q    <= 2'd0;
            if (s_wb_dat_i[7:0] != 8'd0) begin
              cqx_state_q <= CxRd;
            end
          end
        end
        CxRd: begin
          if (buf_gnt) begin
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
          if (!burst_busy) begin
            if (burst_err) begin
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
    end else if (cqx_state_q == CxIdle && wr && in_page && off == FWIF_CQX_CTRL) begin
      cqx_adr_q <= s_wb_dat_i[26:18];
    end else if (cqx_rd && buf_gnt) begin
      cqx_adr_q <= cqx_adr_q + 9'd1;
    end
    cqx_cap_k_q <= cqx_k_q;
    if (cqx_cap_q) begin
      case (cqx_cap_k_q)
        2'd0:    cqx_cmd_q[31:0]   <= buf_rdata;
        2'd1:    cqx_cmd_q[63:32]  <= buf_rdata;
        2'd2:    cqx_cmd_q[95:64]  <= buf_rdata;
        default: cqx_cmd_q[127:96] <= buf_rdata;
      endcase
    end
  end

  // INV_* operands: from the core, or from the command engine (payload: no reset).
  logic inv_wr;

  assign inv_wr = wr && in_page && (off[11:5] == 7'b0001_100) && (off[4:2] <= 3'd4);

  always_ff @(posedge clk_i) begin
    if (cqx_fire) begin
      inv_w0_q    <= {27'd0, cx_gvma, cx_pscv, cx_dw0[10], cx_dw0[33], cx_gvma};
      inv_pscid_q <= {12'd0, cx_dw0[31:12]};
      inv_gscid_q <= {16'd0, cx_dw0[59:44]};
      inv_lo_q    <= cx_dw1[41:10];
      inv_hi_q    <= {12'd0, cx_dw1[61:42]};
    end else if (inv_wr) begin
      case (off[4:2])
        3'd0:    inv_w0_q    <= s_wb_dat_i;
        3'd1:    inv_pscid_q <= s_wb_dat_i;
        3'd2:    inv_gscid_q <= s_wb_dat_i;
        3'd3:    inv_lo_q    <= s_wb_dat_i;
        default: inv_hi_q    <= s_wb_dat_i;
      endcase
    end
  end

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

  assign ctx_beat = ctx_fill_q && m_burst_rvalid_i && m_burst_rready_o;
  assign ctx_src  = ctx_beat ? m_burst_rdata_i : {s_wb_dat_i, s_wb_dat_i};

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      ctx_fill_q <= 1'b0;
      ctx_auto_q <= 1'b0;
      ctx_beat_q <= 3'd0;
    end else if (burst_start) begin
      ctx_fill_q <= s_wb_dat_i[CtrlCtx] && !s_wb_dat_i[0] && !s_wb_dat_i[CtrlEvt];
      ctx_auto_q <= s_wb_dat_i[CtrlCtxLoad];
      ctx_beat_q <= 3'd0;
    end else if (ctx_beat) begin
      ctx_beat_q <= ctx_beat_q + 3'd1;
      if (m_burst_rlast_i) begin
        ctx_fill_q <= 1'b0;
      end
    end
  end

  // BURST_CTRL.CTX_LOAD: the cycle after the last beat the checker judges the DC in CTX_W; a
  // DC the firmware would load at once (no bus error, valid, well-formed, PDTV=0) is loaded
  // (device CTX_CMD.DID) and the pending miss retried, without waiting for the firmware's
  // status read. The firmware tells from the same BURST_STATUS bits whether this happened.
  assign auto_ok = auto_chk_q && !burst_err && !dc_invalid && !dc_bad && !dc_pdtv;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      auto_chk_q   <= 1'b0;
      auto_retry_q <= 2'd0;
    end else begin
      auto_chk_q   <= ctx_beat && m_burst_rlast_i && ctx_auto_q;
      auto_retry_q <= {auto_retry_q[0], auto_ok};
    end
  end

  for (genvar i = 0; i < 16; i++) begin : gen_ctx_wr
    always_ff @(posedge clk_i) begin
      if ((ctx_beat && ctx_beat_q == 3'(i / 2)) ||
          (!ctx_beat && wr && in_page && is_ctx_w && off[5:2] == 4'(i))) begin
        ctx_w_q[i] <= ctx_src[32*(i%2) +: 32];
      end
    end
  end

  // Registers that hold payload only: no reset needed.
  always_ff @(posedge clk_i) begin
    if (wr && in_page) begin
      case (off)
        FWIF_CTX_CMD:       ctx_did_q   <= s_wb_dat_i[FWIF_CTX_CMD_DID_SHIFT +: 24];
        FWIF_CTX_KEY:       ctx_key_q   <= s_wb_dat_i[24:0];
        FWIF_BURST_ADDR_LO: burst_lo_q  <= s_wb_dat_i;
        FWIF_BURST_ADDR_HI: burst_hi_q  <= s_wb_dat_i;
        FWIF_MSI_W0:        msi_w0_q    <= s_wb_dat_i;
        FWIF_MSI_W1:        msi_w1_q    <= s_wb_dat_i;
        FWIF_MSI_W2:        msi_w2_q    <= s_wb_dat_i;
        FWIF_MSI_W3:        msi_w3_q    <= s_wb_dat_i;
        FWIF_MSI_W4:        msi_w4_q    <= s_wb_dat_i;
        FWIF_CONSOLE:       console_q   <= s_wb_dat_i[7:0];
        FWIF_SIMCTRL:       simctrl_q   <= s_wb_dat_i;
        default: ;
      endcase
    end
  end

  // One-cycle command pulses and the invalidation handshake.
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      ctx_load_q      <= 1'b0;
      ctx_inv_q       <= 1'b0;
      ctx_inv_op_q    <= 2'd0;
      ctx_inv_eng_q   <= 1'b0;
      miss_retry_q    <= 1'b0;
      miss_fail_q     <= 1'b0;
      msi_load_q      <= 1'b0;
      miss_absorb_q   <= 1'b0;
      mrif_done_q     <= 1'b0;
      mrif_resp_q     <= 2'd0;
      inv_valid_q     <= 1'b0;
      drain_hold_q    <= 1'b0;
      console_valid_q <= 1'b0;
      simctrl_valid_q <= 1'b0;
    end else begin
      ctx_load_q      <= auto_ok;
      ctx_inv_q       <= 1'b0;
      miss_retry_q    <= auto_retry_q[1];
      miss_fail_q     <= 1'b0;
      msi_load_q      <= wr && in_page && off == FWIF_MSI_CMD && s_wb_dat_i[1:0] == 2'd1;
      miss_absorb_q   <= 1'b0;
      mrif_done_q     <= wr && in_page && off == FWIF_MSI_WRESP;
      if (wr && in_page && off == FWIF_MSI_WRESP) begin
        mrif_resp_q <= s_wb_dat_i[1:0];
      end
      if (wr && in_page && off == FWIF_DRAIN) begin
        drain_hold_q <= s_wb_dat_i[0];
      end
      console_valid_q <= wr && in_page && off == FWIF_CONSOLE;
      simctrl_valid_q <= wr && in_page && off == FWIF_SIMCTRL;
      if (cqx_ctx_inv) begin
        ctx_inv_q     <= 1'b1;
        ctx_inv_op_q  <= cx_dw0[7] ? 2'd2 : (cx_dw0[33] ? 2'd0 : 2'd1);
        ctx_inv_eng_q <= 1'b1;
      end else if (wr && in_page && off == FWIF_CTX_CMD) begin
        ctx_inv_eng_q <= 1'b0;
        case (s_wb_dat_i[2:0])
          3'd1: ctx_load_q <= 1'b1;
          3'd2: begin ctx_inv_q <= 1'b1; ctx_inv_op_q <= 2'd0; end
          3'd3: begin ctx_inv_q <= 1'b1; ctx_inv_op_q <= 2'd1; end
          3'd4: begin ctx_inv_q <= 1'b1; ctx_inv_op_q <= 2'd2; end
          default: ;
        endcase
      end
      if (wr && in_page && off == FWIF_MISS_CMD) begin
        miss_retry_q <= (s_wb_dat_i[1:0] == 2'd1) || auto_retry_q[1];
        miss_fail_q  <= s_wb_dat_i[1];      // 2 fail, 3 absorb (a fail that keeps the W data)
        miss_absorb_q <= (s_wb_dat_i[1:0] == 2'd3);
      end
      if (inv_valid_q && inv_ready_i) begin
        inv_valid_q <= 1'b0;
      end else if (cqx_fire || (wr && in_page && off == FWIF_INV_CMD)) begin
        inv_valid_q <= 1'b1;
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
  logic         dc_pdtv, dc_dtf, dc_ext, dc_invalid, dc_bad, dc_msi;
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
  // From the command engine's IODIR (cqx_cmd_q still holds it in the pulse cycle: the next
  // command's words are captured two cycles later at the earliest) or from CTX_CMD.DID and
  // CTX_KEY.PID.
  assign ctx_inv_did_o   = ctx_inv_eng_q ? cx_dw0[63:40] : ctx_did_q;
  assign ctx_inv_pid_o   = ctx_inv_eng_q ? cx_dw0[31:12] : ctx_key_q[19:0];
  assign miss_retry_o    = miss_retry_q;
  assign miss_fail_o     = miss_fail_q;
  assign msi_load_o       = msi_load_q;
  assign miss_absorb_o    = miss_absorb_q;
  assign mrif_done_o      = mrif_done_q;
  assign mrif_resp_o      = mrif_resp_q;
  assign msi_load_gscid_o = msi_w0_q[15:0];
  assign msi_load_gpn_o   = {msi_w2_q[19:0], msi_w1_q};
  assign msi_load_ppn_o   = {msi_w4_q[11:0], msi_w3_q};
  assign inv_valid_o     = inv_valid_q;
  assign drain_hold_o    = drain_hold_q;
  assign inv_gvma_o      = inv_w0_q[0];
  assign inv_gv_o        = inv_w0_q[1];
  assign inv_av_o        = inv_w0_q[2];
  assign inv_pscv_o      = inv_w0_q[3];
  assign inv_pscid_o     = inv_pscid_q[19:0];
  assign inv_gscid_o     = inv_gscid_q[15:0];
  assign inv_vpn_o       = {inv_hi_q[19:0], inv_lo_q};
  assign console_valid_o = console_valid_q;
  assign console_data_o  = console_q;
  assign simctrl_valid_o = simctrl_valid_q;
  assign simctrl_data_o  = simctrl_q;

  ////////////////////////
  // Burst engine       //
  ////////////////////////

  logic [31:0] buf_rdata;

  iommu_burst u_burst (
    .clk_i           (clk_i),
    .rst_i           (rst_i),
    .start_i         (eng_start),
    .store_i         (ctrl_word[0]),
    .size32_i        (ctrl_word[28]),
    .excl_i          (ctrl_word[30]),
    .hi32_i          (ctrl_word[31]),
    .beats_i         (ctrl_word[15:8]),
    .boff_i          (ctrl_word[26:19]),
    .addr_i          (cqx_fstart ? {cx_dw1[61:0], 2'b00} : {burst_hi_q, burst_lo_q}),
    .busy_o          (burst_busy),
    .err_o           (burst_err),
    .exok_o          (burst_exok),
    .buf_en_i        (cbuf_en),
    .buf_we_i        (cbuf_we),
    .buf_adr_i       (cbuf_adr),
    .buf_wdata_i     (cbuf_wdata),
    .buf_sel_i       (cbuf_sel),
    .buf_gnt_o       (buf_gnt),
    .buf_rdata_o     (buf_rdata),
    .m_axi_awid_o    (m_burst_awid_o),
    .m_axi_awaddr_o  (m_burst_awaddr_o),
    .m_axi_awlen_o   (m_burst_awlen_o),
    .m_axi_awsize_o  (m_burst_awsize_o),
    .m_axi_awburst_o (m_burst_awburst_o),
    .m_axi_awprot_o  (m_burst_awprot_o),
    .m_axi_awlock_o  (m_burst_awlock_o),
    .m_axi_awvalid_o (m_burst_awvalid_o),
    .m_axi_awready_i (m_burst_awready_i),
    .m_axi_wdata_o   (m_burst_wdata_o),
    .m_axi_wstrb_o   (m_burst_wstrb_o),
    .m_axi_wlast_o   (m_burst_wlast_o),
    .m_axi_wvalid_o  (m_burst_wvalid_o),
    .m_axi_wready_i  (m_burst_wready_i),
    .m_axi_bid_i     (m_burst_bid_i),
    .m_axi_bresp_i   (m_burst_bresp_i),
    .m_axi_bvalid_i  (m_burst_bvalid_i),
    .m_axi_bready_o  (m_burst_bready_o),
    .m_axi_arid_o    (m_burst_arid_o),
    .m_axi_araddr_o  (m_burst_araddr_o),
    .m_axi_arlen_o   (m_burst_arlen_o),
    .m_axi_arsize_o  (m_burst_arsize_o),
    .m_axi_arburst_o (m_burst_arburst_o),
    .m_axi_arprot_o  (m_burst_arprot_o),
    .m_axi_arlock_o  (m_burst_arlock_o),
    .m_axi_arvalid_o (m_burst_arvalid_o),
    .m_axi_arready_i (m_burst_arready_i),
    .m_axi_rid_i     (m_burst_rid_i),
    .m_axi_rdata_i   (m_burst_rdata_i),
    .m_axi_rresp_i   (m_burst_rresp_i),
    .m_axi_rlast_i   (m_burst_rlast_i),
    .m_axi_rvalid_i  (m_burst_rvalid_i),
    .m_axi_rready_o  (m_burst_rready_o)
  );

  ////////////////////////
  // Read data          //
  ////////////////////////

  // Decoded by address bits rather than compared per register: the word inside a 32-byte block
  // (off[4:2]) picks within each block, the block (off[8:5]) picks among the blocks; words
  // without a readable register, and off[10:9] != 0, read 0. The spec page aliases read through
  // iommu_regfile; the burst buffer bypasses rdata_q (rd_buf_q).
  logic [31:0] rdata_q;
  logic        rd_buf_q;
  logic [31:0] rb_misc, rb_evt, rb_burst, rb_ctx, rb_inv, rb_msi, rb_mrif, rb_page, rb_spec;
  logic [2:0]  rw;                      // word inside the block

  assign rw = off[4:2];

  always_comb begin
    // 0x000-0x01C: ID, CYCLE_LO, CYCLE_HI (CONSOLE and SIMCTRL are write-only)
    unique case (rw)
      FWIF_ID[4:2]:       rb_misc = FWIF_ID_VALUE;
      FWIF_CYCLE_LO[4:2]: rb_misc = cycle_q[31:0];
      FWIF_CYCLE_HI[4:2]: rb_misc = cycle_hi_q;
      default:            rb_misc = '0;
    endcase
    // 0x020-0x03C: EVT_STATUS, EVT_TYPE (EVT_POP is write-only)
    unique case (rw)
      FWIF_EVT_STATUS[4:2]: rb_evt = {15'd0, dropped_q, 8'(evt_count), 7'd0, !evt_empty};
      FWIF_EVT_TYPE[4:2]:   rb_evt = {28'd0, evt_empty ? 4'd0 : evt_head[259:256]};
      default:              rb_evt = '0;
    endcase
    // 0x080-0x09C: BURST_ADDR_LO/HI, BURST_STATUS, CQX_STATUS, DRAIN. CQX_STATUS is busy until
    // the last invalidation the engine issued has been taken, and during a BURST_CTRL.CQX fetch.
    unique case (rw)
      FWIF_BURST_ADDR_LO[4:2]: rb_burst = burst_lo_q;
      FWIF_BURST_ADDR_HI[4:2]: rb_burst = burst_hi_q;
      FWIF_BURST_STATUS[4:2]:  rb_burst = {24'd0, dc_msi, dc_dtf, dc_pdtv, dc_bad, dc_invalid,
                                           burst_exok, burst_err,
                                           burst_busy || evt_copy_q || evt_start_q};
      FWIF_CQX_STATUS[4:2]:    rb_burst = {14'd0, cqx_lderr_q, cqx_err_q, cqx_done_q, 7'd0,
                                           (cqx_state_q != CxIdle) || inv_valid_q || chain_q};
      FWIF_DRAIN[4:2]:         rb_burst = {29'd0, drain_idle_i, drain_done_i, drain_hold_q};
      default:                 rb_burst = '0;
    endcase
    // 0x100-0x13C: CTX_W0..15
    rb_ctx = ctx_w_q[off[5:2]];
    // 0x180-0x19C: INV_W0, INV_PSCID, INV_GSCID, INV_ADDR_LO/HI, INV_STATUS (INV_CMD write-only)
    unique case (rw)
      FWIF_INV_W0[4:2]:      rb_inv = inv_w0_q;
      FWIF_INV_PSCID[4:2]:   rb_inv = inv_pscid_q;
      FWIF_INV_GSCID[4:2]:   rb_inv = inv_gscid_q;
      FWIF_INV_ADDR_LO[4:2]: rb_inv = inv_lo_q;
      FWIF_INV_ADDR_HI[4:2]: rb_inv = inv_hi_q;
      FWIF_INV_STATUS[4:2]:  rb_inv = {31'd0, inv_valid_q};
      default:               rb_inv = '0;
    endcase
    // 0x1A0-0x1BC: MSI_W0..W4, MSI_WD0/WD1 (MSI_CMD write-only)
    unique case (rw)
      FWIF_MSI_W0[4:2]:  rb_msi = msi_w0_q;
      FWIF_MSI_W1[4:2]:  rb_msi = msi_w1_q;
      FWIF_MSI_W2[4:2]:  rb_msi = msi_w2_q;
      FWIF_MSI_W3[4:2]:  rb_msi = msi_w3_q;
      FWIF_MSI_W4[4:2]:  rb_msi = msi_w4_q;
      FWIF_MSI_WD0[4:2]: rb_msi = mrif_data_i[31:0];
      FWIF_MSI_WD1[4:2]: rb_msi = mrif_data_i[63:32];
      default:           rb_msi = '0;
    endcase
    // 0x1C0-0x1DC: MSI_WSTAT (MSI_WRESP write-only)
    rb_mrif = (rw == FWIF_MSI_WSTAT[4:2]) ? {16'd0, mrif_strb_i, 6'd0, mrif_multi_i, mrif_valid_i} :
                                            '0;

    unique case (off[8:5])
      FWIF_ID[8:5]:         rb_page = rb_misc;
      FWIF_EVT_STATUS[8:5]: rb_page = rb_evt;
      FWIF_EVT_DATA0[8:5]:     rb_page = evt_word;
      FWIF_BURST_CTRL[8:5]: rb_page = rb_burst;
      FWIF_CTX_W0[8:5], FWIF_CTX_W8[8:5]: rb_page = rb_ctx;
      FWIF_CTX_KEY[8:5]:    rb_page = (rw == FWIF_CTX_KEY[4:2]) ? {7'd0, ctx_key_q} : '0;
      FWIF_INV_W0[8:5]:     rb_page = rb_inv;
      FWIF_MSI_W0[8:5]:     rb_page = rb_msi;
      FWIF_MSI_WSTAT[8:5]:  rb_page = rb_mrif;
      default:              rb_page = '0;
    endcase
    if (off[10:9] != 2'd0) begin
      rb_page = '0;
    end

    // Spec page: FW_DB_PENDING carries the event summary in its reserved bits [31:26].
    rb_spec = fw_rdata_i;
    if (s_wb_adr_i[9:0] == SpecFwDbWord) begin
      rb_spec[31:26] = {!evt_empty, dropped_q, evt_empty ? 4'd0 : evt_head[259:256]};
    end
  end

  always_ff @(posedge clk_i) begin
    if (rd) begin
      rd_buf_q <= in_buf;
      rdata_q  <= in_spec ? rb_spec : rb_page;
    end
  end

  assign s_wb_dat_o = rd_buf_q ? buf_rdata : rdata_q;

  logic unused_ctrl;
  assign unused_ctrl = ^{ctrl_word[29], ctrl_word[27], ctrl_word[18:16], ctrl_word[7:1]};
  // (BURST_CTRL.CQX, bit 1, is taken from the Wishbone write by the command engine.)

  logic unused_msi;
  assign unused_msi = ^{msi_w0_q[31:16], msi_w2_q[31:20], msi_w4_q[31:12], miss_fidx_i[51:32]};


endmodule

`default_nettype wire
