// SPDX-License-Identifier: Apache-2.0
// iommu_dc_check: the device-context configuration checks of a DC (IOMMU spec 2.3.1 step 7 and
// 2.1.4 "Device-context configuration checks"), combinational.
//
// The one home of these rules: the firmware reads the verdict (BURST_STATUS.DC_INVALID /
// DC_BAD) after loading a DC into CTX_W0..15 with BURST_CTRL.CTX, and turns it into the fault
// cause (258 DDT_INVALID, 259 DDT_MISCONFIGURED). A V=0 DC is invalid whatever else it holds;
// misconfigured covers, for the capabilities and fctl given: reserved bits of tc, ta, fsc,
// msiptp and the MSI address fields above MGPAW-12, the reserved doubleword; the ATS bits
// without ATS, T2GPA and EN_PRI without EN_ATS, PRPR without EN_PRI, T2GPA without its
// capability or with iohgatp Bare; fsc as a pdtp (PDTV=1) or iosatp (PDTV=0, DPE=0) mode that
// the capabilities lack; an unsupported iohgatp mode for GXL, a G-stage root not 16 KiB
// aligned; GADE/SADE without AMO_HWAD; SBE other than fctl.BE without END; SXL other than GXL
// would allow; msiptp other than Off, or Flat without MSI_FLAT or with iohgatp Bare. The MSI
// words are judged only in the extended format (caps.MSI_FLAT).

`default_nettype none

module iommu_dc_check (
  input  logic [511:0] dc_i,           // the 64-byte DC, tc in [63:0]
  input  logic [63:0]  caps_i,         // capabilities
  input  logic         fctl_be_i,
  input  logic         fctl_gxl_i,
  output logic         invalid_o,      // tc.V = 0 (cause 258)
  output logic         bad_o           // V = 1 and misconfigured (cause 259)
);

  // verilator lint_off UNUSEDPARAM
  `include "iommu_regs.svh"
  // verilator lint_on UNUSEDPARAM

  // tc bits other than V..SXL (11:0) and custom (31:24); ta below PSCID and between PSCID and
  // RCID; the bits between PPN and MODE of an atp-style word (fsc, msiptp).
  localparam logic [63:0] TcRsvd     = {32'hFFFF_FFFF, 8'h00, 12'hFFF, 12'h000};
  localparam logic [63:0] TaRsvd     = {24'h0, 8'hFF, 20'h0, 12'hFFF};
  localparam logic [63:0] AtpMidRsvd = {4'h0, 16'hFFFF, 44'h0};
  localparam logic [63:0] TcAtsBits  = RISCV_IOMMU_DC_TC_EN_ATS | RISCV_IOMMU_DC_TC_EN_PRI |
                                       RISCV_IOMMU_DC_TC_PRPR;

  logic [63:0] tc, gatp, ta, fsc, msiptp, mmask, mpat, rsvd;

  assign tc     = dc_i[8*RISCV_IOMMU_DC_TC_OFFSET               +: 64];
  assign gatp   = dc_i[8*RISCV_IOMMU_DC_IOHGATP_OFFSET          +: 64];
  assign ta     = dc_i[8*RISCV_IOMMU_DC_TA_OFFSET               +: 64];
  assign fsc    = dc_i[8*RISCV_IOMMU_DC_FSC_OFFSET              +: 64];
  assign msiptp = dc_i[8*RISCV_IOMMU_DC_MSIPTP_OFFSET           +: 64];
  assign mmask  = dc_i[8*RISCV_IOMMU_DC_MSI_ADDR_MASK_OFFSET    +: 64];
  assign mpat   = dc_i[8*RISCV_IOMMU_DC_MSI_ADDR_PATTERN_OFFSET +: 64];
  assign rsvd   = dc_i[8*RISCV_IOMMU_DC_RSVD_OFFSET             +: 64];

  // Capabilities and tc bits by name.
  logic c_sv32, c_sv39, c_sv48, c_sv57, c_sv32x4, c_sv39x4, c_sv48x4, c_sv57x4;
  logic c_pd8, c_pd17, c_pd20, c_ats, c_t2gpa, c_hwad, c_end, c_qosid, ext;
  logic t_v, t_en_ats, t_en_pri, t_t2gpa, t_pdtv, t_prpr, t_gade, t_sade, t_dpe, t_sbe, sxl;

  assign c_sv32   = |(caps_i & RISCV_IOMMU_CAPABILITIES_SV32);
  assign c_sv39   = |(caps_i & RISCV_IOMMU_CAPABILITIES_SV39);
  assign c_sv48   = |(caps_i & RISCV_IOMMU_CAPABILITIES_SV48);
  assign c_sv57   = |(caps_i & RISCV_IOMMU_CAPABILITIES_SV57);
  assign c_sv32x4 = |(caps_i & RISCV_IOMMU_CAPABILITIES_SV32X4);
  assign c_sv39x4 = |(caps_i & RISCV_IOMMU_CAPABILITIES_SV39X4);
  assign c_sv48x4 = |(caps_i & RISCV_IOMMU_CAPABILITIES_SV48X4);
  assign c_sv57x4 = |(caps_i & RISCV_IOMMU_CAPABILITIES_SV57X4);
  assign c_pd8    = |(caps_i & RISCV_IOMMU_CAPABILITIES_PD8);
  assign c_pd17   = |(caps_i & RISCV_IOMMU_CAPABILITIES_PD17);
  assign c_pd20   = |(caps_i & RISCV_IOMMU_CAPABILITIES_PD20);
  assign c_ats    = |(caps_i & RISCV_IOMMU_CAPABILITIES_ATS);
  assign c_t2gpa  = |(caps_i & RISCV_IOMMU_CAPABILITIES_T2GPA);
  assign c_hwad   = |(caps_i & RISCV_IOMMU_CAPABILITIES_AMO_HWAD);
  assign c_end    = |(caps_i & RISCV_IOMMU_CAPABILITIES_END);
  assign c_qosid  = |(caps_i & RISCV_IOMMU_CAPABILITIES_QOSID);
  assign ext      = |(caps_i & RISCV_IOMMU_CAPABILITIES_MSI_FLAT);

  assign t_v      = |(tc & RISCV_IOMMU_DC_TC_V);
  assign t_en_ats = |(tc & RISCV_IOMMU_DC_TC_EN_ATS);
  assign t_en_pri = |(tc & RISCV_IOMMU_DC_TC_EN_PRI);
  assign t_t2gpa  = |(tc & RISCV_IOMMU_DC_TC_T2GPA);
  assign t_pdtv   = |(tc & RISCV_IOMMU_DC_TC_PDTV);
  assign t_prpr   = |(tc & RISCV_IOMMU_DC_TC_PRPR);
  assign t_gade   = |(tc & RISCV_IOMMU_DC_TC_GADE);
  assign t_sade   = |(tc & RISCV_IOMMU_DC_TC_SADE);
  assign t_dpe    = |(tc & RISCV_IOMMU_DC_TC_DPE);
  assign t_sbe    = |(tc & RISCV_IOMMU_DC_TC_SBE);
  assign sxl      = |(tc & RISCV_IOMMU_DC_TC_SXL);

  logic [3:0]  gmode, fmode, msimode;
  logic        gbare;
  logic [5:0]  mgpaw;
  logic [63:0] ta_rsvd, mrsvd;
  logic        rsvd_bad, msi_bad, ats_bad, fsc_bad, g_bad, hw_bad;

  assign gmode   = gatp[RISCV_IOMMU_DC_IOHGATP_MODE_SHIFT +: 4];
  assign fmode   = fsc[RISCV_IOMMU_DC_FSC_MODE_SHIFT +: 4];
  assign msimode = msiptp[RISCV_IOMMU_DC_MSIPTP_MODE_SHIFT +: 4];
  assign gbare   = (gmode == RISCV_IOMMU_IOHGATP_MODE_BARE);

  // Width of the MSI GPA (MGPAW): the widest G-stage scheme, else PAS. The MSI address mask and
  // pattern hold address bits [MGPAW-1:12].
  always_comb begin
    if (c_sv57x4) begin
      mgpaw = 6'd59;
    end else if (c_sv48x4) begin
      mgpaw = 6'd50;
    end else if (c_sv39x4) begin
      mgpaw = 6'd41;
    end else begin
      mgpaw = caps_i[RISCV_IOMMU_CAPABILITIES_PAS_SHIFT +: 6];
    end
  end
  assign mrsvd   = ~64'd0 << (mgpaw - 6'd12);
  assign ta_rsvd = TaRsvd | (c_qosid ? 64'd0 : (RISCV_IOMMU_DC_TA_RCID | RISCV_IOMMU_DC_TA_MCID));

  // Reserved bits and encodings.
  assign rsvd_bad = |(tc & TcRsvd) || |(ta & ta_rsvd) || |(fsc & AtpMidRsvd);
  assign msi_bad  = |(msiptp & AtpMidRsvd) || |(mmask & mrsvd) || |(mpat & mrsvd) || |rsvd ||
                    (msimode != RISCV_IOMMU_MSIPTP_MODE_OFF &&
                     (msimode != RISCV_IOMMU_MSIPTP_MODE_FLAT || gbare));

  // ATS-dependent bits without their prerequisites.
  assign ats_bad = (!c_ats && |(tc & TcAtsBits)) ||
                   (!t_en_ats && (t_t2gpa || t_en_pri)) ||
                   (!t_en_pri && t_prpr) ||
                   (t_t2gpa && (!c_t2gpa || gbare));

  // fsc: a pdtp with PDTV=1, an iosatp otherwise (DPE needs PDTV). Sv32 is the only SXL=1
  // first-stage scheme.
  always_comb begin
    fsc_bad = 1'b1;
    if (t_pdtv) begin
      unique case (fmode)
        RISCV_IOMMU_PDTP_MODE_BARE: fsc_bad = 1'b0;
        RISCV_IOMMU_PDTP_MODE_PD8:  fsc_bad = !c_pd8;
        RISCV_IOMMU_PDTP_MODE_PD17: fsc_bad = !c_pd17;
        RISCV_IOMMU_PDTP_MODE_PD20: fsc_bad = !c_pd20;
        default:                    fsc_bad = 1'b1;
      endcase
    end else if (t_dpe) begin
      fsc_bad = 1'b1;
    end else if (fmode == RISCV_IOMMU_IOSATP_MODE_BARE) begin
      fsc_bad = 1'b0;
    end else if (sxl) begin
      fsc_bad = !(fmode == RISCV_IOMMU_IOSATP_MODE_SV32 && c_sv32);
    end else begin
      fsc_bad = !((fmode == RISCV_IOMMU_IOSATP_MODE_SV39 && c_sv39) ||
                  (fmode == RISCV_IOMMU_IOSATP_MODE_SV48 && c_sv48) ||
                  (fmode == RISCV_IOMMU_IOSATP_MODE_SV57 && c_sv57));
    end
  end

  // iohgatp: a supported mode for GXL; the 16 KiB root of a G-stage table is 16 KiB aligned.
  always_comb begin
    if (gbare) begin
      g_bad = 1'b0;
    end else if (fctl_gxl_i) begin
      g_bad = !(gmode == RISCV_IOMMU_IOHGATP_MODE_SV32X4 && c_sv32x4);
    end else begin
      g_bad = !((gmode == RISCV_IOMMU_IOHGATP_MODE_SV39X4 && c_sv39x4) ||
                (gmode == RISCV_IOMMU_IOHGATP_MODE_SV48X4 && c_sv48x4) ||
                (gmode == RISCV_IOMMU_IOHGATP_MODE_SV57X4 && c_sv57x4));
    end
    if (!gbare && gatp[RISCV_IOMMU_DC_IOHGATP_PPN_SHIFT +: 2] != 2'b00) begin
      g_bad = 1'b1;
    end
  end

  // A/D updates need AMO_HWAD; without END, SBE is fctl.BE; SXL is 1 when GXL is, and 1 needs
  // an Sv32 scheme.
  assign hw_bad = (!c_hwad && (t_gade || t_sade)) ||
                  (!c_end && (t_sbe != fctl_be_i)) ||
                  (fctl_gxl_i ? !sxl : (sxl && !(c_sv32 || c_sv32x4)));

  // The G-stage PPN and GSCID are not judged (beyond the root alignment).
  logic unused_gatp;
  assign unused_gatp = ^gatp[59:2];

  assign invalid_o = !t_v;
  assign bad_o     = t_v && (rsvd_bad || (ext && msi_bad) || ats_bad || fsc_bad || g_bad || hw_bad);

endmodule

`default_nettype wire
