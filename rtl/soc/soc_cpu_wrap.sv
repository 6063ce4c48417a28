// SPDX-License-Identifier: Apache-2.0
// soc_cpu_wrap: the management core behind one neutral Wishbone interface.
//
// Wraps the VexRiscv core (pythondata-cpu-vexriscv, VexRiscv.v: RV32IM, 4 KiB I$ and D$) so that
// another RV32 core with Wishbone buses can be dropped in by editing this file only
// (doc/targets.md §5). Reset vector 0 (start of soc_ram). Both buses are Wishbone classic, 32-bit,
// word addresses; CTI=010 marks incrementing cache-refill bursts.

`default_nettype none

module soc_cpu_wrap (
  input  logic        clk_i,
  input  logic        rst_i,
  input  logic [31:0] irq_i,        // level interrupts to the core (machine external)

  output logic        ibus_cyc_o,
  output logic        ibus_stb_o,
  output logic [29:0] ibus_adr_o,   // word address
  output logic [2:0]  ibus_cti_o,
  input  logic [31:0] ibus_dat_i,
  input  logic        ibus_ack_i,
  input  logic        ibus_err_i,

  output logic        dbus_cyc_o,
  output logic        dbus_stb_o,
  output logic        dbus_we_o,
  output logic [29:0] dbus_adr_o,   // word address
  output logic [31:0] dbus_dat_o,
  output logic [3:0]  dbus_sel_o,
  output logic [2:0]  dbus_cti_o,
  input  logic [31:0] dbus_dat_i,
  input  logic        dbus_ack_i,
  input  logic        dbus_err_i
);

  // The instruction bus never writes; these outputs of the core are not needed.
  logic        unused_ibus_we;
  logic [31:0] unused_ibus_dat;
  logic [3:0]  unused_ibus_sel;
  logic [1:0]  unused_ibus_bte, unused_dbus_bte;

  VexRiscv u_core (
    .externalResetVector    (32'h0000_0000),
    .timerInterrupt         (1'b0),
    .softwareInterrupt      (1'b0),
    .externalInterruptArray (irq_i),
    .iBusWishbone_CYC       (ibus_cyc_o),
    .iBusWishbone_STB       (ibus_stb_o),
    .iBusWishbone_ACK       (ibus_ack_i),
    .iBusWishbone_WE        (unused_ibus_we),
    .iBusWishbone_ADR       (ibus_adr_o),
    .iBusWishbone_DAT_MISO  (ibus_dat_i),
    .iBusWishbone_DAT_MOSI  (unused_ibus_dat),
    .iBusWishbone_SEL       (unused_ibus_sel),
    .iBusWishbone_ERR       (ibus_err_i),
    .iBusWishbone_CTI       (ibus_cti_o),
    .iBusWishbone_BTE       (unused_ibus_bte),
    .dBusWishbone_CYC       (dbus_cyc_o),
    .dBusWishbone_STB       (dbus_stb_o),
    .dBusWishbone_ACK       (dbus_ack_i),
    .dBusWishbone_WE        (dbus_we_o),
    .dBusWishbone_ADR       (dbus_adr_o),
    .dBusWishbone_DAT_MISO  (dbus_dat_i),
    .dBusWishbone_DAT_MOSI  (dbus_dat_o),
    .dBusWishbone_SEL       (dbus_sel_o),
    .dBusWishbone_ERR       (dbus_err_i),
    .dBusWishbone_CTI       (dbus_cti_o),
    .dBusWishbone_BTE       (unused_dbus_bte),
    .clk                    (clk_i),
    .reset                  (rst_i)
  );

endmodule

`default_nettype wire
