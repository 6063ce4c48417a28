// SPDX-License-Identifier: Apache-2.0
// ulx3s_top: the soft IOMMU on a ULX3S (LFE5U-85F) board, running its firmware self-test.
//
// board_soc (soc_top + host window + test DMA engine + 64 KiB BRAM system memory) at
// ClkMhzX10 / 10 MHz from the board's 25 MHz oscillator through an EHXPLLL (ulx3s_pll), the console on the FTDI UART (115200 8N1, FPGA TX = ftdi_rxd), and
// LEDs: led[0] booted, led[1] self-test PASS, led[2] self-test FAIL, led[7] heartbeat
// (~1.5 Hz: the clock runs). Reset: a power-on reset of 2^PorBits cycles after configuration,
// or while btn[0] (the PWR button, active low on the board) is held, or while the PLL is
// not locked.
// Pins: fpga/ulx3s/ulx3s_v20.lpf. Build: make bitstream; load: make flash.

`default_nettype none

module ulx3s_top #(
  parameter     FwHexFile = "",        // firmware image ($readmemh); make passes build/fw-board/fw.hex
  parameter int ClkMhzX10 = 500,   // design clock x 10 (ulx3s_pll): 50 MHz
  parameter int UartDiv   = ClkMhzX10 * 100000 / 115200,
  parameter int PorBits   = 16
) (
  input  logic       clk_25mhz,
  input  logic [0:0] btn,
  output logic       ftdi_rxd,     // FPGA -> FTDI (the host's RX)
  output logic [7:0] led
);

  logic               clk;
  logic [PorBits:0]   por_q = '0;  // counts to the top bit after configuration
  logic               rst;
  logic               console_valid;
  logic [7:0]         console_data;
  logic [15:0]        uart_level;
  logic               booted;
  logic [7:0]         fw_led;
  logic [23:0]        beat_q = '0;
  logic               unused_led7;

  assign unused_led7 = fw_led[7];

  logic pll_locked;
  ulx3s_pll #(
    .ClkMhzX10 (ClkMhzX10)
  ) u_pll (
    .clk_25mhz_i (clk_25mhz),
    .clk_o       (clk),
    .locked_o    (pll_locked)
  );

  always_ff @(posedge clk) begin
    if (!btn[0] || !pll_locked) begin
      por_q <= '0;
    end else if (!por_q[PorBits]) begin
      por_q <= por_q + 1'b1;
    end
    beat_q <= beat_q + 1'b1;
  end

  assign rst = !por_q[PorBits];

  board_soc #(
    .FwHexFile (FwHexFile)
  ) u_board (
    .clk_i           (clk),
    .rst_i           (rst),
    .console_valid_o (console_valid),
    .console_data_o  (console_data),
    .uart_level_i    (uart_level),
    .booted_o        (booted),
    .led_o           (fw_led)
  );

  board_uart_tx #(
    .ClkDiv (UartDiv)
  ) u_uart (
    .clk_i   (clk),
    .rst_i   (rst),
    .valid_i (console_valid),
    .data_i  (console_data),
    .tx_o    (ftdi_rxd),
    .level_o (uart_level)
  );

  assign led = {beat_q[23], fw_led[6:1], fw_led[0] | booted};

endmodule

`default_nettype wire
