// SPDX-License-Identifier: Apache-2.0
// board_sysmem: the FPGA board's system memory, an AXI4 slave on soc_top's m_axi port.
//
// 2^AddrWidth 64-bit words of block RAM (default 64 KiB, 32 DP16KD on ECP5) at the physical
// base Base (aligned to the size). One transaction at a time: AW, then every W beat (written
// in place, by strobe), then B; or AR, then the R beats at one per three cycles (the RAM has a
// registered read, and its data is registered once more before R: the block RAM's clock-to-out
// is 5.6 ns on ECP5, too much to spend in the same cycle as the IOMMU's PTE checks). Reads and writes alternate when both wait. INCR and FIXED bursts only
// differ in the address step (WRAP is treated as INCR: the IOMMU never issues it). An access
// outside [Base, Base + size) writes nothing, reads 0 and answers SLVERR.
//
// Exclusive accesses (AXI4 A7.2), one-entry monitor: a 1-beat ARLOCK read arms it for its ID
// and doubleword (answered EXOKAY; a newer exclusive read of any ID takes the monitor over). A
// 1-beat AWLOCK write from that ID to that doubleword while armed is done and answered EXOKAY;
// any other AWLOCK write writes nothing and is answered OKAY (so does a longer exclusive write,
// and a longer exclusive read is answered OKAY: no monitor). Any write to the monitored
// doubleword disarms it.

`default_nettype none

module board_sysmem #(
  parameter int          AddrWidth = 13,                    // word address bits (13 = 64 KiB)
  parameter logic [63:0] Base      = 64'h0000_0000_8000_0000
) (
  input  logic        clk_i,
  input  logic        rst_i,

  input  logic [5:0]  s_awid_i,
  input  logic [63:0] s_awaddr_i,
  input  logic [7:0]  s_awlen_i,
  input  logic [1:0]  s_awburst_i,
  input  logic        s_awlock_i,
  input  logic        s_awvalid_i,
  output logic        s_awready_o,
  input  logic [63:0] s_wdata_i,
  input  logic [7:0]  s_wstrb_i,
  input  logic        s_wlast_i,
  input  logic        s_wvalid_i,
  output logic        s_wready_o,
  output logic [5:0]  s_bid_o,
  output logic [1:0]  s_bresp_o,
  output logic        s_bvalid_o,
  input  logic        s_bready_i,
  input  logic [5:0]  s_arid_i,
  input  logic [63:0] s_araddr_i,
  input  logic [7:0]  s_arlen_i,
  input  logic [1:0]  s_arburst_i,
  input  logic        s_arlock_i,
  input  logic        s_arvalid_i,
  output logic        s_arready_o,
  output logic [5:0]  s_rid_o,
  output logic [63:0] s_rdata_o,
  output logic [1:0]  s_rresp_o,
  output logic        s_rlast_o,
  output logic        s_rvalid_o,
  input  logic        s_rready_i
);

  localparam int Words = 1 << AddrWidth;
  localparam int HiBit = AddrWidth + 3;    // first address bit above the RAM
  localparam logic [1:0] RespOkay   = 2'b00;
  localparam logic [1:0] RespExokay = 2'b01;
  localparam logic [1:0] RespSlverr = 2'b10;
  localparam logic [1:0] BurstFixed = 2'b00;

  typedef enum logic [2:0] {
    StIdle,
    StWrite,   // taking W beats
    StResp,    // B valid
    StRdAddr,  // RAM reads the beat address
    StRdReg,   // RAM data into the output register
    StRdData   // R valid
  } state_e;

  state_e               state_q;
  logic                 prio_rd_q;          // reads win the next tie
  logic [5:0]           id_q;
  logic [AddrWidth-1:0] addr_q;
  logic [7:0]           len_q, cnt_q;
  logic                 fixed_q, bad_q;
  logic [63:0]          mem_q [Words];
  logic [63:0]          rdata_q;            // the RAM's registered read
  logic [63:0]          rout_q;             // ... registered again for R
  logic                 take_aw, take_ar, wr_en, beat_done;
  logic                 aw_bad, ar_bad;
  logic [63:0]          aw_hi, ar_hi, base_hi;
  logic [AddrWidth-1:0] aw_word, ar_word;
  logic                 excl_q;             // this transaction is a 1-beat exclusive one
  logic                 exok_q;             // ... write: the monitor allows it
  logic                 mon_valid_q;
  logic [5:0]           mon_id_q;
  logic [AddrWidth-1:0] mon_word_q;
  logic [1:0]           ok_resp;

  assign aw_word = s_awaddr_i[HiBit-1:3];
  assign ar_word = s_araddr_i[HiBit-1:3];

  // Address range check: the bits above the RAM must equal the base's.
  assign base_hi = Base >> HiBit;
  assign aw_hi   = s_awaddr_i >> HiBit;
  assign ar_hi   = s_araddr_i >> HiBit;
  assign aw_bad  = (aw_hi != base_hi);
  assign ar_bad  = (ar_hi != base_hi);

  assign take_aw = (state_q == StIdle) && s_awvalid_i && (!s_arvalid_i || !prio_rd_q);
  assign take_ar = (state_q == StIdle) && s_arvalid_i && !take_aw;
  assign wr_en   = (state_q == StWrite) && s_wvalid_i && !bad_q && (!excl_q || exok_q);
  assign ok_resp = (excl_q && (s_rvalid_o || exok_q)) ? RespExokay : RespOkay;
  assign beat_done = (state_q == StRdData) && s_rready_i;

  assign s_awready_o = take_aw;
  assign s_arready_o = take_ar;
  assign s_wready_o  = (state_q == StWrite);
  assign s_bvalid_o  = (state_q == StResp);
  assign s_bid_o     = id_q;
  assign s_bresp_o   = bad_q ? RespSlverr : ok_resp;
  assign s_rvalid_o  = (state_q == StRdData);
  assign s_rid_o     = id_q;
  assign s_rdata_o   = rout_q;
  assign s_rresp_o   = bad_q ? RespSlverr : ok_resp;
  assign s_rlast_o   = (cnt_q == len_q);

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      state_q   <= StIdle;
      prio_rd_q <= 1'b0;
      id_q      <= '0;
      addr_q    <= '0;
      len_q     <= '0;
      cnt_q     <= '0;
      fixed_q   <= 1'b0;
      bad_q     <= 1'b0;
      excl_q    <= 1'b0;
      exok_q    <= 1'b0;
    end else begin
      case (state_q)
        StIdle: begin
          if (take_aw) begin
            state_q   <= StWrite;
            prio_rd_q <= 1'b1;
            id_q      <= s_awid_i;
            addr_q    <= aw_word;
            len_q     <= s_awlen_i;
            fixed_q   <= (s_awburst_i == BurstFixed);
            bad_q     <= aw_bad;
            excl_q    <= s_awlock_i;
            exok_q    <= s_awlock_i && (s_awlen_i == 8'd0) && !aw_bad && mon_valid_q &&
                         (mon_id_q == s_awid_i) && (mon_word_q == aw_word);
          end else if (take_ar) begin
            state_q   <= StRdAddr;
            prio_rd_q <= 1'b0;
            id_q      <= s_arid_i;
            addr_q    <= ar_word;
            len_q     <= s_arlen_i;
            cnt_q     <= '0;
            fixed_q   <= (s_arburst_i == BurstFixed);
            bad_q     <= ar_bad;
            excl_q    <= s_arlock_i && (s_arlen_i == 8'd0);
            exok_q    <= 1'b0;
          end
        end
        StWrite: begin
          // WLAST ends the burst (the IOMMU's AWLEN and WLAST agree).
          if (s_wvalid_i) begin
            if (!fixed_q) begin
              addr_q <= addr_q + 1'b1;
            end
            if (s_wlast_i) begin
              state_q <= StResp;
            end
          end
        end
        StResp: begin
          if (s_bready_i) begin
            state_q <= StIdle;
          end
        end
        StRdAddr: begin
          state_q <= StRdReg;
        end
        StRdReg: begin
          state_q <= StRdData;
        end
        StRdData: begin
          if (beat_done) begin
            if (cnt_q == len_q) begin
              state_q <= StIdle;
            end else begin
              state_q <= StRdAddr;
              cnt_q   <= cnt_q + 1'b1;
              if (!fixed_q) begin
                addr_q <= addr_q + 1'b1;
              end
            end
          end
        end
        default: state_q <= StIdle;
      endcase
    end
  end

  // The exclusive monitor.
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      mon_valid_q <= 1'b0;
      mon_id_q    <= '0;
      mon_word_q  <= '0;
    end else if (take_ar && s_arlock_i && (s_arlen_i == 8'd0) && !ar_bad) begin
      mon_valid_q <= 1'b1;
      mon_id_q    <= s_arid_i;
      mon_word_q  <= ar_word;
    end else if (wr_en && (s_wstrb_i != 8'h00) && (addr_q == mon_word_q)) begin
      mon_valid_q <= 1'b0;
    end
  end

  // Single-port RAM: one address (addr_q) for the write and the registered read.
  always_ff @(posedge clk_i) begin
    for (int i = 0; i < 8; i++) begin
      if (wr_en && s_wstrb_i[i]) begin
        mem_q[addr_q][8*i +: 8] <= s_wdata_i[8*i +: 8];
      end
    end
    rdata_q <= mem_q[addr_q];
  end

  // The R data register: a fabric register next to the RAM (a failed access reads 0).
  always_ff @(posedge clk_i) begin
    if (state_q == StRdReg) begin
      rout_q <= bad_q ? 64'd0 : rdata_q;
    end
  end

endmodule

`default_nettype wire
