// SPDX-License-Identifier: Apache-2.0
// Formal properties of iommu_mem_arb, included inside the module under `ifdef FORMAL and proven
// with it as the top by formal/run.sh (doc/verification.md, "Formal").
//
// Environment: every source keeps the valid/ready rule on AR, AW and W; memory keeps it on R and
// B and answers only requests it has taken (per source, at most 6 outstanding reads and writes).
// Memory's AWREADY and WREADY are free: it may take an AW before, with or after its W data, and
// in some traces (f_wfirst, chosen at reset) it raises AWREADY only after it has seen WVALID of
// that AW's burst, as AXI4 A3.3.1 allows a slave to.
// Proven: grants are one-hot; an address is passed on in the cycle of its source's handshake,
// unchanged, with the source in ID[5:4] (never dropped, never duplicated, stable while offered);
// W beats are taken only from the source of the oldest AW whose data is not complete (AW order),
// where the AW offered and not yet taken counts (WVALID never waits for AWREADY), never from a
// source without its AW offered or queued, and one burst per AW;
// every R and B goes, unchanged, to the source in its ID, which has a request outstanding; while
// a source offers an address, each other source wins at most one handshake (no starvation).

  localparam int FCw = 3;               // outstanding-request counters, up to 6 per source

  logic f_past_valid = 1'b0;
  logic f_on;                           // out of reset, past the first cycle
  logic f_m_ar_hs, f_m_aw_hs, f_m_w_hs, f_m_r_last, f_m_b_hs;

  always_ff @(posedge clk_i) begin
    f_past_valid <= 1'b1;
  end

  always_comb begin
    if (!f_past_valid) begin
      assume (rst_i);
    end
  end

  assign f_on       = f_past_valid && !rst_i;
  assign f_m_ar_hs  = m_axi_arvalid_o && m_axi_arready_i;
  assign f_m_aw_hs  = m_axi_awvalid_o && m_axi_awready_i;
  assign f_m_w_hs   = m_axi_wvalid_o && m_axi_wready_i;
  assign f_m_r_last = m_axi_rvalid_i && m_axi_rready_o && m_axi_rlast_i;
  assign f_m_b_hs   = m_axi_bvalid_i && m_axi_bready_o;

  ////////////////////////////////////
  // The port rule on every channel //
  ////////////////////////////////////

  // Sources (assumed) ...
  fv_handshake #(.W(4 + 64 + 8 + 3 + 2 + 3), .Assume(1'b1)) u_fv_s0_ar (
    .clk_i, .rst_i, .valid_i(s0_arvalid_i), .ready_i(s0_arready_o),
    .data_i({s0_arid_i, s0_araddr_i, s0_arlen_i, s0_arsize_i, s0_arburst_i, s0_arprot_i})
  );
  fv_handshake #(.W(4 + 64 + 8 + 3 + 2 + 3 + 1), .Assume(1'b1)) u_fv_s1_ar (
    .clk_i, .rst_i, .valid_i(s1_arvalid_i), .ready_i(s1_arready_o),
    .data_i({s1_arid_i, s1_araddr_i, s1_arlen_i, s1_arsize_i, s1_arburst_i, s1_arprot_i,
             s1_arlock_i})
  );
  fv_handshake #(.W(4 + 64 + 8 + 3 + 2 + 3 + 1), .Assume(1'b1)) u_fv_s2_ar (
    .clk_i, .rst_i, .valid_i(s2_arvalid_i), .ready_i(s2_arready_o),
    .data_i({s2_arid_i, s2_araddr_i, s2_arlen_i, s2_arsize_i, s2_arburst_i, s2_arprot_i,
             s2_arlock_i})
  );
  fv_handshake #(.W(4 + 64 + 8 + 3 + 2 + 3), .Assume(1'b1)) u_fv_s0_aw (
    .clk_i, .rst_i, .valid_i(s0_awvalid_i), .ready_i(s0_awready_o),
    .data_i({s0_awid_i, s0_awaddr_i, s0_awlen_i, s0_awsize_i, s0_awburst_i, s0_awprot_i})
  );
  fv_handshake #(.W(4 + 64 + 8 + 3 + 2 + 3 + 1), .Assume(1'b1)) u_fv_s1_aw (
    .clk_i, .rst_i, .valid_i(s1_awvalid_i), .ready_i(s1_awready_o),
    .data_i({s1_awid_i, s1_awaddr_i, s1_awlen_i, s1_awsize_i, s1_awburst_i, s1_awprot_i,
             s1_awlock_i})
  );
  fv_handshake #(.W(64 + 8 + 1), .Assume(1'b1)) u_fv_s1_w (
    .clk_i, .rst_i, .valid_i(s1_wvalid_i), .ready_i(s1_wready_o),
    .data_i({s1_wdata_i, s1_wstrb_i, s1_wlast_i})
  );
  fv_handshake #(.W(4 + 64 + 8 + 3 + 2 + 3 + 1), .Assume(1'b1)) u_fv_s2_aw (
    .clk_i, .rst_i, .valid_i(s2_awvalid_i), .ready_i(s2_awready_o),
    .data_i({s2_awid_i, s2_awaddr_i, s2_awlen_i, s2_awsize_i, s2_awburst_i, s2_awprot_i,
             s2_awlock_i})
  );
  fv_handshake #(.W(64 + 8 + 1), .Assume(1'b1)) u_fv_s0_w (
    .clk_i, .rst_i, .valid_i(s0_wvalid_i), .ready_i(s0_wready_o),
    .data_i({s0_wdata_i, s0_wstrb_i, s0_wlast_i})
  );
  fv_handshake #(.W(64 + 8 + 1), .Assume(1'b1)) u_fv_s2_w (
    .clk_i, .rst_i, .valid_i(s2_wvalid_i), .ready_i(s2_wready_o),
    .data_i({s2_wdata_i, s2_wstrb_i, s2_wlast_i})
  );
  // ... memory (assumed) ...
  fv_handshake #(.W(6 + 64 + 2 + 1), .Assume(1'b1)) u_fv_m_r (
    .clk_i, .rst_i, .valid_i(m_axi_rvalid_i), .ready_i(m_axi_rready_o),
    .data_i({m_axi_rid_i, m_axi_rdata_i, m_axi_rresp_i, m_axi_rlast_i})
  );
  fv_handshake #(.W(6 + 2), .Assume(1'b1)) u_fv_m_b (
    .clk_i, .rst_i, .valid_i(m_axi_bvalid_i), .ready_i(m_axi_bready_o),
    .data_i({m_axi_bid_i, m_axi_bresp_i})
  );
  // ... and what the arbiter drives (asserted).
  fv_handshake #(.W(6 + 64 + 8 + 3 + 2 + 3 + 1), .Assume(1'b0)) u_fv_m_ar (
    .clk_i, .rst_i, .valid_i(m_axi_arvalid_o), .ready_i(m_axi_arready_i),
    .data_i({m_axi_arid_o, m_axi_araddr_o, m_axi_arlen_o, m_axi_arsize_o, m_axi_arburst_o,
             m_axi_arprot_o, m_axi_arlock_o})
  );
  fv_handshake #(.W(6 + 64 + 8 + 3 + 2 + 3 + 1), .Assume(1'b0)) u_fv_m_aw (
    .clk_i, .rst_i, .valid_i(m_axi_awvalid_o), .ready_i(m_axi_awready_i),
    .data_i({m_axi_awid_o, m_axi_awaddr_o, m_axi_awlen_o, m_axi_awsize_o, m_axi_awburst_o,
             m_axi_awprot_o, m_axi_awlock_o})
  );
  fv_handshake #(.W(64 + 8 + 1), .Assume(1'b0)) u_fv_m_w (
    .clk_i, .rst_i, .valid_i(m_axi_wvalid_o), .ready_i(m_axi_wready_i),
    .data_i({m_axi_wdata_o, m_axi_wstrb_o, m_axi_wlast_o})
  );
  fv_handshake #(.W(4 + 64 + 2 + 1), .Assume(1'b0)) u_fv_s0_r (
    .clk_i, .rst_i, .valid_i(s0_rvalid_o), .ready_i(s0_rready_i),
    .data_i({s0_rid_o, s0_rdata_o, s0_rresp_o, s0_rlast_o})
  );
  fv_handshake #(.W(4 + 64 + 2 + 1), .Assume(1'b0)) u_fv_s1_r (
    .clk_i, .rst_i, .valid_i(s1_rvalid_o), .ready_i(s1_rready_i),
    .data_i({s1_rid_o, s1_rdata_o, s1_rresp_o, s1_rlast_o})
  );
  fv_handshake #(.W(4 + 64 + 2 + 1), .Assume(1'b0)) u_fv_s2_r (
    .clk_i, .rst_i, .valid_i(s2_rvalid_o), .ready_i(s2_rready_i),
    .data_i({s2_rid_o, s2_rdata_o, s2_rresp_o, s2_rlast_o})
  );
  fv_handshake #(.W(4 + 2), .Assume(1'b0)) u_fv_s0_b (
    .clk_i, .rst_i, .valid_i(s0_bvalid_o), .ready_i(s0_bready_i),
    .data_i({s0_bid_o, s0_bresp_o})
  );
  fv_handshake #(.W(4 + 2), .Assume(1'b0)) u_fv_s1_b (
    .clk_i, .rst_i, .valid_i(s1_bvalid_o), .ready_i(s1_bready_i),
    .data_i({s1_bid_o, s1_bresp_o})
  );
  fv_handshake #(.W(4 + 2), .Assume(1'b0)) u_fv_s2_b (
    .clk_i, .rst_i, .valid_i(s2_bvalid_o), .ready_i(s2_bready_i),
    .data_i({s2_bid_o, s2_bresp_o})
  );

  ////////////////////////////////////
  // Grants and address pass-through //
  ////////////////////////////////////

  logic f_s0_ar_hs, f_s1_ar_hs, f_s2_ar_hs, f_s0_aw_hs, f_s1_aw_hs, f_s2_aw_hs;

  assign f_s0_ar_hs = s0_arvalid_i && s0_arready_o;
  assign f_s1_ar_hs = s1_arvalid_i && s1_arready_o;
  assign f_s2_ar_hs = s2_arvalid_i && s2_arready_o;
  assign f_s0_aw_hs = s0_awvalid_i && s0_awready_o;
  assign f_s1_aw_hs = s1_awvalid_i && s1_awready_o;
  assign f_s2_aw_hs = s2_awvalid_i && s2_awready_o;

  always_comb begin
    if (f_on) begin
      assert ($onehot0({s0_arready_o, s1_arready_o, s2_arready_o}));
      assert ($onehot0({s0_awready_o, s1_awready_o, s2_awready_o}));
      assert ($onehot0({s0_wready_o, s1_wready_o, s2_wready_o}));
      // One memory handshake per source handshake, in the same cycle: none dropped or doubled.
      assert (f_m_ar_hs == (f_s0_ar_hs || f_s1_ar_hs || f_s2_ar_hs));
      assert (f_m_aw_hs == (f_s0_aw_hs || f_s1_aw_hs || f_s2_aw_hs));
      // Only sources 0..2 appear in an ID; the DMA never locks.
      if (m_axi_arvalid_o) begin
        assert (m_axi_arid_o[5:4] != 2'd3);
        assert (!m_axi_arlock_o || m_axi_arid_o[5:4] != SrcDma);
      end
      if (m_axi_awvalid_o) begin
        assert (m_axi_awid_o[5:4] != 2'd3);
        assert (!m_axi_awlock_o || m_axi_awid_o[5:4] != SrcDma);
      end
      // The address leaves unchanged, tagged with its source.
      if (f_s0_ar_hs) begin
        assert (m_axi_arid_o == {SrcDma, s0_arid_i} && m_axi_araddr_o == s0_araddr_i);
        assert (m_axi_arlen_o == s0_arlen_i && m_axi_arsize_o == s0_arsize_i);
        assert (m_axi_arburst_o == s0_arburst_i && m_axi_arprot_o == s0_arprot_i);
        assert (!m_axi_arlock_o);
      end
      if (f_s1_ar_hs) begin
        assert (m_axi_arid_o == {SrcPtw, s1_arid_i} && m_axi_araddr_o == s1_araddr_i);
        assert (m_axi_arlen_o == s1_arlen_i && m_axi_arsize_o == s1_arsize_i);
        assert (m_axi_arburst_o == s1_arburst_i && m_axi_arprot_o == s1_arprot_i);
        assert (m_axi_arlock_o == s1_arlock_i);
      end
      if (f_s2_ar_hs) begin
        assert (m_axi_arid_o == {SrcFw, s2_arid_i} && m_axi_araddr_o == s2_araddr_i);
        assert (m_axi_arlen_o == s2_arlen_i && m_axi_arsize_o == s2_arsize_i);
        assert (m_axi_arburst_o == s2_arburst_i && m_axi_arprot_o == s2_arprot_i);
        assert (m_axi_arlock_o == s2_arlock_i);
      end
      if (f_s0_aw_hs) begin
        assert (m_axi_awid_o == {SrcDma, s0_awid_i} && m_axi_awaddr_o == s0_awaddr_i);
        assert (m_axi_awlen_o == s0_awlen_i && m_axi_awsize_o == s0_awsize_i);
        assert (m_axi_awburst_o == s0_awburst_i && m_axi_awprot_o == s0_awprot_i);
        assert (!m_axi_awlock_o);
      end
      if (f_s1_aw_hs) begin
        assert (m_axi_awid_o == {SrcPtw, s1_awid_i} && m_axi_awaddr_o == s1_awaddr_i);
        assert (m_axi_awlen_o == s1_awlen_i && m_axi_awsize_o == s1_awsize_i);
        assert (m_axi_awburst_o == s1_awburst_i && m_axi_awprot_o == s1_awprot_i);
        assert (m_axi_awlock_o == s1_awlock_i);
      end
      if (f_s2_aw_hs) begin
        assert (m_axi_awid_o == {SrcFw, s2_awid_i} && m_axi_awaddr_o == s2_awaddr_i);
        assert (m_axi_awlen_o == s2_awlen_i && m_axi_awsize_o == s2_awsize_i);
        assert (m_axi_awburst_o == s2_awburst_i && m_axi_awprot_o == s2_awprot_i);
        assert (m_axi_awlock_o == s2_awlock_i);
      end
    end
  end

  ////////////////////////////////
  // W beats in AW order        //
  ////////////////////////////////

  // Reference: the sources of the AWs taken by memory whose last W beat has not gone, oldest
  // first (the AW of this cycle joins at the tail). With none, the W beats belong to the AW
  // offered on memory, until its handshake or its last beat (f_w_ahead: that burst went first).
  logic [1:0]    f_wq [WQueueDepth];
  logic [QW:0]   f_wq_cnt;
  logic [1:0]    f_w_owner;             // the source whose W beats memory may take now
  logic          f_w_owned;             // there is one
  logic [1:0]    f_wq_head;
  logic          f_w_ahead;             // the offered AW's whole burst went before its handshake
  logic          f_w_last, f_wq_push, f_wq_pop;

  logic [QW-1:0] f_wq_wr;               // where the arbiter's next AW source goes
  logic [1:0]    f_wq_mirror [WQueueDepth];  // the arbiter's queue, oldest first

  assign f_wq_head = f_wq[0];
  assign f_wq_wr   = wq_rd_q + wq_cnt_q[QW-1:0];
  always_comb begin
    for (int i = 0; i < WQueueDepth; i++) begin
      logic [QW-1:0] idx;
      idx            = wq_rd_q + i[QW-1:0];
      f_wq_mirror[i] = wq_q[idx];
    end
  end

  // Owned whatever AWREADY is: this is where WVALID is proven not to wait for AWREADY.
  always_comb begin
    f_w_owned = (f_wq_cnt != '0) || (m_axi_awvalid_o && !f_w_ahead);
    f_w_owner = (f_wq_cnt != '0) ? f_wq[0] : m_axi_awid_o[5:4];
  end

  assign f_w_last  = f_m_w_hs && m_axi_wlast_o;
  assign f_wq_pop  = f_w_last && (f_wq_cnt != '0);
  // An AW whose burst went before or with it has no data left to wait for.
  assign f_wq_push = f_m_aw_hs && !((f_wq_cnt == '0) && (f_w_last || f_w_ahead));

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      f_wq_cnt  <= '0;
      f_w_ahead <= 1'b0;
    end else begin
      f_wq_cnt <= f_wq_cnt + (QW + 1)'(f_wq_push) - (QW + 1)'(f_wq_pop);
      if (f_m_aw_hs) begin
        f_w_ahead <= 1'b0;
      end else if (f_w_last && f_wq_cnt == '0) begin
        f_w_ahead <= 1'b1;
      end
      for (int i = 0; i < WQueueDepth; i++) begin
        // Pop shifts the queue by one; the new AW goes to the first free place after it.
        if (f_wq_pop) begin
          if (i + 1 < WQueueDepth) begin
            f_wq[i] <= f_wq[i + 1];
          end
          if (f_wq_push && (QW + 1)'(i + 1) == f_wq_cnt) begin
            f_wq[i] <= m_axi_awid_o[5:4];
          end
        end else if (f_wq_push && (QW + 1)'(i) == f_wq_cnt) begin
          f_wq[i] <= m_axi_awid_o[5:4];
        end
      end
    end
  end

  // A memory that waits for WVALID before AWREADY (in the traces that chose it at reset): it
  // takes an AW only once it has seen, in an earlier cycle, WVALID of that AW's burst, i.e. on
  // an empty queue (a registered decision: no combinational path back to WVALID).
  logic f_wfirst, f_wseen_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      f_wfirst  <= m_axi_awready_i;     // any value, fixed for the trace
      f_wseen_q <= 1'b0;
    end else if (f_m_aw_hs) begin
      f_wseen_q <= 1'b0;
    end else if (f_wq_cnt == '0 && m_axi_wvalid_o) begin
      f_wseen_q <= 1'b1;
    end
  end

  always_comb begin
    if (!rst_i && f_wfirst && m_axi_awready_i) begin
      assume (f_wseen_q && f_wq_cnt == '0);
    end
  end

  always_comb begin
    if (f_on) begin
      assert (f_wq_cnt <= (QW + 1)'(WQueueDepth));
      // No W beat before its AW; each beat comes from the owner, unchanged, in its handshake.
      if (m_axi_wvalid_o) begin
        assert (f_w_owned);
      end
      if (f_w_owned && f_w_owner == SrcFw) begin
        assert (!s0_wready_o && !s1_wready_o);
        assert (m_axi_wvalid_o == s2_wvalid_i);
        assert (s2_wready_o == m_axi_wready_i);
        assert (m_axi_wdata_o == s2_wdata_i && m_axi_wstrb_o == s2_wstrb_i);
        assert (m_axi_wlast_o == s2_wlast_i);
      end
      if (f_w_owned && f_w_owner == SrcPtw) begin
        assert (!s0_wready_o && !s2_wready_o);
        assert (m_axi_wvalid_o == s1_wvalid_i);
        assert (s1_wready_o == m_axi_wready_i);
        assert (m_axi_wdata_o == s1_wdata_i && m_axi_wstrb_o == s1_wstrb_i);
        assert (m_axi_wlast_o == s1_wlast_i);
      end
      if (f_w_owned && f_w_owner == SrcDma) begin
        assert (!s1_wready_o && !s2_wready_o);
        assert (m_axi_wvalid_o == s0_wvalid_i);
        assert (s0_wready_o == m_axi_wready_i);
        assert (m_axi_wdata_o == s0_wdata_i && m_axi_wstrb_o == s0_wstrb_i);
        assert (m_axi_wlast_o == s0_wlast_i);
      end
      if (!f_w_owned) begin
        assert (!s0_wready_o && !s1_wready_o && !s2_wready_o);
      end
      // Said once more, plainly: the W of the AW offered passes while memory holds AWREADY low.
      if (m_axi_awvalid_o && !m_axi_awready_i && f_wq_cnt == '0 && !f_w_ahead) begin
        assert (m_axi_wvalid_o == (m_axi_awid_o[5:4] == SrcFw  ? s2_wvalid_i :
                                   m_axi_awid_o[5:4] == SrcPtw ? s1_wvalid_i : s0_wvalid_i));
      end
      // A burst that went ahead of its AW: that AW is still offered, with its grant held.
      assert (w_ahead_q == f_w_ahead);
      if (f_w_ahead) begin
        assert (f_wq_cnt == '0 && aw_lock_q);
      end
      // The arbiter's queue is the reference (induction strengthening).
      assert (wq_cnt_q == f_wq_cnt);
      assert (wq_wr_q == f_wq_wr);
      for (int i = 0; i < WQueueDepth; i++) begin
        if ((QW + 1)'(i) < f_wq_cnt) begin
          assert (f_wq_mirror[i] == f_wq[i]);
          assert (f_wq[i] != 2'd3);
        end
      end
    end
  end

  ////////////////////////////////
  // R and B back to the issuer //
  ////////////////////////////////

  // Outstanding reads and writes per source, counted at memory and at each source.
  logic [FCw-1:0] f_m_rd [3];
  logic [FCw-1:0] f_m_wr [3];
  logic [FCw-1:0] f_s_rd [3];
  logic [FCw-1:0] f_s_wr [3];
  logic [2:0]     f_s_ar_hs, f_s_r_last, f_s_aw_hs, f_s_b_hs;

  assign f_s_ar_hs  = {f_s2_ar_hs, f_s1_ar_hs, f_s0_ar_hs};
  assign f_s_r_last = {s2_rvalid_o && s2_rready_i && s2_rlast_o,
                       s1_rvalid_o && s1_rready_i && s1_rlast_o,
                       s0_rvalid_o && s0_rready_i && s0_rlast_o};
  assign f_s_aw_hs  = {f_s2_aw_hs, f_s1_aw_hs, f_s0_aw_hs};
  assign f_s_b_hs   = {s2_bvalid_o && s2_bready_i, s1_bvalid_o && s1_bready_i,
                       s0_bvalid_o && s0_bready_i};

  always_ff @(posedge clk_i) begin
    for (int k = 0; k < 3; k++) begin
      if (rst_i) begin
        f_m_rd[k] <= '0;
        f_m_wr[k] <= '0;
        f_s_rd[k] <= '0;
        f_s_wr[k] <= '0;
      end else begin
        f_m_rd[k] <= f_m_rd[k] + FCw'(f_m_ar_hs && m_axi_arid_o[5:4] == 2'(k))
                               - FCw'(f_m_r_last && m_axi_rid_i[5:4] == 2'(k));
        f_m_wr[k] <= f_m_wr[k] + FCw'(f_m_aw_hs && m_axi_awid_o[5:4] == 2'(k))
                               - FCw'(f_m_b_hs && m_axi_bid_i[5:4] == 2'(k));
        f_s_rd[k] <= f_s_rd[k] + FCw'(f_s_ar_hs[k]) - FCw'(f_s_r_last[k]);
        f_s_wr[k] <= f_s_wr[k] + FCw'(f_s_aw_hs[k]) - FCw'(f_s_b_hs[k]);
      end
    end
  end

  // Memory answers only what it has taken, from sources 0..2; the counters do not wrap.
  always_comb begin
    if (!rst_i) begin
      if (m_axi_rvalid_i) begin
        assume (m_axi_rid_i[5:4] != 2'd3);
        assume (f_m_rd[m_axi_rid_i[5:4]] != '0);
      end
      if (m_axi_bvalid_i) begin
        assume (m_axi_bid_i[5:4] != 2'd3);
        assume (f_m_wr[m_axi_bid_i[5:4]] != '0);
      end
    end
    for (int k = 0; k < 3; k++) begin
      assume (f_m_rd[k] < FCw'(7) && f_m_wr[k] < FCw'(7));
    end
  end

  always_comb begin
    if (f_on) begin
      // Each response reaches exactly the source in its ID, unchanged, and memory waits on that
      // source's ready.
      assert (s0_rvalid_o == (m_axi_rvalid_i && m_axi_rid_i[5:4] == SrcDma));
      assert (s1_rvalid_o == (m_axi_rvalid_i && m_axi_rid_i[5:4] == SrcPtw));
      assert (s2_rvalid_o == (m_axi_rvalid_i && m_axi_rid_i[5:4] == SrcFw));
      assert (s0_bvalid_o == (m_axi_bvalid_i && m_axi_bid_i[5:4] == SrcDma));
      assert (s1_bvalid_o == (m_axi_bvalid_i && m_axi_bid_i[5:4] == SrcPtw));
      assert (s2_bvalid_o == (m_axi_bvalid_i && m_axi_bid_i[5:4] == SrcFw));
      if (s0_rvalid_o) assert (m_axi_rready_o == s0_rready_i);
      if (s1_rvalid_o) assert (m_axi_rready_o == s1_rready_i);
      if (s2_rvalid_o) assert (m_axi_rready_o == s2_rready_i);
      if (s0_bvalid_o) assert (m_axi_bready_o == s0_bready_i);
      if (s1_bvalid_o) assert (m_axi_bready_o == s1_bready_i);
      if (s2_bvalid_o) assert (m_axi_bready_o == s2_bready_i);
      assert (s0_rid_o == m_axi_rid_i[3:0] && s0_rdata_o == m_axi_rdata_i);
      assert (s1_rid_o == m_axi_rid_i[3:0] && s1_rdata_o == m_axi_rdata_i);
      assert (s2_rid_o == m_axi_rid_i[3:0] && s2_rdata_o == m_axi_rdata_i);
      assert (s0_rresp_o == m_axi_rresp_i && s0_rlast_o == m_axi_rlast_i);
      assert (s1_rresp_o == m_axi_rresp_i && s1_rlast_o == m_axi_rlast_i);
      assert (s2_rresp_o == m_axi_rresp_i && s2_rlast_o == m_axi_rlast_i);
      assert (s0_bid_o == m_axi_bid_i[3:0] && s0_bresp_o == m_axi_bresp_i);
      assert (s1_bid_o == m_axi_bid_i[3:0] && s1_bresp_o == m_axi_bresp_i);
      assert (s2_bid_o == m_axi_bid_i[3:0] && s2_bresp_o == m_axi_bresp_i);
      // No response to a source without a request of its own outstanding.
      for (int k = 0; k < 3; k++) begin
        assert (f_s_rd[k] == f_m_rd[k]);
        assert (f_s_wr[k] == f_m_wr[k]);
      end
      if (s0_rvalid_o) assert (f_s_rd[0] != '0);
      if (s1_rvalid_o) assert (f_s_rd[1] != '0);
      if (s2_rvalid_o) assert (f_s_rd[2] != '0);
      if (s0_bvalid_o) assert (f_s_wr[0] != '0);
      if (s1_bvalid_o) assert (f_s_wr[1] != '0);
      if (s2_bvalid_o) assert (f_s_wr[2] != '0);
    end
  end

  ////////////////////////////////
  // Round robin: no starvation //
  ////////////////////////////////

  // While a source offers an address, the other sources win at most one handshake each.
  logic [1:0] f_ar_wait [3];
  logic [1:0] f_aw_wait [3];

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      for (int k = 0; k < 3; k++) begin
        f_ar_wait[k] <= '0;
        f_aw_wait[k] <= '0;
      end
    end else begin
      for (int k = 0; k < 3; k++) begin
        if (!f_s_ar_valid[k] || f_s_ar_hs[k]) begin
          f_ar_wait[k] <= '0;
        end else if (f_m_ar_hs && f_ar_wait[k] != 2'd3) begin
          f_ar_wait[k] <= f_ar_wait[k] + 2'd1;
        end
      end
      for (int k = 0; k < 3; k++) begin
        if (!f_s_aw_valid[k] || f_s_aw_hs[k]) begin
          f_aw_wait[k] <= '0;
        end else if (f_m_aw_hs && f_aw_wait[k] != 2'd3) begin
          f_aw_wait[k] <= f_aw_wait[k] + 2'd1;
        end
      end
    end
  end

  logic [2:0] f_s_ar_valid, f_s_aw_valid;
  logic [1:0] f_ar_wait0;               // for $past (Verilator 5.006 takes no array element)
  assign f_s_ar_valid = {s2_arvalid_i, s1_arvalid_i, s0_arvalid_i};
  assign f_s_aw_valid = {s2_awvalid_i, s1_awvalid_i, s0_awvalid_i};
  assign f_ar_wait0   = f_ar_wait[0];

  // Handshakes other sources may still win before source k on AR, the last winner being x.
  function automatic logic [1:0] f_ar_ahead(input logic [1:0] k, input logic [1:0] x);
    logic [1:0] d;
    d = (k >= x) ? k - x : k + 2'd3 - x;
    f_ar_ahead = (d == 2'd0) ? 2'd2 : d - 2'd1;
  endfunction

  logic [1:0] f_ar_left [3];            // ... counting a held grant to another source
  logic [1:0] f_aw_left [3];

  always_comb begin
    for (int k = 0; k < 3; k++) begin
      if (ar_lock_q && ar_lock_src_q != 2'(k)) begin
        f_ar_left[k] = 2'd1 + f_ar_ahead(2'(k), ar_lock_src_q);
      end else if (ar_lock_q) begin
        f_ar_left[k] = 2'd0;
      end else begin
        f_ar_left[k] = f_ar_ahead(2'(k), ar_last_q);
      end
    end
    for (int k = 0; k < 3; k++) begin
      if (aw_lock_q && aw_lock_src_q != 2'(k)) begin
        f_aw_left[k] = 2'd1 + f_ar_ahead(2'(k), aw_lock_src_q);
      end else if (aw_lock_q) begin
        f_aw_left[k] = 2'd0;
      end else begin
        f_aw_left[k] = f_ar_ahead(2'(k), aw_last_q);
      end
    end
  end

  always_comb begin
    if (f_on) begin
      for (int k = 0; k < 3; k++) begin
        assert (f_ar_wait[k] <= 2'd2);
        // Invariants (induction strengthening): what has been won plus what may still be.
        if (f_s_ar_valid[k]) begin
          assert (3'(f_ar_wait[k]) + 3'(f_ar_left[k]) <= 3'd2);
        end
      end
      for (int k = 0; k < 3; k++) begin
        assert (f_aw_wait[k] <= 2'd2);
        if (f_s_aw_valid[k]) begin
          assert (3'(f_aw_wait[k]) + 3'(f_aw_left[k]) <= 3'd2);
        end
      end
      // Invariants: grant state names real sources; a held grant's source still offers.
      assert (ar_last_q != 2'd3 && ar_lock_src_q != 2'd3);
      assert (aw_last_q != 2'd3 && aw_lock_src_q != 2'd3);
      if (ar_lock_q) begin
        assert (f_s_ar_valid[ar_lock_src_q]);
      end
      if (aw_lock_q) begin
        assert (f_s_aw_valid[aw_lock_src_q]);
      end
    end
  end

  ////////////////////////////////
  // Not vacuous                //
  ////////////////////////////////

  always_ff @(posedge clk_i) begin
    if (f_on && !$past(rst_i)) begin
      // Round robin: three reads from three sources in three consecutive cycles.
      cover (f_s2_ar_hs && $past(f_s1_ar_hs) && $past(f_s0_ar_hs, 2));
      // A stalled address keeps its grant while another source waits.
      cover (f_s1_ar_hs && $past(m_axi_arvalid_o && !m_axi_arready_i) && $past(s0_arvalid_i));
      // The W queue fills; a one-beat write goes with its AW on an empty queue.
      cover (wq_full && s0_awvalid_i);
      cover (f_m_aw_hs && f_m_w_hs && m_axi_wlast_o && f_wq_cnt == '0);
      // A whole burst before its AW; W offered while memory holds AWREADY low.
      cover (f_m_aw_hs && f_w_ahead && $past(s0_wvalid_i && s0_wready_o && s0_wlast_i));
      cover (m_axi_wvalid_o && m_axi_awvalid_o && !m_axi_awready_i && f_wq_cnt == '0);
      // A memory that waits for WVALID takes writes from both sources (no deadlock), one
      // after a whole burst, the next with its first beat seen a cycle before.
      cover (f_wfirst && f_m_aw_hs && m_axi_awid_o[5:4] == SrcFw && f_w_ahead);
      cover (f_wfirst && f_m_aw_hs && m_axi_awid_o[5:4] == SrcDma && $past(f_m_aw_hs, 3));
      // Data of a queued write from the burst engine behind one from the DMA.
      cover (f_m_w_hs && m_axi_wlast_o && f_wq_cnt == (QW + 1)'(2) && f_wq_head == SrcFw &&
             $past(f_m_w_hs && f_wq_head == SrcDma));
      // A source waits while both others are served.
      cover (f_s0_ar_hs && $past(f_ar_wait0) == 2'd2);
      // Responses reach each source.
      cover (s1_rvalid_o && s1_rready_i && s1_rlast_o);
      cover (s2_bvalid_o && s2_bready_i);
      // The walker's exclusive write: its beat and its response.
      cover (f_s1_aw_hs && s1_awlock_i && m_axi_awlock_o);
      cover (s1_bvalid_o && s1_bready_i);
      cover (s0_rvalid_o && s0_rready_i && $past(s2_rvalid_o && s2_rready_i));
    end
  end
