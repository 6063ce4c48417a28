// SPDX-License-Identifier: Apache-2.0
// iommu_mem_arb: three AXI4 masters onto the one memory port (architecture.md §2, §6).
//
// Sources: 0 translated DMA (full), 1 page-table walker (full: PTE reads and the exclusive
// single-beat A/D writes), 2 firmware burst engine (full). The memory-side ID is {source[1:0], id[3:0]}, so R and B responses are routed back by
// ID[5:4] without any tracking table. AR and AW are each granted round-robin; a grant is held
// while the address is offered and not accepted, so the payload stays stable. The source of
// every accepted AW is queued, and W beats are taken from the source at the head of that queue
// until its WLAST: W follows AW order. On an empty queue the W channel belongs to the AW being
// offered (AWVALID high, its grant held until its handshake), before or in the cycle of that
// handshake: WVALID never waits for AWREADY (AXI4 A3.3.1, a memory may wait for WVALID before it
// raises AWREADY), and a single-beat write needs no extra cycle. A burst whose WLAST went before
// its AW handshake is remembered (w_ahead_q), so that AW gets no second burst and is not queued.
// The address paths are combinational (no added latency for a DMA on an idle port). AxLOCK
// (exclusive access) comes from the burst engine and the walker; the DMA never locks.

`default_nettype none

module iommu_mem_arb #(
  parameter int WQueueDepth = 4    // AWs accepted ahead of their W data (power of two)
) (
  input  logic          clk_i,
  input  logic          rst_i,

  // Source 0: translated DMA (full)
  input  logic [3:0]   s0_awid_i,
  input  logic [63:0]  s0_awaddr_i,
  input  logic [7:0]   s0_awlen_i,
  input  logic [2:0]   s0_awsize_i,
  input  logic [1:0]   s0_awburst_i,
  input  logic [2:0]   s0_awprot_i,
  input  logic         s0_awvalid_i,
  output logic         s0_awready_o,
  input  logic [63:0]  s0_wdata_i,
  input  logic [7:0]   s0_wstrb_i,
  input  logic         s0_wlast_i,
  input  logic         s0_wvalid_i,
  output logic         s0_wready_o,
  output logic [3:0]   s0_bid_o,
  output logic [1:0]   s0_bresp_o,
  output logic         s0_bvalid_o,
  input  logic         s0_bready_i,
  input  logic [3:0]   s0_arid_i,
  input  logic [63:0]  s0_araddr_i,
  input  logic [7:0]   s0_arlen_i,
  input  logic [2:0]   s0_arsize_i,
  input  logic [1:0]   s0_arburst_i,
  input  logic [2:0]   s0_arprot_i,
  input  logic         s0_arvalid_i,
  output logic         s0_arready_o,
  output logic [3:0]   s0_rid_o,
  output logic [63:0]  s0_rdata_o,
  output logic [1:0]   s0_rresp_o,
  output logic         s0_rlast_o,
  output logic         s0_rvalid_o,
  input  logic         s0_rready_i,

  // Source 1: page-table walker
  input  logic [3:0]   s1_awid_i,
  input  logic [63:0]  s1_awaddr_i,
  input  logic [7:0]   s1_awlen_i,
  input  logic [2:0]   s1_awsize_i,
  input  logic [1:0]   s1_awburst_i,
  input  logic [2:0]   s1_awprot_i,
  input  logic         s1_awlock_i,      // exclusive write (A/D update)
  input  logic         s1_awvalid_i,
  output logic         s1_awready_o,
  input  logic [63:0]  s1_wdata_i,
  input  logic [7:0]   s1_wstrb_i,
  input  logic         s1_wlast_i,
  input  logic         s1_wvalid_i,
  output logic         s1_wready_o,
  output logic [3:0]   s1_bid_o,
  output logic [1:0]   s1_bresp_o,
  output logic         s1_bvalid_o,
  input  logic         s1_bready_i,
  input  logic [3:0]   s1_arid_i,
  input  logic [63:0]  s1_araddr_i,
  input  logic [7:0]   s1_arlen_i,
  input  logic [2:0]   s1_arsize_i,
  input  logic [1:0]   s1_arburst_i,
  input  logic [2:0]   s1_arprot_i,
  input  logic         s1_arlock_i,      // exclusive read (A/D update)
  input  logic         s1_arvalid_i,
  output logic         s1_arready_o,
  output logic [3:0]   s1_rid_o,
  output logic [63:0]  s1_rdata_o,
  output logic [1:0]   s1_rresp_o,
  output logic         s1_rlast_o,
  output logic         s1_rvalid_o,
  input  logic         s1_rready_i,

  // Source 2: firmware burst engine (full)
  input  logic [3:0]   s2_awid_i,
  input  logic [63:0]  s2_awaddr_i,
  input  logic [7:0]   s2_awlen_i,
  input  logic [2:0]   s2_awsize_i,
  input  logic [1:0]   s2_awburst_i,
  input  logic [2:0]   s2_awprot_i,
  input  logic         s2_awlock_i,      // exclusive write (the others never lock)
  input  logic         s2_awvalid_i,
  output logic         s2_awready_o,
  input  logic [63:0]  s2_wdata_i,
  input  logic [7:0]   s2_wstrb_i,
  input  logic         s2_wlast_i,
  input  logic         s2_wvalid_i,
  output logic         s2_wready_o,
  output logic [3:0]   s2_bid_o,
  output logic [1:0]   s2_bresp_o,
  output logic         s2_bvalid_o,
  input  logic         s2_bready_i,
  input  logic [3:0]   s2_arid_i,
  input  logic [63:0]  s2_araddr_i,
  input  logic [7:0]   s2_arlen_i,
  input  logic [2:0]   s2_arsize_i,
  input  logic [1:0]   s2_arburst_i,
  input  logic [2:0]   s2_arprot_i,
  input  logic         s2_arlock_i,      // exclusive read
  input  logic         s2_arvalid_i,
  output logic         s2_arready_o,
  output logic [3:0]   s2_rid_o,
  output logic [63:0]  s2_rdata_o,
  output logic [1:0]   s2_rresp_o,
  output logic         s2_rlast_o,
  output logic         s2_rvalid_o,
  input  logic         s2_rready_i,

  // Memory (ID = {source[1:0], id[3:0]})
  output logic [5:0]   m_axi_awid_o,
  output logic [63:0]  m_axi_awaddr_o,
  output logic [7:0]   m_axi_awlen_o,
  output logic [2:0]   m_axi_awsize_o,
  output logic [1:0]   m_axi_awburst_o,
  output logic [2:0]   m_axi_awprot_o,
  output logic         m_axi_awlock_o,
  output logic         m_axi_awvalid_o,
  input  logic         m_axi_awready_i,
  output logic [63:0]  m_axi_wdata_o,
  output logic [7:0]   m_axi_wstrb_o,
  output logic         m_axi_wlast_o,
  output logic         m_axi_wvalid_o,
  input  logic         m_axi_wready_i,
  input  logic [5:0]   m_axi_bid_i,
  input  logic [1:0]   m_axi_bresp_i,
  input  logic         m_axi_bvalid_i,
  output logic         m_axi_bready_o,
  output logic [5:0]   m_axi_arid_o,
  output logic [63:0]  m_axi_araddr_o,
  output logic [7:0]   m_axi_arlen_o,
  output logic [2:0]   m_axi_arsize_o,
  output logic [1:0]   m_axi_arburst_o,
  output logic [2:0]   m_axi_arprot_o,
  output logic         m_axi_arlock_o,
  output logic         m_axi_arvalid_o,
  input  logic         m_axi_arready_i,
  input  logic [5:0]   m_axi_rid_i,
  input  logic [63:0]  m_axi_rdata_i,
  input  logic [1:0]   m_axi_rresp_i,
  input  logic         m_axi_rlast_i,
  input  logic         m_axi_rvalid_i,
  output logic         m_axi_rready_o
);

  localparam logic [1:0] SrcDma = 2'd0;
  localparam logic [1:0] SrcPtw = 2'd1;
  localparam logic [1:0] SrcFw  = 2'd2;

  ////////////////////
  // AR channel     //
  ////////////////////

  logic [1:0] ar_last_q, ar_lock_src_q, ar_src;
  logic       ar_lock_q;

  // Round-robin: the first requester after the last granted one.
  always_comb begin
    ar_src = ar_last_q;
    if (ar_lock_q) begin
      ar_src = ar_lock_src_q;
    end else begin
      case (ar_last_q)
        SrcDma:  ar_src = s1_arvalid_i ? SrcPtw : s2_arvalid_i ? SrcFw  : SrcDma;
        SrcPtw:  ar_src = s2_arvalid_i ? SrcFw  : s0_arvalid_i ? SrcDma : SrcPtw;
        default: ar_src = s0_arvalid_i ? SrcDma : s1_arvalid_i ? SrcPtw : SrcFw;
      endcase
    end
  end

  always_comb begin
    m_axi_arid_o    = {ar_src, s0_arid_i};
    m_axi_araddr_o  = s0_araddr_i;
    m_axi_arlen_o   = s0_arlen_i;
    m_axi_arsize_o  = s0_arsize_i;
    m_axi_arburst_o = s0_arburst_i;
    m_axi_arprot_o  = s0_arprot_i;
    m_axi_arlock_o  = 1'b0;
    m_axi_arvalid_o = s0_arvalid_i;
    case (ar_src)
      SrcPtw: begin
        m_axi_arid_o    = {ar_src, s1_arid_i};
        m_axi_araddr_o  = s1_araddr_i;
        m_axi_arlen_o   = s1_arlen_i;
        m_axi_arsize_o  = s1_arsize_i;
        m_axi_arburst_o = s1_arburst_i;
        m_axi_arprot_o  = s1_arprot_i;
        m_axi_arlock_o  = s1_arlock_i;
        m_axi_arvalid_o = s1_arvalid_i;
      end
      SrcFw: begin
        m_axi_arid_o    = {ar_src, s2_arid_i};
        m_axi_araddr_o  = s2_araddr_i;
        m_axi_arlen_o   = s2_arlen_i;
        m_axi_arsize_o  = s2_arsize_i;
        m_axi_arburst_o = s2_arburst_i;
        m_axi_arprot_o  = s2_arprot_i;
        m_axi_arlock_o  = s2_arlock_i;
        m_axi_arvalid_o = s2_arvalid_i;
      end
      default: ;
    endcase
  end

  assign s0_arready_o = m_axi_arready_i && (ar_src == SrcDma);
  assign s1_arready_o = m_axi_arready_i && (ar_src == SrcPtw);
  assign s2_arready_o = m_axi_arready_i && (ar_src == SrcFw);

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      ar_last_q     <= SrcFw;
      ar_lock_q     <= 1'b0;
      ar_lock_src_q <= SrcDma;
    end else begin
      ar_lock_q     <= m_axi_arvalid_o && !m_axi_arready_i;
      ar_lock_src_q <= ar_src;
      if (m_axi_arvalid_o && m_axi_arready_i) begin
        ar_last_q <= ar_src;
      end
    end
  end

  ////////////////////
  // AW channel     //
  ////////////////////

  localparam int QW = $clog2(WQueueDepth);

  logic [1:0]  aw_src, aw_last_q, aw_lock_src_q;
  logic        aw_lock_q, aw_hs, wq_full, wq_empty;
  logic [1:0]  wq_q [WQueueDepth];
  logic [QW-1:0] wq_wr_q, wq_rd_q;
  logic [QW:0] wq_cnt_q;

  // Round-robin as on AR (the walker writes rarely: A/D updates).
  always_comb begin
    aw_src = aw_last_q;
    if (aw_lock_q) begin
      aw_src = aw_lock_src_q;
    end else begin
      case (aw_last_q)
        SrcDma:  aw_src = s1_awvalid_i ? SrcPtw : s2_awvalid_i ? SrcFw  : SrcDma;
        SrcPtw:  aw_src = s2_awvalid_i ? SrcFw  : s0_awvalid_i ? SrcDma : SrcPtw;
        default: aw_src = s0_awvalid_i ? SrcDma : s1_awvalid_i ? SrcPtw : SrcFw;
      endcase
    end
  end

  always_comb begin
    m_axi_awid_o    = {aw_src, s0_awid_i};
    m_axi_awaddr_o  = s0_awaddr_i;
    m_axi_awlen_o   = s0_awlen_i;
    m_axi_awsize_o  = s0_awsize_i;
    m_axi_awburst_o = s0_awburst_i;
    m_axi_awprot_o  = s0_awprot_i;
    m_axi_awlock_o  = 1'b0;
    m_axi_awvalid_o = s0_awvalid_i && !wq_full;
    if (aw_src == SrcPtw) begin
      m_axi_awid_o    = {aw_src, s1_awid_i};
      m_axi_awaddr_o  = s1_awaddr_i;
      m_axi_awlen_o   = s1_awlen_i;
      m_axi_awsize_o  = s1_awsize_i;
      m_axi_awburst_o = s1_awburst_i;
      m_axi_awprot_o  = s1_awprot_i;
      m_axi_awlock_o  = s1_awlock_i;
      m_axi_awvalid_o = s1_awvalid_i && !wq_full;
    end
    if (aw_src == SrcFw) begin
      m_axi_awid_o    = {aw_src, s2_awid_i};
      m_axi_awaddr_o  = s2_awaddr_i;
      m_axi_awlen_o   = s2_awlen_i;
      m_axi_awsize_o  = s2_awsize_i;
      m_axi_awburst_o = s2_awburst_i;
      m_axi_awprot_o  = s2_awprot_i;
      m_axi_awlock_o  = s2_awlock_i;
      m_axi_awvalid_o = s2_awvalid_i && !wq_full;
    end
  end

  assign aw_hs        = m_axi_awvalid_o && m_axi_awready_i;
  assign s0_awready_o = m_axi_awready_i && !wq_full && (aw_src == SrcDma);
  assign s1_awready_o = m_axi_awready_i && !wq_full && (aw_src == SrcPtw);
  assign s2_awready_o = m_axi_awready_i && !wq_full && (aw_src == SrcFw);

  ////////////////////
  // W channel      //
  ////////////////////

  logic [1:0] w_src;
  logic       w_route, w_last_hs, wq_push, wq_pop;
  logic       w_ahead_q;                // the offered AW's W burst already went (queue empty)

  // The queue head owns W; with an empty queue, the AW offered now does, whether memory takes
  // it in this cycle or later (never AWREADY in this path). m_axi_awvalid_o holds until its
  // handshake (port rule), its grant with it, so the routed source cannot change under a beat.
  assign w_src   = wq_empty ? aw_src : wq_q[wq_rd_q];
  assign w_route = !wq_empty || (m_axi_awvalid_o && !w_ahead_q);

  always_comb begin
    m_axi_wdata_o  = s0_wdata_i;
    m_axi_wstrb_o  = s0_wstrb_i;
    m_axi_wlast_o  = s0_wlast_i;
    m_axi_wvalid_o = w_route && s0_wvalid_i;
    if (w_src == SrcPtw) begin
      m_axi_wdata_o  = s1_wdata_i;
      m_axi_wstrb_o  = s1_wstrb_i;
      m_axi_wlast_o  = s1_wlast_i;
      m_axi_wvalid_o = w_route && s1_wvalid_i;
    end
    if (w_src == SrcFw) begin
      m_axi_wdata_o  = s2_wdata_i;
      m_axi_wstrb_o  = s2_wstrb_i;
      m_axi_wlast_o  = s2_wlast_i;
      m_axi_wvalid_o = w_route && s2_wvalid_i;
    end
  end

  assign s0_wready_o = m_axi_wready_i && w_route && (w_src == SrcDma);
  assign s1_wready_o = m_axi_wready_i && w_route && (w_src == SrcPtw);
  assign s2_wready_o = m_axi_wready_i && w_route && (w_src == SrcFw);
  assign w_last_hs   = m_axi_wvalid_o && m_axi_wready_i && m_axi_wlast_o;
  // A burst that completes before or in its own AW cycle never enters the queue.
  assign wq_push     = aw_hs && !(wq_empty && (w_last_hs || w_ahead_q));
  assign wq_pop      = w_last_hs && !wq_empty;
  assign wq_empty    = (wq_cnt_q == '0);
  assign wq_full     = (wq_cnt_q == WQueueDepth[QW:0]);

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      aw_last_q     <= SrcFw;
      aw_lock_q     <= 1'b0;
      aw_lock_src_q <= SrcDma;
      wq_wr_q       <= '0;
      wq_rd_q       <= '0;
      wq_cnt_q      <= '0;
      w_ahead_q     <= 1'b0;
    end else begin
      aw_lock_q     <= m_axi_awvalid_o && !m_axi_awready_i;
      aw_lock_src_q <= aw_src;
      if (aw_hs) begin
        aw_last_q <= aw_src;
        w_ahead_q <= 1'b0;
      end else if (wq_empty && w_last_hs) begin
        w_ahead_q <= 1'b1;
      end
      if (wq_push) begin
        wq_wr_q <= wq_wr_q + 1'b1;
      end
      if (wq_pop) begin
        wq_rd_q <= wq_rd_q + 1'b1;
      end
      if (wq_push && !wq_pop) begin
        wq_cnt_q <= wq_cnt_q + 1'b1;
      end else if (wq_pop && !wq_push) begin
        wq_cnt_q <= wq_cnt_q - 1'b1;
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (wq_push) begin
      wq_q[wq_wr_q] <= aw_src;
    end
  end

  ////////////////////
  // R and B        //
  ////////////////////

  logic [1:0] r_src, b_src;

  assign r_src = m_axi_rid_i[5:4];
  assign b_src = m_axi_bid_i[5:4];

  assign s0_rid_o    = m_axi_rid_i[3:0];
  assign s0_rdata_o  = m_axi_rdata_i;
  assign s0_rresp_o  = m_axi_rresp_i;
  assign s0_rlast_o  = m_axi_rlast_i;
  assign s0_rvalid_o = m_axi_rvalid_i && (r_src == SrcDma);
  assign s1_rid_o    = m_axi_rid_i[3:0];
  assign s1_rdata_o  = m_axi_rdata_i;
  assign s1_rresp_o  = m_axi_rresp_i;
  assign s1_rlast_o  = m_axi_rlast_i;
  assign s1_rvalid_o = m_axi_rvalid_i && (r_src == SrcPtw);
  assign s2_rid_o    = m_axi_rid_i[3:0];
  assign s2_rdata_o  = m_axi_rdata_i;
  assign s2_rresp_o  = m_axi_rresp_i;
  assign s2_rlast_o  = m_axi_rlast_i;
  assign s2_rvalid_o = m_axi_rvalid_i && (r_src == SrcFw);

  // Responses with an unknown source (3) are consumed so the memory never blocks.
  always_comb begin
    case (r_src)
      SrcDma:  m_axi_rready_o = s0_rready_i;
      SrcPtw:  m_axi_rready_o = s1_rready_i;
      SrcFw:   m_axi_rready_o = s2_rready_i;
      default: m_axi_rready_o = 1'b1;
    endcase
  end

  assign s0_bid_o    = m_axi_bid_i[3:0];
  assign s0_bresp_o  = m_axi_bresp_i;
  assign s0_bvalid_o = m_axi_bvalid_i && (b_src == SrcDma);
  assign s1_bid_o    = m_axi_bid_i[3:0];
  assign s1_bresp_o  = m_axi_bresp_i;
  assign s1_bvalid_o = m_axi_bvalid_i && (b_src == SrcPtw);
  assign s2_bid_o    = m_axi_bid_i[3:0];
  assign s2_bresp_o  = m_axi_bresp_i;
  assign s2_bvalid_o = m_axi_bvalid_i && (b_src == SrcFw);

  always_comb begin
    case (b_src)
      SrcDma:  m_axi_bready_o = s0_bready_i;
      SrcPtw:  m_axi_bready_o = s1_bready_i;
      SrcFw:   m_axi_bready_o = s2_bready_i;
      default: m_axi_bready_o = 1'b1;
    endcase
  end

`ifdef FORMAL
  // Formal properties (formal/run.sh proves them with this module as the top).
  `include "iommu_mem_arb_fv.svh"
`endif

endmodule

`default_nettype wire
