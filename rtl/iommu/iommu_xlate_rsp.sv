// SPDX-License-Identifier: Apache-2.0
// Device-side response path of the translation datapath: R/B pass-through, W routing, and the
// injected SLVERR responses of faulting transactions.
//
// Owns the AXI ordering rules on the device port (AXI4 A3.4/A5): W beats follow AW order (a route
// FIFO says for every accepted AW whether its beats go to memory or are consumed and dropped),
// and an injected error response for ID x is only sent once every earlier transaction of ID x has
// answered. Error read beats are never interleaved into a pass-through burst. The stage above
// stalls passing requests while an error is pending (see *_err_busy_o), so a later request can
// never overtake an injected error, and the memory port's outstanding reads (writes) only fall
// while one waits: one counter per direction, over all IDs, says when every earlier transaction
// has answered (a wait for the other IDs too, on a path only faults take, instead of a counter
// per ID).
//
// Absorbed writes (MRIF MSIs, firmware MISS_CMD op 3): routed like a dropped write, but the first
// beat's data/strobes (and whether there was more than one beat) are captured for firmware, and
// the B response waits in the error slot (holding it, so later writes of any ID that need the
// slot wait) until firmware answers it (OKAY or SLVERR, fwif MSI_WRESP).

`default_nettype none

module iommu_xlate_rsp #(
  parameter int IdWidth = 4
) (
  input  logic               clk_i,
  input  logic               rst_i,

  // ---- From the translation stage ----
  input  logic               rd_issue_i,      // a read was handed to memory (m_dma AR handshake)
  input  logic [IdWidth-1:0] rd_issue_id_i,
  input  logic               rd_err_valid_i,  // a read faults: answer len+1 SLVERR beats
  input  logic [IdWidth-1:0] rd_err_id_i,
  input  logic [7:0]         rd_err_len_i,
  output logic               rd_err_ready_o,
  output logic               rd_err_busy_o,   // an injected read error is not yet fully sent
  input  logic               wr_issue_i,      // a write was handed to memory (m_dma AW handshake)
  input  logic [IdWidth-1:0] wr_issue_id_i,
  input  logic               wr_route_valid_i,  // one per accepted AW, in AW order
  input  logic               wr_route_drop_i,   // 1: consume the W beats and answer SLVERR
  input  logic [IdWidth-1:0] wr_route_id_i,
  input  logic               wr_route_absorb_i, // with drop: capture the beats, B from firmware
  output logic               wr_route_ready_o,
  output logic               wr_err_busy_o,   // a dropped write is not yet answered
  output logic               cap_valid_o,     // an absorbed write waits for firmware's answer
  output logic [63:0]        cap_data_o,      // its first W beat
  output logic [7:0]         cap_strb_o,
  output logic               cap_multi_o,     // it had more than one beat
  input  logic               cap_done_i,      // firmware's answer (one cycle)
  input  logic [1:0]         cap_resp_i,

  // ---- Device port: W, B, R ----
  input  logic [63:0]        s_axi_wdata_i,
  input  logic [7:0]         s_axi_wstrb_i,
  input  logic               s_axi_wlast_i,
  input  logic               s_axi_wvalid_i,
  output logic               s_axi_wready_o,
  output logic [IdWidth-1:0] s_axi_bid_o,
  output logic [1:0]         s_axi_bresp_o,
  output logic               s_axi_bvalid_o,
  input  logic               s_axi_bready_i,
  output logic [IdWidth-1:0] s_axi_rid_o,
  output logic [63:0]        s_axi_rdata_o,
  output logic [1:0]         s_axi_rresp_o,
  output logic               s_axi_rlast_o,
  output logic               s_axi_rvalid_o,
  input  logic               s_axi_rready_i,

  // ---- Memory port: W, B, R ----
  output logic [63:0]        m_dma_wdata_o,
  output logic [7:0]         m_dma_wstrb_o,
  output logic               m_dma_wlast_o,
  output logic               m_dma_wvalid_o,
  input  logic               m_dma_wready_i,
  input  logic [IdWidth-1:0] m_dma_bid_i,
  input  logic [1:0]         m_dma_bresp_i,
  input  logic               m_dma_bvalid_i,
  output logic               m_dma_bready_o,
  input  logic [IdWidth-1:0] m_dma_rid_i,
  input  logic [63:0]        m_dma_rdata_i,
  input  logic [1:0]         m_dma_rresp_i,
  input  logic               m_dma_rlast_i,
  input  logic               m_dma_rvalid_i,
  output logic               m_dma_rready_o
);

  localparam int RouteD  = 4;
  localparam int CntW    = IdWidth + 8;   // up to 255 outstanding per ID, as many IDs as exist
  localparam logic [1:0]  RespSlv = 2'b10;

  ///////////////////////////
  // Outstanding counters  //
  ///////////////////////////

  logic [CntW-1:0] rd_cnt_q, wr_cnt_q;
  logic            r_done, b_done;

  assign r_done = m_dma_rvalid_i & m_dma_rready_o & m_dma_rlast_i;
  assign b_done = m_dma_bvalid_i & m_dma_bready_o;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rd_cnt_q <= '0;
      wr_cnt_q <= '0;
    end else begin
      rd_cnt_q <= rd_cnt_q + CntW'(rd_issue_i) - CntW'(r_done);
      wr_cnt_q <= wr_cnt_q + CntW'(wr_issue_i) - CntW'(b_done);
    end
  end

  // The issue handshakes' IDs are not needed here: every earlier transaction counts.
  logic unused_ids;
  assign unused_ids = ^{rd_issue_id_i, wr_issue_id_i};

  /////////////////////////
  // Read error injection //
  /////////////////////////

  logic               rerr_valid_q, rerr_active_q;
  logic [IdWidth-1:0] rerr_id_q;
  logic [7:0]         rerr_left_q;
  logic               rerr_go;

  assign rd_err_ready_o = !rerr_valid_q;
  assign rd_err_busy_o  = rerr_valid_q;
  // Start once every older read has answered: then no pass-through burst is under way and no
  // pass-through beat is offered to the device (AXI: R stays stable until RREADY), since memory
  // answers only reads it was handed. Once offered, an error beat stays until its burst ends.
  assign rerr_go = rerr_valid_q && (rerr_active_q || (rd_cnt_q == '0));

  always_comb begin
    s_axi_rid_o    = m_dma_rid_i;
    s_axi_rdata_o  = m_dma_rdata_i;
    s_axi_rresp_o  = m_dma_rresp_i;
    s_axi_rlast_o  = m_dma_rlast_i;
    s_axi_rvalid_o = m_dma_rvalid_i;
    m_dma_rready_o = s_axi_rready_i;
    if (rerr_go) begin
      s_axi_rid_o    = rerr_id_q;
      s_axi_rdata_o  = 64'd0;
      s_axi_rresp_o  = RespSlv;
      s_axi_rlast_o  = (rerr_left_q == 8'd0);
      s_axi_rvalid_o = 1'b1;
      m_dma_rready_o = 1'b0;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rerr_valid_q  <= 1'b0;
      rerr_active_q <= 1'b0;
      rerr_id_q     <= '0;
      rerr_left_q   <= 8'd0;
    end else begin
      if (rerr_go && s_axi_rready_i) begin
        rerr_active_q <= (rerr_left_q != 8'd0);
        rerr_valid_q  <= (rerr_left_q != 8'd0);
        rerr_left_q   <= rerr_left_q - 8'd1;
      end else if (rd_err_valid_i && !rerr_valid_q) begin
        rerr_valid_q <= 1'b1;
        rerr_id_q    <= rd_err_id_i;
        rerr_left_q  <= rd_err_len_i;
      end
    end
  end

  ////////////////////////////
  // W routing in AW order  //
  ////////////////////////////

  logic               rt_drop_q [RouteD];
  logic               rt_abs_q  [RouteD];
  logic               cap_first_q, cap_multi_q, berr_hold_q;
  logic [63:0]        cap_data_q;
  logic [7:0]         cap_strb_q;
  logic [1:0]         berr_resp_q;
  logic [IdWidth-1:0] rt_id_q   [RouteD];
  logic [1:0]         rt_wp_q, rt_rp_q;
  logic [2:0]         rt_cnt_q;
  logic [2:0]         rt_drops_q;   // dropped writes queued here, not yet in the B slot
  logic               rt_push, rt_pop, head_drop;
  logic               berr_valid_q;
  logic [IdWidth-1:0] berr_id_q;
  logic               berr_go, berr_load;

  assign wr_route_ready_o = (rt_cnt_q != 3'(RouteD));
  assign rt_push          = wr_route_valid_i && wr_route_ready_o;
  assign head_drop        = rt_drop_q[rt_rp_q];
  assign wr_err_busy_o    = berr_valid_q || (rt_drops_q != 3'd0);

  always_comb begin
    m_dma_wdata_o  = s_axi_wdata_i;
    m_dma_wstrb_o  = s_axi_wstrb_i;
    m_dma_wlast_o  = s_axi_wlast_i;
    m_dma_wvalid_o = 1'b0;
    s_axi_wready_o = 1'b0;
    rt_pop         = 1'b0;
    berr_load      = 1'b0;
    if (rt_cnt_q != 3'd0) begin
      if (head_drop) begin
        // The last dropped beat needs a free B slot for its error response.
        s_axi_wready_o = !s_axi_wlast_i || !berr_valid_q;
        if (s_axi_wvalid_i && s_axi_wready_o && s_axi_wlast_i) begin
          rt_pop    = 1'b1;
          berr_load = 1'b1;
        end
      end else begin
        m_dma_wvalid_o = s_axi_wvalid_i;
        s_axi_wready_o = m_dma_wready_i;
        rt_pop         = s_axi_wvalid_i && m_dma_wready_i && s_axi_wlast_i;
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rt_wp_q    <= 2'd0;
      rt_rp_q    <= 2'd0;
      rt_cnt_q   <= 3'd0;
      rt_drops_q <= 3'd0;
    end else begin
      if (rt_push) begin
        rt_wp_q <= rt_wp_q + 2'd1;
      end
      if (rt_pop) begin
        rt_rp_q <= rt_rp_q + 2'd1;
      end
      rt_cnt_q   <= rt_cnt_q + {2'd0, rt_push} - {2'd0, rt_pop};
      rt_drops_q <= rt_drops_q + {2'd0, rt_push && wr_route_drop_i} - {2'd0, berr_load};
    end
  end

  always_ff @(posedge clk_i) begin
    if (rt_push) begin
      rt_drop_q[rt_wp_q] <= wr_route_drop_i;
      rt_abs_q[rt_wp_q]  <= wr_route_drop_i && wr_route_absorb_i;
      rt_id_q[rt_wp_q]   <= wr_route_id_i;
    end
  end

  // Capture of an absorbed write's first beat.
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      cap_first_q <= 1'b1;
      cap_multi_q <= 1'b0;
      cap_data_q  <= 64'd0;
      cap_strb_q  <= 8'd0;
    end else if (s_axi_wvalid_i && s_axi_wready_o) begin
      cap_first_q <= s_axi_wlast_i;
      if (rt_cnt_q != 3'd0 && head_drop && rt_abs_q[rt_rp_q]) begin
        if (cap_first_q) begin
          cap_data_q  <= s_axi_wdata_i;
          cap_strb_q  <= s_axi_wstrb_i;
          cap_multi_q <= 1'b0;
        end else begin
          cap_multi_q <= 1'b1;
        end
      end
    end
  end

  assign cap_valid_o = berr_valid_q && berr_hold_q;
  assign cap_data_o  = cap_data_q;
  assign cap_strb_o  = cap_strb_q;
  assign cap_multi_o = cap_multi_q;

  ///////////////////////
  // B error injection //
  ///////////////////////

  // As for R: once every older write has answered, no pass-through B is offered.
  assign berr_go = berr_valid_q && !berr_hold_q && (wr_cnt_q == '0);

  always_comb begin
    s_axi_bid_o    = m_dma_bid_i;
    s_axi_bresp_o  = m_dma_bresp_i;
    s_axi_bvalid_o = m_dma_bvalid_i;
    m_dma_bready_o = s_axi_bready_i;
    if (berr_go) begin
      s_axi_bid_o    = berr_id_q;
      s_axi_bresp_o  = berr_resp_q;
      s_axi_bvalid_o = 1'b1;
      m_dma_bready_o = 1'b0;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      berr_valid_q <= 1'b0;
      berr_hold_q  <= 1'b0;
      berr_resp_q  <= RespSlv;
      berr_id_q    <= '0;
    end else if (berr_load) begin
      berr_valid_q <= 1'b1;
      berr_hold_q  <= rt_abs_q[rt_rp_q];
      berr_resp_q  <= RespSlv;
      berr_id_q    <= rt_id_q[rt_rp_q];
    end else if (berr_hold_q && cap_done_i) begin
      berr_hold_q  <= 1'b0;
      berr_resp_q  <= cap_resp_i;
    end else if (berr_go && s_axi_bready_i) begin
      berr_valid_q <= 1'b0;
    end
  end

`ifdef FORMAL
  // Formal properties (formal/run.sh proves them with this module as the top).
  `include "iommu_xlate_rsp_fv.svh"
`endif

endmodule
