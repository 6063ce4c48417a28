// SPDX-License-Identifier: Apache-2.0
// Block test of iommu_xlate: fake memory with latency L, contexts loaded through ctx_load_i,
// Sv39/Sv48/Sv39x4/Sv48x4 tables built in the fake memory, translations, causes, page sizes,
// invalidations, hit under miss, walks in flight, a random mixed-traffic test checking every
// response and per-ID order, all rerun with random memory back-pressure, and the M1/M2/M4/M4w/
// M6/M7 figures, and inval_race (IOTINVAL / context invalidation landing while IOTLB-hit
// requests stall on the memory port), and hwad_* (hardware A/D update: exclusive PTE read and
// write on m_ptw, with an exclusive monitor per ID in the fake memory). An AXI stability monitor watches every channel in every
// test (VALID held until READY, payload stable meanwhile). Ends with "N passed, N failed".
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "Viommu_xlate.h"
#include "verilated.h"

namespace {

// ---- Expected latencies of the RTL (cycles). Change them here when the pipeline changes. ----
// Device AR/AW handshake -> m_dma AR/AW handshake of an IOTLB hit (M1), no back-pressure.
constexpr unsigned HIT_LATENCY = 2;
// The same with translation off (DDTP Bare): the request still crosses the stage.
constexpr unsigned BARE_LATENCY = 2;
// Sv39 miss penalty (miss latency - hit latency) is at most 3L + MISS_EXTRA (M4; today exactly).
constexpr unsigned MISS_EXTRA = 5;
// Walk-cache hit (neighbouring page, only the leaf read): penalty at most L + WC_MISS_EXTRA
// (M4w; today L+3: the walk takes its first step the cycle after the miss, its read the next).
constexpr unsigned WC_MISS_EXTRA = 4;
// inval_race watchdog: every request completes within this many cycles of its acceptance.
constexpr unsigned WATCHDOG = 2000;

Viommu_xlate *top;
uint64_t cyc;
unsigned lat = 10;
int npass, nfail;
std::map<uint64_t, uint64_t> mem;  // 8-byte words by address
uint64_t err_lo = ~0ull, err_hi = 0;  // PTE reads in [lo, hi) answer SLVERR

struct Beat {
  uint64_t t;
  unsigned id;
  uint64_t data;
  unsigned resp;
  bool last;
};
std::deque<Beat> dma_r, dma_b;
std::vector<Beat> ptw_r;  // any ID may answer first; one read per walker at a time
unsigned ptw_reads;
// Random back-pressure (percent of cycles a ready is low) and latency jitter (cycles).
unsigned bp = 0, jit = 0;
unsigned ptw_out[16], ptw_out_max;  // outstanding PTE reads per ARID, peak distinct ARIDs
// A/D-update writes on m_ptw: one exclusive monitor per ID (AXI4 A7.2: the exclusive read arms
// it, any write of the word disarms every monitor on it), the write's AW and W as they arrive.
struct ExMon {
  bool armed = false;
  uint64_t addr = 0;
} ptw_mon[16];
bool ptw_aw_got, ptw_w_got;
unsigned ptw_aw_id;
uint64_t ptw_aw_addr, ptw_w_data;
std::deque<Beat> ptw_b;
unsigned ptw_xreads, ptw_writes, ptw_wok, ptw_wfail;  // exclusive reads, writes, EXOKAY, OKAY
// Called when an exclusive PTE read is accepted (address): a test may change memory between
// the walker's exclusive read and its write (the "other agent").
void (*ptw_xread_hook)(uint64_t) = nullptr;
void mem_store(uint64_t a, uint64_t v)
{
  mem[a] = v;
  for (auto &m : ptw_mon)
    if (m.armed && m.addr == a)
      m.armed = false;
}
uint64_t dma_t_last;
unsigned rnd(unsigned n) { return n ? (unsigned)(rand() % n) : 0; }

struct Obs {
  bool dma_seen = false;
  uint64_t dma_addr = 0;
  uint64_t t_acc = 0, t_dma = 0, t_done = 0;
  unsigned resp = 0;
  bool fault = false;
  uint64_t rec[4] = {0, 0, 0, 0};
  bool miss = false;
};

void check(bool ok, const char *what)
{
  if (ok) {
    npass++;
  } else {
    nfail++;
    printf("FAIL: %s\n", what);
  }
}

// ---- AXI stability monitor (every test) ----
// AXI4 A3.2.1: once VALID is high it stays high until the handshake, and the payload stays
// stable meanwhile. Every channel of both ports is watched at the sampling point of each clock
// edge (after the settle with the clock low); the channels the testbench drives are watched too,
// so a testbench bug cannot hide behind (or pass for) a DUT bug. Each violation is a failure.
constexpr int MON_FIELDS = 9;
constexpr unsigned MON_SHOW = 6;  // detailed messages per test; the rest are counted
struct Chan {
  const char *name, *driver;
  const char *fields[MON_FIELDS];
  bool (*valid)();
  bool (*ready)();
  void (*pay)(uint64_t *);
  bool pend;  // VALID && !READY at the previous edge
  uint64_t old[MON_FIELDS];
};
// VALID, READY and payload accessors of an address channel driven by the DUT (outputs 'o').
#define MON_AX(pfx)                                                                         \
  [] { return (bool)top->pfx##valid_o; }, [] { return (bool)top->pfx##ready_i; },          \
      [](uint64_t *p) {                                                                     \
        p[0] = top->pfx##id_o, p[1] = top->pfx##addr_o, p[2] = top->pfx##len_o;             \
        p[3] = top->pfx##size_o, p[4] = top->pfx##burst_o, p[5] = top->pfx##prot_o;         \
      }
Chan chans[] = {
    {"m_dma AR", "iommu_xlate", {"id", "addr", "len", "size", "burst", "prot"},
     MON_AX(m_dma_ar), false, {}},
    {"m_dma AW", "iommu_xlate", {"id", "addr", "len", "size", "burst", "prot"},
     MON_AX(m_dma_aw), false, {}},
    {"m_dma W", "iommu_xlate", {"data", "strb", "last"},
     [] { return (bool)top->m_dma_wvalid_o; }, [] { return (bool)top->m_dma_wready_i; },
     [](uint64_t *p) { p[0] = top->m_dma_wdata_o, p[1] = top->m_dma_wstrb_o, p[2] = top->m_dma_wlast_o; },
     false, {}},
    {"m_ptw AR", "iommu_xlate", {"id", "addr", "len", "size", "burst", "prot"},
     MON_AX(m_ptw_ar), false, {}},
    {"m_ptw AW", "iommu_xlate", {"id", "addr", "len", "size", "burst", "prot"},
     MON_AX(m_ptw_aw), false, {}},
    {"m_ptw W", "iommu_xlate", {"data", "strb", "last"},
     [] { return (bool)top->m_ptw_wvalid_o; }, [] { return (bool)top->m_ptw_wready_i; },
     [](uint64_t *p) { p[0] = top->m_ptw_wdata_o, p[1] = top->m_ptw_wstrb_o, p[2] = top->m_ptw_wlast_o; },
     false, {}},
    {"s_axi R", "iommu_xlate", {"id", "data", "resp", "last"},
     [] { return (bool)top->s_axi_rvalid_o; }, [] { return (bool)top->s_axi_rready_i; },
     [](uint64_t *p) {
       p[0] = top->s_axi_rid_o, p[1] = top->s_axi_rdata_o, p[2] = top->s_axi_rresp_o;
       p[3] = top->s_axi_rlast_o;
     },
     false, {}},
    {"s_axi B", "iommu_xlate", {"id", "resp"},
     [] { return (bool)top->s_axi_bvalid_o; }, [] { return (bool)top->s_axi_bready_i; },
     [](uint64_t *p) { p[0] = top->s_axi_bid_o, p[1] = top->s_axi_bresp_o; }, false, {}},
    // Driven by the testbench (device master, fake memory).
    {"s_axi AR", "testbench", {"id", "addr", "len", "size", "burst", "prot", "did", "pid", "pv"},
     [] { return (bool)top->s_axi_arvalid_i; }, [] { return (bool)top->s_axi_arready_o; },
     [](uint64_t *p) {
       p[0] = top->s_axi_arid_i, p[1] = top->s_axi_araddr_i, p[2] = top->s_axi_arlen_i;
       p[3] = top->s_axi_arsize_i, p[4] = top->s_axi_arburst_i, p[5] = top->s_axi_arprot_i;
       p[6] = top->s_axi_ar_did_i, p[7] = top->s_axi_ar_pid_i, p[8] = top->s_axi_ar_pv_i;
     },
     false, {}},
    {"s_axi AW", "testbench", {"id", "addr", "len", "size", "burst", "prot", "did", "pid", "pv"},
     [] { return (bool)top->s_axi_awvalid_i; }, [] { return (bool)top->s_axi_awready_o; },
     [](uint64_t *p) {
       p[0] = top->s_axi_awid_i, p[1] = top->s_axi_awaddr_i, p[2] = top->s_axi_awlen_i;
       p[3] = top->s_axi_awsize_i, p[4] = top->s_axi_awburst_i, p[5] = top->s_axi_awprot_i;
       p[6] = top->s_axi_aw_did_i, p[7] = top->s_axi_aw_pid_i, p[8] = top->s_axi_aw_pv_i;
     },
     false, {}},
    {"s_axi W", "testbench", {"data", "strb", "last"},
     [] { return (bool)top->s_axi_wvalid_i; }, [] { return (bool)top->s_axi_wready_o; },
     [](uint64_t *p) { p[0] = top->s_axi_wdata_i, p[1] = top->s_axi_wstrb_i, p[2] = top->s_axi_wlast_i; },
     false, {}},
    {"m_dma R", "testbench", {"id", "data", "resp", "last"},
     [] { return (bool)top->m_dma_rvalid_i; }, [] { return (bool)top->m_dma_rready_o; },
     [](uint64_t *p) {
       p[0] = top->m_dma_rid_i, p[1] = top->m_dma_rdata_i, p[2] = top->m_dma_rresp_i;
       p[3] = top->m_dma_rlast_i;
     },
     false, {}},
    {"m_dma B", "testbench", {"id", "resp"},
     [] { return (bool)top->m_dma_bvalid_i; }, [] { return (bool)top->m_dma_bready_o; },
     [](uint64_t *p) { p[0] = top->m_dma_bid_i, p[1] = top->m_dma_bresp_i; }, false, {}},
    {"m_ptw R", "testbench", {"id", "data", "resp", "last"},
     [] { return (bool)top->m_ptw_rvalid_i; }, [] { return (bool)top->m_ptw_rready_o; },
     [](uint64_t *p) {
       p[0] = top->m_ptw_rid_i, p[1] = top->m_ptw_rdata_i, p[2] = top->m_ptw_rresp_i;
       p[3] = top->m_ptw_rlast_i;
     },
     false, {}},
};
#undef MON_AX
const char *cur_test = "";
char race_scn[128];  // inval_race: the scenario, for the monitor's messages
unsigned mon_viol, mon_viol_test;  // violations in the run, in the current test

std::string mon_fmt(const Chan &c, const uint64_t *p)
{
  std::string s;
  char b[48];
  for (int i = 0; i < MON_FIELDS && c.fields[i]; i++) {
    snprintf(b, sizeof b, "%s%s=0x%llx", i ? " " : "", c.fields[i], (unsigned long long)p[i]);
    s += b;
  }
  return s;
}

void mon_report(const Chan &c, const char *what, const std::string &detail)
{
  mon_viol++;
  mon_viol_test++;
  nfail++;
  if (mon_viol_test <= MON_SHOW)
    printf("FAIL: AXI %s%s: %s channel (VALID driven by %s), cycle %llu: %s; %s\n", cur_test,
           race_scn, c.name, c.driver, (unsigned long long)cyc, what, detail.c_str());
}

void mon_sample()
{
  for (Chan &c : chans) {
    bool v = c.valid(), r = c.ready();
    uint64_t p[MON_FIELDS] = {};
    c.pay(p);
    if (c.pend && !v) {
      mon_report(c, "VALID fell while READY was low (no handshake)",
                 "offered: " + mon_fmt(c, c.old));
    } else if (c.pend && memcmp(p, c.old, sizeof p) != 0) {
      std::string d = "old: " + mon_fmt(c, c.old) + " -> new: " + mon_fmt(c, p);
      mon_report(c, "payload changed while VALID && !READY", d);
    }
    c.pend = v && !r;
    memcpy(c.old, p, sizeof p);
  }
}

void mon_reset()
{
  for (Chan &c : chans)
    c.pend = false;
}

// Runs one test with the monitor's per-test count. +test=<prefix>[,<prefix>...] runs only the
// tests whose name starts with one of them, in the usual order (for debugging: some tests rely on
// the DDTP mode an earlier one set, so "sv39,inval" works where "inval" alone does not;
// inval_race and the tests after it set up everything they use).
const char *test_filter = nullptr;
bool test_selected(const char *name)
{
  if (!test_filter)
    return true;
  for (const char *p = test_filter; *p;) {
    const char *e = strchr(p, ',');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n && strncmp(name, p, n) == 0)
      return true;
    p += n + (e ? 1 : 0);
  }
  return false;
}
void run_test(const char *name, void (*fn)())
{
  if (!test_selected(name))
    return;
  cur_test = name;
  mon_viol_test = 0;
  fn();
  if (mon_viol_test > MON_SHOW)
    printf("FAIL: AXI %s: %u more stability violations not shown (%u in this test)\n", name,
           mon_viol_test - MON_SHOW, mon_viol_test);
  cur_test = "";
}

// ---- Memory-port stall (inval_race): every m_dma AR/AW waits 'stall' cycles for READY ----
int dma_stall = -1;  // < 0: READY as set by bp
unsigned ar_wait, aw_wait;
bool ar_pend, aw_pend;
// Last PTE read accepted on m_ptw (address, cycle).
uint64_t ptw_last_addr = ~0ull, ptw_last_cyc;
// Invalidation handshake seen by tick() (inv_valid_i && inv_ready_o at the edge).
bool inv_hs;
uint64_t inv_hs_cyc;

// One clock: inputs are set by the caller, then this samples handshakes and clocks.
struct Drv {
  bool ar = false, aw = false;
  unsigned wleft = 0;
  Obs *o = nullptr;
} drv;
bool fault_seen;
uint64_t fault_rec[4];
unsigned nrec;  // fault records seen
struct DbgRes {
  bool done = false, fault = false;
  uint64_t ppn = 0;
  unsigned size = 0;
} dbg_res;  // the debug translation's answer (dbg_done_o pulse)
void (*eng_pre)() = nullptr;   // concurrent traffic engine: sample before the edge
void (*eng_post)() = nullptr;  // and drive after it


// The firmware may take a pending miss in any cycle of miss_valid_o (the event is pushed in its
// first): its payload must not change while it is pending, the MSI fields (table base, GSCID,
// DTF: from the stage's context lookup) included whenever it is an MSI miss.
struct MissPay {
  uint64_t iova, pte;
  unsigned did, gscid;
  bool msi, dtf;
} miss_pay;
bool miss_prev;
void miss_payload_check()
{
  MissPay p = {top->miss_iova_o, top->miss_pte_o, top->miss_did_o, top->miss_gscid_o,
               (bool)top->miss_msi_o, (bool)top->miss_dtf_o};
  if (top->miss_valid_o && miss_prev) {
    if (p.iova != miss_pay.iova || p.did != miss_pay.did || p.msi != miss_pay.msi)
    {
      printf("cyc %llu: did %x->%x iova %llx->%llx msi %d->%d\n", (unsigned long long)cyc,
             miss_pay.did, p.did, (unsigned long long)miss_pay.iova, (unsigned long long)p.iova,
             miss_pay.msi, p.msi);
      check(false, "miss payload (did, iova, kind) changed while miss_valid_o");
    }
    if (p.msi && (p.pte != miss_pay.pte || p.gscid != miss_pay.gscid || p.dtf != miss_pay.dtf))
      check(false, "MSI miss payload (table base, GSCID, DTF) changed while miss_valid_o");
  }
  if (top->miss_valid_o && !miss_prev)
    miss_pay = p;
  miss_prev = top->miss_valid_o;
}

void tick()
{
  // Memory-side responses visible this cycle.
  top->m_dma_rvalid_i = !dma_r.empty() && dma_r.front().t <= cyc;
  if (top->m_dma_rvalid_i) {
    top->m_dma_rid_i = dma_r.front().id;
    top->m_dma_rdata_i = dma_r.front().data;
    top->m_dma_rresp_i = dma_r.front().resp;
    top->m_dma_rlast_i = dma_r.front().last;
  }
  top->m_dma_bvalid_i = !dma_b.empty() && dma_b.front().t <= cyc;
  if (top->m_dma_bvalid_i) {
    top->m_dma_bid_i = dma_b.front().id;
    top->m_dma_bresp_i = 0;
  }
  int pr = -1;
  for (size_t i = 0; i < ptw_r.size() && pr < 0; i++)
    if (ptw_r[i].t <= cyc)
      pr = (int)i;
  top->m_ptw_rvalid_i = pr >= 0;
  if (pr >= 0) {
    top->m_ptw_rdata_i = ptw_r[pr].data;
    top->m_ptw_rresp_i = ptw_r[pr].resp;
    top->m_ptw_rlast_i = 1;
    top->m_ptw_rid_i = ptw_r[pr].id;
  }
  top->m_ptw_bvalid_i = !ptw_b.empty() && ptw_b.front().t <= cyc;
  if (top->m_ptw_bvalid_i) {
    top->m_ptw_bid_i = ptw_b.front().id;
    top->m_ptw_bresp_i = ptw_b.front().resp;
  }
  top->m_ptw_awready_i = !ptw_aw_got && (!bp || rnd(100) >= bp);
  top->m_ptw_wready_i = !ptw_w_got && (!bp || rnd(100) >= bp);
  if (bp) {
    top->m_ptw_arready_i = rnd(100) >= bp;
    top->m_dma_arready_i = rnd(100) >= bp;
    top->m_dma_awready_i = rnd(100) >= bp;
    top->m_dma_wready_i = rnd(100) >= bp;
  } else {
    top->m_ptw_arready_i = top->m_dma_arready_i = top->m_dma_awready_i = 1;
    top->m_dma_wready_i = 1;
  }
  top->clk_i = 0;
  top->eval();
  if (dma_stall >= 0) {
    // READY follows VALID after 'dma_stall' cycles (VALID never depends on READY: AXI A3.1.1).
    ar_wait = top->m_dma_arvalid_o ? (ar_pend ? ar_wait + 1 : 0) : 0;
    aw_wait = top->m_dma_awvalid_o ? (aw_pend ? aw_wait + 1 : 0) : 0;
    top->m_dma_arready_i = top->m_dma_arvalid_o && ar_wait >= (unsigned)dma_stall;
    top->m_dma_awready_i = top->m_dma_awvalid_o && aw_wait >= (unsigned)dma_stall;
    top->eval();
    ar_pend = top->m_dma_arvalid_o && !top->m_dma_arready_i;
    aw_pend = top->m_dma_awvalid_o && !top->m_dma_awready_i;
  }
  if (!top->rst_i)
    mon_sample();
  else
    mon_reset();
  if (top->inv_valid_i && top->inv_ready_o) {
    inv_hs = true;
    inv_hs_cyc = cyc;
  }
  // Sample handshakes.
  bool ar_hs = top->s_axi_arvalid_i && top->s_axi_arready_o;
  bool aw_hs = top->s_axi_awvalid_i && top->s_axi_awready_o;
  bool w_hs = top->s_axi_wvalid_i && top->s_axi_wready_o;
  if (top->m_dma_arvalid_o && top->m_dma_arready_i) {
    if (drv.o) {
      drv.o->dma_seen = true;
      drv.o->dma_addr = top->m_dma_araddr_o;
      drv.o->t_dma = cyc;
    }
    // In-order memory: jitter never lets a response overtake an older one.
    uint64_t t = std::max(dma_t_last, cyc + lat + rnd(jit + 1));
    dma_t_last = t;
    for (unsigned i = 0; i <= top->m_dma_arlen_o; i++)
      dma_r.push_back({t + i, top->m_dma_arid_o, top->m_dma_araddr_o + 8 * i, 0,
                       i == top->m_dma_arlen_o});
  }
  if (top->m_dma_awvalid_o && top->m_dma_awready_i) {
    if (drv.o) {
      drv.o->dma_seen = true;
      drv.o->dma_addr = top->m_dma_awaddr_o;
      drv.o->t_dma = cyc;
    }
    uint64_t t = std::max(dma_t_last, cyc + lat + rnd(jit + 1));
    dma_t_last = t;
    dma_b.push_back({t, top->m_dma_awid_o, 0, 0, true});
  }
  if (getenv("TBDBG") && (top->m_ptw_arvalid_o || top->m_ptw_rvalid_i || top->m_dma_awvalid_o))
    printf("%llu ptwar v%d r%d id%d a%llx | ptwr v%d id%d d%llx | aw v%d r%d a%llx\n",
           (unsigned long long)cyc, top->m_ptw_arvalid_o, top->m_ptw_arready_i, top->m_ptw_arid_o,
           (unsigned long long)top->m_ptw_araddr_o, top->m_ptw_rvalid_i, top->m_ptw_rid_i,
           (unsigned long long)top->m_ptw_rdata_i, top->m_dma_awvalid_o, top->m_dma_awready_i,
           (unsigned long long)top->m_dma_awaddr_o);
  if (top->m_ptw_arvalid_o && top->m_ptw_arready_i) {
    uint64_t a = top->m_ptw_araddr_o;
    bool err = a >= err_lo && a < err_hi;
    ptw_last_addr = a;
    ptw_last_cyc = cyc;
    unsigned id = top->m_ptw_arid_o;
    if (ptw_out[id] != 0)
      check(false, "one PTE read per walker ID");
    ptw_out[id]++;
    unsigned n = 0;
    for (unsigned i = 0; i < 16; i++)
      n += ptw_out[i] != 0;
    ptw_out_max = std::max(ptw_out_max, n);
    bool lock = top->m_ptw_arlock_o;
    if (lock) {
      ptw_mon[id].armed = true;
      ptw_mon[id].addr = a;
      ptw_xreads++;
    }
    // An exclusive read that succeeds answers EXOKAY (AXI4: the memory supports exclusives).
    ptw_r.push_back({cyc + lat + rnd(jit + 1), id, mem.count(a) ? mem[a] : 0,
                     err ? 2u : (lock ? 1u : 0u), true});
    ptw_reads++;
    if (lock && ptw_xread_hook)
      ptw_xread_hook(a);
  }
  if (top->m_ptw_awvalid_o && top->m_ptw_awready_i) {
    if (!top->m_ptw_awlock_o || top->m_ptw_awlen_o != 0 || top->m_ptw_awsize_o != 3)
      check(false, "m_ptw AW: exclusive single 8-byte beat");
    ptw_aw_got = true;
    ptw_aw_id = top->m_ptw_awid_o;
    ptw_aw_addr = top->m_ptw_awaddr_o;
  }
  if (top->m_ptw_wvalid_o && top->m_ptw_wready_i) {
    if (!top->m_ptw_wlast_o || top->m_ptw_wstrb_o != 0xff)
      check(false, "m_ptw W: one full beat");
    ptw_w_got = true;
    ptw_w_data = top->m_ptw_wdata_o;
  }
  if (ptw_aw_got && ptw_w_got) {
    ExMon &m = ptw_mon[ptw_aw_id & 15];
    bool ok = m.armed && m.addr == ptw_aw_addr;
    m.armed = false;
    if (ok)
      mem_store(ptw_aw_addr, ptw_w_data);
    ptw_writes++;
    ok ? ptw_wok++ : ptw_wfail++;
    ptw_b.push_back({cyc + lat + rnd(jit + 1), ptw_aw_id, 0, ok ? 1u : 0u, true});
    ptw_aw_got = ptw_w_got = false;
  }
  if (top->m_ptw_bvalid_i && top->m_ptw_bready_o)
    ptw_b.pop_front();
  if (eng_pre)
    eng_pre();
  if (top->m_dma_rvalid_i && top->m_dma_rready_o)
    dma_r.pop_front();
  if (top->m_dma_bvalid_i && top->m_dma_bready_o)
    dma_b.pop_front();
  if (top->m_ptw_rvalid_i && top->m_ptw_rready_o) {
    ptw_out[ptw_r[pr].id]--;
    ptw_r.erase(ptw_r.begin() + pr);
  }
  if (drv.o && top->s_axi_rvalid_o && top->s_axi_rready_i) {
    drv.o->resp |= top->s_axi_rresp_o;
    if (top->s_axi_rlast_o)
      drv.o->t_done = cyc;
  }
  if (drv.o && top->s_axi_bvalid_o && top->s_axi_bready_i) {
    drv.o->resp |= top->s_axi_bresp_o;
    drv.o->t_done = cyc;
  }
  if (top->fault_valid_o) {  // one-cycle pulse per record
    fault_seen = true;
    nrec++;
    for (int i = 0; i < 4; i++)
      fault_rec[i] = (uint64_t)top->fault_rec_o[2 * i] | ((uint64_t)top->fault_rec_o[2 * i + 1] << 32);
  }
  if (drv.o && top->miss_valid_o)
    drv.o->miss = true;
  miss_payload_check();
  if (top->dbg_done_o) {
    dbg_res.done = true;
    dbg_res.fault = top->dbg_fault_o;
    dbg_res.ppn = top->dbg_ppn_o;
    dbg_res.size = top->dbg_size_o;
  }
  bool dbg_hs = top->dbg_valid_i && top->dbg_ready_o;
  top->clk_i = 1;
  top->eval();
  cyc++;
  if (dbg_hs)
    top->dbg_valid_i = 0;
  if (eng_post) {
    eng_post();
  } else {
    // An idle channel's payload is anything (AXI: only VALID counts): after the handshake the
    // address and the context key change, so no lookup can lean on the last request's values.
    if (ar_hs) {
      top->s_axi_arvalid_i = 0;
      top->s_axi_araddr_i = (uint64_t)rnd(1u << 30) << 12 | rnd(4096);
      top->s_axi_ar_did_i = rnd(1u << 24);
      top->s_axi_ar_pid_i = rnd(1u << 20);
      top->s_axi_ar_pv_i = rnd(2);
      if (drv.o)
        drv.o->t_acc = cyc - 1;
    }
    if (aw_hs) {
      top->s_axi_awvalid_i = 0;
      top->s_axi_awaddr_i = (uint64_t)rnd(1u << 30) << 12 | rnd(4096);
      top->s_axi_aw_did_i = rnd(1u << 24);
      top->s_axi_aw_pid_i = rnd(1u << 20);
      top->s_axi_aw_pv_i = rnd(2);
      if (drv.o)
        drv.o->t_acc = cyc - 1;
    }
    if (w_hs) {
      drv.wleft--;
      top->s_axi_wlast_i = drv.wleft == 1;
      if (drv.wleft == 0)
        top->s_axi_wvalid_i = 0;
    }
  }
  top->ctx_load_i = 0;
  top->ctx_inv_i = 0;
  top->miss_retry_i = 0;
  top->miss_fail_i = 0;
  top->miss_absorb_i = 0;
  top->mrif_done_i = 0;
  top->mrif_resp_i = 0;
  top->inv_valid_i = 0;
}

// Ticks until the walker's read of PTE address 'a' is accepted (false after 'max' cycles).
bool tick_until_ptw_read(uint64_t a, unsigned max)
{
  uint64_t t0 = cyc;
  for (unsigned i = 0; i < max; i++) {
    tick();
    if (ptw_last_addr == a && ptw_last_cyc >= t0)
      return true;
  }
  return false;
}

struct Req {
  bool write = false;
  unsigned id = 1;
  uint64_t iova = 0;
  unsigned len = 0;
  unsigned prot = 0;
  unsigned did = 5;
  unsigned pid = 0;
  bool pv = false;
};

void (*miss_hook)() = nullptr;  // run(): called once on the first pending miss (plays firmware)

// Runs one transaction to completion. auto_ctx: on a context miss, fail it.
Obs run(const Req &r, int miss_action = 0)
{
  Obs o;
  drv.o = &o;
  fault_seen = false;
  if (r.write) {
    top->s_axi_awid_i = r.id;
    top->s_axi_awaddr_i = r.iova;
    top->s_axi_awlen_i = r.len;
    top->s_axi_awsize_i = 3;
    top->s_axi_awburst_i = 1;
    top->s_axi_awprot_i = r.prot;
    top->s_axi_aw_did_i = r.did;
    top->s_axi_aw_pid_i = r.pid;
    top->s_axi_aw_pv_i = r.pv;
    top->s_axi_awvalid_i = 1;
    drv.wleft = r.len + 1;
    top->s_axi_wvalid_i = 1;
    top->s_axi_wlast_i = r.len == 0;
    top->s_axi_wdata_i = 0x1234;
    top->s_axi_wstrb_i = 0xff;
  } else {
    top->s_axi_arid_i = r.id;
    top->s_axi_araddr_i = r.iova;
    top->s_axi_arlen_i = r.len;
    top->s_axi_arsize_i = 3;
    top->s_axi_arburst_i = 1;
    top->s_axi_arprot_i = r.prot;
    top->s_axi_ar_did_i = r.did;
    top->s_axi_ar_pid_i = r.pid;
    top->s_axi_ar_pv_i = r.pv;
    top->s_axi_arvalid_i = 1;
  }
  for (int i = 0; i < 5000 && o.t_done == 0; i++) {
    if (top->miss_valid_o && miss_hook) {
      void (*h)() = miss_hook;
      miss_hook = nullptr;
      h();
    }
    if (top->miss_valid_o && miss_action) {
      if (miss_action == 1)
        top->miss_retry_i = 1;
      else
        top->miss_fail_i = 1;
      miss_action = 0;
    }
    tick();
  }
  for (int i = 0; i < 3; i++)
    tick();
  o.fault = fault_seen;
  for (int i = 0; i < 4; i++)
    o.rec[i] = fault_rec[i];
  drv.o = nullptr;
  return o;
}

// ---- Context load (architecture.md 5.2) ----
struct Ctx {
  unsigned did = 5, pid = 0;
  bool pv = false, pdtv = false, dtf = false, ens = false, sum = false;
  bool gade = false, sade = false;
  unsigned pscid = 7, s1_mode = 0, gscid = 3, s2_mode = 0;
  uint64_t s1_ppn = 0, s2_ppn = 0;
  unsigned msi_mode = 0;  // msiptp.MODE (1 Flat)
  uint64_t msi_ppn = 0, msi_mask = 0, msi_pat = 0;
};

// Drives one context-cache fill for the next edge (ctx_load() also clocks it).
void ctx_drive(const Ctx &c)
{
  for (int i = 0; i < 16; i++)
    top->ctx_w_i[i] = 0;
  top->ctx_w_i[0] = c.did;
  top->ctx_w_i[1] = c.pid | c.pv << 20 | c.pdtv << 21 | c.dtf << 22 | c.ens << 23 | c.sum << 24 |
                    c.gade << 25 | c.sade << 26;
  top->ctx_w_i[2] = c.pscid | c.s1_mode << 28;
  top->ctx_w_i[3] = (uint32_t)c.s1_ppn;
  top->ctx_w_i[4] = (uint32_t)(c.s1_ppn >> 32);
  top->ctx_w_i[5] = c.gscid | c.s2_mode << 28;
  top->ctx_w_i[6] = (uint32_t)c.s2_ppn;
  top->ctx_w_i[7] = (uint32_t)(c.s2_ppn >> 32);
  top->ctx_w_i[8] = c.msi_mode << 28;
  top->ctx_w_i[9] = (uint32_t)c.msi_ppn;
  top->ctx_w_i[10] = (uint32_t)(c.msi_ppn >> 32);
  top->ctx_w_i[11] = (uint32_t)c.msi_mask;
  top->ctx_w_i[12] = (uint32_t)(c.msi_mask >> 32);
  top->ctx_w_i[13] = (uint32_t)c.msi_pat;
  top->ctx_w_i[14] = (uint32_t)(c.msi_pat >> 32);
  top->ctx_load_i = 1;
}

void ctx_load(const Ctx &c)
{
  ctx_drive(c);
  tick();
}

void ctx_inv_all()
{
  top->ctx_inv_i = 1;
  top->ctx_inv_op_i = 1;
  tick();
}

void inv_drive(bool gvma, bool gv, bool av, bool pscv, unsigned pscid, unsigned gscid,
               uint64_t vpn)
{
  top->inv_valid_i = 1;
  top->inv_gvma_i = gvma;
  top->inv_gv_i = gv;
  top->inv_av_i = av;
  top->inv_pscv_i = pscv;
  top->inv_pscid_i = pscid;
  top->inv_gscid_i = gscid;
  top->inv_vpn_i = vpn;
}

// IOTINVAL: held until inv_ready_o (tick() drops inv_valid_i after every edge).
void inv(bool gvma, bool gv, bool av, bool pscv, unsigned pscid, unsigned gscid, uint64_t vpn)
{
  inv_hs = false;
  for (unsigned i = 0; i < WATCHDOG && !inv_hs; i++) {
    inv_drive(gvma, gv, av, pscv, pscid, gscid, vpn);
    tick();
  }
  if (!inv_hs)
    check(false, "invalidation never accepted (inv_ready_o)");
}

// ---- Page tables in the fake memory ----
// Pages are handed out in order, but tests move next_page back to reuse a region (GPA tables,
// the back-pressure rerun), so a page is cleared when it is handed out: a root table must not
// inherit valid PTEs of an earlier test (map() clears the tables it adds at its own offset).
uint64_t next_page = 0x100000;
uint64_t alloc(unsigned pages = 1, unsigned align_pages = 1)
{
  next_page = (next_page + align_pages * 4096 - 1) / (align_pages * 4096) * (align_pages * 4096);
  uint64_t p = next_page;
  next_page += pages * 4096ull;
  mem.erase(mem.lower_bound(p), mem.lower_bound(next_page));
  return p;
}

enum { V = 1, R = 2, W = 4, X = 8, U = 16, G = 32, A = 64, D = 128 };
const uint64_t NAPOT = 1ull << 63;

// Map va at leaf level 'lvl' in a table whose pages live at (table address + off).
// off translates "table GPA" to SPA for nested setups; top = root level; topbits = root index bits.
uint64_t map(uint64_t root, uint64_t va, uint64_t pa, unsigned lvl, uint64_t flags, unsigned topl,
             unsigned topbits = 9, uint64_t off = 0)
{
  uint64_t tbl = root;
  for (int l = topl; l >= 0; l--) {
    unsigned bits = (unsigned)l == topl ? topbits : 9;
    uint64_t idx = (va >> (12 + 9 * l)) & ((1ull << bits) - 1);
    uint64_t a = tbl + idx * 8 + off;
    if ((unsigned)l == lvl) {
      mem[a] = ((pa >> 12) << 10) | flags;
      return a;
    }
    if (!(mem[a] & V)) {
      uint64_t t = alloc();  // a new table starts empty (pages may be reused: test_nested)
      mem.erase(mem.lower_bound(t + off), mem.lower_bound(t + off + 4096));
      mem[a] = ((t >> 12) << 10) | V;
    }
    tbl = (mem[a] >> 10) << 12;
  }
  return 0;
}

void reset()
{
  dma_r.clear();
  dma_b.clear();
  ptw_r.clear();
  ptw_b.clear();
  ptw_aw_got = ptw_w_got = false;
  for (auto &m : ptw_mon)
    m.armed = false;
  for (auto &o : ptw_out)
    o = 0;
  top->rst_i = 1;
  dma_stall = -1;
  ar_pend = aw_pend = false;
  for (int i = 0; i < 3; i++)
    tick();
  top->rst_i = 0;
  tick();
}

const uint64_t FL = V | R | W | A | D | U;

void test_off_bare()
{
  top->ddtp_mode_i = 0;
  Obs o = run({false, 2, 0x1000, 3, 0, 0x12});
  check(!o.dma_seen && o.resp == 2, "off: read SLVERR, no memory access");
  check(o.fault && (o.rec[0] & 0xfff) == 256 && ((o.rec[0] >> 34) & 63) == 2 &&
            (o.rec[0] >> 40) == 0x12 && o.rec[2] == 0x1000,
        "off: record cause 256 TTYP 2 DID iotval");
  o = run({true, 2, 0x2000, 1, 0, 0x12});
  check(!o.dma_seen && o.resp == 2 && o.fault && ((o.rec[0] >> 34) & 63) == 3,
        "off: write SLVERR, TTYP 3");
  o = run({false, 2, 0x2000, 0, 4, 0x12});
  check(o.fault && ((o.rec[0] >> 34) & 63) == 1, "off: exec TTYP 1");
  top->ddtp_mode_i = 1;
  o = run({false, 2, 0xdead000, 3, 0, 0x12});
  check(o.dma_seen && o.dma_addr == 0xdead000 && o.resp == 0 && !o.fault, "bare: read passes");
  check(bp || o.t_dma - o.t_acc == BARE_LATENCY, "bare: BARE_LATENCY added cycle(s)");
  o = run({true, 2, 0xbeef000, 2, 0, 0x12});
  check(o.dma_seen && o.dma_addr == 0xbeef000 && o.resp == 0, "bare: write passes");
}

unsigned cause(const Obs &o) { return o.rec[0] & 0xfff; }

void test_sv39()
{
  top->ddtp_mode_i = 3;
  ctx_inv_all();
  uint64_t root = alloc();
  Ctx c;
  c.s1_mode = 8;
  c.s1_ppn = root >> 12;
  // Context miss then fail.
  Obs o = run({false, 1, 0x4000}, 2);
  check(o.miss && o.resp == 2 && !o.fault, "ctx miss: fail gives SLVERR, no record");
  ctx_load(c);
  // 4K, 2M, 1G, 64K NAPOT
  map(root, 0x40001000, 0x80005000, 0, FL, 2);
  map(root, 0x40200000, 0x80400000, 1, FL, 2);
  map(root, 0x80000000, 0x1c0000000, 2, FL, 2);
  for (int i = 0; i < 16; i++)
    map(root, 0x40410000 + i * 4096, 0x90000000 | 0x8000, 0, FL | NAPOT, 2);
  struct {
    uint64_t va, pa;
    const char *n;
  } t[] = {{0x40001008, 0x80005008, "sv39 4K"},
           {0x40234568, 0x80434568, "sv39 2M"},
           {0x8abcd010, 0x1cabcd010, "sv39 1G"},
           {0x40413020, 0x90003020, "sv39 64K napot"}};
  for (auto &e : t) {
    Obs a = run({false, 1, e.va});
    check(a.dma_seen && a.dma_addr == e.pa && a.resp == 0, e.n);
    unsigned before = ptw_reads;
    Obs b = run({false, 1, e.va + 8});
    check(b.dma_seen && b.dma_addr == e.pa + 8 && ptw_reads == before, "iotlb hit, no walk");
    check(bp || b.t_dma - b.t_acc == HIT_LATENCY, "M1: hit adds HIT_LATENCY cycle(s)");
  }
  // faults
  struct {
    uint64_t va;
    uint64_t flags;
    unsigned lvl;
    bool write;
    unsigned prot;
    unsigned cause;
    const char *n;
  } f[] = {
      {0x41000000, 0, 0, false, 0, 13, "V=0 -> 13"},
      {0x41001000, V | W | A | D | U, 0, false, 0, 13, "W without R -> 13"},
      {0x41002000, FL | (1ull << 55), 0, false, 0, 13, "reserved bit -> 13"},
      {0x41003000, FL | (1ull << 61), 0, false, 0, 13, "PBMT reserved -> 13"},
      {0x41004000, FL & ~A, 0, false, 0, 13, "A=0 -> 13"},
      {0x41005000, FL & ~D, 0, true, 0, 15, "write D=0 -> 15"},
      {0x41006000, V | R | A | D | U, 0, true, 0, 15, "write W=0 -> 15"},
      {0x41007000, FL, 0, false, 4, 12, "exec X=0 -> 12"},
      {0x41008000, FL & ~U, 0, false, 0, 13, "user to U=0 -> 13"},
      {0x41009000, FL | NAPOT, 0, false, 0, 13, "bad NAPOT -> 13"},
  };
  for (auto &e : f) {
    map(root, e.va, 0x70000000, e.lvl, e.flags, 2);
    Obs a = run({e.write, 1, e.va, 0, e.prot});
    char buf[96];
    snprintf(buf, sizeof buf, "%s (got %u, resp %u)", e.n, cause(a), a.resp);
    check(!a.dma_seen && a.resp == 2 && a.fault && cause(a) == e.cause && a.rec[2] == e.va, buf);
  }
  // misaligned 2M superpage
  map(root, 0x41400000, 0x70001000, 1, FL, 2);
  o = run({false, 1, 0x41400000});
  check(o.fault && cause(o) == 13, "misaligned superpage -> 13");
  // non-leaf with A set
  uint64_t pa = map(root, 0x41800000, 0, 1, 0, 2);
  mem[pa] = ((alloc() >> 12) << 10) | V | A;
  o = run({false, 1, 0x41800000});
  check(o.fault && cause(o) == 13, "non-leaf A=1 -> 13");
  // non-canonical
  o = run({true, 1, 0x0000004000000000ull});
  check(o.fault && cause(o) == 15, "non-canonical -> 15");
  // bus error on PTE read
  pa = map(root, 0x41c00000, 0x70000000, 0, FL, 2);
  err_lo = pa & ~7ull;
  err_hi = err_lo + 8;
  o = run({false, 1, 0x41c00000});
  check(o.fault && cause(o) == 5, "PTE bus error read -> 5");
  o = run({true, 1, 0x41c00000});
  check(o.fault && cause(o) == 7, "PTE bus error write -> 7");
  err_lo = ~0ull;
  err_hi = 0;
  // 260 checks
  o = run({false, 1, 0x40001000, 0, 0, 5, 9, true});
  check(o.fault && cause(o) == 260 && ((o.rec[0] >> 32) & 1), "pv with pdtv=0 -> 260");
  o = run({false, 1, 0x40001ff8, 1});
  check(o.fault && cause(o) == 260 && !o.dma_seen, "burst crossing 4K -> 260");
  // DTF
  c.dtf = true;
  ctx_load(c);
  o = run({false, 1, 0x41000000});
  check(!o.fault && o.resp == 2, "DTF suppresses page-fault record, SLVERR stays");
  c.dtf = false;
  ctx_load(c);
  // priv/SUM with pdtv=1 context
  Ctx p = c;
  p.pdtv = true;
  p.pv = true;
  p.pid = 9;
  p.ens = true;
  p.sum = false;
  p.pscid = 8;
  ctx_load(p);
  o = run({false, 1, 0x40001000, 0, 1, 5, 9, true});
  check(o.fault && cause(o) == 13, "priv without SUM to U page -> 13");
  p.sum = true;
  ctx_load(p);
  o = run({false, 1, 0x40001000, 0, 1, 5, 9, true});
  check(!o.fault && o.dma_addr == 0x80005000, "priv with SUM to U page ok");
  o = run({false, 1, 0x40001000, 0, 5, 5, 9, true});
  check(o.fault && cause(o) == 12, "priv exec of U page -> 12");
  p.ens = false;
  ctx_load(p);
  o = run({false, 1, 0x40001000, 0, 1, 5, 9, true});
  check(o.fault && cause(o) == 260, "priv with ENS=0 -> 260");
}

void test_sv48()
{
  ctx_inv_all();
  uint64_t root = alloc();
  Ctx c;
  c.s1_mode = 9;
  c.s1_ppn = root >> 12;
  c.pscid = 20;
  ctx_load(c);
  map(root, 0x0000008000000000ull, 0x0000010000000000ull, 3, FL, 3);
  map(root, 0x0000100000003000ull, 0x12345000, 0, FL, 3);
  Obs o = run({false, 1, 0x0000008012345678ull});
  check(o.dma_addr == 0x0000010012345678ull, "sv48 512G");
  o = run({false, 1, 0x0000100000003010ull});
  check(o.dma_addr == 0x12345010, "sv48 4K");
  o = run({false, 1, 0xffff000000000000ull});
  check(o.fault && cause(o) == 13, "sv48 non-canonical -> 13");
  // The IOTLB keeps page bits [49:12]: a cached page must not answer for an IOVA that equals it
  // below bit 50 but is not its sign extension above.
  unsigned reads0 = ptw_reads;
  o = run({false, 1, 0x0000100000003010ull});
  check(!o.fault && ptw_reads == reads0, "sv48 4K cached");
  o = run({false, 1, 0x0004100000003010ull});
  check(o.fault && cause(o) == 13, "sv48 cached page, IOVA bit 50 set -> 13 (no alias hit)");
  o = run({false, 1, 0xfffc100000003010ull});
  check(o.fault && cause(o) == 13, "sv48 cached page, IOVA[63:50] ones -> 13 (no alias hit)");
}

void test_nested()
{
  ctx_inv_all();
  const uint64_t OFF = 0x40000000;  // GPA g lives at SPA g + OFF
  uint64_t groot = alloc(4, 4);
  // G-stage: GPA [0, 1G) -> SPA [1G, 2G) via one 1G leaf; GPA 1G.. unmapped
  map(groot, 0, OFF, 2, V | R | W | X | U | A | D, 2, 11);
  Ctx c;
  c.s2_mode = 8;
  c.s2_ppn = groot >> 12;
  c.gscid = 4;
  ctx_load(c);
  Obs o = run({false, 1, 0x123458});
  check(o.dma_addr == OFF + 0x123458, "G-only Sv39x4 1G");
  o = run({false, 1, 0x0000020000000000ull});
  check(o.fault && cause(o) == 21 && o.rec[3] == 0x0000020000000000ull, "G-only GPA too wide -> 21");
  o = run({true, 1, 0x50000000});
  check(o.fault && cause(o) == 23 && o.rec[3] == 0x50000000, "G-only unmapped -> 23, iotval2");
  // nested: first-stage tables at GPAs (bytes at GPA+OFF)
  uint64_t s1root_gpa = 0x200000;  // GPA
  next_page = 0x300000;           // allocs for s1 tables are GPAs too
  uint64_t save = next_page;
  (void)save;
  map(s1root_gpa, 0x7000, 0x5000, 0, FL, 2, 9, OFF);
  map(s1root_gpa, 0x9000, 0x60000000, 0, FL, 2, 9, OFF);  // final GPA unmapped in G
  c.s1_mode = 8;
  c.s1_ppn = s1root_gpa >> 12;
  ctx_load(c);
  o = run({false, 1, 0x7010});
  check(o.dma_addr == OFF + 0x5010, "nested Sv39 over Sv39x4");
  o = run({false, 1, 0x9010});
  check(o.fault && cause(o) == 21 && o.rec[3] == 0x60000010 && o.rec[2] == 0x9010,
        "nested final GPA guest fault 21, iotval2=GPA");
  c.s1_ppn = 0x50000000 >> 12;  // first-stage root GPA not mapped in G
  ctx_load(c);
  inv(true, false, false, false, 0, 0, 0);  // the context changed: software flushes the GSCID
  o = run({false, 1, 0x7010});
  check(o.fault && cause(o) == 21 && (o.rec[3] & 1) && (o.rec[3] & ~3ull) == 0x50000000,
        "implicit guest fault sets iotval2 bit 0");
  next_page = 0x2000000;
}

void test_inval()
{
  ctx_inv_all();
  uint64_t root = alloc();
  Ctx c;
  c.s1_mode = 8;
  c.s1_ppn = root >> 12;
  c.pscid = 30;
  ctx_load(c);
  map(root, 0x10000, 0x20000, 0, FL, 2);
  map(root, 0x11000, 0x21000, 0, FL | G, 2);
  auto walks = [&](uint64_t va) {
    unsigned b = ptw_reads;
    run({false, 1, va});
    return ptw_reads - b;
  };
  walks(0x10000);
  walks(0x11000);
  check(walks(0x10000) == 0 && walks(0x11000) == 0, "warm");
  inv(false, false, false, true, 30, 0, 0);
  check(walks(0x10000) > 0 && walks(0x11000) == 0, "VMA PSCV: non-global flushed, G kept");
  inv(false, false, true, false, 0, 0, 0x11);
  check(walks(0x10000) == 0 && walks(0x11000) > 0, "VMA AV: only that page (incl G)");
  inv(false, false, true, true, 30, 0, 0x11);
  check(walks(0x11000) == 0, "VMA AV+PSCV keeps G page");
  inv(false, false, true, true, 30, 0, 0x10);
  check(walks(0x10000) > 0, "VMA AV+PSCV flushes page");
  inv(false, false, false, false, 0, 0, 0);
  check(walks(0x10000) > 0 && walks(0x11000) > 0, "VMA all");
  inv(false, true, false, false, 0, 0, 0);
  check(walks(0x10000) == 0, "VMA GV=1 does not touch host entries");
  inv(true, false, false, false, 0, 0, 0);
  check(walks(0x10000) == 0, "GVMA does not touch host entries");
  // guest entries
  uint64_t groot = alloc(4, 4);
  map(groot, 0x3000, 0x43000, 0, V | R | W | X | U | A | D, 2, 11);
  map(groot, 0x4000, 0x44000, 0, V | R | W | X | U | A | D, 2, 11);
  Ctx g;
  g.did = 6;
  g.s2_mode = 8;
  g.s2_ppn = groot >> 12;
  g.gscid = 9;
  ctx_load(g);
  auto gw = [&](uint64_t va) {
    unsigned b = ptw_reads;
    run({false, 1, va, 0, 0, 6});
    return ptw_reads - b;
  };
  gw(0x3000);
  gw(0x4000);
  check(gw(0x3000) == 0, "guest warm");
  inv(true, true, true, false, 0, 9, 0x3);
  check(gw(0x3000) > 0 && gw(0x4000) == 0, "GVMA GV AV: that GPA only");
  inv(true, true, false, false, 0, 8, 0);
  check(gw(0x3000) == 0, "GVMA other GSCID keeps");
  inv(true, true, false, false, 0, 9, 0);
  check(gw(0x3000) > 0 && gw(0x4000) > 0, "GVMA GSCID flush");
  inv(false, true, false, false, 0, 9, 0);
  check(gw(0x3000) == 0, "VMA GV=1 leaves G-stage-only entries");

  // IOTLB entries are tagged with the context-cache entry they were made for: when that entry is
  // dropped and reused for another device's context, the old entries never answer for it.
  ctx_inv_all();
  uint64_t ra = alloc(), rb = alloc();
  map(ra, 0x50000, 0x60000, 0, FL, 2);
  map(rb, 0x50000, 0x61000, 0, FL, 2);
  Ctx ca, cb;
  ca.did = 5;
  ca.s1_mode = 8;
  ca.s1_ppn = ra >> 12;
  ca.pscid = 40;
  cb = ca;
  cb.did = 6;
  cb.s1_ppn = rb >> 12;
  cb.pscid = 40;   // same PSCID: only the context-cache tag tells the two apart
  ctx_load(ca);
  Obs oa = run({false, 1, 0x50008, 0, 0, 5});
  unsigned before = ptw_reads;
  oa = run({false, 1, 0x50008, 0, 0, 5});
  check(oa.dma_addr == 0x60008 && ptw_reads == before, "ctx slot tag: device 5 warm");
  ctx_inv_all();
  ctx_load(cb);    // lands in the entry device 5 had
  Obs ob = run({false, 1, 0x50008, 0, 0, 6});
  check(!ob.fault && ob.dma_addr == 0x61008, "ctx slot tag: reused entry, device 6 walks its own table");
}

void test_perf()
{
  // M2: back-to-back reads to a warm page, different IDs, count m_dma AR per cycle
  ctx_inv_all();
  uint64_t root = alloc();
  Ctx c;
  c.s1_mode = 8;
  c.s1_ppn = root >> 12;
  c.pscid = 40;
  ctx_load(c);
  map(root, 0x30000, 0x50000, 0, FL, 2);
  run({false, 1, 0x30000});
  const int N = 200;
  int issued = 0, dma = 0;
  uint64_t t0 = cyc, t_first = 0, t_last = 0;
  Obs dummy;
  drv.o = &dummy;
  top->s_axi_arvalid_i = 0;
  while (dma < N && cyc - t0 < 10000) {
    if (!top->s_axi_arvalid_i && issued < N) {
      top->s_axi_arid_i = issued & 15;
      top->s_axi_araddr_i = 0x30000 + (issued & 511) * 8;
      top->s_axi_arlen_i = 0;
      top->s_axi_ar_did_i = 5;
      top->s_axi_ar_pv_i = 0;
      top->s_axi_arprot_i = 0;
      top->s_axi_arvalid_i = 1;
      issued++;
    }
    bool hs = top->m_dma_arvalid_o && top->m_dma_arready_i;
    uint64_t before = dummy.t_dma;
    dummy.dma_seen = false;
    tick();
    (void)before;
    (void)hs;
    if (dummy.dma_seen) {
      if (dma == 0)
        t_first = cyc;
      t_last = cyc;
      dma++;
    }
  }
  for (int i = 0; i < 200; i++)
    tick();
  drv.o = nullptr;
  double tput = (double)(dma - 1) / (double)(t_last - t_first);
  printf("M2: %d translations in %llu cycles = %.3f /cycle (hits, 16-entry IOTLB)\n", dma,
         (unsigned long long)(t_last - t_first), tput);
  check(tput >= 0.9, "M2 >= 0.9 translations/cycle");
}

void test_miss_latency()
{
  for (unsigned L : {1u, 10u, 30u, 100u}) {
    lat = L;
    ctx_inv_all();
    uint64_t root = alloc();
    Ctx c;
    c.s1_mode = 8;
    c.s1_ppn = root >> 12;
    c.pscid = 50 + L;
    ctx_load(c);
    map(root, 0x60000, 0x70000, 0, FL, 2);
    map(root, 0x61000, 0x71000, 0, FL, 2);
    Obs m = run({false, 1, 0x60000});
    Obs h = run({false, 1, 0x60008});
    Obs n = run({false, 1, 0x61000});  // neighbouring page: same non-leaf PTEs
    unsigned miss = (unsigned)(m.t_dma - m.t_acc), hit = (unsigned)(h.t_dma - h.t_acc);
    unsigned nb = (unsigned)(n.t_dma - n.t_acc);
    printf("M4: L=%u Sv39 miss %u cycles (hit %u), penalty %u = 3L%+d\n", L, miss, hit,
           miss - hit, (int)(miss - hit) - 3 * (int)L);
    printf("M4w: L=%u neighbouring page penalty %u = L%+d (walk cache)\n", L, nb - hit,
           (int)(nb - hit) - (int)L);
    if (L == 1)
      printf("M1: IOTLB hit adds %u cycle(s)\n", hit);
    check(miss - hit <= 3 * L + MISS_EXTRA, "M4 Sv39 miss penalty <= 3L+MISS_EXTRA");
    check(nb - hit <= L + WC_MISS_EXTRA, "M4w neighbouring page (walk cache warm) <= L+WC_MISS_EXTRA");
  }
  lat = 10;
}


// ---- Concurrent traffic engine: many transactions in flight, every response checked ----
struct Txn {
  bool write = false;
  unsigned id = 0, len = 0, tag = 0;
  uint64_t iova = 0;
  bool fault = false;   // expected SLVERR
  uint64_t pa = 0;      // expected memory address when it passes
  unsigned did = 5;     // device_id sideband
  bool race = false;    // inval_race: pa (old) or pa_new, only pa_new if accepted after the inval
  uint64_t pa_new = 0;
  uint64_t pa_got = 0;  // address it was issued to m_dma with
  uint64_t t_acc = 0, t_dma = 0, t_done = 0;
  bool done = false;
};
uint64_t race_inv_cyc = ~0ull;  // edge of the inval_race invalidation (~0: not yet done)
std::deque<Txn> txns;                      // stable storage (deque never moves elements)
std::deque<Txn *> ar_q, aw_q, w_q;         // to send on AR, AW; W beats in AW order
std::deque<Txn *> rexp[16], wexp[16];      // device responses expected, per ID
std::deque<Txn *> rdma[16], wdma[16];      // memory requests expected, per ID
std::deque<Txn *> mw_q;                    // W beats expected on m_dma in m_dma AW order
unsigned w_beat, mw_beat, eng_errs, eng_done;
bool w_took;  // the s_axi W beat offered at the last edge was accepted

void eng_fail(const char *what, const Txn *t)
{
  if (eng_errs++ < 8)
    printf("  engine: %s (id %u iova %llx tag %u)\n", what, t ? t->id : 0,
           t ? (unsigned long long)t->iova : 0ull, t ? t->tag : 0);
}

// m_dma address check: the expected one; for an inval_race request the old or the new
// translation, and only the new one when the device port accepted it after the invalidation.
bool eng_addr_ok(Txn *t, uint64_t a, const char *ch)
{
  if (!t->race)
    return a == t->pa;
  bool after = t->t_acc > race_inv_cyc;
  bool ok = after ? a == t->pa_new : (a == t->pa || a == t->pa_new);
  if (!ok && eng_errs < 8)
    printf("  engine: m_dma %s addr 0x%llx, expected %s0x%llx (new) [old 0x%llx], request "
           "accepted at cycle %llu, invalidation at %llu\n", ch, (unsigned long long)a,
           after ? "" : "old or ", (unsigned long long)t->pa_new, (unsigned long long)t->pa,
           (unsigned long long)t->t_acc,
           (unsigned long long)(race_inv_cyc == ~0ull ? 0 : race_inv_cyc));
  return ok;
}

void eng_drive()
{
  if (!ar_q.empty()) {
    Txn *t = ar_q.front();
    top->s_axi_arid_i = t->id;
    top->s_axi_araddr_i = t->iova;
    top->s_axi_arlen_i = t->len;
    top->s_axi_arsize_i = 3;
    top->s_axi_arburst_i = 1;
    top->s_axi_arprot_i = 0;
    top->s_axi_ar_did_i = t->did;
    top->s_axi_ar_pid_i = 0;
    top->s_axi_ar_pv_i = 0;
  }
  top->s_axi_arvalid_i = !ar_q.empty();
  if (!aw_q.empty()) {
    Txn *t = aw_q.front();
    top->s_axi_awid_i = t->id;
    top->s_axi_awaddr_i = t->iova;
    top->s_axi_awlen_i = t->len;
    top->s_axi_awsize_i = 3;
    top->s_axi_awburst_i = 1;
    top->s_axi_awprot_i = 0;
    top->s_axi_aw_did_i = t->did;
    top->s_axi_aw_pid_i = 0;
    top->s_axi_aw_pv_i = 0;
  }
  top->s_axi_awvalid_i = !aw_q.empty();
  // Random W gaps, but a beat once offered stays until accepted (AXI: VALID held until READY).
  bool w_held = top->s_axi_wvalid_i && !w_took;
  top->s_axi_wvalid_i = !w_q.empty() && (w_held || bp == 0 || rnd(100) >= bp);
  if (!w_q.empty()) {
    top->s_axi_wdata_i = (uint64_t)w_q.front()->tag << 8 | w_beat;
    top->s_axi_wstrb_i = 0xff;
    top->s_axi_wlast_i = w_beat == w_q.front()->len;
  }
  top->s_axi_rready_i = bp == 0 || rnd(100) >= bp;
  top->s_axi_bready_i = bp == 0 || rnd(100) >= bp;
}

void eng_sample()
{
  if (top->s_axi_arvalid_i && top->s_axi_arready_o) {
    Txn *t = ar_q.front();
    ar_q.pop_front();
    t->t_acc = cyc;
    rexp[t->id].push_back(t);
    if (!t->fault)
      rdma[t->id].push_back(t);
  }
  if (top->s_axi_awvalid_i && top->s_axi_awready_o) {
    Txn *t = aw_q.front();
    aw_q.pop_front();
    t->t_acc = cyc;
    wexp[t->id].push_back(t);
    w_q.push_back(t);
    if (!t->fault)
      wdma[t->id].push_back(t);
  }
  w_took = top->s_axi_wvalid_i && top->s_axi_wready_o;
  if (w_took) {
    if (w_beat++ == w_q.front()->len) {
      w_q.pop_front();
      w_beat = 0;
    }
  }
  if (top->m_dma_arvalid_o && top->m_dma_arready_i) {
    unsigned id = top->m_dma_arid_o;
    Txn *t = rdma[id].empty() ? nullptr : rdma[id].front();
    if (!t || !eng_addr_ok(t, top->m_dma_araddr_o, "AR"))
      eng_fail("unexpected m_dma AR (order or address)", t);
    if (t) {
      t->pa_got = top->m_dma_araddr_o;
      t->t_dma = cyc;
      rdma[id].pop_front();
    }
  }
  if (top->m_dma_awvalid_o && top->m_dma_awready_i) {
    unsigned id = top->m_dma_awid_o;
    Txn *t = wdma[id].empty() ? nullptr : wdma[id].front();
    if (!t || !eng_addr_ok(t, top->m_dma_awaddr_o, "AW"))
      eng_fail("unexpected m_dma AW (order or address)", t);
    if (t) {
      t->pa_got = top->m_dma_awaddr_o;
      t->t_dma = cyc;
      wdma[id].pop_front();
      mw_q.push_back(t);
    }
  }
  if (top->m_dma_wvalid_o && top->m_dma_wready_i) {
    Txn *t = mw_q.empty() ? nullptr : mw_q.front();
    if (!t || top->m_dma_wdata_o != ((uint64_t)t->tag << 8 | mw_beat) ||
        top->m_dma_wlast_o != (mw_beat == t->len))
      eng_fail("W beat routed to the wrong write", t);
    if (t && mw_beat++ == t->len) {
      mw_q.pop_front();
      mw_beat = 0;
    }
  }
  if (top->s_axi_rvalid_o && top->s_axi_rready_i) {
    unsigned id = top->s_axi_rid_o;
    Txn *t = rexp[id].empty() ? nullptr : rexp[id].front();
    static unsigned beat[16];
    if (!t) {
      eng_fail("R beat for no read", t);
    } else {
      bool ok = t->fault ? top->s_axi_rresp_o == 2
                         : (top->s_axi_rresp_o == 0 && top->s_axi_rdata_o == t->pa_got + 8 * beat[id]);
      if (!ok || top->s_axi_rlast_o != (beat[id] == t->len))
        eng_fail("R beat wrong (resp, data or per-ID order)", t);
      if (top->s_axi_rlast_o) {
        t->t_done = cyc;
        t->done = true;
        eng_done++;
        rexp[id].pop_front();
        beat[id] = 0;
      } else {
        beat[id]++;
      }
    }
  }
  if (top->s_axi_bvalid_o && top->s_axi_bready_i) {
    unsigned id = top->s_axi_bid_o;
    Txn *t = wexp[id].empty() ? nullptr : wexp[id].front();
    if (!t || top->s_axi_bresp_o != (t->fault ? 2u : 0u))
      eng_fail("B wrong (resp or per-ID order)", t);
    if (t) {
      t->t_done = cyc;
      t->done = true;
      eng_done++;
      wexp[id].pop_front();
    }
  }
}

void eng_start()
{
  txns.clear();
  ar_q.clear();
  aw_q.clear();
  w_q.clear();
  mw_q.clear();
  for (auto &q : rexp)
    q.clear();
  for (auto &q : wexp)
    q.clear();
  for (auto &q : rdma)
    q.clear();
  for (auto &q : wdma)
    q.clear();
  w_beat = mw_beat = eng_errs = eng_done = 0;
  w_took = false;
  race_inv_cyc = ~0ull;
  eng_pre = eng_sample;
  eng_post = eng_drive;
  eng_drive();
}

Txn *eng_add(bool write, unsigned id, uint64_t iova, unsigned len, bool fault, uint64_t pa)
{
  Txn t;
  t.write = write;
  t.id = id;
  t.iova = iova;
  t.len = len;
  t.fault = fault;
  t.pa = pa;
  t.tag = (unsigned)txns.size() + 1;
  txns.push_back(t);
  Txn *p = &txns.back();
  (write ? aw_q : ar_q).push_back(p);
  return p;
}

// Runs until every transaction answered (or a timeout), then detaches the engine.
bool eng_finish(unsigned max_cycles = 200000)
{
  for (unsigned i = 0; i < max_cycles && eng_done < txns.size(); i++)
    tick();
  for (int i = 0; i < 20; i++)
    tick();
  eng_pre = nullptr;
  eng_post = nullptr;
  top->s_axi_arvalid_i = top->s_axi_awvalid_i = top->s_axi_wvalid_i = 0;
  top->s_axi_rready_i = top->s_axi_bready_i = 1;
  if (eng_done != txns.size())
    printf("  engine: %u of %zu answered\n", eng_done, txns.size());
  return eng_done == txns.size() && eng_errs == 0;
}

Ctx sv39_ctx(uint64_t root, unsigned pscid)
{
  Ctx c;
  c.s1_mode = 8;
  c.s1_ppn = root >> 12;
  c.pscid = pscid;
  return c;
}

// M6: IOTLB hits of other IDs keep flowing while a walk is pending.
void test_hit_under_miss()
{
  lat = 30;
  ctx_inv_all();
  uint64_t root = alloc();
  ctx_load(sv39_ctx(root, 60));
  map(root, 0x200000, 0x300000, 0, FL, 2);  // warm page
  map(root, 0x400000, 0x500000, 0, FL, 2);  // miss page
  run({false, 2, 0x200000});
  eng_start();
  eng_add(false, 1, 0x400000, 0, false, 0x500000);  // miss, ID 1
  Txn *same = eng_add(false, 1, 0x200010, 0, false, 0x300010);  // same ID: stays behind
  std::vector<Txn *> hits;
  for (int i = 0; i < 40; i++)
    hits.push_back(eng_add(false, 2 + i % 14, 0x200000 + 8 * i, 0, false, 0x300000 + 8 * i));
  bool ok = eng_finish();
  check(ok, "hit under miss: every response right, per-ID order");
  Txn &m = txns[0];
  unsigned during = 0, lat_max = 0;
  uint64_t first = ~0ull, last = 0;
  for (Txn *h : hits) {
    if (h->t_dma < m.t_dma) {
      during++;
      lat_max = std::max(lat_max, (unsigned)(h->t_dma - h->t_acc));
      first = std::min(first, h->t_dma);
      last = std::max(last, h->t_dma);
    }
  }
  double rate = during > 1 ? (double)(during - 1) / (double)(last - first) : 0.0;
  printf("M6: L=30, %u hits (IDs 2-15) done while the ID-1 walk was pending; hit latency %u "
         "cycle(s), %.2f hits/cycle\n", during, lat_max, rate);
  check(during == hits.size() && lat_max == HIT_LATENCY && rate >= 0.99,
        "M6 hit under miss at 1/cycle, HIT_LATENCY each");
  check(same->t_dma > m.t_dma, "same-ID hit stays behind the pending miss");
  lat = 10;
}

// Fence drain hold (dev_hold_i): no AR/AW handshake while it is up, whatever is offered (hits,
// misses, both channels); everything offered is then served in order once it drops.
void test_hold()
{
  ctx_inv_all();
  uint64_t root = alloc();
  ctx_load(sv39_ctx(root, 62));
  map(root, 0x600000, 0x700000, 0, FL, 2);
  map(root, 0x601000, 0x701000, 0, FL, 2);
  run({false, 2, 0x600000});  // warm page
  top->dev_hold_i = 1;
  eng_start();
  for (int i = 0; i < 6; i++) {
    eng_add(false, 1 + i % 3, 0x600000 + 8 * i, 0, false, 0x700000 + 8 * i);
    eng_add(true, 4 + i % 2, 0x601000 + 8 * i, 0, false, 0x701000 + 8 * i);
  }
  unsigned shakes = 0;
  for (int i = 0; i < 200; i++) {
    if ((top->s_axi_arvalid_i && top->s_axi_arready_o) ||
        (top->s_axi_awvalid_i && top->s_axi_awready_o))
      shakes++;
    tick();
  }
  check(shakes == 0 && eng_done == 0, "hold: no AR/AW accepted, nothing answered");
  top->dev_hold_i = 0;
  check(eng_finish(), "hold released: every request served, per-ID order");
}

// M7: misses of different pages from different IDs walk in parallel.
void test_walks_in_flight()
{
  lat = 30;
  ctx_inv_all();
  uint64_t root = alloc();
  ctx_load(sv39_ctx(root, 61));
  eng_start();
  for (int i = 0; i < 8; i++) {
    uint64_t va = 0x800000 + (uint64_t)i * 0x200000;  // distinct L1 tables
    map(root, va, 0x900000 + i * 0x1000, 0, FL, 2);
    eng_add(false, 1 + i, va, 0, false, 0x900000 + i * 0x1000);
  }
  ptw_out_max = 0;
  uint64_t t0 = cyc;
  bool ok = eng_finish();
  uint64_t t_end = 0;
  for (auto &t : txns)
    t_end = std::max(t_end, t.t_dma);
  printf("M7: L=30, %u walks in flight at peak (distinct PTW IDs outstanding); 8 misses of "
         "8 IDs issued in %llu cycles (one walk: %u)\n", ptw_out_max,
         (unsigned long long)(t_end - t0), 3 * 30 + MISS_EXTRA + HIT_LATENCY);
  check(ok && ptw_out_max >= 4, "M7 >= 4 walks in flight");
  lat = 10;
}

// A walk in flight across an invalidation must not fill: the PTE is changed while it walks.
void test_inval_in_flight()
{
  lat = 30;
  ctx_inv_all();
  uint64_t root = alloc();
  ctx_load(sv39_ctx(root, 62));
  uint64_t leaf = map(root, 0xc00000, 0xd00000, 0, FL, 2);
  eng_start();
  eng_add(false, 3, 0xc00000, 0, false, 0xd00000);
  // After the leaf was read (its AR accepted), before its R beat fills the IOTLB.
  check(tick_until_ptw_read(leaf, 1000), "inval in flight: the walk reads the leaf PTE");
  for (unsigned i = 0; i + 2 < lat; i++)
    tick();
  mem[leaf] = ((0xe00000ull >> 12) << 10) | FL;
  inv(false, false, true, false, 0, 0, 0xc00);
  bool ok = eng_finish();
  check(ok, "walk across invalidation answers with the translation it read");
  Obs o = run({false, 3, 0xc00000});
  check(o.dma_addr == 0xe00000, "walk across invalidation did not fill a stale entry");
  lat = 10;
}

// Address of the level-'lvl' PTE of va (tables already built by map()).
uint64_t pte_at(uint64_t root, uint64_t va, unsigned lvl, unsigned topl)
{
  uint64_t tbl = root;
  for (int l = topl; l >= 0; l--) {
    uint64_t a = tbl + ((va >> (12 + 9 * l)) & 511) * 8;
    if ((unsigned)l == lvl)
      return a;
    tbl = (mem[a] >> 10) << 12;
  }
  return 0;
}

// Walk cache (level-0 table bases): invalidation, context reload, in-flight walks, faults.
void test_walk_cache()
{
  lat = 30;
  ctx_inv_all();
  uint64_t root = alloc();
  ctx_load(sv39_ctx(root, 63));
  // Region 0x40000000..+2M: old level-0 table maps pages 0..3 to 0x800000+; a second table
  // (built in a scratch root) maps them to 0x900000+.
  for (unsigned i = 0; i < 4; i++)
    map(root, 0x40000000 + i * 0x1000ull, 0x800000 + i * 0x1000ull, 0, FL, 2);
  uint64_t scratch = alloc();
  for (unsigned i = 0; i < 4; i++)
    map(scratch, 0x40000000 + i * 0x1000ull, 0x900000 + i * 0x1000ull, 0, FL, 2);
  uint64_t l1 = pte_at(root, 0x40000000, 1, 2), l1_new = mem[pte_at(scratch, 0x40000000, 1, 2)];
  uint64_t l1_old = mem[l1];
  Obs o = run({false, 1, 0x40000000});  // fills the walk cache
  check(o.dma_addr == 0x800000, "walk cache: first walk");
  o = run({false, 1, 0x40001000});
  check(o.dma_addr == 0x801000 && (jit || o.t_dma - o.t_acc <= 30 + HIT_LATENCY + WC_MISS_EXTRA),
        "walk cache: neighbour hits it");
  // The non-leaf PTE changes, IOTINVAL.VMA (any) flushes the walk cache.
  mem[l1] = l1_new;
  inv(false, false, true, false, 0, 0, 0x40001);
  o = run({false, 1, 0x40002000});
  check(o.dma_addr == 0x902000, "walk cache: flushed by IOTINVAL.VMA");
  // Context reload with another iosatp (same PSCID): the new root is walked.
  mem[l1] = l1_old;
  uint64_t root2 = alloc();
  map(root2, 0x40003000, 0xa03000, 0, FL, 2);
  ctx_inv_all();
  ctx_load(sv39_ctx(root2, 63));
  o = run({false, 1, 0x40003000});
  check(o.dma_addr == 0xa03000, "walk cache: context reload does not hit stale entries");
  // A walk in flight across an invalidation must not fill: the level-1 PTE is changed and
  // invalidated after the walk read it, before its R beat (timing: no jitter, no back-pressure).
  ctx_inv_all();
  ctx_load(sv39_ctx(root, 63));
  mem[l1] = l1_old;
  inv(false, false, false, false, 0, 0, 0);  // empty IOTLB: the next request walks
  if (!jit && !bp) {
    eng_start();
    eng_add(false, 3, 0x40000000, 0, false, 0x800000);
    check(tick_until_ptw_read(l1, 1000), "walk cache: the walk reads the level-1 PTE");
    for (int i = 0; i < 5; i++)
      tick();
    mem[l1] = l1_new;
    inv(false, false, true, false, 0, 0, 0x40000);
    bool ok = eng_finish();
    check(ok, "walk cache: walk across invalidation answers with what it read");
    o = run({false, 1, 0x40001000});
    check(o.dma_addr == 0x901000, "walk cache: walk across invalidation did not fill");
  }
  // An invalid level-1 PTE (fault) is never cached: once made valid it is used without an
  // invalidation.
  uint64_t l1b = pte_at(root, 0x40200000, 1, 2);
  mem[l1b] = 0;
  o = run({false, 1, 0x40200000});
  check(o.fault && cause(o) == 13, "walk cache: invalid level-1 PTE faults");
  map(root, 0x40201000, 0xb01000, 0, FL, 2);
  o = run({false, 1, 0x40201000});
  check(!o.fault && o.dma_addr == 0xb01000, "walk cache: faulting level not cached");
  lat = 10;
}

// Sv48x4 G-stage only, and nested Sv48 over Sv48x4.
void test_sv48x4()
{
  ctx_inv_all();
  const uint64_t OFF = 0x80000000;
  uint64_t groot = alloc(4, 4);
  uint64_t gpa = 0x0000010000000000ull;  // needs the 4th level
  for (uint64_t a = 0; a < 0x40; a += 1)
    map(groot, gpa + 0x100000 + a * 4096, OFF + 0x100000 + a * 4096, 0, V | R | W | X | U | A | D,
        3, 11);
  Ctx c;
  c.s2_mode = 9;
  c.s2_ppn = groot >> 12;
  c.gscid = 11;
  ctx_load(c);
  Obs o = run({false, 1, gpa + 0x100010});
  check(o.dma_addr == OFF + 0x100010 && !o.fault, "G-only Sv48x4 4K");
  o = run({false, 1, 0x0004000000000000ull});
  check(o.fault && cause(o) == 21, "Sv48x4 GPA too wide -> 21");
  unsigned reads0 = ptw_reads;
  o = run({false, 1, gpa + 0x100010});
  check(!o.fault && ptw_reads == reads0, "G-only Sv48x4 4K cached");
  o = run({false, 1, 0x0004000000000000ull | (gpa + 0x100010)});
  check(o.fault && cause(o) == 21, "Sv48x4 cached GPA page, bit 50 set -> 21 (no alias hit)");
  o = run({true, 1, gpa + 0x200000});
  check(o.fault && cause(o) == 23 && o.rec[3] == gpa + 0x200000, "Sv48x4 unmapped -> 23");
  // nested: Sv48 tables at GPAs gpa+0x100000.. (SPA + OFF)
  uint64_t s1root = gpa + 0x100000;
  uint64_t save = next_page;
  next_page = gpa + 0x101000;
  map(s1root, 0x0000700000005000ull, gpa + 0x130000, 0, FL, 3, 9, OFF - gpa);
  next_page = save;
  c.s1_mode = 9;
  c.s1_ppn = s1root >> 12;
  ctx_load(c);
  inv(true, false, false, false, 0, 0, 0);
  o = run({false, 1, 0x0000700000005018ull});
  check(o.dma_addr == OFF + 0x130018 && !o.fault, "nested Sv48 over Sv48x4");
}

// ---- Directed tests for single faults that the tests above let pass (doc/verification.md,
// "Mutation testing"). Each sets up everything it uses (DDTP mode, contexts, tables) and flushes
// the IOTLB first, so it runs alone with +test=<name>. ----

// A fresh table page: test_nested resets next_page, so in the back-pressure rerun alloc() hands
// out pages that earlier tests filled; these tests clear what they take.
uint64_t zalloc(unsigned pages = 1, unsigned align_pages = 1)
{
  uint64_t p = alloc(pages, align_pages);
  mem.erase(mem.lower_bound(p), mem.lower_bound(p + pages * 4096ull));
  return p;
}

const uint64_t GFL = V | R | W | X | U | A | D;  // G-stage leaf: every permission

void flush_all()
{
  top->ddtp_mode_i = 3;
  ctx_inv_all();
  inv(false, false, false, false, 0, 0, 0);  // IOTINVAL.VMA, all host entries
  inv(true, false, false, false, 0, 0, 0);   // IOTINVAL.GVMA, all guest entries
}

// Two walks under one level-0 table, both missing the walk cache, both fill it: the fill does
// not search for its tag. Here the level-1 PTE changes (without an invalidation) between the two
// walks' reads of it, so the two entries point to different tables. A later lookup matching both
// must be a miss that walks from the root (never the OR of the two table addresses), and drop
// both entries, so that the walk after it fills one entry that the next neighbour hits.
void test_walk_cache_dup()
{
  lat = 30;
  flush_all();
  uint64_t root = alloc();
  for (unsigned i = 0; i < 4; i++)
    map(root, 0x40000000 + i * 0x1000ull, 0x800000 + i * 0x1000ull, 0, FL, 2);
  uint64_t l1 = pte_at(root, 0x40000000, 1, 2), l1_new = 0;
  // The two level-0 tables are chosen so that the OR of their PPNs is neither of them.
  for (;;) {
    uint64_t scratch = alloc();
    for (unsigned i = 0; i < 4; i++)
      map(scratch, 0x40000000 + i * 0x1000ull, 0x900000 + i * 0x1000ull, 0, FL, 2);
    l1_new = mem[pte_at(scratch, 0x40000000, 1, 2)];
    uint64_t t1 = mem[l1] >> 10, t2 = l1_new >> 10;
    if ((t1 | t2) != t1 && (t1 | t2) != t2)
      break;
  }
  map(root, 0x40200000, 0xa00000, 0, FL, 2);
  ctx_load(sv39_ctx(root, 63));
  check(run({false, 5, 0x40200000}).dma_addr == 0xa00000, "walk cache dup: other region warm");
  // A hit in another region follows the two misses, so the stage holds that key while the two
  // fills land: the first lookup that matches both entries is the next miss's own.
  eng_start();
  eng_add(false, 1, 0x40000000, 0, false, 0x800000);
  eng_add(false, 2, 0x40001000, 0, false, 0x901000);
  eng_add(false, 5, 0x40200000, 0, false, 0xa00000);
  check(tick_until_ptw_read(l1, 1000), "walk cache dup: the first walk reads the level-1 PTE");
  mem[l1] = l1_new;  // the second walk, one read behind, sees the other table
  check(eng_finish(), "walk cache dup: two walks, one level-1 PTE read each, two fills");
  unsigned before = ptw_reads;
  Obs o = run({false, 3, 0x40002000});

  check(!o.fault && o.dma_addr == 0x902000 && ptw_reads - before == 3,
        "walk cache dup: a double match is a miss, walked from the root");
  before = ptw_reads;
  o = run({false, 4, 0x40003000});
  check(!o.fault && o.dma_addr == 0x903000 && ptw_reads - before == 1,
        "walk cache dup: both dropped, the walk refilled one entry");
  lat = 10;
}

// A burst of misses to one page of one context costs one walk: the later requests wait for the
// walk's fill and then hit. Misses to the same page from two contexts (two context-cache
// entries) are two walks that run side by side: neither waits for the other's fill, which the
// other context could never hit.
void test_same_page_walk()
{
  lat = 30;
  flush_all();
  uint64_t ra = alloc(), rb = alloc();
  map(ra, 0xa40000, 0xb40000, 0, FL, 2);
  map(rb, 0xa40000, 0xb41000, 0, FL, 2);
  Ctx ca = sv39_ctx(ra, 44), cb = sv39_ctx(rb, 45);
  ca.did = 5;
  cb.did = 6;
  ctx_load(ca);
  ctx_load(cb);
  eng_start();
  for (unsigned i = 0; i < 4; i++)
    eng_add(false, 1 + i, 0xa40000 + 8 * i, 0, false, 0xb40000 + 8 * i);
  unsigned before = ptw_reads;
  bool ok = eng_finish();
  check(ok && ptw_reads - before == 3, "same page, one context: one walk (3 PTE reads) for 4 misses");

  inv(false, false, false, false, 0, 0, 0);  // IOTINVAL.VMA, all: both pages cold again
  eng_start();
  eng_add(false, 1, 0xa40010, 0, false, 0xb40010);
  Txn *t = eng_add(false, 2, 0xa40018, 0, false, 0xb41018);
  t->did = 6;
  ptw_out_max = 0;
  before = ptw_reads;
  ok = eng_finish();
  check(ok && ptw_reads - before == 6 && ptw_out_max == 2,
        "same page, two contexts: two walks in flight together");
  lat = 10;
}

// A fault with the given cause and iotval, SLVERR, nothing sent to memory.
void check_fault(const Obs &o, unsigned want, uint64_t iotval, const char *what)
{
  char buf[160];
  snprintf(buf, sizeof buf, "%s (want %u: got fault %d cause %u resp %u dma %d at 0x%llx)", what,
           want, o.fault, cause(o), o.resp, o.dma_seen, (unsigned long long)o.dma_addr);
  check(!o.dma_seen && o.resp == 2 && o.fault && cause(o) == want && o.rec[2] == iotval, buf);
}

void check_pass(const Obs &o, uint64_t pa, const char *what)
{
  char buf[160];
  snprintf(buf, sizeof buf, "%s (want 0x%llx: got fault %d cause %u resp %u dma %d at 0x%llx)",
           what, (unsigned long long)pa, o.fault, cause(o), o.resp, o.dma_seen,
           (unsigned long long)o.dma_addr);
  check(o.dma_seen && o.dma_addr == pa && o.resp == 0 && !o.fault, buf);
}

// Walk-cache entries belong to one context-cache entry: a second device whose tables map the
// same 2 MiB IOVA region elsewhere walks its own tables (3 PTE reads), never the first device's
// level-0 table, and then hits its own entry.
void test_walk_cache_ctx()
{
  flush_all();
  uint64_t ra = alloc(), rb = alloc();
  for (unsigned i = 0; i < 4; i++) {
    map(ra, 0x40000000 + i * 0x1000ull, 0x800000 + i * 0x1000ull, 0, FL, 2);
    map(rb, 0x40000000 + i * 0x1000ull, 0x900000 + i * 0x1000ull, 0, FL, 2);
  }
  Ctx ca = sv39_ctx(ra, 44), cb = sv39_ctx(rb, 45);
  ca.did = 5;
  cb.did = 6;
  ctx_load(ca);
  ctx_load(cb);
  check_pass(run({false, 1, 0x40000000, 0, 0, 5}), 0x800000, "walk cache ctx: device 5 fills");
  unsigned before = ptw_reads;
  check_pass(run({false, 1, 0x40001000, 0, 0, 6}), 0x901000,
             "walk cache ctx: device 6, same region, its own table");
  check(ptw_reads - before == 3, "walk cache ctx: device 6 misses device 5's entry (3 reads)");
  before = ptw_reads;
  check_pass(run({false, 1, 0x40002000, 0, 0, 6}), 0x902000, "walk cache ctx: device 6 again");
  check(ptw_reads - before == 1, "walk cache ctx: device 6 hits its own entry (1 read)");
  before = ptw_reads;
  check_pass(run({false, 1, 0x40003000, 0, 0, 5}), 0x803000, "walk cache ctx: device 5 again");
  check(ptw_reads - before == 1, "walk cache ctx: device 5 keeps its entry (1 read)");
}

// Superpage alignment: a leaf above level 0 must have zero PPN bits below its level (the whole
// lvl_mask, not only PPN[8:0]): a 1 GiB leaf that is 2 MiB- but not 1 GiB-aligned, and a 2 MiB
// leaf that is not 2 MiB-aligned, fault in both stages (13/15 first stage, 21 G-stage).
void test_superpage_align()
{
  flush_all();
  uint64_t root = zalloc();
  Ctx c;
  c.s1_mode = 8;
  c.s1_ppn = root >> 12;
  c.pscid = 50;
  ctx_load(c);
  map(root, 0x80000000, 0x1c0200000ull, 2, FL, 2);  // PPN[17:9] = 1, PPN[8:0] = 0
  map(root, 0x40200000, 0x80401000, 1, FL, 2);      // PPN[8:0] = 1
  map(root, 0xc0000000, 0x240000000ull, 2, FL, 2);  // aligned 1 GiB: the control
  check_fault(run({false, 1, 0x80000010}), 13, 0x80000010, "1G leaf, PPN[17:9] != 0: read -> 13");
  check_fault(run({true, 1, 0x80001010}), 15, 0x80001010, "1G leaf, PPN[17:9] != 0: write -> 15");
  check_fault(run({false, 1, 0x40200010}), 13, 0x40200010, "2M leaf, PPN[8:0] != 0 -> 13");
  check_pass(run({false, 1, 0xc0123458}), 0x240123458ull, "aligned 1G leaf translates");
  // G-stage (Sv39x4, G-only): the same two leaves.
  uint64_t groot = zalloc(4, 4);
  map(groot, 0x40000000, 0x1c0200000ull, 2, GFL, 2, 11);
  map(groot, 0x80200000, 0x80401000, 1, GFL, 2, 11);
  map(groot, 0xc0000000, 0x240000000ull, 2, GFL, 2, 11);
  Ctx g;
  g.did = 6;
  g.s2_mode = 8;
  g.s2_ppn = groot >> 12;
  g.gscid = 13;
  ctx_load(g);
  Obs o = run({false, 1, 0x40000010, 0, 0, 6});
  check_fault(o, 21, 0x40000010, "G-stage 1G leaf, PPN[17:9] != 0 -> 21");
  check(o.rec[3] == 0x40000010, "G-stage misaligned 1G: iotval2 = GPA");
  o = run({true, 1, 0x80200010, 0, 0, 6});
  check_fault(o, 23, 0x80200010, "G-stage 2M leaf, PPN[8:0] != 0: write -> 23");
  check_pass(run({false, 1, 0xc0123458, 0, 0, 6}), 0x240123458ull, "G-stage aligned 1G leaf");
}

// Canonical IOVA / GPA width, each at the first bit that must be clear (or a copy): Sv39 bit 38,
// Sv48 bit 47 (bits 63:48 clear), Sv39x4 bit 41, Sv48x4 bit 50, and a nested first-stage leaf
// whose GPA has bit 41 set. The low bits of each address index a valid mapping, so a check on the
// wrong bit translates instead of faulting. The cached page is tried again (IOTLB alias).
void test_canonical()
{
  flush_all();
  uint64_t r48 = zalloc();
  Ctx c;
  c.s1_mode = 9;
  c.s1_ppn = r48 >> 12;
  c.pscid = 51;
  ctx_load(c);
  map(r48, 0xffff800000001000ull, 0x12346000, 0, FL, 3);  // root index 256
  const uint64_t nc48 = 0x0000800000001010ull;            // bit 47 set, 63:48 clear
  check_fault(run({false, 1, nc48}), 13, nc48, "Sv48: IOVA bit 47 set, 63:48 clear -> 13");
  check_fault(run({true, 1, nc48}), 15, nc48, "Sv48: IOVA bit 47 set, 63:48 clear: write -> 15");
  check_pass(run({false, 1, 0xffff800000001010ull}), 0x12346010, "Sv48: its sign extension");
  check_fault(run({false, 1, nc48}), 13, nc48, "Sv48: non-canonical after the page is cached");
  uint64_t r39 = zalloc();
  Ctx c39 = c;
  c39.did = 6;
  c39.s1_mode = 8;
  c39.s1_ppn = r39 >> 12;
  c39.pscid = 52;
  ctx_load(c39);
  map(r39, 0xffffffc000001000ull, 0x12347000, 0, FL, 2);  // root index 256
  const uint64_t nc39 = 0x0000004000001010ull;            // bit 38 set, 63:39 clear
  check_fault(run({false, 1, nc39, 0, 0, 6}), 13, nc39, "Sv39: IOVA bit 38 set, 63:39 clear -> 13");
  check_pass(run({false, 1, 0xffffffc000001010ull, 0, 0, 6}), 0x12347010, "Sv39: its sign extension");
  check_fault(run({false, 1, nc39, 0, 0, 6}), 13, nc39, "Sv39: non-canonical after the page is cached");
  // G-stage only: GPA bit 41 (Sv39x4) / bit 50 (Sv48x4) set, the rest maps.
  uint64_t g39 = zalloc(4, 4), g48 = zalloc(4, 4);
  map(g39, 0x1000, 0x12348000, 0, GFL, 2, 11);
  map(g48, 0x1000, 0x12349000, 0, GFL, 3, 11);
  Ctx x39;
  x39.did = 7;
  x39.s2_mode = 8;
  x39.s2_ppn = g39 >> 12;
  x39.gscid = 16;
  Ctx x48 = x39;
  x48.did = 8;
  x48.s2_mode = 9;
  x48.s2_ppn = g48 >> 12;
  x48.gscid = 17;
  ctx_load(x39);
  ctx_load(x48);
  const uint64_t w39 = 0x0000020000001010ull, w48 = 0x0004000000001010ull;
  for (int pass = 0; pass < 2; pass++) {  // again with the low page cached
    Obs o = run({false, 1, w39, 0, 0, 7});
    check_fault(o, 21, w39, "Sv39x4: GPA bit 41 set -> 21");
    check(o.rec[3] == w39, "Sv39x4: GPA bit 41: iotval2 = GPA");
    o = run({true, 1, w48, 0, 0, 8});
    check_fault(o, 23, w48, "Sv48x4: GPA bit 50 set: write -> 23");
    check(o.rec[3] == w48, "Sv48x4: GPA bit 50: iotval2 = GPA");
    check_pass(run({false, 1, 0x1010, 0, 0, 7}), 0x12348010, "Sv39x4: GPA 0x1010 translates");
    check_pass(run({false, 1, 0x1010, 0, 0, 8}), 0x12349010, "Sv48x4: GPA 0x1010 translates");
  }
  // Nested: the first stage's leaf gives GPA 0x20000001000 (bit 41 set); the G-stage must fault on
  // its width (not walk GPA 0x1000, which it maps). First-stage tables at GPA = SPA - OFF.
  const uint64_t OFF = 0x800000000ull;
  uint64_t gn = zalloc(4, 4);
  map(gn, 0, OFF, 2, GFL, 2, 11);  // GPA [0, 1G) -> SPA OFF + GPA
  map(gn, 0x40001000, 0x1234a000, 0, GFL, 2, 11);
  static uint64_t s1_gpa = 0x400000;  // a fresh GPA region per call (tests run twice)
  uint64_t save = next_page;
  next_page = s1_gpa;
  uint64_t s1root = zalloc();
  map(s1root, 0x5000, 0x0000020040001000ull, 0, FL, 2, 9, OFF);
  map(s1root, 0x6000, 0x40001000, 0, FL, 2, 9, OFF);
  s1_gpa = next_page;
  next_page = save;
  Ctx n;
  n.did = 9;
  n.s1_mode = 8;
  n.s1_ppn = s1root >> 12;
  n.pscid = 53;
  n.s2_mode = 8;
  n.s2_ppn = gn >> 12;
  n.gscid = 18;
  ctx_load(n);
  check_pass(run({false, 1, 0x6010, 0, 0, 9}), 0x1234a010, "nested: GPA 0x40001010 translates");
  Obs o = run({false, 1, 0x5010, 0, 0, 9});
  check_fault(o, 21, 0x5010, "nested: first-stage leaf GPA bit 41 set -> 21");
  check(o.rec[3] == 0x0000020040001010ull, "nested: wide GPA: iotval2 = GPA");
}

// ---- Sv57 (iosatp MODE 10) and Sv57x4 (iohgatp MODE 10): five-level walks ----

// Sv57 first stage: a leaf at every level (4 KiB, 2 MiB, 1 GiB, 512 GiB, 256 TiB), each reached
// through five levels from the root (root index IOVA[56:48]); every page walked once, then hit;
// the neighbouring 4 KiB page reads one PTE (walk cache); negative canonical IOVAs translate,
// non-canonical ones (bits 63:57 not all equal to bit 56) fault 12/13/15 walked and cached.
void test_sv57()
{
  flush_all();
  uint64_t root = zalloc();
  Ctx c;
  c.did = 21;
  c.s1_mode = 10;
  c.s1_ppn = root >> 12;
  c.pscid = 57;
  ctx_load(c);
  struct Leaf {
    unsigned lvl;
    uint64_t va, pa, off;
    unsigned reads;  // PTE reads of its walk
  };
  const Leaf leaves[] = {
      {4, 0x0001000000000000ull, 0x0003000000000000ull, 0x0000123456789ab0ull, 1},  // 256 TiB
      {3, 0x0002008000000000ull, 0x0000100000000000ull, 0x0000001234567890ull, 2},  // 512 GiB
      {2, 0x0003000040000000ull, 0x00000001c0000000ull, 0x0000000012345678ull, 3},  // 1 GiB
      {1, 0x0004000000200000ull, 0x0000000080600000ull, 0x0000000000123450ull, 4},  // 2 MiB
      {0, 0x0005000000003000ull, 0x0000000012345000ull, 0x0000000000000a50ull, 5},  // 4 KiB
  };
  for (const Leaf &l : leaves)
    map(root, l.va, l.pa, l.lvl, FL, 4);
  for (const Leaf &l : leaves) {
    char what[96];
    unsigned before = ptw_reads;
    snprintf(what, sizeof what, "Sv57 level-%u leaf translates", l.lvl);
    check_pass(run({false, 1, l.va + l.off, 0, 0, 21}), l.pa + l.off, what);
    snprintf(what, sizeof what, "Sv57 level-%u leaf: %u PTE reads", l.lvl, l.reads);
    check(ptw_reads - before == l.reads, what);
    before = ptw_reads;
    snprintf(what, sizeof what, "Sv57 level-%u leaf: cached (other offset, write)", l.lvl);
    Obs o = run({true, 1, l.va + l.off + 0x100, 0, 0, 21});
    check(o.dma_seen && o.dma_addr == l.pa + l.off + 0x100 && !o.fault && ptw_reads == before,
          what);
  }
  // Neighbouring 4 KiB page of the level-0 leaf: the walk cache holds its level-0 table.
  map(root, 0x0005000000004000ull, 0x22222000, 0, FL, 4);
  unsigned before = ptw_reads;
  check_pass(run({false, 1, 0x0005000000004018ull, 0, 0, 21}), 0x22222018,
             "Sv57 neighbouring 4K page");
  check(ptw_reads - before == 1, "Sv57 neighbouring 4K page: one PTE read (walk cache)");
  // Canonical: a negative IOVA (root index 0x100) translates; bit 56 set with 63:57 clear, and
  // 63:57 set with bit 56 clear, fault (each indexes a valid mapping), before and after the page
  // is cached.
  map(root, 0xff00000000001000ull, 0x12346000, 0, FL, 4);
  const uint64_t nc1 = 0x0100000000001010ull, nc2 = 0xfe00000000001010ull;
  map(root, nc2 & ~0xfffull & ((1ull << 57) - 1), 0x12347000, 0, FL, 4);  // root index 0
  check_fault(run({false, 1, nc1, 0, 0, 21}), 13, nc1, "Sv57: IOVA bit 56 set, 63:57 clear -> 13");
  check_fault(run({true, 1, nc2, 0, 0, 21}), 15, nc2, "Sv57: IOVA 63:57 set, bit 56 clear -> 15");
  check_fault(run({false, 1, nc1, 0, 4, 21}), 12, nc1, "Sv57: non-canonical exec -> 12");
  check_pass(run({false, 1, 0xff00000000001010ull, 0, 0, 21}), 0x12346010,
             "Sv57: negative canonical IOVA translates");
  check_pass(run({false, 1, 0x0000000000001010ull, 0, 0, 21}), 0x12347010,
             "Sv57: root index 0 translates");
  check_fault(run({false, 1, nc1, 0, 0, 21}), 13, nc1, "Sv57: non-canonical after caching");
  check_fault(run({false, 1, nc2, 0, 0, 21}), 13, nc2, "Sv57: non-canonical (2) after caching");
  // The Sv48 limit does not apply: bit 47..55 set in a canonical Sv57 IOVA is a plain address.
  map(root, 0x00ff800000002000ull, 0x12348000, 0, FL, 4);
  check_pass(run({false, 1, 0x00ff800000002010ull, 0, 0, 21}), 0x12348010,
             "Sv57: IOVA bits 55:47 set, 63:56 clear translates");
}

// Misaligned superpages of Sv57 and Sv57x4: a 256 TiB leaf whose PPN has a bit set below bit 36
// (only bit 35, only bit 27) and a 512 GiB leaf with PPN bit 26 fault 13/15 (first stage) and
// 21/23 (G-stage, iotval2 = GPA); the aligned ones translate.
void test_sv57_align()
{
  flush_all();
  uint64_t root = zalloc();
  Ctx c;
  c.did = 22;
  c.s1_mode = 10;
  c.s1_ppn = root >> 12;
  c.pscid = 58;
  ctx_load(c);
  map(root, 0x0001000000000000ull, 0x0000800000000000ull, 4, FL, 4);  // PPN bit 35
  map(root, 0x0002000000000000ull, 0x0003008000000000ull, 4, FL, 4);  // PPN bit 27
  map(root, 0x0003000000000000ull, 0x0000104000000000ull, 3, FL, 4);  // 512G, PPN bit 26
  map(root, 0x0004000000000000ull, 0x0002000000000000ull, 4, FL, 4);  // aligned 256T
  check_fault(run({false, 1, 0x0001000000001010ull, 0, 0, 22}), 13, 0x0001000000001010ull,
              "Sv57 256T leaf, PPN bit 35 -> 13");
  check_fault(run({true, 1, 0x0002000000001010ull, 0, 0, 22}), 15, 0x0002000000001010ull,
              "Sv57 256T leaf, PPN bit 27: write -> 15");
  check_fault(run({false, 1, 0x0003000000001010ull, 0, 0, 22}), 13, 0x0003000000001010ull,
              "Sv57 512G leaf, PPN bit 26 -> 13");
  check_pass(run({false, 1, 0x0004876543210ff0ull, 0, 0, 22}), 0x0002876543210ff0ull,
             "Sv57 aligned 256T leaf translates");
  uint64_t groot = zalloc(4, 4);
  map(groot, 0x0001000000000000ull, 0x0000800000000000ull, 4, GFL, 4, 11);
  map(groot, 0x0002000000000000ull, 0x0000104000000000ull, 3, GFL, 4, 11);
  map(groot, 0x0400000000000000ull, 0x0001000000000000ull, 4, GFL, 4, 11);  // aligned, GPA bit 58
  Ctx g;
  g.did = 23;
  g.s2_mode = 10;
  g.s2_ppn = groot >> 12;
  g.gscid = 24;
  ctx_load(g);
  Obs o = run({false, 1, 0x0001000000001010ull, 0, 0, 23});
  check_fault(o, 21, 0x0001000000001010ull, "Sv57x4 256T leaf, PPN bit 35 -> 21");
  check(o.rec[3] == 0x0001000000001010ull, "Sv57x4 misaligned 256T: iotval2 = GPA");
  o = run({true, 1, 0x0002000000001010ull, 0, 0, 23});
  check_fault(o, 23, 0x0002000000001010ull, "Sv57x4 512G leaf, PPN bit 26: write -> 23");
  check_pass(run({false, 1, 0x0400fedcba987650ull, 0, 0, 23}), 0x0001fedcba987650ull,
             "Sv57x4 aligned 256T leaf at GPA bit 58 translates");
}

// Sv57x4 G-stage: leaves at every level (root index GPA[58:48], 11 bits), the GPA width (bit 59
// set faults 20/21/23 with iotval2 = GPA, bit 58 is a legal address), also after the low page is
// cached (no IOTLB alias); nested Sv57 over Sv57x4 (tables at GPAs mapped by a 1 GiB G leaf, data
// in 4 KiB G pages: 5 x (3 + 1) + 5 PTE reads), a 256 TiB first-stage leaf over 4 KiB G-stage
// pages (the IOTLB keeps the smaller size), and the mixed nestings Sv39 over Sv57x4 and Sv57 over
// Sv39x4 / Sv48x4.
void test_sv57x4()
{
  flush_all();
  uint64_t groot = zalloc(4, 4);
  struct Leaf {
    unsigned lvl;
    uint64_t gpa, spa, off;
  };
  const Leaf leaves[] = {
      {4, 0x0001000000000000ull, 0x0002000000000000ull, 0x0000a98765432100ull},
      {3, 0x0400008000000000ull, 0x0000100000000000ull, 0x0000001234567890ull},
      {2, 0x0003000040000000ull, 0x00000001c0000000ull, 0x0000000012345678ull},
      {1, 0x0004000000200000ull, 0x0000000080600000ull, 0x0000000000123450ull},
      {0, 0x0000000000001000ull, 0x0000000012349000ull, 0x0000000000000010ull},
      {0, 0x0400000000001000ull, 0x000000001234a000ull, 0x0000000000000010ull},  // GPA bit 58
  };
  for (const Leaf &l : leaves)
    map(groot, l.gpa, l.spa, l.lvl, GFL, 4, 11);
  Ctx g;
  g.did = 24;
  g.s2_mode = 10;
  g.s2_ppn = groot >> 12;
  g.gscid = 25;
  ctx_load(g);
  const uint64_t wide = 0x0800000000001010ull;  // bit 59: GPA 0x1010 below it maps
  for (int pass = 0; pass < 2; pass++) {
    for (const Leaf &l : leaves) {
      char what[96];
      snprintf(what, sizeof what, "Sv57x4 level-%u leaf at GPA 0x%llx%s", l.lvl,
               (unsigned long long)l.gpa, pass ? " (cached)" : "");
      unsigned before = ptw_reads;
      check_pass(run({false, 1, l.gpa + l.off, 0, 0, 24}), l.spa + l.off, what);
      if (pass)
        check(ptw_reads == before, what);
    }
    Obs o = run({false, 1, wide, 0, 0, 24});
    check_fault(o, 21, wide, "Sv57x4: GPA bit 59 set -> 21");
    check(o.rec[3] == wide, "Sv57x4: GPA bit 59: iotval2 = GPA");
    o = run({true, 1, 0x8000000000001010ull, 0, 0, 24});
    check_fault(o, 23, 0x8000000000001010ull, "Sv57x4: GPA bit 63 set: write -> 23");
    o = run({false, 1, wide, 0, 4, 24});
    check_fault(o, 20, wide, "Sv57x4: GPA bit 59 set: exec -> 20");
  }
  // Nested Sv57 over Sv57x4: the G-stage maps GPA [0, 1G) at SPA OFF + GPA (first-stage tables),
  // 4 KiB G pages for the data.
  const uint64_t OFF = 0x0000004000000000ull;
  uint64_t gn = zalloc(4, 4);
  map(gn, 0, OFF, 2, GFL, 4, 11);
  map(gn, 0x0080000040001000ull, 0x1234b000, 0, GFL, 4, 11);  // GPA bit 55: legal for Sv57x4
  map(gn, 0x0000000040002000ull, 0x1234c000, 0, GFL, 4, 11);
  map(gn, 0x0000000040003000ull, 0x1234d000, 0, GFL, 4, 11);
  static uint64_t s1_gpa = 0xc00000;  // a fresh GPA region per call (tests run twice)
  uint64_t save = next_page;
  next_page = s1_gpa;
  uint64_t s1root = zalloc();
  map(s1root, 0x00ab000000005000ull, 0x0000000040002000ull, 0, FL, 4, 9, OFF);
  map(s1root, 0xff00000000006000ull, 0x0000000040003000ull, 0, FL, 4, 9, OFF);
  map(s1root, 0x0002000000000000ull, 0x0000000000000000ull, 4, FL, 4, 9, OFF);  // 256T leaf
  map(s1root, 0x00ac000000005000ull, 0x0080000040001000ull, 0, FL, 4, 9, OFF);  // GPA bit 55
  s1_gpa = next_page;
  next_page = save;
  Ctx n;
  n.did = 25;
  n.s1_mode = 10;
  n.s1_ppn = s1root >> 12;
  n.pscid = 59;
  n.s2_mode = 10;
  n.s2_ppn = gn >> 12;
  n.gscid = 26;
  ctx_load(n);
  unsigned before = ptw_reads;
  check_pass(run({false, 1, 0x00ab000000005010ull, 0, 0, 25}), 0x1234c010,
             "nested Sv57 over Sv57x4, 4K pages");
  check(ptw_reads - before == 25, "nested Sv57 over Sv57x4: 5 x (3 + 1) + 5 PTE reads");
  check_pass(run({true, 1, 0xff00000000006010ull, 0, 0, 25}), 0x1234d010,
             "nested Sv57 over Sv57x4, negative IOVA");
  check_fault(run({false, 1, 0x0100000000006010ull, 0, 0, 25}), 13, 0x0100000000006010ull,
              "nested Sv57: non-canonical IOVA -> 13");
  // 256 TiB first-stage leaf: IOVA 0x0002_0000_4000_1000.. = GPA 0x4000_1000..; G pages 4 KiB.
  check_pass(run({false, 1, 0x0002000040002020ull, 0, 0, 25}), 0x1234c020,
             "nested: 256T first-stage leaf over a 4K G-stage page");
  before = ptw_reads;
  check_pass(run({false, 1, 0x0002000040003020ull, 0, 0, 25}), 0x1234d020,
             "nested: the next 4K page of the 256T leaf (IOTLB entry is 4K)");
  check(ptw_reads != before, "nested: the next 4K page of the 256T leaf walks again");
  // Mixed: Sv39 over Sv57x4 (same G-stage), Sv57 over Sv39x4 and over Sv48x4.
  next_page = s1_gpa;
  uint64_t r39 = zalloc();
  map(r39, 0x7000, 0x0000000040002000ull, 0, FL, 2, 9, OFF);
  s1_gpa = next_page;
  next_page = save;
  Ctx m = n;
  m.did = 26;
  m.s1_mode = 8;
  m.s1_ppn = r39 >> 12;
  m.pscid = 60;
  ctx_load(m);
  check_pass(run({false, 1, 0x7040, 0, 0, 26}), 0x1234c040, "nested Sv39 over Sv57x4");
  uint64_t g39 = zalloc(4, 4), g48 = zalloc(4, 4);
  map(g39, 0, OFF, 2, GFL, 2, 11);
  map(g39, 0x0000000040002000ull, 0x1234e000, 0, GFL, 2, 11);
  map(g48, 0, OFF, 2, GFL, 3, 11);
  map(g48, 0x0000000040002000ull, 0x1234f000, 0, GFL, 3, 11);
  Ctx m39 = n;
  m39.did = 27;
  m39.s2_mode = 8;
  m39.s2_ppn = g39 >> 12;
  m39.gscid = 27;
  ctx_load(m39);
  check_pass(run({false, 1, 0x00ab000000005030ull, 0, 0, 27}), 0x1234e030,
             "nested Sv57 over Sv39x4");
  // The first stage's leaf GPA 0x0080_0000_4000_1000 (bit 55, the top bit a leaf PPN holds) is
  // too wide for Sv39x4.
  Obs o = run({false, 1, 0x00ac000000005030ull, 0, 0, 27});
  check_fault(o, 21, 0x00ac000000005030ull, "nested Sv57 over Sv39x4: leaf GPA bit 55 -> 21");
  check(o.rec[3] == 0x0080000040001030ull, "nested Sv57 over Sv39x4: iotval2 = GPA");
  check_pass(run({false, 1, 0x00ac000000005030ull, 0, 0, 25}), 0x1234b030,
             "nested Sv57 over Sv57x4: leaf GPA bit 55 is legal");
  Ctx m48 = n;
  m48.did = 28;
  m48.s2_mode = 9;
  m48.s2_ppn = g48 >> 12;
  m48.gscid = 28;
  ctx_load(m48);
  check_pass(run({false, 1, 0x00ab000000005038ull, 0, 0, 28}), 0x1234f038,
             "nested Sv57 over Sv48x4");
}

// M4 for Sv57 (five PTE reads, context cached, IOTLB cold): each level costs L + 1 (its R cycle,
// then the next AR from a register), so the penalty is 5L + MISS_EXTRA + 2 (Sv39: 3L + MISS_EXTRA).
void test_sv57_latency()
{
  for (unsigned L : {1u, 10u, 30u, 100u}) {
    lat = L;
    flush_all();
    uint64_t root = zalloc();
    Ctx c;
    c.did = 29;
    c.s1_mode = 10;
    c.s1_ppn = root >> 12;
    c.pscid = 61;
    ctx_load(c);
    map(root, 0x00cd000000060000ull, 0x70000, 0, FL, 4);
    Obs m = run({false, 1, 0x00cd000000060000ull, 0, 0, 29});
    Obs h = run({false, 1, 0x00cd000000060008ull, 0, 0, 29});
    unsigned miss = (unsigned)(m.t_dma - m.t_acc), hit = (unsigned)(h.t_dma - h.t_acc);
    printf("M4: L=%u Sv57 miss %u cycles (hit %u), penalty %u = 5L%+d\n", L, miss, hit,
           miss - hit, (int)(miss - hit) - 5 * (int)L);
    check(m.dma_addr == 0x70000 && miss - hit <= 5 * L + MISS_EXTRA + 2,
          "M4 Sv57 miss penalty <= 5L+MISS_EXTRA+2");
  }
  lat = 10;
}

void msi_load(unsigned gscid, uint64_t gpn, uint64_t ppn)
{
  top->msi_load_i = 1;
  top->msi_load_gscid_i = gscid;
  top->msi_load_gpn_i = gpn;
  top->msi_load_ppn_i = ppn;
  tick();
  top->msi_load_i = 0;
}

// A device context with MSI translation (msiptp Flat, iosatp and iohgatp Bare): GSCID 19, MSI
// pages 0x28000-0x2800f (a pattern with bits set under the mask), the MSI table at msi_ppn.
Ctx msi_flat_ctx(unsigned did, uint64_t msi_ppn)
{
  Ctx c;
  c.did = did;
  c.gscid = 19;
  c.msi_mode = 1;
  c.msi_ppn = msi_ppn;
  c.msi_mask = 0xf;
  c.msi_pat = 0x28005;
  return c;
}

// MSI address match: (A >> 12) & ~mask == pattern & ~mask. The pattern has bits set under the
// mask (software may leave them so; the spec masks both sides), so a match that masks only the
// address side misses. Checked where iosatp is Bare (the stage) and on a first-stage leaf's GPA
// (the walker).
void test_msi_mask()
{
  flush_all();
  Ctx m = msi_flat_ctx(10, zalloc() >> 12);
  ctx_load(m);
  msi_load(19, 0x28003, 0x77003);
  check_pass(run({false, 1, 0x28003010, 0, 0, 10}), 0x77003010,
             "MSI (iosatp Bare): pattern with masked bits set still matches");
  check_pass(run({true, 1, 0x28003018, 0, 0, 10}), 0x77003018, "MSI write, same page");
  check_pass(run({false, 1, 0x28013010, 0, 0, 10}), 0x28013010, "not an MSI page: identity");
  // First stage on: the leaf's GPA page 0x28003 is the MSI page (G-stage Bare).
  uint64_t root = zalloc();
  map(root, 0x50000, 0x28003000, 0, FL, 2);
  map(root, 0x51000, 0x28013000, 0, FL, 2);
  Ctx s = m;
  s.did = 11;
  s.s1_mode = 8;
  s.s1_ppn = root >> 12;
  s.pscid = 54;
  ctx_load(s);
  check_pass(run({false, 1, 0x50010, 0, 0, 11}), 0x77003010,
             "MSI on the first-stage GPA: pattern with masked bits set matches");
  check_pass(run({false, 1, 0x51010, 0, 0, 11}), 0x28013010, "first-stage GPA not an MSI page");
}

// The stage's MSI address check is made a cycle ahead against the context the stage had; the
// first request after a change of context (msiptp Flat, iosatp Bare) holds and relooks. Requests
// of two such devices, alternating one by one, MSIs among them, are all answered right (the
// simulation check in iommu_xlate compares every MSI check used with the stage's own compare);
// the cycles of the alternating stream against one device's are printed.
void test_msi_alternate()
{
  flush_all();
  Ctx a = msi_flat_ctx(10, zalloc() >> 12);
  Ctx b = a;
  b.did = 11;
  ctx_load(a);
  ctx_load(b);
  msi_load(19, 0x28003, 0x77003);
  uint64_t cycles[2];
  for (int alt = 0; alt < 2; alt++) {
    eng_start();
    for (unsigned i = 0; i < 32; i++) {
      bool msi = i % 8 == 7;
      uint64_t va = msi ? 0x28003000 + 8 * i : 0x40000 + 8 * i;
      Txn *t = eng_add(false, 1 + i % 8, va, 0, false, msi ? 0x77003000 + 8 * i : va);
      t->did = (alt && (i & 1)) ? 11 : 10;
    }
    uint64_t t0 = cyc;
    bool ok = eng_finish();
    uint64_t t_end = 0;
    for (auto &t : txns)
      t_end = std::max(t_end, t.t_dma);
    cycles[alt] = t_end - t0;
    check(ok, alt ? "MSI-flat contexts alternating: every request right"
                  : "MSI-flat context, one device: every request right");
  }
  printf("MSI check ahead: 32 reads (4 MSIs) of one Flat/iosatp-Bare device in %llu cycles, "
         "of two such devices alternating in %llu\n", (unsigned long long)cycles[0],
         (unsigned long long)cycles[1]);
}

// An MSI-PTE miss in the stage goes to firmware with the stage's context fields: the MSI table
// base (msiptp.PPN), the GSCID and the GPA page, all pending as long as the miss is. Another
// context (other table, other GSCID) sits in the first context entry, so a payload read from a
// lookup that is not the stage's own shows.
void msi_miss_answer()
{
  check(top->miss_msi_o && top->miss_pte_o == 0x6666000ull && top->miss_gscid_o == 19 &&
            top->miss_fidx_o == 0x28003,
        "MSI miss: the stage's table base, GSCID and GPA page");
  msi_load(19, 0x28003, 0x77003);
  top->miss_retry_i = 1;
}

// An MSI load does not search for its key: a key loaded twice (two queued misses of one page)
// holds two entries, and the lookup takes the higher one's PPN, never a mix of the two. Entries
// 1 and 2 hold the key here, so an OR of their indices would select entry 3 (another key).
void test_msi_dup()
{
  flush_all();
  Ctx a = msi_flat_ctx(14, zalloc() >> 12);
  a.gscid = 25;
  a.msi_pat = 0x28000;
  a.msi_mask = 0xff;
  ctx_load(a);
  msi_load(25, 0x28001, 0x61001);
  msi_load(25, 0x28007, 0x66007);
  msi_load(25, 0x28007, 0x77007);
  msi_load(25, 0x28003, 0x63003);
  const Req r = {false, 1, 0x28007010, 0, 0, 14};
  check_pass(run(r), 0x77007010, "MSI key loaded twice: the later entry's PPN");
  check_pass(run({false, 1, 0x28003010, 0, 0, 14}), 0x63003010, "and the key after them hits");
  inv(true, false, false, false, 0, 0, 0);  // IOTINVAL.GVMA: the MSI-PTE cache is flushed
  Obs o = run(r, 2);
  check(o.miss && !o.dma_seen, "MSI key loaded twice: both entries flushed by IOTINVAL.GVMA");
}

void test_msi_miss()
{
  flush_all();
  Ctx d;
  d.did = 12;
  d.gscid = 33;
  d.msi_mode = 1;
  d.msi_ppn = 0x5555;
  d.msi_pat = 0x31000;
  ctx_load(d);
  ctx_load(msi_flat_ctx(10, 0x6666));
  miss_hook = msi_miss_answer;
  Obs o = run({true, 1, 0x28003010, 0, 0, 10});
  check(o.miss && !miss_hook, "MSI miss offered to firmware");
  check_pass(o, 0x77003010, "MSI write after the MSI-PTE load");
  miss_hook = nullptr;
}

// The stage's MSI-cache hit finds its GSCID through one "GSCID equal" bit per (MSI entry, context
// entry), set when either side loads. Every order is tried: an MSI entry loaded before the
// context of its GSCID, after it, in the same cycle, a context reloaded with another GSCID; an
// entry of another GSCID (same page) never hits.
void test_msi_gscid()
{
  flush_all();
  Ctx a;
  a.did = 14;
  a.gscid = 25;
  a.msi_mode = 1;
  a.msi_ppn = zalloc() >> 12;
  a.msi_pat = 0x28007;
  Ctx b = a;
  b.did = 15;
  b.gscid = 26;
  const Req ra = {false, 1, 0x28007010, 0, 0, 14}, rb = {false, 1, 0x28007010, 0, 0, 15};
  ctx_load(a);
  msi_load(26, 0x28007, 0x77007);  // b's GSCID, before b's context
  Obs o = run(ra, 2);
  check(o.miss && !o.dma_seen, "MSI entry of another GSCID, same page: a miss, not a hit");
  ctx_load(b);
  check_pass(run(rb), 0x77007010, "context loaded after the MSI entry of its GSCID: hit");
  msi_load(25, 0x28007, 0x66007);
  check_pass(run(ra), 0x66007010, "MSI entry loaded after the context of its GSCID: hit");
  check_pass(run(rb), 0x77007010, "the other GSCID's entry still hits for its own context");
  b.gscid = 25;
  ctx_load(b);
  check_pass(run(rb), 0x66007010, "context reloaded with another GSCID: that GSCID's entry");
  // A context and an MSI entry of a new GSCID loaded at the same edge.
  Ctx c = a;
  c.did = 16;
  c.gscid = 27;
  top->msi_load_i = 1;
  top->msi_load_gscid_i = 27;
  top->msi_load_gpn_i = 0x28007;
  top->msi_load_ppn_i = 0x55007;
  ctx_drive(c);
  tick();
  top->msi_load_i = 0;
  check_pass(run({false, 1, 0x28007010, 0, 0, 16}), 0x55007010,
             "context and MSI entry of one GSCID loaded in the same cycle: hit");
  check_pass(run(ra), 0x66007010, "and the older contexts keep their entries");
}

// IOTINVAL.GVMA GV=1 AV=1 on a GPA page must remove the nested (first stage + G-stage) IOTLB
// entries whose G-stage leaf covers it (spec: the G-stage translations of that GPA, cached in any
// form); the IOTLB keeps no GPA in them, so it drops every combined entry of the GSCID
// (doc/datapath.md §3). The IOVA page (0x7) differs from the GPA page, so an entry matched on its
// IOVA, or skipped, keeps the stale SPA.
void test_gvma_nested()
{
  flush_all();
  const uint64_t OFF = 0x800000000ull;
  uint64_t groot = zalloc(4, 4);
  map(groot, 0, OFF, 2, GFL, 2, 11);  // first-stage tables: GPA [0, 1G) -> SPA OFF + GPA
  uint64_t spa_a = zalloc(), spa_b = zalloc();
  const uint64_t gpa = 0x40005000;
  map(groot, gpa, spa_a, 0, GFL, 2, 11);
  static uint64_t s1_gpa = 0x800000;
  uint64_t save = next_page;
  next_page = s1_gpa;
  uint64_t s1root = zalloc();
  map(s1root, 0x7000, gpa, 0, FL, 2, 9, OFF);
  s1_gpa = next_page;
  next_page = save;
  Ctx n;
  n.did = 12;
  n.s1_mode = 8;
  n.s1_ppn = s1root >> 12;
  n.pscid = 55;
  n.s2_mode = 8;
  n.s2_ppn = groot >> 12;
  n.gscid = 20;
  ctx_load(n);
  check_pass(run({false, 1, 0x7010, 0, 0, 12}), spa_a + 0x10, "nested translation");
  unsigned before = ptw_reads;
  check_pass(run({false, 1, 0x7018, 0, 0, 12}), spa_a + 0x18, "nested: cached");
  check(ptw_reads == before, "nested: the second access hits the IOTLB");
  map(groot, gpa, spa_b, 0, GFL, 2, 11);           // the G-stage moves the GPA page
  inv(true, true, true, false, 0, 21, gpa >> 12);  // another GSCID: may over-invalidate
  Obs o = run({false, 1, 0x7010, 0, 0, 12});
  check(o.dma_seen && !o.fault && (o.dma_addr == spa_a + 0x10 || o.dma_addr == spa_b + 0x10),
        "GVMA AV of another GSCID: the old or the new page");
  inv(true, true, true, false, 0, 20, gpa >> 12);
  check_pass(run({false, 1, 0x7010, 0, 0, 12}), spa_b + 0x10,
             "GVMA GV=1 AV=1 on the GPA removes the nested entry: new G-stage mapping");
}

// Cause order (spec "Process to translate an IOVA"): the transaction-type checks (260: PV with
// PDTV=0, a burst crossing 4 KiB, supervisor with ENS=0) come before the MSI check, so an MSI
// address with a cached MSI PTE still faults 260 (not passes, not 1 for exec).
void test_cause_ttyp_msi()
{
  flush_all();
  Ctx m;
  m.did = 13;
  m.gscid = 22;
  m.msi_mode = 1;
  m.msi_ppn = zalloc() >> 12;
  m.msi_pat = 0x28003;
  ctx_load(m);
  msi_load(22, 0x28003, 0x77003);
  check_pass(run({false, 1, 0x28003010, 0, 0, 13}), 0x77003010, "MSI: control");
  check_fault(run({false, 1, 0x28003ff8, 1, 0, 13}), 260, 0x28003ff8,
              "MSI page, burst crossing 4 KiB -> 260");
  check_fault(run({false, 1, 0x28003ff8, 1, 4, 13}), 260, 0x28003ff8,
              "MSI page, exec burst crossing 4 KiB -> 260 (not 1)");
  check_fault(run({false, 1, 0x28003010, 0, 0, 13, 9, true}), 260, 0x28003010,
              "MSI page, PV with PDTV=0 -> 260");
  Ctx p = m;
  p.pdtv = true;
  p.pv = true;
  p.pid = 9;
  p.ens = false;
  ctx_load(p);
  check_fault(run({true, 1, 0x28003010, 0, 1, 13, 9, true}), 260, 0x28003010,
              "MSI page, supervisor with ENS=0 -> 260");
  check_pass(run({true, 1, 0x28003010, 0, 0, 13, 9, true}), 0x77003010,
             "MSI page, user PV: passes");
}

// Non-leaf PTEs with U, D or A set fault (doc/datapath.md §4, host-library.md: the project
// faults them): a first-stage pointer with U=1 (root level) or D=1 (level 1), and a G-stage root
// pointer with U=1.
void test_nonleaf_bits()
{
  flush_all();
  uint64_t root = zalloc();
  Ctx c;
  c.s1_mode = 8;
  c.s1_ppn = root >> 12;
  c.pscid = 56;
  ctx_load(c);
  map(root, 0x40001000, 0x80001000, 0, FL, 2);
  map(root, 0x80201000, 0x80002000, 0, FL, 2);
  map(root, 0xc0001000, 0x80003000, 0, FL, 2);  // control
  mem[root + 1 * 8] |= U;                                        // root pointer for 0x40000000
  mem[(mem[root + 2 * 8] >> 10 << 12) + 1 * 8] |= D;             // level-1 pointer for 0x80200000
  check_fault(run({false, 1, 0x40001010}), 13, 0x40001010, "non-leaf U=1 (root) -> 13");
  check_fault(run({true, 1, 0x40001010}), 15, 0x40001010, "non-leaf U=1 (root): write -> 15");
  check_fault(run({false, 1, 0x80201010}), 13, 0x80201010, "non-leaf D=1 (level 1) -> 13");
  check_pass(run({false, 1, 0xc0001010}), 0x80003010, "clean non-leaf: translates");
  uint64_t groot = zalloc(4, 4);
  map(groot, 0x1000, 0x80004000, 0, GFL, 2, 11);
  map(groot, 0x40001000, 0x80005000, 0, GFL, 2, 11);
  mem[groot] |= U;  // root pointer for GPA [0, 1G)
  Ctx g;
  g.did = 6;
  g.s2_mode = 8;
  g.s2_ppn = groot >> 12;
  g.gscid = 23;
  ctx_load(g);
  Obs o = run({false, 1, 0x1010, 0, 0, 6});
  check_fault(o, 21, 0x1010, "G-stage non-leaf U=1 -> 21");
  check_pass(run({false, 1, 0x40001010, 0, 0, 6}), 0x80005010, "G-stage clean non-leaf");
}

// PTE checks the older tests reach only partly: reserved bit 54 (the lowest of 60:54), the
// reserved NAPOT encodings with PPN[3] = 1 (only 1000 is 64 KiB), a G-stage leaf with U=0 (G-only
// and as the final GPA of a nested walk), and an IOTLB entry cached by a read that must not
// serve a write the leaf forbids (W=0: the stored permissions are checked on a hit).
void test_pte_checks()
{
  flush_all();
  uint64_t root = zalloc();
  Ctx c;
  c.s1_mode = 8;
  c.s1_ppn = root >> 12;
  c.pscid = 57;
  ctx_load(c);
  map(root, 0x42000000, 0x70000000, 0, FL | (1ull << 54), 2);
  check_fault(run({false, 1, 0x42000010}), 13, 0x42000010, "PTE bit 54 (reserved) -> 13");
  for (uint64_t ppn3 : {0x9ull, 0xcull, 0xfull}) {  // N=1, PPN[3:0] = 1001, 1100, 1111
    uint64_t va = 0x42100000 + (ppn3 << 16);
    for (int i = 0; i < 16; i++)
      map(root, va + i * 4096, 0x90000000 | (ppn3 << 12), 0, FL | NAPOT, 2);
    char buf[64];
    snprintf(buf, sizeof buf, "NAPOT with PPN[3:0] = 0x%llx -> 13", (unsigned long long)ppn3);
    check_fault(run({false, 1, va + 0x3010}), 13, va + 0x3010, buf);
  }
  map(root, 0x42400000, 0x71000000, 0, V | R | A | D | U, 2);  // read-only
  check_pass(run({false, 1, 0x42400010}), 0x71000010, "read-only page: read (cached)");
  check_fault(run({true, 1, 0x42400010}), 15, 0x42400010, "read-only page cached: write -> 15");
  // G-stage leaf U=0: G-only, and the final GPA of a nested walk.
  const uint64_t OFF = 0x800000000ull;
  uint64_t groot = zalloc(4, 4);
  map(groot, 0, OFF, 2, GFL, 2, 11);
  map(groot, 0x40002000, 0x72000000, 0, GFL & ~U, 2, 11);
  static uint64_t s1_gpa = 0xc00000;
  uint64_t save = next_page;
  next_page = s1_gpa;
  uint64_t s1root = zalloc();
  map(s1root, 0x9000, 0x40002000, 0, FL, 2, 9, OFF);
  s1_gpa = next_page;
  next_page = save;
  Ctx g;
  g.did = 6;
  g.s2_mode = 8;
  g.s2_ppn = groot >> 12;
  g.gscid = 24;
  ctx_load(g);
  Obs o = run({false, 1, 0x40002010, 0, 0, 6});
  check_fault(o, 21, 0x40002010, "G-stage leaf U=0 (G-only) -> 21");
  Ctx n = g;
  n.did = 7;
  n.s1_mode = 8;
  n.s1_ppn = s1root >> 12;
  n.pscid = 58;
  ctx_load(n);
  o = run({true, 1, 0x9010, 0, 0, 7});
  check_fault(o, 23, 0x9010, "nested: final G-stage leaf U=0: write -> 23");
  check(o.rec[3] == 0x40002010, "nested: G-stage leaf U=0: iotval2 = GPA");
}

// Random mix: hits, misses, faults (reads and writes), invalidations, IDs 0-5, bursts.
void test_random(unsigned n)
{
  lat = 10;
  ctx_inv_all();
  uint64_t root = alloc();
  ctx_load(sv39_ctx(root, 63));
  struct Pg {
    uint64_t va, pa;
    int kind;  // 0 rw, 1 read-only, 2 invalid
  };
  std::vector<Pg> pg;
  for (int i = 0; i < 24; i++) {
    Pg p{0x4000000 + (uint64_t)i * 0x1000 + (uint64_t)(i / 8) * 0x200000,
         0x6000000 + (uint64_t)i * 0x3000, i % 8 == 7 ? 2 : (i % 8 == 6 ? 1 : 0)};
    uint64_t fl = p.kind == 2 ? 0 : (p.kind == 1 ? (V | R | A | D | U) : FL);
    map(root, p.va, p.pa, 0, fl, 2);
    pg.push_back(p);
  }
  eng_start();
  unsigned rec0 = nrec, nfaults = 0, sent = 0;
  uint64_t t0 = cyc;
  while ((eng_done < txns.size() || sent < n) && cyc - t0 < 400000) {
    if (sent < n && ar_q.size() + aw_q.size() < 4 && rnd(3) == 0) {
      Pg &p = pg[rnd((unsigned)pg.size())];
      bool wr = rnd(3) == 0;
      unsigned len = rnd(4);
      uint64_t off = 8 * rnd(512 - len);
      bool fault = p.kind == 2 || (wr && p.kind == 1);
      nfaults += fault;
      eng_add(wr, rnd(6), p.va + off, len, fault, p.pa + off);
      sent++;
    }
    if (rnd(200) == 0)
      inv(false, false, rnd(2), false, 0, 0, pg[rnd((unsigned)pg.size())].va >> 12);
    else
      tick();
  }
  bool ok = eng_finish();
  char buf[128];
  snprintf(buf, sizeof buf, "random: %u transactions (%u faults), bp %u%%: every response and "
           "per-ID order", n, nfaults, bp);
  check(ok, buf);
  check(nrec - rec0 == nfaults, "random: one fault record per faulting transaction");
}


// ---- inval_race: an invalidation lands while IOTLB-hit requests stall on the memory port ----
// For every invalidation kind, a driver-like sequence (update the PTE / the context, then
// invalidate) is posted at each cycle offset of a window around a stream of back-to-back
// IOTLB-hit requests, with every m_dma AR/AW held 0..8 cycles without READY. Checks: AXI
// stability (the monitor), every request issued to the old or the new physical address and only
// to the new one when accepted after the invalidation, read data and per-ID order, every request
// done within WATCHDOG cycles, and the new translation used afterwards.
enum RaceKind { RK_VMA_AV, RK_VMA_PSCID, RK_VMA_ALL, RK_GVMA_GSCID, RK_GVMA_AV, RK_CTX_INV, RK_N };
const char *const race_kind_name[RK_N] = {
    "IOTINVAL.VMA by address", "IOTINVAL.VMA by PSCID", "IOTINVAL.VMA global",
    "IOTINVAL.GVMA by GSCID", "IOTINVAL.GVMA by address", "context invalidation (ctx_inv DID)"};
const char *const race_mode_name[3] = {"reads", "writes", "reads+writes"};
constexpr unsigned RACE_PAGES = 4, RACE_REQS = 12, RACE_OFFSETS = 24, RACE_STALL_MAX = 8;
constexpr unsigned RACE_PSCID = 80, RACE_PSCID_NEW = 81, RACE_GSCID = 12;

struct RacePages {
  uint64_t va[RACE_PAGES], pa_old[RACE_PAGES], pa_new[RACE_PAGES], pte[RACE_PAGES];
  uint64_t flags;
};

void test_inval_race()
{
  lat = 6;
  top->ddtp_mode_i = 3;
  ctx_inv_all();
  // DID 5: first stage Sv39 (VMA kinds, ctx_inv); its "new" context is another root and PSCID.
  RacePages s1, g;
  uint64_t root = alloc(), root_new = alloc();
  s1.flags = FL;
  for (unsigned i = 0; i < RACE_PAGES; i++) {
    s1.va[i] = 0x7000000 + i * 0x1000ull;
    s1.pa_old[i] = 0x8000000 + i * 0x3000ull;
    s1.pa_new[i] = 0xa000000 + i * 0x5000ull;
    s1.pte[i] = map(root, s1.va[i], s1.pa_old[i], 0, FL, 2);
    map(root_new, s1.va[i], s1.pa_new[i], 0, FL, 2);
  }
  Ctx c5 = sv39_ctx(root, RACE_PSCID), c5n = sv39_ctx(root_new, RACE_PSCID_NEW);
  // DID 6: G-stage only, Sv39x4 (GVMA kinds).
  uint64_t groot = alloc(4, 4);
  g.flags = V | R | W | X | U | A | D;
  for (unsigned i = 0; i < RACE_PAGES; i++) {
    g.va[i] = 0x7100000 + i * 0x1000ull;
    g.pa_old[i] = 0x8100000 + i * 0x3000ull;
    g.pa_new[i] = 0xa100000 + i * 0x5000ull;
    g.pte[i] = map(groot, g.va[i], g.pa_old[i], 0, g.flags, 2, 11);
  }
  Ctx c6;
  c6.did = 6;
  c6.s2_mode = 8;
  c6.s2_ppn = groot >> 12;
  c6.gscid = RACE_GSCID;

  for (int kind = 0; kind < RK_N; kind++) {
    bool gk = kind == RK_GVMA_GSCID || kind == RK_GVMA_AV;
    bool one_page = kind == RK_VMA_AV || kind == RK_GVMA_AV;
    RacePages &pg = gk ? g : s1;
    unsigned did = gk ? 6 : 5;
    for (unsigned mode = 0; mode < 3; mode++) {
      unsigned n = 0, f_stab = 0, f_eng = 0, f_hang = 0, f_post = 0, f_warm = 0;
      char first[4][96] = {"", "", "", ""};
      auto note = [&](unsigned &cnt, int which, unsigned off, unsigned st) {
        if (cnt++ == 0)
          snprintf(first[which], sizeof first[which], " (first: offset %u, stall %u)", off, st);
      };
      for (unsigned stall = 0; stall <= RACE_STALL_MAX; stall++) {
        for (unsigned off = 0; off < RACE_OFFSETS; off++) {
          n++;
          snprintf(race_scn, sizeof race_scn, " [%s, %s, offset %u, stall %u]",
                   race_kind_name[kind], race_mode_name[mode], off, stall);
          // Old mapping, empty IOTLB and context cache, then warm the IOTLB.
          for (unsigned i = 0; i < RACE_PAGES; i++)
            mem[pg.pte[i]] = ((pg.pa_old[i] >> 12) << 10) | pg.flags;
          inv(false, false, false, false, 0, 0, 0);
          inv(true, false, false, false, 0, 0, 0);
          ctx_inv_all();
          ctx_load(c5);
          ctx_load(c6);
          for (unsigned i = 0; i < RACE_PAGES; i++)
            run({false, 1, pg.va[i], 0, 0, did});
          bool ctx_new = false;  // ctx_inv kind: the device context now is c5n
          int fw = 0;            // context miss: 1 = context loaded, retry next edge
          // Firmware's side of a context miss: load the device context as it is now, retry.
          auto fw_step = [&] {
            if (fw == 1) {
              top->miss_retry_i = 1;
              fw = 0;
            } else if (top->miss_valid_o) {
              ctx_drive(top->miss_did_o == 6 ? c6 : (ctx_new ? c5n : c5));
              fw = 1;
            }
          };
          // The stream of hits; each m_dma AR/AW stalls 'stall' cycles.
          unsigned viol0 = mon_viol, walks0 = ptw_reads, walks_before = 0;
          dma_stall = (int)stall;
          ar_pend = aw_pend = false;
          eng_start();
          for (unsigned k = 0; k < RACE_REQS; k++) {
            unsigned p = k % RACE_PAGES;
            bool wr = mode == 1 || (mode == 2 && (k & 1));
            uint64_t o = 8ull * k;
            Txn *t = eng_add(wr, 1 + k % 6, pg.va[p] + o, 0, false, pg.pa_old[p] + o);
            t->did = did;
            t->race = true;
            t->pa_new = (one_page && p != 0 ? pg.pa_old[p] : pg.pa_new[p]) + o;
          }
          eng_drive();
          uint64_t t0 = cyc;
          bool posted = false, pending = false;
          while ((eng_done < txns.size() || !posted || pending) && cyc - t0 < WATCHDOG + 500) {
            if (!posted && cyc - t0 >= off) {
              posted = pending = true;
              inv_hs = false;
              walks_before = ptw_reads - walks0;
              // The driver: update the translation in memory first, then invalidate.
              if (kind == RK_CTX_INV) {
                ctx_new = true;
              } else {
                for (unsigned i = 0; i < (one_page ? 1 : RACE_PAGES); i++)
                  mem[pg.pte[i]] = ((pg.pa_new[i] >> 12) << 10) | pg.flags;
              }
            }
            if (pending) {
              switch (kind) {
              case RK_VMA_AV: inv_drive(false, false, true, false, 0, 0, pg.va[0] >> 12); break;
              case RK_VMA_PSCID: inv_drive(false, false, false, true, RACE_PSCID, 0, 0); break;
              case RK_VMA_ALL: inv_drive(false, false, false, false, 0, 0, 0); break;
              case RK_GVMA_GSCID: inv_drive(true, true, false, false, 0, RACE_GSCID, 0); break;
              case RK_GVMA_AV:
                inv_drive(true, true, true, false, 0, RACE_GSCID, pg.va[0] >> 12);
                break;
              default:  // context invalidation: a one-cycle pulse, no handshake
                top->ctx_inv_i = 1;
                top->ctx_inv_op_i = 0;
                top->ctx_inv_did_i = 5;
                race_inv_cyc = cyc;
                pending = false;
                break;
              }
            }
            fw_step();
            tick();
            if (pending && inv_hs) {
              pending = false;
              race_inv_cyc = inv_hs_cyc;
            }
          }
          bool eng_ok = eng_finish(0);
          dma_stall = -1;
          bool hang = pending;
          for (const Txn &t : txns)
            hang |= !t.done || t.t_done - t.t_acc > WATCHDOG;
          if (mon_viol != viol0)
            note(f_stab, 0, off, stall);
          if (!eng_ok && !hang)
            note(f_eng, 1, off, stall);
          if (hang)
            note(f_hang, 2, off, stall);
          if (walks_before)
            f_warm++;
          // Afterwards every page uses the new translation (a read of each, no stall).
          if (!hang) {
            eng_start();
            for (unsigned i = 0; i < RACE_PAGES; i++) {
              uint64_t want = (one_page && i != 0) ? pg.pa_old[i] : pg.pa_new[i];
              eng_add(false, 1, pg.va[i] + 0x100, 0, false, want + 0x100)->did = did;
            }
            eng_drive();
            for (unsigned i = 0; i < WATCHDOG && eng_done < txns.size(); i++) {
              fw_step();
              tick();
            }
            if (!eng_finish(0))
              note(f_post, 3, off, stall);
          }
          if (hang)  // leave a clean block for the next scenario
            reset();
        }
      }
      race_scn[0] = 0;
      char b[256];
      const char *kn = race_kind_name[kind], *mn = race_mode_name[mode];
      snprintf(b, sizeof b, "inval_race %s, %s: AXI VALID/payload stable on every channel; "
               "violated in %u of %u scenarios%s", kn, mn, f_stab, n, first[0]);
      check(f_stab == 0, b);
      snprintf(b, sizeof b, "inval_race %s, %s: old or new address (new after the "
               "invalidation), read data, per-ID order; wrong in %u of %u scenarios%s", kn, mn,
               f_eng, n, first[1]);
      check(f_eng == 0, b);
      snprintf(b, sizeof b, "inval_race %s, %s: every request done within %u cycles; hung in "
               "%u of %u scenarios%s", kn, mn, WATCHDOG, f_hang, n, first[2]);
      check(f_hang == 0, b);
      snprintf(b, sizeof b, "inval_race %s, %s: the new translation is used afterwards; stale "
               "in %u of %u scenarios%s", kn, mn, f_post, n, first[3]);
      check(f_post == 0, b);
      snprintf(b, sizeof b, "inval_race %s, %s: the stream hit the IOTLB before the "
               "invalidation (walks seen in %u of %u scenarios)", kn, mn, f_warm, n);
      check(f_warm == 0, b);
    }
  }
  lat = 10;
}


// ---- Hardware A/D update (DC.tc.SADE / GADE, AMO_HWAD) ----
// First stage (SADE): A on a read, A and D on a write, nothing on a faulting walk, a write to a
// clean cached page walks again and sets D, no update without SADE.
void test_hwad_s1()
{
  flush_all();
  uint64_t root = alloc();
  Ctx c;
  c.s1_mode = 8;
  c.s1_ppn = root >> 12;
  c.pscid = 41;
  c.sade = true;
  ctx_load(c);
  const uint64_t CLEAN = V | R | W | U;  // A = D = 0
  uint64_t p1 = map(root, 0x51000, 0x81000, 0, CLEAN, 2);
  uint64_t p2 = map(root, 0x52000, 0x82000, 0, CLEAN, 2);
  uint64_t p3 = map(root, 0x53000, 0x83000, 0, CLEAN | A, 2);
  unsigned w0 = ptw_wok, x0 = ptw_xreads;
  Obs o = run({false, 1, 0x51008});
  check(!o.fault && o.dma_addr == 0x81008, "hwad s1: read of an A=0 leaf passes");
  check(mem[p1] == (CLEAN | A | (0x81ull << 10)), "hwad s1: read sets A only");
  check(ptw_wok == w0 + 1 && ptw_xreads == x0 + 1, "hwad s1: one exclusive read, one write");
  o = run({true, 1, 0x52010});
  check(!o.fault && o.dma_addr == 0x82010, "hwad s1: write of an A=D=0 leaf passes");
  check(mem[p2] == (CLEAN | A | D | (0x82ull << 10)), "hwad s1: write sets A and D");
  // A=1, D=0: a read caches the page without W; the write hit must walk again and set D.
  w0 = ptw_wok;
  o = run({false, 1, 0x53000});
  check(!o.fault && mem[p3] == (CLEAN | A | (0x83ull << 10)) && ptw_wok == w0,
        "hwad s1: read of A=1 D=0 writes nothing");
  unsigned r0 = ptw_reads;
  o = run({false, 1, 0x53008});
  check(ptw_reads == r0, "hwad s1: read hits the cached clean page");
  o = run({true, 1, 0x53010});
  check(!o.fault && o.dma_addr == 0x83010 && ptw_reads > r0, "hwad s1: write to a clean cached page walks");
  check(mem[p3] == (CLEAN | A | D | (0x83ull << 10)) && ptw_wok == w0 + 1,
        "hwad s1: ... and sets D");
  r0 = ptw_reads;
  o = run({true, 1, 0x53018});
  check(!o.fault && ptw_reads == r0, "hwad s1: the dirty page then hits for writes");
  // Faulting walks write nothing: no W, misaligned superpage, reserved bit, W without R, all
  // with A=D=0.
  struct {
    uint64_t va, pa, flags;
    unsigned lvl;
    bool write;
    unsigned prot, cause;
    const char *n;
  } f[] = {
      {0x54000, 0x84000, V | R | U, 0, true, 0, 15, "hwad s1: write without W faults, no A/D"},
      {0x40600000, 0x80601000, V | R | W | U, 1, false, 0, 13,
       "hwad s1: misaligned superpage faults, no A"},
      {0x55000, 0x85000, V | R | W | U | (1ull << 60), 0, false, 0, 13,
       "hwad s1: reserved bit faults, no A"},
      {0x57000, 0x87000, V | W | U, 0, false, 0, 13, "hwad s1: W without R, no A"},
  };
  for (auto &e : f) {
    uint64_t pa = map(root, e.va, e.pa, e.lvl, e.flags, 2);
    uint64_t before = mem[pa];
    w0 = ptw_writes;
    o = run({e.write, 1, e.va, 0, e.prot});
    check(o.fault && cause(o) == e.cause && mem[pa] == before && ptw_writes == w0, e.n);
  }
  // Without SADE: A=0 faults as before, nothing written.
  c.sade = false;
  c.did = 6;
  c.pscid = 42;
  ctx_load(c);
  uint64_t p4 = map(root, 0x58000, 0x88000, 0, CLEAN, 2);
  w0 = ptw_writes;
  o = run({false, 1, 0x58000, 0, 0, 6});
  check(o.fault && cause(o) == 13 && mem[p4] == (CLEAN | (0x88ull << 10)) && ptw_writes == w0,
        "hwad s1: no SADE, A=0 -> 13, nothing written");
  uint64_t p5 = map(root, 0x59000, 0x89000, 0, CLEAN | A, 2);
  o = run({true, 1, 0x59000, 0, 0, 6});
  check(o.fault && cause(o) == 15 && mem[p5] == (CLEAN | A | (0x89ull << 10)) && ptw_writes == w0,
        "hwad s1: no SADE, write D=0 -> 15, nothing written");
}

// The exclusive write fails when the PTE changes between the walker's exclusive read and its
// write: the walker reads again and judges the new PTE (no lost update, no bit on a PTE that
// became invalid).
uint64_t hwad_hook_addr, hwad_hook_val;
unsigned hwad_hook_left;
void hwad_hook(uint64_t a)
{
  if (a == hwad_hook_addr && hwad_hook_left) {
    hwad_hook_left--;
    mem_store(a, hwad_hook_val);
  }
}

void test_hwad_race()
{
  flush_all();
  uint64_t root = alloc();
  Ctx c;
  c.s1_mode = 8;
  c.s1_ppn = root >> 12;
  c.pscid = 43;
  c.sade = true;
  ctx_load(c);
  const uint64_t CLEAN = V | R | W | U;
  ptw_xread_hook = hwad_hook;
  // The other agent sets a software bit (RSW 8) right after the exclusive read: the write fails,
  // the walker reads again and sets A on top of the new value.
  uint64_t p1 = map(root, 0x61000, 0x91000, 0, CLEAN, 2);
  hwad_hook_addr = p1;
  hwad_hook_val = mem[p1] | (1ull << 8);
  hwad_hook_left = 1;
  unsigned f0 = ptw_wfail, w0 = ptw_wok;
  Obs o = run({true, 1, 0x61000});
  check(!o.fault && o.dma_addr == 0x91000, "hwad race: write passes after a failed exclusive");
  check(ptw_wfail == f0 + 1 && ptw_wok == w0 + 1, "hwad race: one failed, one good exclusive");
  check(mem[p1] == (CLEAN | A | D | (1ull << 8) | (0x91ull << 10)),
        "hwad race: no lost update (the other agent's bit kept)");
  // The other agent invalidates the PTE meanwhile: the walk faults and nothing is written.
  uint64_t p2 = map(root, 0x62000, 0x92000, 0, CLEAN, 2);
  hwad_hook_addr = p2;
  hwad_hook_val = mem[p2] & ~(uint64_t)V;
  hwad_hook_left = 1;
  f0 = ptw_wfail;
  w0 = ptw_wok;
  o = run({false, 1, 0x62000});
  check(o.fault && cause(o) == 13 && ptw_wfail == f0 + 1 && ptw_wok == w0,
        "hwad race: PTE invalidated meanwhile -> 13");
  check(mem[p2] == hwad_hook_val, "hwad race: no bit set on the changed PTE");
  // The other agent sets A itself: the failed write is followed by a plain leaf, no second write.
  uint64_t p3 = map(root, 0x63000, 0x93000, 0, CLEAN, 2);
  hwad_hook_addr = p3;
  hwad_hook_val = mem[p3] | A;
  hwad_hook_left = 1;
  f0 = ptw_wfail;
  w0 = ptw_wok;
  o = run({false, 1, 0x63000});
  check(!o.fault && ptw_wfail == f0 + 1 && ptw_wok == w0 && mem[p3] == hwad_hook_val,
        "hwad race: A set by the other agent, nothing more written");
  ptw_xread_hook = nullptr;
}

// G-stage (GADE): final G leaf A/D; nested: the first-stage PTE's G leaf gets A for the implicit
// read and D for the implicit write of the first-stage A/D update; an implicit write to a G leaf
// without W is a guest-page fault with iotval2 bits 1:0 = 11 and the first-stage PTE untouched.
void test_hwad_g()
{
  flush_all();
  const uint64_t OFF = 0x40000000;   // GPA g lives at SPA g + OFF
  const uint64_t CLEAN = V | R | W | U;
  const uint64_t GOOD = V | R | W | U | A | D;
  uint64_t groot = alloc(4, 4);
  Ctx c;
  c.s2_mode = 8;
  c.s2_ppn = groot >> 12;
  c.gscid = 9;
  c.did = 7;
  c.gade = false;
  ctx_load(c);
  uint64_t g1 = map(groot, 0x71000, OFF + 0x71000, 0, CLEAN, 2, 11);
  unsigned w0 = ptw_writes;
  Obs o = run({false, 1, 0x71000, 0, 0, 7});
  check(o.fault && cause(o) == 21 && mem[g1] == (CLEAN | ((OFF + 0x71000) >> 12 << 10)) &&
            ptw_writes == w0,
        "hwad g: no GADE, A=0 -> 21, nothing written");
  c.gade = true;
  c.did = 8;
  c.gscid = 10;
  ctx_load(c);
  o = run({true, 1, 0x71008, 0, 0, 8});
  check(!o.fault && o.dma_addr == OFF + 0x71008, "hwad g: G-only write passes");
  check(mem[g1] == (CLEAN | A | D | ((OFF + 0x71000) >> 12 << 10)), "hwad g: G leaf A and D set");
  // Nested. First-stage tables at GPAs 0x200000 (root), then 0x300000.. (allocated by map()).
  uint64_t save = next_page;
  const uint64_t S1ROOT = 0x200000;
  mem.erase(mem.lower_bound(S1ROOT + OFF), mem.lower_bound(S1ROOT + OFF + 4096));
  next_page = 0x300000;
  uint64_t s1a = map(S1ROOT, 0x7000, 0x5000, 0, CLEAN, 2, 9, OFF);            // L0 table 0x301000
  uint64_t s1b = map(S1ROOT, 0x40007000, 0x6000, 0, CLEAN, 2, 9, OFF);        // L0 table 0x303000
  next_page = save;
  uint64_t groot2 = alloc(4, 4);
  map(groot2, S1ROOT, S1ROOT + OFF, 0, GOOD, 2, 11);
  map(groot2, 0x300000, 0x300000 + OFF, 0, GOOD, 2, 11);
  uint64_t gl0 = map(groot2, 0x301000, 0x301000 + OFF, 0, CLEAN, 2, 11);      // no A/D
  map(groot2, 0x302000, 0x302000 + OFF, 0, GOOD, 2, 11);
  uint64_t gro = map(groot2, 0x303000, 0x303000 + OFF, 0, V | R | U | A | D, 2, 11);  // no W
  uint64_t gd = map(groot2, 0x5000, 0x45000, 0, CLEAN, 2, 11);                 // data, no A/D
  map(groot2, 0x6000, 0x46000, 0, GOOD, 2, 11);
  c.did = 9;
  c.gscid = 11;
  c.pscid = 44;
  c.s2_ppn = groot2 >> 12;
  c.s1_mode = 8;
  c.s1_ppn = S1ROOT >> 12;
  c.sade = true;
  c.gade = true;
  ctx_load(c);
  o = run({false, 1, 0x7010, 0, 0, 9});
  check(!o.fault && o.dma_addr == 0x45010, "hwad nested: read passes");
  check(mem[s1a] == (CLEAN | A | (0x5ull << 10)), "hwad nested: first-stage leaf A");
  check(mem[gl0] == (CLEAN | A | D | ((0x301000 + OFF) >> 12 << 10)),
        "hwad nested: G leaf of the PTE page A+D (implicit write)");
  check(mem[gd] == (CLEAN | A | (0x45ull << 10)), "hwad nested: final G leaf A only (read)");
  o = run({true, 1, 0x7018, 0, 0, 9});
  check(!o.fault && o.dma_addr == 0x45018, "hwad nested: write to the clean page passes");
  check(mem[s1a] == (CLEAN | A | D | (0x5ull << 10)) && mem[gd] == (CLEAN | A | D | (0x45ull << 10)),
        "hwad nested: write sets D in both leaves");
  uint64_t before = mem[s1b];
  o = run({false, 1, 0x40007000, 0, 0, 9});
  check(o.fault && cause(o) == 21 && o.rec[3] == ((s1b - OFF) | 3),
        "hwad nested: implicit write to a G leaf without W -> 21, iotval2 bits 1:0 = 11");
  check(mem[s1b] == before && mem[gro] == (V | R | U | A | D | ((0x303000 + OFF) >> 12 << 10)),
        "hwad nested: nothing written");
}

}  // namespace

// One debug translation (tr_req_ctl Go): NW=1 read, NW=0 write, Exe; user, no process_id. On a
// context miss the context 'miss_ctx' is loaded and the request retried.
DbgRes dbg(uint64_t iova, bool nw, bool exe, unsigned did, const Ctx *miss_ctx = nullptr)
{
  dbg_res = DbgRes();
  top->dbg_iova_i = iova;
  top->dbg_did_i = did;
  top->dbg_pid_i = 0;
  top->dbg_pv_i = 0;
  top->dbg_priv_i = 0;
  top->dbg_exe_i = exe;
  top->dbg_nw_i = nw;
  top->dbg_valid_i = 1;
  for (unsigned i = 0; i < WATCHDOG && !dbg_res.done; i++) {
    if (top->miss_valid_o && miss_ctx) {
      ctx_load(*miss_ctx);
      top->miss_retry_i = 1;
      miss_ctx = nullptr;
    }
    tick();
  }
  check(dbg_res.done, "debug translation answered");
  top->dbg_valid_i = 0;
  return dbg_res;
}

// Debug translations through the datapath: PPN and leaf size of each page size, the faults, the
// context miss, and a debug request in the cycle a device read is offered (debug goes first; both
// must come out right). Until this test only the co-simulation saw the debug path.
void test_dbg()
{
  flush_all();
  uint64_t root = alloc();
  Ctx c;
  c.s1_mode = 8;
  c.s1_ppn = root >> 12;
  ctx_load(c);
  map(root, 0x40001000, 0x80005000, 0, FL, 2);
  map(root, 0x40200000, 0x80400000, 1, FL, 2);
  map(root, 0x80000000, 0x1c0000000, 2, FL, 2);
  map(root, 0x40003000, 0x80007000, 0, FL & ~W, 2);
  for (int i = 0; i < 16; i++)
    map(root, 0x40410000 + i * 4096, 0x90000000 | 0x8000, 0, FL | NAPOT, 2);
  struct {
    uint64_t va;
    bool nw, exe, fault;
    uint64_t ppn;
    unsigned size;
    const char *n;
  } t[] = {{0x40001008, true, false, false, 0x80005, 0, "dbg 4K read"},
           {0x40001008, false, false, false, 0x80005, 0, "dbg 4K write"},
           {0x40234568, true, false, false, 0x80434, 2, "dbg 2M"},
           {0x8abcd010, true, false, false, 0x1cabcd, 3, "dbg 1G"},
           {0x40413020, true, false, false, 0x90003, 1, "dbg 64K NAPOT"},
           {0x40003000, false, false, true, 0, 0, "dbg write to a read-only page faults"},
           {0x40001000, true, true, true, 0, 0, "dbg exec of a page without X faults"},
           {0x40005000, true, false, true, 0, 0, "dbg unmapped page faults"}};
  unsigned rec0 = nrec;
  for (auto &e : t) {
    DbgRes r = dbg(e.va, e.nw, e.exe, 5);
    char buf[128];
    snprintf(buf, sizeof buf, "%s (fault %d ppn %llx size %u)", e.n, r.fault,
             (unsigned long long)r.ppn, r.size);
    check(r.fault == e.fault && (e.fault || (r.ppn == e.ppn && r.size == e.size)), buf);
  }
  check(nrec == rec0, "debug translations write no fault record");
  // Warm IOTLB: a device read fills the page; the debug answer is the same.
  Obs o = run({false, 1, 0x40234000});
  check(o.dma_seen && o.dma_addr == 0x80434000, "dbg: device read of the 2M page");
  DbgRes r = dbg(0x40234010, true, false, 5);
  check(!r.fault && r.ppn == 0x80434 && r.size == 2, "dbg after the IOTLB fill: 2M answer");
  // Context miss: the context is loaded on the miss and the request retried.
  Ctx c9 = c;
  c9.did = 9;
  r = dbg(0x40001010, true, false, 9, &c9);
  check(!r.fault && r.ppn == 0x80005 && r.size == 0, "dbg after a context miss");
  // Debug and a device read offered in the same cycle.
  dbg_res = DbgRes();
  top->dbg_iova_i = 0x8abce000;
  top->dbg_did_i = 5;
  top->dbg_nw_i = 1;
  top->dbg_exe_i = 0;
  top->dbg_valid_i = 1;
  o = run({false, 2, 0x40001020});
  for (unsigned i = 0; i < WATCHDOG && !dbg_res.done; i++)
    tick();
  top->dbg_valid_i = 0;
  check(o.dma_seen && o.dma_addr == 0x80005020 && o.resp == 0, "dbg beside a read: the read");
  check(dbg_res.done && !dbg_res.fault && dbg_res.ppn == 0x1cabce && dbg_res.size == 3,
        "dbg beside a read: the debug answer");
}

int main(int argc, char **argv)
{
  Verilated::commandArgs(argc, argv);
  for (int i = 1; i < argc; i++)
    if (!strncmp(argv[i], "+test=", 6))
      test_filter = argv[i] + 6;
  top = new Viommu_xlate;
  top->m_dma_arready_i = 1;
  top->m_dma_awready_i = 1;
  top->m_dma_wready_i = 1;
  top->m_ptw_arready_i = 1;
  top->s_axi_rready_i = 1;
  top->s_axi_bready_i = 1;
  top->fctl_gxl_i = 0;
  reset();
  run_test("off_bare", test_off_bare);
  run_test("sv39", test_sv39);
  run_test("sv48", test_sv48);
  run_test("nested", test_nested);
  run_test("inval", test_inval);
  run_test("sv48x4", test_sv48x4);
  run_test("perf", test_perf);
  run_test("miss_latency", test_miss_latency);
  run_test("hit_under_miss", test_hit_under_miss);
  run_test("walks_in_flight", test_walks_in_flight);
  run_test("same_page_walk", test_same_page_walk);
  run_test("hold", test_hold);
  run_test("inval_in_flight", test_inval_in_flight);
  run_test("walk_cache", test_walk_cache);
  run_test("walk_cache_dup", test_walk_cache_dup);
  run_test("walk_cache_ctx", test_walk_cache_ctx);
  run_test("random", [] { test_random(3000); });
  run_test("inval_race", test_inval_race);
  run_test("superpage_align", test_superpage_align);
  run_test("canonical", test_canonical);
  run_test("msi_mask", test_msi_mask);
  run_test("msi_miss", test_msi_miss);
  run_test("msi_dup", test_msi_dup);
  run_test("msi_gscid", test_msi_gscid);
  run_test("msi_alternate", test_msi_alternate);
  run_test("gvma_nested", test_gvma_nested);
  run_test("cause_ttyp_msi", test_cause_ttyp_msi);
  run_test("nonleaf_bits", test_nonleaf_bits);
  run_test("pte_checks", test_pte_checks);
  run_test("sv57", test_sv57);
  run_test("sv57_align", test_sv57_align);
  run_test("sv57x4", test_sv57x4);
  run_test("sv57_latency", test_sv57_latency);
  run_test("hwad_s1", test_hwad_s1);
  run_test("hwad_race", test_hwad_race);
  run_test("hwad_g", test_hwad_g);
  run_test("dbg", test_dbg);
  // Everything again with random memory back-pressure and latency jitter (no timing checks).
  printf("-- rerun with random back-pressure (30%%) and latency jitter (0-20) --\n");
  bp = 30;
  jit = 20;
  srand(7);
  reset();
  run_test("off_bare/bp", test_off_bare);
  run_test("sv39/bp", test_sv39);
  run_test("sv48/bp", test_sv48);
  run_test("nested/bp", test_nested);
  run_test("inval/bp", test_inval);
  run_test("sv48x4/bp", test_sv48x4);
  run_test("inval_in_flight/bp", test_inval_in_flight);
  run_test("hold/bp", test_hold);
  run_test("walk_cache/bp", test_walk_cache);
  run_test("superpage_align/bp", test_superpage_align);
  run_test("canonical/bp", test_canonical);
  run_test("msi_mask/bp", test_msi_mask);
  run_test("msi_miss/bp", test_msi_miss);
  run_test("msi_gscid/bp", test_msi_gscid);
  run_test("gvma_nested/bp", test_gvma_nested);
  run_test("cause_ttyp_msi/bp", test_cause_ttyp_msi);
  run_test("nonleaf_bits/bp", test_nonleaf_bits);
  run_test("pte_checks/bp", test_pte_checks);
  run_test("sv57/bp", test_sv57);
  run_test("sv57_align/bp", test_sv57_align);
  run_test("sv57x4/bp", test_sv57x4);
  run_test("random/bp", [] { test_random(3000); });
  run_test("hwad_s1/bp", test_hwad_s1);
  run_test("hwad_race/bp", test_hwad_race);
  run_test("hwad_g/bp", test_hwad_g);
  run_test("dbg/bp", test_dbg);
  bp = 0;
  jit = 0;
  top->final();
  delete top;
  if (mon_viol)
    printf("AXI stability monitor: %u violation(s), each counted as a failure\n", mon_viol);
  printf("%d passed, %d failed\n", npass, nfail);
  return nfail ? 1 : 0;
}
