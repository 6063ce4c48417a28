// SPDX-License-Identifier: Apache-2.0
// board_uart_tx: the board console, a byte FIFO in front of an 8N1 UART transmitter.
//
// The management core writes console bytes (soc_top console_valid_o/console_data_o) far faster
// than 115200 baud and the console has no back-pressure, so the bytes queue in a 2^FifoBits-
// entry FIFO (2 KiB: one DP16KD on ECP5); a byte arriving when it is full is dropped. The
// self-test firmware reads the fill level (level_o, through board_periph) and waits before it
// prints more. ClkDiv = clock / baud (217 for 25 MHz / 115200, +0.01 %). Idle line high.

`default_nettype none

module board_uart_tx #(
  parameter int ClkDiv   = 217,
  parameter int FifoBits = 11
) (
  input  logic        clk_i,
  input  logic        rst_i,
  input  logic        valid_i,
  input  logic [7:0]  data_i,
  output logic        tx_o,
  output logic [15:0] level_o
);

  localparam int Depth = 1 << FifoBits;

  logic [7:0]          fifo_q [Depth];
  logic [FifoBits-1:0] wp_q, rp_q;
  logic [FifoBits:0]   cnt_q;
  logic [7:0]          rd_q;
  logic                push, pop;

  typedef enum logic [1:0] {TxIdle, TxFetch, TxShift} tx_state_e;

  tx_state_e   state_q;
  logic [9:0]  shreg_q;     // stop, data[7:0], start; shifted out LSB first
  logic [3:0]  bits_q;
  logic [15:0] div_q;

  logic [9:0] shreg_next;

  assign shreg_next = {1'b1, shreg_q[9:1]};
  assign push    = valid_i && (cnt_q != Depth[FifoBits:0]);
  assign pop     = (state_q == TxIdle) && (cnt_q != '0);
  assign tx_o    = (state_q == TxShift) ? shreg_q[0] : 1'b1;
  assign level_o = {{(15 - FifoBits){1'b0}}, cnt_q};

  // FIFO storage: simple dual-port RAM, registered read.
  always_ff @(posedge clk_i) begin
    if (push) begin
      fifo_q[wp_q] <= data_i;
    end
    rd_q <= fifo_q[rp_q];
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      wp_q    <= '0;
      rp_q    <= '0;
      cnt_q   <= '0;
      state_q <= TxIdle;
      shreg_q <= '1;
      bits_q  <= '0;
      div_q   <= '0;
    end else begin
      if (push) begin
        wp_q <= wp_q + 1'b1;
      end
      cnt_q <= cnt_q + {{FifoBits{1'b0}}, push} - {{FifoBits{1'b0}}, pop};
      case (state_q)
        TxIdle: begin
          if (pop) begin
            state_q <= TxFetch;   // rd_q shows fifo_q[rp_q] after this cycle
          end
        end
        TxFetch: begin
          rp_q    <= rp_q + 1'b1;
          shreg_q <= {1'b1, rd_q, 1'b0};
          bits_q  <= 4'd0;
          div_q   <= '0;
          state_q <= TxShift;
        end
        TxShift: begin
          if (div_q == 16'(ClkDiv - 1)) begin
            div_q   <= '0;
            shreg_q <= shreg_next;
            if (bits_q == 4'd9) begin
              state_q <= TxIdle;
            end else begin
              bits_q <= bits_q + 1'b1;
            end
          end else begin
            div_q <= div_q + 1'b1;
          end
        end
        default: state_q <= TxIdle;
      endcase
    end
  end

endmodule

`default_nettype wire
