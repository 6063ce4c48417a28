/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Port values of soc_top as plain C: the C++ glue (sim/main.cpp) copies the inputs into the
 * Verilated model and the outputs back once per clock cycle. Field names follow the RTL port
 * names without the role prefix and direction suffix (s_axil_awvalid_i -> axil.awvalid).
 */
#ifndef TB_PORTS_H
#define TB_PORTS_H

#include <stdint.h>

/** struct port_axil - host register port (AXI4-Lite, 12-bit address, 64-bit data). */
struct port_axil {
	uint8_t awvalid, awready; /* awready: output */
	uint16_t awaddr;
	uint8_t wvalid, wready, wstrb;
	uint64_t wdata;
	uint8_t bvalid, bready, bresp;
	uint8_t arvalid, arready;
	uint16_t araddr;
	uint8_t rvalid, rready, rresp;
	uint64_t rdata;
};

/** struct port_axi - one AXI4 port (64-bit data); sideband fields are used by s_axi only. */
struct port_axi {
	uint8_t awvalid, awready, awid, awlen, awsize, awburst, awprot;
	uint8_t awlock, arlock; /* m_axi only: exclusive access */
	uint64_t awaddr;
	uint32_t aw_did, aw_pid;
	uint8_t aw_pv;
	uint8_t wvalid, wready, wstrb, wlast;
	uint64_t wdata;
	uint8_t bvalid, bready, bid, bresp;
	uint8_t arvalid, arready, arid, arlen, arsize, arburst, arprot;
	uint64_t araddr;
	uint32_t ar_did, ar_pid;
	uint8_t ar_pv;
	uint8_t rvalid, rready, rid, rresp, rlast;
	uint64_t rdata;
};

/** struct sim_ports - every soc_top port. */
struct sim_ports {
	uint8_t rst;
	struct port_axil axil; /* s_axil_* */
	struct port_axi dev;   /* s_axi_* (device port, testbench is master) */
	struct port_axi mem;   /* m_axi_* (memory port, testbench is slave) */
	uint32_t wsi;
	uint8_t console_valid, console_data;
	uint8_t simctrl_valid;
	uint32_t simctrl_data;
	uint8_t tap_fault_valid;
	uint32_t tap_fault_rec[8]; /* 256-bit record, word 0 = bits 31:0 */
};

#ifdef __cplusplus
extern "C" {
#endif

/** sim_ports - the one instance shared by the glue and the C models. */
extern struct sim_ports sim_ports;

/* Provided by the C++ glue (sim/main.cpp). */
/** glue_open() - build the model; @trace: FST path or NULL; @seed for X randomisation. */
void glue_open(const char *trace, uint32_t seed);
/** glue_settle() - copy inputs in, evaluate with the clock low, copy outputs out. */
void glue_settle(void);
/** glue_posedge() - rising clock edge (inputs as copied by the last glue_settle()). */
void glue_posedge(void);
/** glue_close() - final evaluation, flush and close the trace. */
void glue_close(void);

/* Provided by the C side (sim/c/tb_core.c). */
/** tb_main() - parse plusargs, run the selected test; returns the process exit code. */
int tb_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif

#endif /* TB_PORTS_H */
