// SPDX-License-Identifier: Apache-2.0
// Formal properties of iommu_burst, included inside the module under `ifdef FORMAL and proven
// with it as the top by formal/run.sh (doc/verification.md, "Formal").
//
// Environment: memory keeps the valid/ready rule on R and B, sends R beats only for an accepted
// AR (LEN + 1 of them, RLAST on the last) and B only for a write whose AW and last W it has
// taken. start_i and the core port of the buffer are free.
// Proven: one AR (load) or one AW (store) per started burst, with the address and length that
// start_i gave, stable until taken; exactly LEN + 1 W beats, WLAST on the last one only, each
// stable until taken; R and B are always accepted when memory offers them (the engine never
// stalls memory); busy_o falls only with the last R beat or the B; a bad length starts nothing.
// Data: store beat n carries buffer word BOFF + n (its upper half twice with HI32), as it is in
// the buffer, through the RAM's read latency and core reads in between (the core is assumed not
// to write that word during the burst); load beat n is written whole to word BOFF + n.

  logic        f_past_valid = 1'b0;
  logic        f_on;
  logic        f_start;                 // a burst is accepted (len_ok or not)
  logic [8:0]  f_r_left;                // R beats memory still owes
  logic [8:0]  f_w_sent;                // W beats sent in this burst
  logic        f_aw_taken, f_wl_done;   // memory has this store's AW, its last W beat
  logic        f_b_given, f_b_owed;     // ... has answered it, owes the answer
  logic [7:0]  f_len;                   // of the last accepted start: beats - 1
  logic [63:2] f_addr;
  logic        f_store, f_size32, f_excl;
  logic        f_ar_hs, f_aw_hs, f_b_hs;

  always_ff @(posedge clk_i) begin
    f_past_valid <= 1'b1;
  end

  always_comb begin
    if (!f_past_valid) begin
      assume (rst_i);
    end
  end

  assign f_on    = f_past_valid && !rst_i;
  assign f_start = (state_q == StIdle) && start_i;
  assign f_ar_hs = m_axi_arvalid_o && m_axi_arready_i;
  assign f_aw_hs = m_axi_awvalid_o && m_axi_awready_i;
  assign f_b_hs  = m_axi_bvalid_i && m_axi_bready_o;
  // The write is complete once memory has its AW and its last W beat: B is owed.
  assign f_b_owed = f_aw_taken && f_wl_done && !f_b_given;

  ////////////////////////////////
  // Channel rules              //
  ////////////////////////////////

  fv_handshake #(.W(4 + 64 + 8 + 3 + 2 + 3 + 1), .Assume(1'b0)) u_fv_ar (
    .clk_i, .rst_i, .valid_i(m_axi_arvalid_o), .ready_i(m_axi_arready_i),
    .data_i({m_axi_arid_o, m_axi_araddr_o, m_axi_arlen_o, m_axi_arsize_o, m_axi_arburst_o,
             m_axi_arprot_o, m_axi_arlock_o})
  );
  fv_handshake #(.W(4 + 64 + 8 + 3 + 2 + 3 + 1), .Assume(1'b0)) u_fv_aw (
    .clk_i, .rst_i, .valid_i(m_axi_awvalid_o), .ready_i(m_axi_awready_i),
    .data_i({m_axi_awid_o, m_axi_awaddr_o, m_axi_awlen_o, m_axi_awsize_o, m_axi_awburst_o,
             m_axi_awprot_o, m_axi_awlock_o})
  );
  fv_handshake #(.W(64 + 8 + 1), .Assume(1'b0)) u_fv_w (
    .clk_i, .rst_i, .valid_i(m_axi_wvalid_o), .ready_i(m_axi_wready_i),
    .data_i({m_axi_wdata_o, m_axi_wstrb_o, m_axi_wlast_o})
  );
  fv_handshake #(.W(4 + 64 + 2 + 1), .Assume(1'b1)) u_fv_r (
    .clk_i, .rst_i, .valid_i(m_axi_rvalid_i), .ready_i(m_axi_rready_o),
    .data_i({m_axi_rid_i, m_axi_rdata_i, m_axi_rresp_i, m_axi_rlast_i})
  );
  fv_handshake #(.W(4 + 2), .Assume(1'b1)) u_fv_b (
    .clk_i, .rst_i, .valid_i(m_axi_bvalid_i), .ready_i(m_axi_bready_o),
    .data_i({m_axi_bid_i, m_axi_bresp_i})
  );

  ////////////////////////////////
  // Memory as AXI4 slave       //
  ////////////////////////////////

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      f_r_left   <= '0;
      f_w_sent   <= '0;
      f_aw_taken <= 1'b0;
      f_wl_done  <= 1'b0;
      f_b_given  <= 1'b0;
    end else begin
      if (f_ar_hs) begin
        f_r_left <= 9'(m_axi_arlen_o) + 9'd1;
      end else if (m_axi_rvalid_i && m_axi_rready_o) begin
        f_r_left <= f_r_left - 9'd1;
      end
      if (f_start) begin
        f_w_sent   <= '0;
        f_aw_taken <= 1'b0;
        f_wl_done  <= 1'b0;
        f_b_given  <= 1'b0;
      end else begin
        if (m_axi_wvalid_o && m_axi_wready_i) begin
          f_w_sent <= f_w_sent + 9'd1;
        end
        if (f_aw_hs) begin
          f_aw_taken <= 1'b1;
        end
        if (m_axi_wvalid_o && m_axi_wready_i && m_axi_wlast_o) begin
          f_wl_done <= 1'b1;
        end
        if (f_b_hs) begin
          f_b_given <= 1'b1;
        end
      end
    end
  end

  always_comb begin
    if (!rst_i) begin
      if (m_axi_rvalid_i) begin
        assume (f_r_left != '0);
        assume (m_axi_rlast_i == (f_r_left == 9'd1));
      end
      if (m_axi_bvalid_i) begin
        assume (f_b_owed);
      end
    end
  end

  ////////////////////////////////
  // The burst that was started //
  ////////////////////////////////

  always_ff @(posedge clk_i) begin
    if (f_start) begin
      f_len    <= beats_i - 8'd1;
      f_addr   <= addr_i[63:2];
      f_store  <= store_i;
      f_size32 <= size32;
      f_excl   <= excl_i;
    end
  end

  always_comb begin
    if (f_on) begin
      // Nothing on the bus outside a burst; the burst asked for is the one issued.
      if (m_axi_arvalid_o || m_axi_awvalid_o || m_axi_wvalid_o) begin
        assert (busy_o);
        assert (len_q == f_len && len_q < 8'd32);
        assert (!excl_q || len_q == 8'd0);
      end
      if (m_axi_arvalid_o) begin
        assert (!f_store && m_axi_araddr_o == {f_addr[63:3], 3'b000});
        assert (m_axi_arlen_o == f_len && m_axi_arsize_o == 3'd3 && m_axi_arburst_o == 2'b01);
        assert (m_axi_arlock_o == f_excl && m_axi_arid_o == 4'd0);
      end
      if (m_axi_awvalid_o || m_axi_wvalid_o) begin
        assert (f_store);
        assert (m_axi_awaddr_o == {f_addr[63:3], f_size32 && f_addr[2], 2'b00});
        assert (m_axi_awlen_o == f_len && m_axi_awburst_o == 2'b01);
        assert (m_axi_awlock_o == f_excl && m_axi_awid_o == 4'd0);
        assert (m_axi_awsize_o == (f_size32 ? 3'd2 : 3'd3));
        assert (!f_size32 || f_len == 8'd0);
      end
      // LEN + 1 W beats, WLAST on the last one only.
      if (m_axi_wvalid_o) begin
        assert (f_w_sent <= 9'(f_len));
        assert (m_axi_wlast_o == (f_w_sent == 9'(f_len)));
        assert (m_axi_wstrb_o == (!f_size32 ? 8'hFF : (f_addr[2] ? 8'hF0 : 8'h0F)));
      end
      // Memory is never stalled by the engine: R and B are taken when offered.
      if (m_axi_rvalid_i) begin
        assert (m_axi_rready_o);
      end
      if (m_axi_bvalid_i) begin
        assert (m_axi_bready_o);
      end
      // Invariants of the engine (induction strengthening).
      assert (f_b_owed == (state_q == StResp));
      if (state_q == StLoad) begin
        assert (!f_store && len_q < 8'd32 && len_q == f_len);
        assert (wr_cnt_q <= len_q);
        if (!ax_done_q) begin
          assert (f_r_left == '0 && wr_cnt_q == '0);
        end else begin
          assert (f_r_left == 9'(len_q) + 9'd1 - 9'(wr_cnt_q));
        end
      end else begin
        assert (f_r_left == '0);
      end
      if (state_q == StStore) begin
        assert (f_store && len_q < 8'd32 && len_q == f_len);
        assert (f_w_sent == 9'(wr_cnt_q));
        assert (rd_cnt_q == wr_cnt_q + 8'(wbeat_q));
        assert (!(wbeat_q && w_done_q));
        assert (f_wl_done == w_done_q);
        assert (w_done_q == (wr_cnt_q == len_q + 8'd1));
        assert (f_aw_taken == ax_done_q);
        assert (!f_b_given);
        assert (!(eng_rd_q && !wbeat_q));
      end
      if (state_q == StResp) begin
        assert (f_store && w_done_q && ax_done_q && f_aw_taken && f_wl_done);
        assert (!f_b_given);
        assert (f_w_sent == 9'(len_q) + 9'd1);
        assert (!eng_rd_q);
      end
      if (state_q == StIdle) begin
        assert (!f_b_owed && !m_axi_wvalid_o);
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (f_on && !$past(rst_i)) begin
      // busy_o ends only with the last R beat or the B of the burst.
      if ($past(busy_o) && !busy_o) begin
        assert ($past(m_axi_rvalid_i && m_axi_rready_o && m_axi_rlast_i) || $past(f_b_hs));
      end
      // A bad length starts nothing and is flagged.
      if ($past(f_start && !len_ok)) begin
        assert (!busy_o && err_o);
      end
      if ($past(f_start && len_ok)) begin
        assert (busy_o);
      end
    end
  end

  ////////////////////////////////
  // Data placement             //
  ////////////////////////////////

  // One beat index, any of 0..31, chosen freely at reset (an input sampled in the reset cycle)
  // and then constant: what is proven for it holds for every beat.
  logic [7:0]  f_n;
  logic [7:0]  f_n_idx;
  logic [63:0] f_word, f_exp;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      f_n <= {3'b000, addr_i[7:3]};
    end
  end

  assign f_n_idx = boff_q + f_n;
  assign f_word  = buf_q[f_n_idx];
  assign f_exp   = hi32_q ? {f_word[63:32], f_word[63:32]} : f_word;

  always_comb begin
    if (!rst_i && state_q != StIdle && buf_en_i && buf_we_i) begin
      assume (buf_adr_i[8:1] != f_n_idx);
    end
  end

  always_comb begin
    if (f_on) begin
      assert (f_n < 8'd32);
      if (m_axi_wvalid_o && f_w_sent == 9'(f_n)) begin
        assert (m_axi_wdata_o == f_exp);
      end
      if (state_q == StLoad && m_axi_rvalid_i && m_axi_rready_o) begin
        assert (ram_en && ram_we == 8'hFF && ram_wdata == m_axi_rdata_i);
        assert (ram_adr == boff_q + wr_cnt_q);
      end
      // Invariant (induction strengthening): the beat waiting to be sent is its word.
      if (state_q == StStore && wbeat_q && wr_cnt_q == f_n) begin
        assert (w_word == f_word);
      end
    end
  end

  ////////////////////////////////
  // Not vacuous                //
  ////////////////////////////////

  always_ff @(posedge clk_i) begin
    if (f_on && !$past(rst_i)) begin
      // A 4-beat load and a 3-beat store complete.
      cover ($past(busy_o) && !busy_o && !f_store && f_len == 8'd3);
      cover ($past(busy_o) && !busy_o && f_store && f_len == 8'd2);
      // Store: a stalled W beat while the core reads the buffer, then taken.
      cover (m_axi_wvalid_o && m_axi_wready_i && $past(m_axi_wvalid_o && !m_axi_wready_i) &&
             $past(buf_gnt_o && !buf_we_i));
      // W beats before the AW is taken; a narrow store; an exclusive load that got EXOKAY.
      cover (m_axi_wvalid_o && m_axi_wlast_o && m_axi_wready_i && m_axi_awvalid_o);
      cover (m_axi_awvalid_o && m_axi_awsize_o == 3'd2 && m_axi_wstrb_o == 8'hF0);
      cover (!busy_o && exok_o && !f_store);
      // The third beat of a store, after a core read stalled it.
      cover (m_axi_wvalid_o && m_axi_wready_i && f_n == 8'd2 && f_w_sent == 9'd2 &&
             $past(buf_gnt_o && !buf_we_i));
    end
  end
