// SPDX-License-Identifier: Apache-2.0
// iommu_fwif_miss: the firmware's answers to a context or MSI-PTE miss (architecture.md §5).
//
// Part of iommu_fwif. Owns MISS_CMD (retry, fail, absorb: the pulses that answer the miss held
// by iommu_xlate), the MSI-PTE cache fill (MSI_W0..W4, MSI_CMD) and the MRIF write of an absorbed
// MSI (its data and strobes read through MSI_WD0/WD1/WSTAT, its B response given by
// MSI_WRESP). A miss retried by BURST_CTRL.CTX_LOAD (iommu_fwif_ctx) comes in on auto_retry_i.
// iommu_fwif passes the core's accesses to the fwif page (wr_i, off_i, wdata_i).

`default_nettype none

module iommu_fwif_miss (
  input  logic         clk_i,
  input  logic         rst_i,

  // Core access to the fwif page (iommu_fwif decodes the window)
  input  logic         wr_i,            // a write to the fwif page this cycle
  input  logic [11:0]  off_i,           // byte offset inside the page
  input  logic [31:0]  wdata_i,
  output logic [31:0]  msi_rd_o,        // MSI_W0 block, word off_i[4:2]
  output logic [31:0]  wstat_rd_o,      // MSI_WSTAT block, word off_i[4:2]

  input  logic         auto_retry_i,    // retry from BURST_CTRL.CTX_LOAD (iommu_fwif_ctx)
  output logic         miss_retry_o,
  output logic         miss_fail_o,
  // MSI-PTE cache fill (MSI_W*/MSI_CMD)
  output logic         msi_load_o,
  output logic [15:0]  msi_load_gscid_o,
  output logic [51:0]  msi_load_gpn_o,
  output logic [43:0]  msi_load_ppn_o,
  // MISS_CMD op 3 (absorb, with miss_fail_o): an MRIF MSI write whose data firmware reads
  // (MSI_WD0/WD1/WSTAT) and whose B response firmware gives (MSI_WRESP)
  output logic         miss_absorb_o,
  input  logic         mrif_valid_i,
  input  logic [63:0]  mrif_data_i,
  input  logic [7:0]   mrif_strb_i,
  input  logic         mrif_multi_i,
  output logic         mrif_done_o,
  output logic [1:0]   mrif_resp_o
);

  // The firmware-interface map (FWIF_*), from the register description.
  // verilator lint_off UNUSEDPARAM
  `include "iommu_regs.svh"
  // verilator lint_on UNUSEDPARAM

  ////////////////////////
  // Miss answers       //
  ////////////////////////

  logic [31:0] msi_w0_q, msi_w1_q, msi_w2_q, msi_w3_q, msi_w4_q;
  logic        msi_load_q, miss_absorb_q, mrif_done_q;
  logic [1:0]  mrif_resp_q;
  logic        miss_retry_q, miss_fail_q;

  // Registers that hold payload only: no reset needed.
  always_ff @(posedge clk_i) begin
    if (wr_i) begin
      case (off_i)
        FWIF_MSI_W0:        msi_w0_q    <= wdata_i;
        FWIF_MSI_W1:        msi_w1_q    <= wdata_i;
        FWIF_MSI_W2:        msi_w2_q    <= wdata_i;
        FWIF_MSI_W3:        msi_w3_q    <= wdata_i;
        FWIF_MSI_W4:        msi_w4_q    <= wdata_i;
        default: ;
      endcase
    end
  end

  // One-cycle command pulses.
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      miss_retry_q    <= 1'b0;
      miss_fail_q     <= 1'b0;
      msi_load_q      <= 1'b0;
      miss_absorb_q   <= 1'b0;
      mrif_done_q     <= 1'b0;
      mrif_resp_q     <= 2'd0;
    end else begin
      miss_retry_q    <= auto_retry_i;
      miss_fail_q     <= 1'b0;
      msi_load_q      <= wr_i && off_i == FWIF_MSI_CMD && wdata_i[1:0] == 2'd1;
      miss_absorb_q   <= 1'b0;
      mrif_done_q     <= wr_i && off_i == FWIF_MSI_WRESP;
      if (wr_i && off_i == FWIF_MSI_WRESP) begin
        mrif_resp_q <= wdata_i[1:0];
      end
      if (wr_i && off_i == FWIF_MISS_CMD) begin
        miss_retry_q <= (wdata_i[1:0] == 2'd1) || auto_retry_i;
        miss_fail_q  <= wdata_i[1];      // 2 fail, 3 absorb (a fail that keeps the W data)
        miss_absorb_q <= (wdata_i[1:0] == 2'd3);
      end
    end
  end

  assign miss_retry_o     = miss_retry_q;
  assign miss_fail_o      = miss_fail_q;
  assign msi_load_o       = msi_load_q;
  assign miss_absorb_o    = miss_absorb_q;
  assign mrif_done_o      = mrif_done_q;
  assign mrif_resp_o      = mrif_resp_q;
  assign msi_load_gscid_o = msi_w0_q[15:0];
  assign msi_load_gpn_o   = {msi_w2_q[19:0], msi_w1_q};
  assign msi_load_ppn_o   = {msi_w4_q[11:0], msi_w3_q};

  ////////////////////////
  // Read data          //
  ////////////////////////

  always_comb begin
    // 0x1A0-0x1BC: MSI_W0..W4, MSI_WD0/WD1 (MSI_CMD write-only)
    unique case (off_i[4:2])
      FWIF_MSI_W0[4:2]:  msi_rd_o = msi_w0_q;
      FWIF_MSI_W1[4:2]:  msi_rd_o = msi_w1_q;
      FWIF_MSI_W2[4:2]:  msi_rd_o = msi_w2_q;
      FWIF_MSI_W3[4:2]:  msi_rd_o = msi_w3_q;
      FWIF_MSI_W4[4:2]:  msi_rd_o = msi_w4_q;
      FWIF_MSI_WD0[4:2]: msi_rd_o = mrif_data_i[31:0];
      FWIF_MSI_WD1[4:2]: msi_rd_o = mrif_data_i[63:32];
      default:           msi_rd_o = '0;
    endcase
    // 0x1C0-0x1DC: MSI_WSTAT (MSI_WRESP write-only)
    wstat_rd_o = (off_i[4:2] == FWIF_MSI_WSTAT[4:2]) ?
                 {16'd0, mrif_strb_i, 6'd0, mrif_multi_i, mrif_valid_i} : '0;
  end

  logic unused_msi;
  assign unused_msi = ^{msi_w0_q[31:16], msi_w2_q[31:20], msi_w4_q[31:12]};

endmodule

`default_nettype wire
