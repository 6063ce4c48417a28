// SPDX-License-Identifier: Apache-2.0
// soc_wb_decode: management-core data-bus decoder (architecture.md §3).
//
// Routes one Wishbone classic master to the local RAM (0x0000_0000-0x0000_FFFF) and to the
// IOMMU window (0xF000_0000-0xF000_3FFF: iommu_fwif registers, then the raw / set / clear
// aliases of the spec register page, split further inside iommu_fwif). Every other address
// is answered with a one-cycle ERR, so a stray firmware pointer traps instead of hanging.
// With BoardEn=1, 0xE000_0000-0xE000_FFFF goes to the optional board port (FPGA peripherals:
// test DMA engine, host window, LEDs); with BoardEn=0 (co-simulation) that range errs as well.

`default_nettype none

module soc_wb_decode #(
  parameter bit BoardEn = 1'b0   // decode 0xE000_0000-0xE000_FFFF to the board port
) (
  input  logic        clk_i,
  input  logic        rst_i,

  // Master (core data bus), word address
  input  logic        m_cyc_i,
  input  logic        m_stb_i,
  input  logic [29:0] m_adr_i,
  output logic [31:0] m_dat_o,
  output logic        m_ack_o,
  output logic        m_err_o,

  // Slave 0: RAM
  output logic        ram_cyc_o,
  output logic        ram_stb_o,
  input  logic [31:0] ram_dat_i,
  input  logic        ram_ack_i,

  // Slave 1: IOMMU window
  output logic        io_cyc_o,
  output logic        io_stb_o,
  input  logic [31:0] io_dat_i,
  input  logic        io_ack_i,
  input  logic        io_err_i,

  // Slave 2: board peripherals (only with BoardEn)
  output logic        brd_cyc_o,
  output logic        brd_stb_o,
  input  logic [31:0] brd_dat_i,
  input  logic        brd_ack_i,
  input  logic        brd_err_i
);

  logic sel_ram, sel_io, sel_brd, sel_none;
  logic err_q;
  // Offsets inside a region are decoded by the slave.
  logic [11:0] unused_adr;

  assign unused_adr = m_adr_i[11:0];

  // Word address: RAM is byte 0x0000_0000-0x0000_FFFF, the window 0xF000_0000-0xF000_3FFF.
  assign sel_ram  = (m_adr_i[29:14] == 16'h0000);
  assign sel_io   = (m_adr_i[29:12] == 18'h3_C000);
  assign sel_brd  = BoardEn && (m_adr_i[29:14] == 16'hE000);  // byte 0xE000_0000-0xE000_FFFF
  assign sel_none = !sel_ram && !sel_io && !sel_brd;

  assign ram_cyc_o = m_cyc_i & sel_ram;
  assign ram_stb_o = m_stb_i & sel_ram;
  assign io_cyc_o  = m_cyc_i & sel_io;
  assign io_stb_o  = m_stb_i & sel_io;
  assign brd_cyc_o = m_cyc_i & sel_brd;
  assign brd_stb_o = m_stb_i & sel_brd;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      err_q <= 1'b0;
    end else begin
      err_q <= m_cyc_i && m_stb_i && sel_none && !err_q;
    end
  end

  assign m_dat_o = sel_io ? io_dat_i : sel_brd ? brd_dat_i : ram_dat_i;
  assign m_ack_o = (sel_ram & ram_ack_i) | (sel_io & io_ack_i) | (sel_brd & brd_ack_i);
  assign m_err_o = (sel_io & io_err_i) | (sel_brd & brd_err_i) | (err_q & m_cyc_i & m_stb_i);

endmodule

`default_nettype wire
