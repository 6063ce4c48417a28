// SPDX-License-Identifier: Apache-2.0
// Formal properties of iommu_xlate_rsp, included inside the module under `ifdef FORMAL and proven
// with it as the top by formal/run.sh (doc/verification.md, "Formal").
//
// Environment: memory keeps the valid/ready rule on R and B and answers only reads and writes it
// was handed (per ID); the device keeps it on W; the stage above keeps it on the error and route
// requests, hands nothing to memory while an injected error is pending (*_err_busy_o, as
// iommu_xlate_issue does), and firmware answers only a captured write.
// Proven: R and B at the device port keep the port rule (an injected response never replaces a
// pass-through one already offered, and the reverse); every memory R and B reaches the device
// unchanged; an injected read error is LEN + 1 SLVERR beats of its ID with RLAST on the last,
// starts only after every read handed to memory (of any ID) has answered and never inside a
// pass-through burst, and runs to its end without pass-through beats; W beats follow the route
// FIFO (AW order): a passed write's beats reach memory unchanged in their handshake, a dropped
// write's never do; each dropped write gets one B with its ID, after its last beat and after
// every write handed to memory (of any ID) has answered, SLVERR or (absorbed) firmware's answer;
// the captured beat is the absorbed write's first.

  localparam int FCw    = 3;            // per-ID counters: up to 6 outstanding
  localparam int NumIds = 1 << IdWidth;
  localparam logic [1:0] FvSlv = 2'b10;

  logic f_past_valid = 1'b0;
  logic f_on;

  always_ff @(posedge clk_i) begin
    f_past_valid <= 1'b1;
  end

  always_comb begin
    if (!f_past_valid) begin
      assume (rst_i);
    end
  end

  assign f_on = f_past_valid && !rst_i;

  ////////////////////////////////
  // Channel rules              //
  ////////////////////////////////

  fv_handshake #(.W(IdWidth + 64 + 2 + 1), .Assume(1'b1)) u_fv_m_r (
    .clk_i, .rst_i, .valid_i(m_dma_rvalid_i), .ready_i(m_dma_rready_o),
    .data_i({m_dma_rid_i, m_dma_rdata_i, m_dma_rresp_i, m_dma_rlast_i})
  );
  fv_handshake #(.W(IdWidth + 2), .Assume(1'b1)) u_fv_m_b (
    .clk_i, .rst_i, .valid_i(m_dma_bvalid_i), .ready_i(m_dma_bready_o),
    .data_i({m_dma_bid_i, m_dma_bresp_i})
  );
  fv_handshake #(.W(64 + 8 + 1), .Assume(1'b1)) u_fv_s_w (
    .clk_i, .rst_i, .valid_i(s_axi_wvalid_i), .ready_i(s_axi_wready_o),
    .data_i({s_axi_wdata_i, s_axi_wstrb_i, s_axi_wlast_i})
  );
  fv_handshake #(.W(IdWidth + 8), .Assume(1'b1)) u_fv_rd_err (
    .clk_i, .rst_i, .valid_i(rd_err_valid_i), .ready_i(rd_err_ready_o),
    .data_i({rd_err_id_i, rd_err_len_i})
  );
  fv_handshake #(.W(1 + IdWidth + 1), .Assume(1'b1)) u_fv_route (
    .clk_i, .rst_i, .valid_i(wr_route_valid_i), .ready_i(wr_route_ready_o),
    .data_i({wr_route_drop_i, wr_route_id_i, wr_route_absorb_i})
  );
  fv_handshake #(.W(IdWidth + 64 + 2 + 1), .Assume(1'b0)) u_fv_s_r (
    .clk_i, .rst_i, .valid_i(s_axi_rvalid_o), .ready_i(s_axi_rready_i),
    .data_i({s_axi_rid_o, s_axi_rdata_o, s_axi_rresp_o, s_axi_rlast_o})
  );
  fv_handshake #(.W(IdWidth + 2), .Assume(1'b0)) u_fv_s_b (
    .clk_i, .rst_i, .valid_i(s_axi_bvalid_o), .ready_i(s_axi_bready_i),
    .data_i({s_axi_bid_o, s_axi_bresp_o})
  );
  fv_handshake #(.W(64 + 8 + 1), .Assume(1'b0)) u_fv_m_w (
    .clk_i, .rst_i, .valid_i(m_dma_wvalid_o), .ready_i(m_dma_wready_i),
    .data_i({m_dma_wdata_o, m_dma_wstrb_o, m_dma_wlast_o})
  );

  ////////////////////////////////
  // Memory: outstanding per ID //
  ////////////////////////////////

  logic [FCw-1:0] f_m_rd [NumIds];
  logic [FCw-1:0] f_m_wr [NumIds];
  logic           f_m_r_hs, f_m_b_hs, f_s_r_hs, f_s_b_hs;

  assign f_m_r_hs = m_dma_rvalid_i && m_dma_rready_o;
  assign f_m_b_hs = m_dma_bvalid_i && m_dma_bready_o;
  assign f_s_r_hs = s_axi_rvalid_o && s_axi_rready_i;
  assign f_s_b_hs = s_axi_bvalid_o && s_axi_bready_i;

  always_ff @(posedge clk_i) begin
    for (int i = 0; i < NumIds; i++) begin
      if (rst_i) begin
        f_m_rd[i] <= '0;
        f_m_wr[i] <= '0;
      end else begin
        f_m_rd[i] <= f_m_rd[i] + FCw'(rd_issue_i && rd_issue_id_i == IdWidth'(i))
                               - FCw'(f_m_r_hs && m_dma_rlast_i && m_dma_rid_i == IdWidth'(i));
        f_m_wr[i] <= f_m_wr[i] + FCw'(wr_issue_i && wr_issue_id_i == IdWidth'(i))
                               - FCw'(f_m_b_hs && m_dma_bid_i == IdWidth'(i));
      end
    end
  end

  // All IDs together: what the module's counters must hold.
  logic [CntW-1:0] f_rd_all, f_wr_all;
  always_comb begin
    f_rd_all = '0;
    f_wr_all = '0;
    for (int i = 0; i < NumIds; i++) begin
      f_rd_all = f_rd_all + CntW'(f_m_rd[i]);
      f_wr_all = f_wr_all + CntW'(f_m_wr[i]);
    end
  end

  always_comb begin
    if (!rst_i) begin
      if (m_dma_rvalid_i) begin
        assume (f_m_rd[m_dma_rid_i] != '0);
      end
      if (m_dma_bvalid_i) begin
        assume (f_m_wr[m_dma_bid_i] != '0);
      end
      // The stage above: nothing handed to memory while an injected error is pending.
      assume (!rd_issue_i || !rd_err_busy_o);
      assume (!wr_issue_i || !wr_err_busy_o);
      assume (!cap_done_i || cap_valid_o);
    end
    for (int i = 0; i < NumIds; i++) begin
      assume (f_m_rd[i] < FCw'(7) && f_m_wr[i] < FCw'(7));
    end
  end

  ////////////////////////////////
  // R: pass-through and errors //
  ////////////////////////////////

  logic               f_rerr_pend;      // an accepted read error not fully sent
  logic [IdWidth-1:0] f_rerr_id;
  logic [7:0]         f_rerr_len, f_rerr_sent;
  logic               f_s_burst;        // a pass-through burst is open at the device port

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      f_rerr_pend <= 1'b0;
      f_s_burst   <= 1'b0;
    end else begin
      if (rd_err_valid_i && rd_err_ready_o) begin
        f_rerr_pend <= 1'b1;
        f_rerr_id   <= rd_err_id_i;
        f_rerr_len  <= rd_err_len_i;
        f_rerr_sent <= 8'd0;
      end else if (f_s_r_hs && rerr_go) begin
        f_rerr_sent <= f_rerr_sent + 8'd1;
        if (s_axi_rlast_o) begin
          f_rerr_pend <= 1'b0;
        end
      end
      if (f_s_r_hs && !rerr_go) begin
        f_s_burst <= !s_axi_rlast_o;
      end
    end
  end

  always_comb begin
    if (f_on) begin
      // Memory beats reach the device unchanged, in their handshake, and none is lost.
      if (!rerr_go) begin
        assert (s_axi_rvalid_o == m_dma_rvalid_i && m_dma_rready_o == s_axi_rready_i);
        assert (s_axi_rid_o == m_dma_rid_i && s_axi_rdata_o == m_dma_rdata_i);
        assert (s_axi_rresp_o == m_dma_rresp_i && s_axi_rlast_o == m_dma_rlast_i);
      end else begin
        // An injected beat: the error's ID, SLVERR, RLAST on beat LEN; memory waits.
        assert (f_rerr_pend && !m_dma_rready_o);
        assert (s_axi_rid_o == f_rerr_id && s_axi_rresp_o == FvSlv && s_axi_rdata_o == 64'd0);
        assert (s_axi_rlast_o == (f_rerr_sent == f_rerr_len));
        // Never inside a pass-through burst; the first beat waits for every older read (of its
        // ID in particular).
        assert (!f_s_burst);
        if (f_rerr_sent == 8'd0) begin
          assert (f_rd_all == '0);
        end
      end
      // Once begun, an error burst runs to its end: no pass-through beat in between.
      if (f_rerr_pend && f_rerr_sent != 8'd0) begin
        assert (rerr_go);
      end
      assert (rd_err_busy_o == f_rerr_pend);
      // Invariants (induction strengthening).
      assert (rerr_valid_q == f_rerr_pend);
      if (f_rerr_pend) begin
        assert (rerr_id_q == f_rerr_id && f_rerr_sent <= f_rerr_len);
        assert (rerr_left_q == f_rerr_len - f_rerr_sent);
        assert (rerr_active_q == (f_rerr_sent != 8'd0));
      end else begin
        assert (!rerr_active_q);
      end
      assert (rd_cnt_q == f_rd_all && wr_cnt_q == f_wr_all);
      // A pass-through burst under way is a read not yet answered.
      if (f_s_burst) begin
        assert (f_rd_all != '0);
      end
    end
  end

  ////////////////////////////////
  // W routing in AW order      //
  ////////////////////////////////

  // Reference route FIFO, oldest first.
  logic               f_rt_drop [RouteD];
  logic               f_rt_abs  [RouteD];
  logic [IdWidth-1:0] f_rt_id   [RouteD];
  logic [2:0]         f_rt_cnt, f_rt_drops;
  logic               f_rt_push, f_w_last_hs;
  logic               f_first;          // the next device W beat is a burst's first

  assign f_rt_push   = wr_route_valid_i && wr_route_ready_o;
  assign f_w_last_hs = s_axi_wvalid_i && s_axi_wready_o && s_axi_wlast_i;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      f_rt_cnt <= '0;
      f_first  <= 1'b1;
    end else begin
      f_rt_cnt <= f_rt_cnt + 3'(f_rt_push) - 3'(f_w_last_hs);
      if (s_axi_wvalid_i && s_axi_wready_o) begin
        f_first <= s_axi_wlast_i;
      end
      for (int i = 0; i < RouteD; i++) begin
        if (f_w_last_hs) begin
          if (i + 1 < RouteD) begin
            f_rt_drop[i] <= f_rt_drop[i + 1];
            f_rt_abs[i]  <= f_rt_abs[i + 1];
            f_rt_id[i]   <= f_rt_id[i + 1];
          end
          if (f_rt_push && 3'(i + 1) == f_rt_cnt) begin
            f_rt_drop[i] <= wr_route_drop_i;
            f_rt_abs[i]  <= wr_route_drop_i && wr_route_absorb_i;
            f_rt_id[i]   <= wr_route_id_i;
          end
        end else if (f_rt_push && 3'(i) == f_rt_cnt) begin
          f_rt_drop[i] <= wr_route_drop_i;
          f_rt_abs[i]  <= wr_route_drop_i && wr_route_absorb_i;
          f_rt_id[i]   <= wr_route_id_i;
        end
      end
    end
  end

  always_comb begin
    f_rt_drops = '0;
    for (int i = 0; i < RouteD; i++) begin
      if (3'(i) < f_rt_cnt && f_rt_drop[i]) begin
        f_rt_drops = f_rt_drops + 3'd1;
      end
    end
  end

  // The route FIFO of the module, oldest first.
  logic               f_mir_drop [RouteD];
  logic               f_mir_abs  [RouteD];
  logic [IdWidth-1:0] f_mir_id   [RouteD];

  always_comb begin
    for (int i = 0; i < RouteD; i++) begin
      logic [1:0] idx;
      idx           = rt_rp_q + i[1:0];
      f_mir_drop[i] = rt_drop_q[idx];
      f_mir_abs[i]  = rt_abs_q[idx];
      f_mir_id[i]   = rt_id_q[idx];
    end
  end

  always_comb begin
    if (f_on) begin
      assert (f_rt_cnt <= 3'(RouteD));
      if (s_axi_wready_o || m_dma_wvalid_o) begin
        assert (f_rt_cnt != '0);
      end
      if (f_rt_cnt != '0 && !f_rt_drop[0]) begin
        // A passed write: its beats go to memory unchanged, in the same handshake.
        assert (m_dma_wvalid_o == s_axi_wvalid_i && s_axi_wready_o == m_dma_wready_i);
        assert (m_dma_wdata_o == s_axi_wdata_i && m_dma_wstrb_o == s_axi_wstrb_i);
        assert (m_dma_wlast_o == s_axi_wlast_i);
      end else begin
        // A dropped write (or none yet): nothing reaches memory.
        assert (!m_dma_wvalid_o);
      end
      // Invariants (induction strengthening).
      assert (rt_cnt_q == f_rt_cnt && rt_wp_q == rt_rp_q + f_rt_cnt[1:0]);
      assert (rt_drops_q == f_rt_drops);
      assert (cap_first_q == f_first);
      assert (f_first || f_rt_cnt != '0);
      for (int i = 0; i < RouteD; i++) begin
        if (3'(i) < f_rt_cnt) begin
          assert (f_mir_drop[i] == f_rt_drop[i] && f_mir_id[i] == f_rt_id[i]);
          assert (f_mir_abs[i] == f_rt_abs[i]);
          assert (!f_rt_abs[i] || f_rt_drop[i]);
        end
      end
    end
  end

  ////////////////////////////////
  // B: pass-through and errors //
  ////////////////////////////////

  logic               f_berr_pend;      // a dropped write's B not yet sent
  logic               f_berr_abs;       // ... it was absorbed
  logic               f_berr_fw;        // ... and firmware has answered it
  logic [1:0]         f_berr_resp;
  logic [IdWidth-1:0] f_berr_id;
  logic [63:0]        f_cap_data;
  logic [7:0]         f_cap_strb;
  logic               f_cap_multi;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      f_berr_pend <= 1'b0;
    end else begin
      if (f_w_last_hs && f_rt_drop[0]) begin
        f_berr_pend <= 1'b1;
        f_berr_abs  <= f_rt_abs[0];
        f_berr_fw   <= 1'b0;
        f_berr_id   <= f_rt_id[0];
        f_berr_resp <= FvSlv;
      end else if (cap_done_i) begin
        f_berr_fw   <= 1'b1;
        f_berr_resp <= cap_resp_i;
      end else if (f_s_b_hs && berr_go) begin
        f_berr_pend <= 1'b0;
      end
    end
  end

  // The first beat of the absorbed write at the head of the route FIFO.
  always_ff @(posedge clk_i) begin
    if (!rst_i && s_axi_wvalid_i && s_axi_wready_o && f_rt_cnt != '0 && f_rt_abs[0]) begin
      if (f_first) begin
        f_cap_data  <= s_axi_wdata_i;
        f_cap_strb  <= s_axi_wstrb_i;
        f_cap_multi <= 1'b0;
      end else begin
        f_cap_multi <= 1'b1;
      end
    end
  end

  always_comb begin
    if (f_on) begin
      if (!berr_go) begin
        assert (s_axi_bvalid_o == m_dma_bvalid_i && m_dma_bready_o == s_axi_bready_i);
        assert (s_axi_bid_o == m_dma_bid_i && s_axi_bresp_o == m_dma_bresp_i);
      end else begin
        // The injected B: its write's ID, after every write handed to memory (of that ID in
        // particular), SLVERR or firmware's answer to an absorbed write.
        assert (f_berr_pend && !m_dma_bready_o);
        assert (!f_berr_abs || f_berr_fw);
        assert (s_axi_bid_o == f_berr_id && s_axi_bresp_o == f_berr_resp);
        assert (f_wr_all == '0);
      end
      // A dropped write's last beat waits for a free B slot: one B per dropped write.
      if (f_w_last_hs && f_rt_drop[0]) begin
        assert (!f_berr_pend);
      end
      assert (wr_err_busy_o == (f_berr_pend || f_rt_drops != '0));
      assert (cap_valid_o == (f_berr_pend && f_berr_abs && !f_berr_fw));
      if (cap_valid_o) begin
        assert (cap_data_o == f_cap_data && cap_strb_o == f_cap_strb);
        assert (cap_multi_o == f_cap_multi);
      end
      // Invariants (induction strengthening).
      assert (berr_valid_q == f_berr_pend);
      if (f_berr_pend) begin
        assert (berr_id_q == f_berr_id && berr_resp_q == f_berr_resp);
        assert (berr_hold_q == (f_berr_abs && !f_berr_fw));
      end
      if (f_rt_cnt != '0 && f_rt_abs[0] && !f_first) begin
        assert (cap_data_q == f_cap_data && cap_strb_q == f_cap_strb);
        assert (cap_multi_q == f_cap_multi);
      end
    end
  end

  ////////////////////////////////
  // Not vacuous                //
  ////////////////////////////////

  always_ff @(posedge clk_i) begin
    if (f_on && !$past(rst_i)) begin
      // A 2-beat read error delivered right after a pass-through burst of the same ID.
      cover (f_s_r_hs && rerr_go && s_axi_rlast_o && f_rerr_len == 8'd1 &&
             $past(f_s_r_hs && !rerr_go && s_axi_rlast_o && s_axi_rid_o == f_rerr_id, 2));
      // An injected read error waits while a pass-through beat is offered and not taken.
      cover (rerr_valid_q && !rerr_go && m_dma_rvalid_i && !s_axi_rready_i);
      // A passed write, then a dropped one, answered in AW order.
      cover (f_s_b_hs && berr_go && $past(f_s_b_hs && !berr_go));
      // An absorbed two-beat write answered OKAY by firmware.
      cover (f_s_b_hs && berr_go && s_axi_bresp_o == 2'b00 && f_cap_multi);
      // The route FIFO is full.
      cover (!wr_route_ready_o && wr_route_valid_i);
    end
  end
