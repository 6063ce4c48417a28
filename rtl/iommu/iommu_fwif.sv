// SPDX-License-Identifier: Apache-2.0
// iommu_fwif: the firmware interface of the IOMMU, as seen by the management core.
//
// Owns the core's 16 KiB IOMMU window (architecture.md §3, §5): the fwif registers and burst
// buffer at 0x000-0xFFF, and the raw / set / clear aliases of the spec register page at
// 0x1000 / 0x2000 / 0x3000, forwarded to iommu_regfile's firmware port. Also owns the console /
// simctrl outputs, the cycle counter, BURST_ADDR and DRAIN, the sharing of the burst buffer
// port and of the burst engine, and the read mux of the page. Its parts: the event FIFO
// (context misses and fault records from iommu_xlate) in iommu_fwif_evt; the command engine
// and the IOTLB command registers in iommu_fwif_cqx; the context words, the context-cache
// entry and its command registers in iommu_fwif_ctx; the miss answers and the MSI-PTE cache
// fill in iommu_fwif_miss. The burst engine and its buffer live in iommu_burst.
//
// Wishbone classic slave, one access per two cycles (registered ack); a buffer access waits one
// more cycle per cycle the burst engine uses the buffer RAM. Registers ignore the byte selects
// (firmware uses word accesses); the buffer honours them.

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
  localparam logic [9:0] SpecFwDbWord = 10'h100;
  localparam int         CtrlEvt      = 29;   // BURST_CTRL.EVT

  ////////////////////////
  // Bus decode         //
  ////////////////////////

  logic        ack_q;
  logic        evt_copy;                // BURST_CTRL.EVT: copying the head event to the buffer
  logic        cqx_rd;                  // the command engine reads the buffer this cycle
  logic        req, wr, rd;
  logic        buf_gnt;                 // iommu_burst took the buffer access this cycle
  logic [11:0] off;                     // byte offset inside the fwif page
  logic        in_page, in_buf, in_spec;
  logic        page_wr, page_rd;        // a write / read of the fwif page (to its parts)

  assign req     = s_wb_cyc_i && s_wb_stb_i && !ack_q;
  assign wr      = req && s_wb_we_i;
  assign rd      = req && !s_wb_we_i;
  assign off     = {s_wb_adr_i[9:0], 2'b00};
  assign in_page = (s_wb_adr_i[11:10] == 2'd0);
  assign in_spec = !in_page;
  assign in_buf  = in_page && off[11];
  assign page_wr = wr && in_page;
  assign page_rd = rd && in_page;

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
      ack_q <= req && (!in_buf || (buf_gnt && !evt_copy && !cqx_rd));
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
  // Command registers  //
  ////////////////////////

  logic [31:0] burst_lo_q, burst_hi_q;
  logic        drain_hold_q;
  logic        console_valid_q, simctrl_valid_q;
  logic [7:0]  console_q;
  logic [31:0] simctrl_q;
  logic        burst_start, burst_busy, burst_err, burst_exok;

  assign burst_start = wr && in_page && off == FWIF_BURST_CTRL;

  // Registers that hold payload only: no reset needed.
  always_ff @(posedge clk_i) begin
    if (wr && in_page) begin
      case (off)
        FWIF_BURST_ADDR_LO: burst_lo_q  <= s_wb_dat_i;
        FWIF_BURST_ADDR_HI: burst_hi_q  <= s_wb_dat_i;
        FWIF_CONSOLE:       console_q   <= s_wb_dat_i[7:0];
        FWIF_SIMCTRL:       simctrl_q   <= s_wb_dat_i;
        default: ;
      endcase
    end
  end

  // One-cycle command pulses and the port hold of IOFENCE.C.
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      drain_hold_q    <= 1'b0;
      console_valid_q <= 1'b0;
      simctrl_valid_q <= 1'b0;
    end else begin
      if (wr && in_page && off == FWIF_DRAIN) begin
        drain_hold_q <= s_wb_dat_i[0];
      end
      console_valid_q <= wr && in_page && off == FWIF_CONSOLE;
      simctrl_valid_q <= wr && in_page && off == FWIF_SIMCTRL;
    end
  end

  assign drain_hold_o    = drain_hold_q;
  assign console_valid_o = console_valid_q;
  assign console_data_o  = console_q;
  assign simctrl_valid_o = simctrl_valid_q;
  assign simctrl_data_o  = simctrl_q;

  ////////////////////////
  // Event FIFO         //
  ////////////////////////

  logic        evt_start;               // copy done, start the engine when it is idle
  logic [8:0]  evt_copy_adr;
  logic [31:0] evt_ctrl;
  logic [31:0] evt_word;                // head event word: EVT_DATAn read, or the copy
  logic [31:0] rb_evt;
  logic [5:0]  evt_summary;

  iommu_fwif_evt #(
    .EvtDepth (EvtDepth)
  ) u_evt (
    .clk_i         (clk_i),
    .rst_i         (rst_i),
    .wr_i          (page_wr),
    .rd_i          (page_rd),
    .off_i         (off),
    .wdata_i       (s_wb_dat_i),
    .burst_start_i (burst_start),
    .status_rd_o   (rb_evt),
    .word_o        (evt_word),
    .summary_o     (evt_summary),
    .miss_valid_i  (miss_valid_i),
    .miss_did_i    (miss_did_i),
    .miss_pid_i    (miss_pid_i),
    .miss_pv_i     (miss_pv_i),
    .miss_priv_i   (miss_priv_i),
    .miss_exec_i   (miss_exec_i),
    .miss_write_i  (miss_write_i),
    .miss_iova_i   (miss_iova_i),
    .miss_unsup_i  (miss_unsup_i),
    .miss_msi_i    (miss_msi_i),
    .miss_gscid_i  (miss_gscid_i),
    .miss_pte_i    (miss_pte_i),
    .miss_fidx_i   (miss_fidx_i[47:0]),
    .miss_dtf_i    (miss_dtf_i),
    .fault_valid_i (fault_valid_i),
    .fault_rec_i   (fault_rec_i),
    .buf_gnt_i     (buf_gnt),
    .burst_busy_i  (burst_busy),
    .copy_o        (evt_copy),
    .copy_adr_o    (evt_copy_adr),
    .start_o       (evt_start),
    .ctrl_o        (evt_ctrl)
  );

  ////////////////////////
  // Command engine     //
  ////////////////////////

  logic [8:0]  cqx_adr;
  logic [31:0] buf_rdata;
  logic        cqx_fstart;
  logic [31:0] cqx_fctrl, cqx_status, rb_inv;
  logic [63:0] cqx_faddr;
  logic        eng_inv;                 // IODIR: a context-cache invalidation pulse
  logic [1:0]  eng_inv_op;
  logic [23:0] eng_inv_did;
  logic [19:0] eng_inv_pid;

  iommu_fwif_cqx u_cqx (
    .clk_i         (clk_i),
    .rst_i         (rst_i),
    .wr_i          (page_wr),
    .off_i         (off),
    .wdata_i       (s_wb_dat_i),
    .burst_start_i (burst_start),
    .status_o      (cqx_status),
    .inv_rd_o      (rb_inv),
    .buf_rd_o      (cqx_rd),
    .buf_adr_o     (cqx_adr),
    .buf_gnt_i     (buf_gnt),
    .buf_rdata_i   (buf_rdata),
    .burst_busy_i  (burst_busy),
    .burst_err_i   (burst_err),
    .evt_copy_i    (evt_copy),
    .evt_start_i   (evt_start),
    .fstart_o      (cqx_fstart),
    .fctrl_o       (cqx_fctrl),
    .faddr_o       (cqx_faddr),
    .drain_idle_i  (drain_idle_i),
    .ctx_inv_o     (eng_inv),
    .ctx_inv_op_o  (eng_inv_op),
    .ctx_inv_did_o (eng_inv_did),
    .ctx_inv_pid_o (eng_inv_pid),
    .inv_valid_o   (inv_valid_o),
    .inv_ready_i   (inv_ready_i),
    .inv_gvma_o    (inv_gvma_o),
    .inv_gv_o      (inv_gv_o),
    .inv_av_o      (inv_av_o),
    .inv_pscv_o    (inv_pscv_o),
    .inv_pscid_o   (inv_pscid_o),
    .inv_gscid_o   (inv_gscid_o),
    .inv_vpn_o     (inv_vpn_o)
  );

  ////////////////////////
  // Context cache      //
  ////////////////////////

  logic [31:0] rb_ctx, rb_key;
  logic [4:0]  dc_status;               // msi, dtf, pdtv, bad, invalid
  logic        auto_retry;

  iommu_fwif_ctx u_ctx (
    .clk_i         (clk_i),
    .rst_i         (rst_i),
    .wr_i          (page_wr),
    .off_i         (off),
    .wdata_i       (s_wb_dat_i),
    .burst_start_i (burst_start),
    .ctx_rd_o      (rb_ctx),
    .key_rd_o      (rb_key),
    .dc_status_o   (dc_status),
    .rvalid_i      (m_burst_rvalid_i),
    .rready_i      (m_burst_rready_o),
    .rdata_i       (m_burst_rdata_i),
    .rlast_i       (m_burst_rlast_i),
    .burst_err_i   (burst_err),
    .retry_o       (auto_retry),
    .caps_i        (caps_i),
    .fctl_gxl_i    (fctl_gxl_i),
    .eng_inv_i     (eng_inv),
    .eng_inv_op_i  (eng_inv_op),
    .eng_inv_did_i (eng_inv_did),
    .eng_inv_pid_i (eng_inv_pid),
    .ctx_load_o    (ctx_load_o),
    .ctx_w_o       (ctx_w_o),
    .ctx_inv_o     (ctx_inv_o),
    .ctx_inv_op_o  (ctx_inv_op_o),
    .ctx_inv_did_o (ctx_inv_did_o),
    .ctx_inv_pid_o (ctx_inv_pid_o)
  );

  ////////////////////////
  // Miss answers       //
  ////////////////////////

  logic [31:0] rb_msi, rb_mrif;

  iommu_fwif_miss u_miss (
    .clk_i            (clk_i),
    .rst_i            (rst_i),
    .wr_i             (page_wr),
    .off_i            (off),
    .wdata_i          (s_wb_dat_i),
    .msi_rd_o         (rb_msi),
    .wstat_rd_o       (rb_mrif),
    .auto_retry_i     (auto_retry),
    .miss_retry_o     (miss_retry_o),
    .miss_fail_o      (miss_fail_o),
    .msi_load_o       (msi_load_o),
    .msi_load_gscid_o (msi_load_gscid_o),
    .msi_load_gpn_o   (msi_load_gpn_o),
    .msi_load_ppn_o   (msi_load_ppn_o),
    .miss_absorb_o    (miss_absorb_o),
    .mrif_valid_i     (mrif_valid_i),
    .mrif_data_i      (mrif_data_i),
    .mrif_strb_i      (mrif_strb_i),
    .mrif_multi_i     (mrif_multi_i),
    .mrif_done_o      (mrif_done_o),
    .mrif_resp_o      (mrif_resp_o)
  );

  ////////////////////////
  // Burst engine       //
  ////////////////////////

  // The buffer port and the engine start, shared by the core, the event copy (iommu_fwif_evt)
  // and the command engine (iommu_fwif_cqx).
  logic [31:0] ctrl_word;
  logic        eng_start;
  logic        cbuf_en, cbuf_we;
  logic [8:0]  cbuf_adr;
  logic [31:0] cbuf_wdata;
  logic [3:0]  cbuf_sel;

  assign eng_start     = evt_start ? !burst_busy :
                         (cqx_fstart || (burst_start && !s_wb_dat_i[CtrlEvt]));
  assign ctrl_word     = evt_start   ? evt_ctrl :
                         cqx_fstart  ? cqx_fctrl :
                                       s_wb_dat_i;
  assign cbuf_en       = evt_copy || cqx_rd || (req && in_buf);
  assign cbuf_we       = evt_copy || (!cqx_rd && s_wb_we_i);
  assign cbuf_adr      = evt_copy   ? evt_copy_adr :
                         cqx_rd     ? cqx_adr : s_wb_adr_i[8:0];
  assign cbuf_wdata    = evt_copy ? evt_word : s_wb_dat_i;
  assign cbuf_sel      = evt_copy ? 4'hF : s_wb_sel_i;

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
    .addr_i          (cqx_fstart ? cqx_faddr : {burst_hi_q, burst_lo_q}),
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
  // (off[4:2]) picks within each block (in the part that owns the block), the block (off[8:5])
  // picks among the blocks; words without a readable register, and off[10:9] != 0, read 0. The
  // spec page aliases read through iommu_regfile; the burst buffer bypasses rdata_q (rd_buf_q).
  logic [31:0] rdata_q;
  logic        rd_buf_q;
  logic [31:0] rb_misc, rb_burst, rb_page, rb_spec;
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
    // 0x080-0x09C: BURST_ADDR_LO/HI, BURST_STATUS, CQX_STATUS, DRAIN.
    unique case (rw)
      FWIF_BURST_ADDR_LO[4:2]: rb_burst = burst_lo_q;
      FWIF_BURST_ADDR_HI[4:2]: rb_burst = burst_hi_q;
      FWIF_BURST_STATUS[4:2]:  rb_burst = {24'd0, dc_status, burst_exok, burst_err,
                                           burst_busy || evt_copy || evt_start};
      FWIF_CQX_STATUS[4:2]:    rb_burst = cqx_status;
      FWIF_DRAIN[4:2]:         rb_burst = {29'd0, drain_idle_i, drain_done_i, drain_hold_q};
      default:                 rb_burst = '0;
    endcase

    unique case (off[8:5])
      FWIF_ID[8:5]:         rb_page = rb_misc;
      FWIF_EVT_STATUS[8:5]: rb_page = rb_evt;
      FWIF_EVT_DATA0[8:5]:     rb_page = evt_word;
      FWIF_BURST_CTRL[8:5]: rb_page = rb_burst;
      FWIF_CTX_W0[8:5], FWIF_CTX_W8[8:5]: rb_page = rb_ctx;
      FWIF_CTX_KEY[8:5]:    rb_page = rb_key;
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
      rb_spec[31:26] = evt_summary;
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

  logic unused_fidx;
  assign unused_fidx = ^miss_fidx_i[51:48];


endmodule

`default_nettype wire
