// SPDX-License-Identifier: Apache-2.0
// ulx3s_pll: the design clock from the ULX3S 25 MHz oscillator through one ECP5 EHXPLLL.
//
// ClkMhzX10 selects the output (ten times the MHz, an integer): 250 (no PLL), 400, 500, 625,
// 750. Each setting keeps the VCO in 400-800 MHz and the phase detector >= 3.125 MHz:
// VCO = 25 / CLKI_DIV * CLKFB_DIV * CLKOP_DIV, output = VCO / CLKOP_DIV (feedback from CLKOP).
// In simulation (no SYNTHESIS define) the input clock passes through and locked_o is 1.

`default_nettype none

module ulx3s_pll #(
  parameter int ClkMhzX10 = 500
) (
  input  logic clk_25mhz_i,
  output logic clk_o,
  output logic locked_o
);

  if (ClkMhzX10 != 250 && ClkMhzX10 != 400 && ClkMhzX10 != 500 && ClkMhzX10 != 625 &&
      ClkMhzX10 != 750) begin : gen_bad_freq
    $error("ulx3s_pll: unsupported ClkMhzX10");
  end

`ifdef SYNTHESIS
  if (ClkMhzX10 == 250) begin : gen_direct
    assign clk_o    = clk_25mhz_i;
    assign locked_o = 1'b1;
  end else begin : gen_pll
    localparam int ClkiDiv  = (ClkMhzX10 == 400) ? 5  : (ClkMhzX10 == 625) ? 2 : 1;
    localparam int ClkfbDiv = (ClkMhzX10 == 400) ? 8  : (ClkMhzX10 == 500) ? 2 :
                              (ClkMhzX10 == 625) ? 5  : 3;
    localparam int ClkopDiv = (ClkMhzX10 == 400) ? 15 : (ClkMhzX10 == 500) ? 12 :
                              (ClkMhzX10 == 625) ? 10 : 8;
    logic clkop;
    (* FREQUENCY_PIN_CLKI = "25" *)
    EHXPLLL #(
      .PLLRST_ENA       ("DISABLED"),
      .INTFB_WAKE       ("DISABLED"),
      .STDBY_ENABLE     ("DISABLED"),
      .DPHASE_SOURCE    ("DISABLED"),
      .OUTDIVIDER_MUXA  ("DIVA"),
      .OUTDIVIDER_MUXB  ("DIVB"),
      .OUTDIVIDER_MUXC  ("DIVC"),
      .OUTDIVIDER_MUXD  ("DIVD"),
      .CLKI_DIV         (ClkiDiv),
      .CLKOP_ENABLE     ("ENABLED"),
      .CLKOP_DIV        (ClkopDiv),
      .CLKOP_CPHASE     (ClkopDiv / 2 - 1),
      .CLKOP_FPHASE     (0),
      .FEEDBK_PATH      ("CLKOP"),
      .CLKFB_DIV        (ClkfbDiv)
    ) u_pll (
      .RST       (1'b0),
      .STDBY     (1'b0),
      .CLKI      (clk_25mhz_i),
      .CLKOP     (clkop),
      .CLKFB     (clkop),
      .CLKINTFB  (),
      .PHASESEL0 (1'b0),
      .PHASESEL1 (1'b0),
      .PHASEDIR  (1'b1),
      .PHASESTEP (1'b1),
      .PHASELOADREG (1'b1),
      .PLLWAKESYNC  (1'b0),
      .ENCLKOP   (1'b0),
      .LOCK      (locked_o)
    );
    assign clk_o = clkop;
  end
`else
  assign clk_o    = clk_25mhz_i;
  assign locked_o = 1'b1;
`endif

endmodule

`default_nettype wire
