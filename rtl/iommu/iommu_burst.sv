// SPDX-License-Identifier: Apache-2.0
// iommu_burst: firmware burst engine and its 2 KiB buffer (architecture.md §5, BURST_* / BUF).
//
// Moves 1..32 beats of 8 bytes between the buffer and system memory as one AXI4 INCR burst
// (ID 0, source 2 at the arbiter), so firmware never reads system memory word by word
// (doc/targets.md §1). Load: memory -> buffer. Store: buffer -> memory. Any non-OKAY response sets
// the error flag of that burst. The caller keeps a burst inside one 4 KiB page (AXI rule).
// SIZE32 (BURST_CTRL[28]) with a 1-beat store: one narrow AXI write, AWSIZE=2 AWLEN=0 at the
// 4-aligned BURST_ADDR, WSTRB = ADDR[2] ? 8'hF0 : 8'h0F, data = the buffer word (the value sits
// in the byte lanes of its half). Loads and longer stores ignore SIZE32. HI32 (BURST_CTRL[31])
// with SIZE32: the data is the upper half of the buffer word, in both halves of the beat (the
// command engine stores an IOFENCE.C's DATA, dw0[63:32], straight from the command).
// EXCL (BURST_CTRL[30]) with BEATS=1: an AXI4 exclusive access of 8 bytes (ARLOCK/AWLOCK=1,
// SIZE32 ignored); EXCL with any other length flags an error and does nothing. EXOKAY is then the
// good response: exok_o reports that the last burst was exclusive and answered EXOKAY (load: the
// slave monitors the doubleword; store: the store was done). An OKAY answer to an exclusive
// store means it failed and wrote nothing (OKAY to an exclusive load: the slave has no monitor).
// EXOKAY to a normal access, or any SLVERR/DECERR, sets the error flag.
//
// The buffer is a 256 x 64-bit single-port RAM (one address, byte-enable write, registered read)
// so that synthesis maps it to block RAM (ECP5: DP16KD). The engine has priority: a core access
// in a cycle the engine uses the RAM is not granted (buf_gnt_o low) and the core retries it in
// the next cycle (iommu_fwif delays the Wishbone ack). Core read data is valid in the cycle after
// the grant. Stores stream one beat per cycle: the W beat is the RAM output in the cycle after
// the engine's read and a hold register after that, so granted core reads in between do not
// disturb it.

`default_nettype none

module iommu_burst (
  input  logic        clk_i,
  input  logic        rst_i,

  // Control from the firmware registers
  input  logic        start_i,          // one-cycle pulse, ignored while busy
  input  logic        store_i,          // 1 buffer -> memory, 0 memory -> buffer
  input  logic        size32_i,         // with store_i and beats_i == 1: one 4-byte write
  input  logic        excl_i,           // with beats_i == 1: exclusive load / store (AxLOCK)
  input  logic        hi32_i,           // with SIZE32: data = the buffer word's upper half
  input  logic [7:0]  beats_i,          // 1..32; other values flag an error and do nothing
  input  logic [7:0]  boff_i,           // buffer offset in 8-byte words
  input  logic [63:0] addr_i,           // system-memory byte address, 8-aligned (SIZE32: 4)
  output logic        busy_o,
  output logic        err_o,            // bus error (or bad length) on the last burst
  output logic        exok_o,           // the last burst was exclusive and got EXOKAY

  // Core port of the buffer
  input  logic        buf_en_i,
  input  logic        buf_we_i,
  input  logic [8:0]  buf_adr_i,        // 32-bit word index
  input  logic [31:0] buf_wdata_i,
  input  logic [3:0]  buf_sel_i,
  output logic        buf_gnt_o,        // the core access is done this cycle (else retry)
  output logic [31:0] buf_rdata_o,

  // AXI4 master (source 2 of iommu_mem_arb)
  output logic [3:0]  m_axi_awid_o,
  output logic [63:0] m_axi_awaddr_o,
  output logic [7:0]  m_axi_awlen_o,
  output logic [2:0]  m_axi_awsize_o,
  output logic [1:0]  m_axi_awburst_o,
  output logic [2:0]  m_axi_awprot_o,
  output logic        m_axi_awlock_o,
  output logic        m_axi_awvalid_o,
  input  logic        m_axi_awready_i,
  output logic [63:0] m_axi_wdata_o,
  output logic [7:0]  m_axi_wstrb_o,
  output logic        m_axi_wlast_o,
  output logic        m_axi_wvalid_o,
  input  logic        m_axi_wready_i,
  input  logic [3:0]  m_axi_bid_i,
  input  logic [1:0]  m_axi_bresp_i,
  input  logic        m_axi_bvalid_i,
  output logic        m_axi_bready_o,
  output logic [3:0]  m_axi_arid_o,
  output logic [63:0] m_axi_araddr_o,
  output logic [7:0]  m_axi_arlen_o,
  output logic [2:0]  m_axi_arsize_o,
  output logic [1:0]  m_axi_arburst_o,
  output logic [2:0]  m_axi_arprot_o,
  output logic        m_axi_arlock_o,
  output logic        m_axi_arvalid_o,
  input  logic        m_axi_arready_i,
  input  logic [3:0]  m_axi_rid_i,
  input  logic [63:0] m_axi_rdata_i,
  input  logic [1:0]  m_axi_rresp_i,
  input  logic        m_axi_rlast_i,
  input  logic        m_axi_rvalid_i,
  output logic        m_axi_rready_o
);

  typedef enum logic [1:0] {
    StIdle,
    StLoad,     // AR then R beats
    StStore,    // AW and W beats
    StResp      // waiting for B
  } state_e;

  state_e      state_q, state_d;
  logic [63:0] addr_q;
  logic [7:0]  len_q;                   // beats - 1
  logic [7:0]  boff_q;
  logic        ax_done_q;               // AR/AW handshake done
  logic        w_done_q;                // store: last W beat sent
  logic [7:0]  rd_cnt_q;                // store: buffer words read so far
  logic [7:0]  wr_cnt_q;                // load: R beats written; store: W beats sent
  logic        wbeat_q;                 // store: engine read register holds a W beat
  logic        err_q;
  logic        size32_q;                // this burst is one 4-byte store
  logic        excl_q;                  // this burst is one exclusive access
  logic        hi32_q;                  // SIZE32 data from the upper half of the word
  logic        exok_q;                  // ... and it got EXOKAY
  logic        len_ok, size32;
  logic        r_bad, b_bad;            // response neither OKAY nor the expected EXOKAY

  localparam logic [1:0] RespOkay   = 2'b00;
  localparam logic [1:0] RespExokay = 2'b01;

  assign len_ok = (beats_i != 8'd0) && (beats_i <= 8'd32) && (!excl_i || beats_i == 8'd1);
  assign size32 = size32_i && store_i && !excl_i && (beats_i == 8'd1);
  assign r_bad  = (m_axi_rresp_i != RespOkay) && !(excl_q && m_axi_rresp_i == RespExokay);
  assign b_bad  = (m_axi_bresp_i != RespOkay) && !(excl_q && m_axi_bresp_i == RespExokay);

  ////////////////////
  // Buffer RAM     //
  ////////////////////

  logic [63:0] buf_q [256];
  logic        eng_en, eng_we;
  logic [7:0]  eng_idx;
  logic        ram_en;
  logic [7:0]  ram_we;
  logic [7:0]  ram_adr;
  logic [63:0] ram_wdata;
  logic [63:0] ram_rdata_q;
  logic        eng_rd_q;                // ram_rdata_q holds the engine's read
  logic [63:0] eng_hold_q;
  logic        core_hi_q;
  logic [7:0]  core_strb;

  assign core_strb = buf_adr_i[0] ? {buf_sel_i, 4'b0000} : {4'b0000, buf_sel_i};
  assign buf_gnt_o = buf_en_i && !eng_en;

  // Port multiplexer: the engine first.
  always_comb begin
    ram_en    = eng_en || buf_en_i;
    ram_we    = 8'h00;
    ram_adr   = eng_idx;
    ram_wdata = m_axi_rdata_i;
    if (eng_en) begin
      ram_we = {8{eng_we}};
    end else begin
      ram_adr   = buf_adr_i[8:1];
      ram_wdata = {buf_wdata_i, buf_wdata_i};
      if (buf_we_i) begin
        ram_we = core_strb;
      end
    end
  end

  // The RAM itself: one port, byte-enable write, synchronous read (old data on a write).
  always_ff @(posedge clk_i) begin
    if (ram_en) begin
      for (int i = 0; i < 8; i++) begin
        if (ram_we[i]) begin
          buf_q[ram_adr][8*i +: 8] <= ram_wdata[8*i +: 8];
        end
      end
      ram_rdata_q <= buf_q[ram_adr];
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      eng_rd_q <= 1'b0;
    end else begin
      eng_rd_q <= eng_en && !eng_we;
    end
  end

  always_ff @(posedge clk_i) begin
    if (eng_rd_q) begin
      eng_hold_q <= ram_rdata_q;
    end
    if (buf_gnt_o) begin
      core_hi_q <= buf_adr_i[0];
    end
  end

  assign buf_rdata_o = core_hi_q ? ram_rdata_q[63:32] : ram_rdata_q[31:0];

  ////////////////////
  // Engine         //
  ////////////////////

  logic r_hs, w_hs, ax_hs, rd_issue;

  assign r_hs  = m_axi_rvalid_i && m_axi_rready_o;
  assign w_hs  = m_axi_wvalid_o && m_axi_wready_i;
  assign ax_hs = (m_axi_arvalid_o && m_axi_arready_i) || (m_axi_awvalid_o && m_axi_awready_i);
  // Store: refill the W register when it is empty or being consumed, while words remain.
  assign rd_issue = (state_q == StStore) && (rd_cnt_q != len_q + 8'd1) && (!wbeat_q || w_hs);

  always_comb begin
    eng_en  = 1'b0;
    eng_we  = 1'b0;
    eng_idx = boff_q + wr_cnt_q;
    if (state_q == StLoad && r_hs) begin
      eng_en = 1'b1;
      eng_we = 1'b1;
    end else if (rd_issue) begin
      eng_en  = 1'b1;
      eng_idx = boff_q + rd_cnt_q;
    end
  end

  always_comb begin
    state_d = state_q;
    case (state_q)
      StIdle: begin
        if (start_i && len_ok && store_i) begin
          state_d = StStore;
        end else if (start_i && len_ok) begin
          state_d = StLoad;
        end
      end
      StLoad: begin
        if (r_hs && m_axi_rlast_i) begin
          state_d = StIdle;
        end
      end
      StStore: begin
        if ((ax_done_q || ax_hs) && (w_done_q || (w_hs && m_axi_wlast_o))) begin
          state_d = StResp;
        end
      end
      StResp: begin
        if (m_axi_bvalid_i) begin
          state_d = StIdle;
        end
      end
      default: state_d = StIdle;
    endcase
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      state_q <= StIdle;
    end else begin
      state_q <= state_d;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      ax_done_q <= 1'b0;
      w_done_q  <= 1'b0;
      rd_cnt_q  <= '0;
      wr_cnt_q  <= '0;
      wbeat_q   <= 1'b0;
      err_q     <= 1'b0;
      size32_q  <= 1'b0;
      excl_q    <= 1'b0;
      hi32_q    <= 1'b0;
      exok_q    <= 1'b0;
      addr_q    <= '0;
      len_q     <= '0;
      boff_q    <= '0;
    end else begin
      if (state_q == StIdle && start_i) begin
        size32_q  <= size32;
        excl_q    <= excl_i;
        hi32_q    <= size32 && hi32_i;
        exok_q    <= 1'b0;
        addr_q    <= {addr_i[63:3], size32 && addr_i[2], 2'b00};
        len_q     <= beats_i - 8'd1;
        boff_q    <= boff_i;
        ax_done_q <= 1'b0;
        w_done_q  <= 1'b0;
        rd_cnt_q  <= '0;
        wr_cnt_q  <= '0;
        wbeat_q   <= 1'b0;
        err_q     <= !len_ok;
      end else begin
        if (ax_hs) begin
          ax_done_q <= 1'b1;
        end
        if (r_hs) begin
          wr_cnt_q <= wr_cnt_q + 8'd1;
          if (r_bad) begin
            err_q <= 1'b1;
          end
          if (excl_q) begin
            exok_q <= (m_axi_rresp_i == RespExokay);
          end
        end
        if (rd_issue) begin
          rd_cnt_q <= rd_cnt_q + 8'd1;
        end
        if (w_hs) begin
          wr_cnt_q <= wr_cnt_q + 8'd1;
          if (m_axi_wlast_o) begin
            w_done_q <= 1'b1;
          end
        end
        if (rd_issue) begin
          wbeat_q <= 1'b1;
        end else if (w_hs) begin
          wbeat_q <= 1'b0;
        end
        if (state_q == StResp && m_axi_bvalid_i) begin
          if (b_bad) begin
            err_q <= 1'b1;
          end
          if (excl_q) begin
            exok_q <= (m_axi_bresp_i == RespExokay);
          end
        end
      end
    end
  end

  assign busy_o = (state_q != StIdle);
  assign err_o  = err_q;
  assign exok_o = exok_q;

  ////////////////////
  // AXI outputs    //
  ////////////////////

  assign m_axi_awid_o    = 4'd0;
  assign m_axi_awaddr_o  = addr_q;
  assign m_axi_awlen_o   = len_q;
  assign m_axi_awsize_o  = size32_q ? 3'd2 : 3'd3;
  assign m_axi_awburst_o = 2'b01;
  assign m_axi_awprot_o  = 3'b000;
  assign m_axi_awlock_o  = excl_q;
  assign m_axi_awvalid_o = (state_q == StStore) && !ax_done_q;
  logic [63:0] w_word;
  assign w_word          = eng_rd_q ? ram_rdata_q : eng_hold_q;
  assign m_axi_wdata_o   = hi32_q ? {w_word[63:32], w_word[63:32]} : w_word;
  assign m_axi_wstrb_o   = !size32_q ? 8'hFF : (addr_q[2] ? 8'hF0 : 8'h0F);
  assign m_axi_wlast_o   = (wr_cnt_q == len_q);
  assign m_axi_wvalid_o  = (state_q == StStore) && wbeat_q && !w_done_q;
  assign m_axi_bready_o  = (state_q == StResp);

  assign m_axi_arid_o    = 4'd0;
  assign m_axi_araddr_o  = addr_q;
  assign m_axi_arlen_o   = len_q;
  assign m_axi_arsize_o  = 3'd3;
  assign m_axi_arburst_o = 2'b01;
  assign m_axi_arprot_o  = 3'b000;
  assign m_axi_arlock_o  = excl_q;
  assign m_axi_arvalid_o = (state_q == StLoad) && !ax_done_q;
  assign m_axi_rready_o  = (state_q == StLoad);

  // IDs are unique per source; the arbiter routes responses, nothing to check here.
  // Bursts are 8-byte aligned (SIZE32: 4-byte): the address bits below are forced to zero.
  logic [9:0] unused_bits;
  assign unused_bits = {m_axi_bid_i, m_axi_rid_i, addr_i[1:0]};

`ifdef FORMAL
  // Formal properties (formal/run.sh proves them with this module as the top).
  `include "iommu_burst_fv.svh"
`endif

endmodule

`default_nettype wire
