// SPDX-License-Identifier: Apache-2.0
// iommu_xlate_missq_port: the walkers' share of m_ptw_* (PTE reads, A/D-update writes).
//
// Part of iommu_xlate_missq (in iommu_xlate_missq_walk). Walkers share m_ptw_* with ARID = slot
// index (fixed priority, grant held while AR stalls); R beats return by RID. A/D-update writes
// (exclusive, single beat) go out on the AW/W channels with AWID = slot index, one walker at a
// time (the write token, held from its AW/W offer to its B response). Per-walker signals come
// in as vectors, one bit or one 64-bit word per walker (walker i at bit i, word i*64).

`default_nettype none

module iommu_xlate_missq_port #(
  parameter int IdWidth = 4,
  parameter int Slots   = 4    // 2..(1 << IdWidth)
) (
  input  logic               clk_i,
  input  logic               rst_i,

  // ---- The walkers' PTE reads ----
  input  logic [Slots-1:0]   rd_valid_i,
  input  logic [Slots-1:0]   rd_lock_i,
  input  logic [Slots*64-1:0] rd_addr_i,   // also the address of the walker's A/D write
  output logic [Slots-1:0]   rd_ready_o,
  output logic [Slots-1:0]   rvalid_o,     // the R beat is the walker's (RID)
  // ---- The walkers' A/D-update writes ----
  input  logic [Slots-1:0]   aw_valid_i,
  input  logic [Slots-1:0]   w_valid_i,
  input  logic [Slots*64-1:0] wr_data_i,
  output logic [Slots-1:0]   aw_ready_o,
  output logic [Slots-1:0]   w_ready_o,
  output logic [Slots-1:0]   b_valid_o,    // the B response is the walker's (token holder)

  // ---- Page-table reads ----
  output logic [IdWidth-1:0] m_ptw_arid_o,
  output logic [63:0]        m_ptw_araddr_o,
  output logic               m_ptw_arlock_o,
  output logic               m_ptw_arvalid_o,
  input  logic               m_ptw_arready_i,
  input  logic [IdWidth-1:0] m_ptw_rid_i,
  input  logic               m_ptw_rvalid_i,
  // ---- A/D update writes (exclusive, one 8-byte beat) ----
  output logic [IdWidth-1:0] m_ptw_awid_o,
  output logic [63:0]        m_ptw_awaddr_o,
  output logic               m_ptw_awvalid_o,
  input  logic               m_ptw_awready_i,
  output logic [63:0]        m_ptw_wdata_o,
  output logic               m_ptw_wvalid_o,
  input  logic               m_ptw_wready_i,
  input  logic               m_ptw_bvalid_i
);

  localparam int SW = $clog2(Slots);

  // Per-walker words as unpacked arrays: a read by a slot index is a small mux tree (a
  // variable part-select of a flattened vector became a barrel shifter).
  logic [63:0]          w_rd_addr [Slots];
  logic [63:0]          w_wr_data [Slots];
  for (genvar i = 0; i < Slots; i++) begin : gen_words
    assign w_rd_addr[i] = rd_addr_i[i*64 +: 64];
    assign w_wr_data[i] = wr_data_i[i*64 +: 64];
  end

  // Fixed priority is starvation-free here: a walker drops its request once granted and waits L.
  logic          lock_q;
  logic [SW-1:0] gnt_q, gnt;
  logic          any_rd;
  always_comb begin
    any_rd = 1'b0;
    gnt    = '0;
    for (int i = Slots - 1; i >= 0; i--) begin
      if (rd_valid_i[i]) begin
        any_rd = 1'b1;
        gnt    = SW'(i);
      end
    end
    if (lock_q) begin
      gnt    = gnt_q;
      any_rd = 1'b1;
    end
  end

  assign m_ptw_arvalid_o = any_rd;
  assign m_ptw_arid_o    = IdWidth'(gnt);
  assign m_ptw_araddr_o  = w_rd_addr[gnt];
  assign m_ptw_arlock_o  = rd_lock_i[gnt];

  // A/D writes: rare, so one walker at a time. The token goes to the lowest walker offering AW
  // or W and stays with it until its B response; AW, W and B all belong to the holder.
  logic          wtok_q, any_wr;
  logic [SW-1:0] wgnt_q, wgnt;
  always_comb begin
    any_wr = 1'b0;
    wgnt   = '0;
    for (int i = Slots - 1; i >= 0; i--) begin
      if (aw_valid_i[i] || w_valid_i[i]) begin
        any_wr = 1'b1;
        wgnt   = SW'(i);
      end
    end
    if (wtok_q) begin
      wgnt = wgnt_q;
    end
  end
  assign m_ptw_awvalid_o = aw_valid_i[wgnt];
  assign m_ptw_awid_o    = IdWidth'(wgnt);
  assign m_ptw_awaddr_o  = w_rd_addr[wgnt];
  assign m_ptw_wvalid_o  = w_valid_i[wgnt];
  assign m_ptw_wdata_o   = w_wr_data[wgnt];

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      wtok_q <= 1'b0;
      wgnt_q <= '0;
    end else begin
      wgnt_q <= wgnt;
      if (m_ptw_bvalid_i) begin
        wtok_q <= 1'b0;
      end else if (any_wr) begin
        wtok_q <= 1'b1;
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      lock_q <= 1'b0;
      gnt_q  <= '0;
    end else begin
      lock_q <= any_rd && !m_ptw_arready_i;
      gnt_q  <= gnt;
    end
  end

  // Each walker's share of the handshakes.
  for (genvar i = 0; i < Slots; i++) begin : gen_walker
    assign rd_ready_o[i] = m_ptw_arready_i && (gnt == SW'(i));
    assign rvalid_o[i]   = m_ptw_rvalid_i && (m_ptw_rid_i == IdWidth'(i));
    logic w_own;
    assign w_own = wtok_q ? (wgnt_q == SW'(i)) : (wgnt == SW'(i));
    assign aw_ready_o[i] = m_ptw_awready_i && w_own;
    assign w_ready_o[i]  = m_ptw_wready_i && w_own;
    assign b_valid_o[i]  = m_ptw_bvalid_i && wtok_q && (wgnt_q == SW'(i));
  end

endmodule
