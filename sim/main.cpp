// SPDX-License-Identifier: Apache-2.0
// Verilator glue: owns the Verilated soc_top and copies its ports to/from the plain C struct
// sim_ports (sim/c/ports.h) once per cycle. Everything else (models, tests, plusargs) is C.
#include <cstdio>
#include <cstring>
#include <memory>

#include "Vsoc_top.h"
#include "verilated.h"
#if VM_TRACE_FST
#include "verilated_fst_c.h"
using TraceFile = VerilatedFstC;
#elif VM_TRACE
#include "verilated_vcd_c.h" // a build with --trace instead of --trace-fst
using TraceFile = VerilatedVcdC;
#endif

#include "ports.h"

// Port lists: (RTL port suffix, struct field). Inputs are copied into the model, outputs out.
#define AXIL_IN(X)                                                                        \
	X(awvalid_i, awvalid) X(awaddr_i, awaddr) X(wvalid_i, wvalid) X(wdata_i, wdata)  \
	X(wstrb_i, wstrb) X(bready_i, bready) X(arvalid_i, arvalid) X(araddr_i, araddr) \
	X(rready_i, rready)
#define AXIL_OUT(X)                                                                       \
	X(awready_o, awready) X(wready_o, wready) X(bvalid_o, bvalid) X(bresp_o, bresp) \
	X(arready_o, arready) X(rvalid_o, rvalid) X(rdata_o, rdata) X(rresp_o, rresp)
// Master-side signals of an AXI4 port (inputs of s_axi_*, outputs of m_axi_*).
#define AXI_MST(X, D)                                                                      \
	X(awvalid_##D, awvalid) X(awid_##D, awid) X(awaddr_##D, awaddr) X(awlen_##D, awlen) \
	X(awsize_##D, awsize) X(awburst_##D, awburst) X(awprot_##D, awprot)                 \
	X(wvalid_##D, wvalid) X(wdata_##D, wdata) X(wstrb_##D, wstrb) X(wlast_##D, wlast)   \
	X(bready_##D, bready) X(arvalid_##D, arvalid) X(arid_##D, arid)                     \
	X(araddr_##D, araddr) X(arlen_##D, arlen) X(arsize_##D, arsize)                     \
	X(arburst_##D, arburst) X(arprot_##D, arprot) X(rready_##D, rready)
// Slave-side signals (outputs of s_axi_*, inputs of m_axi_*).
#define AXI_SLV(X, D)                                                                     \
	X(awready_##D, awready) X(wready_##D, wready) X(bvalid_##D, bvalid) X(bid_##D, bid) \
	X(bresp_##D, bresp) X(arready_##D, arready) X(rvalid_##D, rvalid) X(rid_##D, rid)   \
	X(rdata_##D, rdata) X(rresp_##D, rresp) X(rlast_##D, rlast)
// Memory-port only (the device port has no AxLOCK): exclusive accesses of the burst engine.
#define MEM_LOCK(X) X(awlock_o, awlock) X(arlock_o, arlock)
#define DEV_SIDEBAND(X)                                                                      \
	X(aw_did_i, aw_did) X(aw_pid_i, aw_pid) X(aw_pv_i, aw_pv) X(ar_did_i, ar_did) \
	X(ar_pid_i, ar_pid) X(ar_pv_i, ar_pv)

#define IN_AXIL(p, f) top->s_axil_##p = sim_ports.axil.f;
#define OUT_AXIL(p, f) sim_ports.axil.f = top->s_axil_##p;
#define IN_DEV(p, f) top->s_axi_##p = sim_ports.dev.f;
#define OUT_DEV(p, f) sim_ports.dev.f = top->s_axi_##p;
#define IN_MEM(p, f) top->m_axi_##p = sim_ports.mem.f;
#define OUT_MEM(p, f) sim_ports.mem.f = top->m_axi_##p;

namespace {
int g_argc;
char **g_argv;
std::unique_ptr<VerilatedContext> ctx;
std::unique_ptr<Vsoc_top> top;
#if VM_TRACE
std::unique_ptr<TraceFile> tfp;
#endif

void dump()
{
#if VM_TRACE
	if (tfp)
		tfp->dump(ctx->time());
#endif
}
} // namespace

struct sim_ports sim_ports;

extern "C" void glue_open(const char *trace, uint32_t seed)
{
	ctx = std::make_unique<VerilatedContext>();
	// Unique X values from the run's seed unless the user picked +verilator+rand+reset+/seed+.
	ctx->randReset(2);
	ctx->randSeed(static_cast<int>(seed & 0x7fffffff));
	ctx->commandArgs(g_argc, g_argv);
	top = std::make_unique<Vsoc_top>(ctx.get(), "TOP");
	if (trace) {
#if VM_TRACE
		ctx->traceEverOn(true);
		tfp = std::make_unique<TraceFile>();
		top->trace(tfp.get(), 99);
		tfp->open(trace);
#else
		std::fprintf(stderr, "warning: built without --trace-fst, +trace ignored\n");
#endif
	}
	top->clk_i = 0;
	top->rst_i = 1;
}

extern "C" void glue_settle(void)
{
	top->clk_i = 0;
	top->rst_i = sim_ports.rst;
	AXIL_IN(IN_AXIL)
	AXI_MST(IN_DEV, i)
	DEV_SIDEBAND(IN_DEV)
	AXI_SLV(IN_MEM, i)
	top->eval();
	AXIL_OUT(OUT_AXIL)
	AXI_SLV(OUT_DEV, o)
	AXI_MST(OUT_MEM, o)
	MEM_LOCK(OUT_MEM)
	sim_ports.wsi = top->wsi_o;
	sim_ports.console_valid = top->console_valid_o;
	sim_ports.console_data = top->console_data_o;
	sim_ports.simctrl_valid = top->simctrl_valid_o;
	sim_ports.simctrl_data = top->simctrl_data_o;
	sim_ports.tap_fault_valid = top->tap_fault_valid_o;
	for (int i = 0; i < 8; i++)
		sim_ports.tap_fault_rec[i] = top->tap_fault_rec_o[i];
	dump();
	ctx->timeInc(1);
}

extern "C" void glue_posedge(void)
{
	top->clk_i = 1;
	top->eval();
	dump();
	ctx->timeInc(1);
}

extern "C" void glue_close(void)
{
	if (!top)
		return;
	top->final();
#if VM_TRACE
	if (tfp)
		tfp->close();
	tfp.reset();
#endif
	top.reset();
}

int main(int argc, char **argv)
{
	g_argc = argc;
	g_argv = argv;
	int rc = tb_main(argc, argv);
	glue_close();
	return rc;
}
