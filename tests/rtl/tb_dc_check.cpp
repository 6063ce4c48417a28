// SPDX-License-Identifier: Apache-2.0
// Block test of iommu_dc_check, the device-context configuration checks (spec 2.1.4): good DCs
// pass, V=0 is invalid whatever else is set, and each cause-259 rule fails one setting at a
// time, for the IOMMU's capabilities and for others (a rule that a capability lifts passes with
// it). The firmware reads the verdict from BURST_STATUS; it has no copy of these rules.
// Ends with "N passed, N failed".
#include <cstdint>
#include <cstdio>

#include "Viommu_dc_check.h"
#include "riscv_iommu_regs.h"
#include "verilated.h"

namespace {

constexpr uint64_t CAPS  = RISCV_IOMMU_CAPABILITIES_RESET;
constexpr uint64_t V     = RISCV_IOMMU_DC_TC_V;
constexpr uint64_t SV39  = (uint64_t)RISCV_IOMMU_IOSATP_MODE_SV39 << 60;
constexpr uint64_t SV48X4 = (uint64_t)RISCV_IOMMU_IOHGATP_MODE_SV48X4 << 60;
constexpr uint64_t SV39X4 = (uint64_t)RISCV_IOMMU_IOHGATP_MODE_SV39X4 << 60;
constexpr uint64_t FLAT  = (uint64_t)RISCV_IOMMU_MSIPTP_MODE_FLAT << 60;

enum Verdict { OK = 0, INVALID = 258, BAD = 259 };

struct Dc {
  uint64_t tc = 0, iohgatp = 0, ta = 0, fsc = 0, msiptp = 0, mask = 0, pattern = 0, rsvd = 0;
};

Viommu_dc_check *top;
int npass, nfail;

unsigned judge(const Dc &d, uint64_t caps = CAPS, bool be = false, bool gxl = false)
{
  const uint64_t w[8] = {d.tc, d.iohgatp, d.ta, d.fsc, d.msiptp, d.mask, d.pattern, d.rsvd};

  for (int i = 0; i < 8; i++) {
    top->dc_i[2 * i]     = (uint32_t)w[i];
    top->dc_i[2 * i + 1] = (uint32_t)(w[i] >> 32);
  }
  top->caps_i     = caps;
  top->fctl_be_i  = be;
  top->fctl_gxl_i = gxl;
  top->eval();
  if (top->invalid_o && top->bad_o) {
    return 1;  // never both: caught as a mismatch below
  }
  return top->invalid_o ? INVALID : top->bad_o ? BAD : OK;
}

void expect(unsigned got, unsigned want, const char *what, unsigned i)
{
  if (got == want) {
    npass++;
  } else {
    nfail++;
    printf("FAIL: %s [%u]: %u, expected %u\n", what, i, got, want);
  }
}

void test_good()
{
  Dc a, b, c, d;

  a.tc = V;
  b.tc = V;
  b.fsc = SV39 | 0x1234;
  b.ta = 5ull << 12;
  c.tc = V | RISCV_IOMMU_DC_TC_DTF | (0xFFull << 24);  // custom bits 31:24
  c.iohgatp = SV48X4 | (7ull << 44) | 0x80004;
  c.msiptp = FLAT | 0x999;
  c.mask = 0x3F;
  c.pattern = (1ull << 47) - 1;  // MGPAW 59 (Sv57x4): bits up to 46 of the page number
  d.tc = V | RISCV_IOMMU_DC_TC_PDTV | RISCV_IOMMU_DC_TC_DPE;
  d.fsc = 3ull << 60;  // PD20
  expect(judge(a), OK, "good", 0);
  expect(judge(b), OK, "good", 1);
  expect(judge(c), OK, "good", 2);
  expect(judge(d), OK, "good", 3);
  // Sv57 first stage, Sv57x4 G-stage, both (capabilities Sv57, Sv57x4).
  expect(judge(Dc{V, 0, 0, (uint64_t)RISCV_IOMMU_IOSATP_MODE_SV57 << 60 | 0x55}), OK, "good", 4);
  expect(judge(Dc{V, (uint64_t)RISCV_IOMMU_IOHGATP_MODE_SV57X4 << 60 | 0x80}), OK, "good", 5);
  expect(judge(Dc{V, (uint64_t)RISCV_IOMMU_IOHGATP_MODE_SV57X4 << 60 | 0x80, 0,
                  (uint64_t)RISCV_IOMMU_IOSATP_MODE_SV57 << 60}), OK, "good", 6);
}

void test_invalid()
{
  Dc d;

  expect(judge(d), INVALID, "invalid", 0);
  d.tc = 1ull << 40;  // V=0 wins over any misconfiguration
  d.rsvd = 1;
  expect(judge(d), INVALID, "invalid", 1);
}

// The cause-259 list for the IOMMU's capabilities, one setting at a time.
void test_misconfigured()
{
  const Dc bad[] = {
    {V | (1ull << 12)},                                    // tc reserved
    {V | (1ull << 32)},                                    // tc reserved high
    {V | RISCV_IOMMU_DC_TC_EN_ATS},                        // no ATS
    {V | RISCV_IOMMU_DC_TC_EN_PRI},                        // no ATS / EN_ATS
    {V | RISCV_IOMMU_DC_TC_PRPR},                          // no EN_PRI
    {V | RISCV_IOMMU_DC_TC_T2GPA, SV39X4},                 // no T2GPA
    {V | RISCV_IOMMU_DC_TC_SBE},                           // SBE != fctl.BE
    {V | RISCV_IOMMU_DC_TC_SXL},                           // no Sv32
    {V | RISCV_IOMMU_DC_TC_DPE},                           // DPE needs PDTV
    {V, 0, 1},                                             // ta reserved
    {V, 0, 1ull << 40},                                    // RCID without QOSID
    {V, 0, 1ull << 60},                                    // MCID without QOSID
    {V, 0, 0, 11ull << 60},                                // reserved iosatp mode 11
    {V, 0, 0, 1ull << 60},                                 // reserved iosatp mode
    {V, 0, 0, 1ull << 44},                                 // fsc reserved
    {V | RISCV_IOMMU_DC_TC_PDTV, 0, 0, 4ull << 60},        // reserved pdtp mode
    {V, 11ull << 60},                                      // reserved iohgatp mode 11
    {V, (10ull << 60) | 0x80003},                          // Sv57x4 root not 16 KiB aligned
    {V, 1ull << 60},                                       // reserved iohgatp mode
    {V, SV39X4 | 0x80001},                                 // root not 16 KiB aligned
    {V, SV48X4 | 0x80002},                                 // root not 16 KiB aligned
    {V, 0, 0, 0, FLAT},                                    // Flat with iohgatp Bare
    {V, SV39X4, 0, 0, 2ull << 60},                         // reserved msiptp mode
    {V, 0, 0, 0, 1ull << 50},                              // msiptp reserved
    {V, 0, 0, 0, 0, 1ull << 47},                           // mask above MGPAW-12
    {V, 0, 0, 0, 0, 0, 1ull << 63},                        // pattern above MGPAW-12
    {V, 0, 0, 0, 0, 0, 0, 1},                              // reserved doubleword
  };
  unsigned i = 0;

  for (const Dc &d : bad) {
    expect(judge(d), BAD, "misconfigured", i++);
  }
  // GXL=1 needs SXL=1 (and there is no Sv32x4 either).
  expect(judge(Dc{V}, CAPS, false, true), BAD, "gxl", 0);
  // fctl.BE=1 needs SBE=1 without END.
  expect(judge(Dc{V}, CAPS, true, false), BAD, "be", 0);
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_SBE}, CAPS, true, false), OK, "be", 1);
  // Base format (no MSI_FLAT): the MSI words are not judged.
  expect(judge(Dc{V, 0, 0, 0, 0, 0, 0, 1}, CAPS & ~RISCV_IOMMU_CAPABILITIES_MSI_FLAT), OK,
         "base", 0);
  expect(judge(Dc{V, SV39X4, 0, 0, 2ull << 60}, CAPS & ~RISCV_IOMMU_CAPABILITIES_MSI_FLAT), OK,
         "base", 1);
  // PD8 missing from the capabilities.
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_PDTV, 0, 0, 1ull << 60}), OK, "pd8", 0);
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_PDTV, 0, 0, 1ull << 60},
               CAPS & ~RISCV_IOMMU_CAPABILITIES_PD8), BAD, "pd8", 1);
  // MGPAW from PAS without a G-stage scheme: 56 bits, mask bits up to 43 of the page number.
  {
    const uint64_t no57 = CAPS & ~RISCV_IOMMU_CAPABILITIES_SV57X4;
    const uint64_t no48 = no57 & ~RISCV_IOMMU_CAPABILITIES_SV48X4;
    const uint64_t nog  = no48 & ~RISCV_IOMMU_CAPABILITIES_SV39X4;

    expect(judge(Dc{V, 0, 0, 0, 0, 1ull << 43}, nog), OK, "mgpaw", 0);
    expect(judge(Dc{V, 0, 0, 0, 0, 1ull << 44}, nog), BAD, "mgpaw", 1);
    expect(judge(Dc{V, 0, 0, 0, 0, 1ull << 38}, no48), BAD, "mgpaw", 2);  // Sv39x4: 41 bits
    expect(judge(Dc{V, 0, 0, 0, 0, 1ull << 28}, no48), OK, "mgpaw", 3);
    expect(judge(Dc{V, 0, 0, 0, 0, 1ull << 38}, no57), BAD, "mgpaw", 4);  // Sv48x4: 50 bits
    expect(judge(Dc{V, 0, 0, 0, 0, 1ull << 37}, no57), OK, "mgpaw", 5);
    expect(judge(Dc{V, 0, 0, 0, 0, 1ull << 46}), OK, "mgpaw", 6);         // Sv57x4: 59 bits
  }
}

// Rules that a capability lifts: the same DC passes with the capability.
void test_caps_lift()
{
  const uint64_t ats = CAPS | RISCV_IOMMU_CAPABILITIES_ATS;

  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_EN_ATS}, ats), OK, "ats", 0);
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_EN_ATS | RISCV_IOMMU_DC_TC_EN_PRI |
                  RISCV_IOMMU_DC_TC_PRPR}, ats), OK, "ats", 1);
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_EN_PRI}, ats), BAD, "ats", 2);   // EN_PRI w/o EN_ATS
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_EN_ATS | RISCV_IOMMU_DC_TC_PRPR}, ats), BAD, "ats", 3);
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_EN_ATS | RISCV_IOMMU_DC_TC_T2GPA, SV39X4}, ats), BAD,
         "t2gpa", 0);  // no T2GPA capability
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_EN_ATS | RISCV_IOMMU_DC_TC_T2GPA, SV39X4},
               ats | RISCV_IOMMU_CAPABILITIES_T2GPA), OK, "t2gpa", 1);
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_EN_ATS | RISCV_IOMMU_DC_TC_T2GPA},
               ats | RISCV_IOMMU_CAPABILITIES_T2GPA), BAD, "t2gpa", 2);  // iohgatp Bare
  // AMO_HWAD (the IOMMU has it): GADE and SADE are allowed with it and reserved without it.
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_GADE | RISCV_IOMMU_DC_TC_SADE}), OK, "hwad", 0);
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_GADE}, CAPS & ~RISCV_IOMMU_CAPABILITIES_AMO_HWAD), BAD,
         "hwad", 1);
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_SADE}, CAPS & ~RISCV_IOMMU_CAPABILITIES_AMO_HWAD), BAD,
         "hwad", 2);
  expect(judge(Dc{V | RISCV_IOMMU_DC_TC_SBE}, CAPS | RISCV_IOMMU_CAPABILITIES_END), OK, "end", 0);
  expect(judge(Dc{V, 0, (1ull << 40) | (1ull << 60)}, CAPS | RISCV_IOMMU_CAPABILITIES_QOSID), OK,
         "qosid", 0);
  expect(judge(Dc{V, 0, 1ull << 32}, CAPS | RISCV_IOMMU_CAPABILITIES_QOSID), BAD, "qosid", 1);
  // Sv57 / Sv57x4 need their capability (the IOMMU has both).
  expect(judge(Dc{V, 0, 0, 10ull << 60}, CAPS & ~RISCV_IOMMU_CAPABILITIES_SV57), BAD, "sv57", 0);
  expect(judge(Dc{V, 0, 0, 10ull << 60}), OK, "sv57", 1);
  expect(judge(Dc{V, 10ull << 60}, CAPS & ~RISCV_IOMMU_CAPABILITIES_SV57X4), BAD, "sv57x4", 0);
  expect(judge(Dc{V, 10ull << 60}), OK, "sv57x4", 1);
  // SXL=1: Sv32 only, and only with the capability; GXL=1: Sv32x4 only.
  const uint64_t sv32 = CAPS | RISCV_IOMMU_CAPABILITIES_SV32 | RISCV_IOMMU_CAPABILITIES_SV32X4;
  const uint64_t sxl  = V | RISCV_IOMMU_DC_TC_SXL;

  expect(judge(Dc{sxl, 0, 0, (uint64_t)RISCV_IOMMU_IOSATP_MODE_SV32 << 60}, sv32), OK, "sv32", 0);
  expect(judge(Dc{sxl, 0, 0, 9ull << 60}, sv32), BAD, "sv32", 1);  // Sv48 with SXL=1
  expect(judge(Dc{sxl, SV39X4}, sv32, false, true), OK, "sv32x4", 0);  // 8 = Sv32x4 for GXL
  expect(judge(Dc{sxl, SV48X4}, sv32, false, true), BAD, "sv32x4", 1);
  expect(judge(Dc{sxl, SV39X4}, CAPS | RISCV_IOMMU_CAPABILITIES_SV32, false, true), BAD,
         "sv32x4", 2);
}

}  // namespace

int main(int argc, char **argv)
{
  Verilated::commandArgs(argc, argv);
  top = new Viommu_dc_check;
  test_good();
  test_invalid();
  test_misconfigured();
  test_caps_lift();
  top->final();
  delete top;
  printf("%d passed, %d failed\n", npass, nfail);
  return nfail ? 1 : 0;
}
