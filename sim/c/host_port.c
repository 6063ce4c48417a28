/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Host model on s_axil_* (AXI4-Lite, 12-bit address, 64-bit data): blocking 4- and 8-byte
 * accesses to the spec register page. A 4-byte access uses wstrb 0x0F / 0xF0 and the matching
 * half of rdata (architecture.md section 4).
 */
#include "tb_int.h"

#define HOST_LIMIT 100000 /* cycles one access may take before the run is aborted */

static bool b_done, r_done;
static unsigned b_resp, r_resp;
static uint64_t r_data;

void host_reset(void)
{
	sim_ports.axil = (struct port_axil){.bready = 1, .rready = 1};
}

void host_cycle(void)
{
	struct port_axil *p = &sim_ports.axil;

	if (p->awvalid && p->awready)
		p->awvalid = 0;
	if (p->wvalid && p->wready)
		p->wvalid = 0;
	if (p->bvalid && p->bready) {
		b_done = true;
		b_resp = p->bresp;
	}
	if (p->arvalid && p->arready)
		p->arvalid = 0;
	if (p->rvalid && p->rready) {
		r_done = true;
		r_resp = p->rresp;
		r_data = p->rdata;
	}
}

static void wait_flag(const bool *flag, const char *what, uint32_t off)
{
	uint64_t t0 = tb_cycle();

	while (!*flag) {
		if (tb_cycle() - t0 > HOST_LIMIT) {
			tb_log("host %s at 0x%03x got no response", what, off);
			tb_abort("host port hung");
		}
		tb_step(1);
	}
}

static void host_write(uint32_t off, uint64_t data, uint8_t strb)
{
	struct port_axil *p = &sim_ports.axil;

	p->awaddr  = (uint16_t)(off & 0xfff);
	p->awvalid = 1;
	p->wdata   = data;
	p->wstrb   = strb;
	p->wvalid  = 1;
	b_done	   = false;
	wait_flag(&b_done, "write", off);
	if (b_resp != AXI_OKAY)
		tb_fail(__FILE__, __LINE__, "host write 0x%03x: BRESP %u", off, b_resp);
	if (tb_verbose())
		tb_log("host W 0x%03x = 0x%016llx strb 0x%02x", off, (unsigned long long)data,
		       strb);
}

static uint64_t host_read(uint32_t off)
{
	struct port_axil *p = &sim_ports.axil;

	p->araddr  = (uint16_t)(off & 0xfff);
	p->arvalid = 1;
	r_done	   = false;
	wait_flag(&r_done, "read", off);
	if (r_resp != AXI_OKAY)
		tb_fail(__FILE__, __LINE__, "host read 0x%03x: RRESP %u", off, r_resp);
	if (tb_verbose())
		tb_log("host R 0x%03x = 0x%016llx", off, (unsigned long long)r_data);
	return r_data;
}

uint64_t host_read64(uint32_t off)
{
	uint64_t v = host_read(off);

	sb_host_read(off, 8, v);
	return v;
}

uint32_t host_read32(uint32_t off)
{
	uint32_t v = (uint32_t)(host_read(off) >> (off & 4 ? 32 : 0));

	sb_host_read(off, 4, v);
	return v;
}

void host_write32(uint32_t off, uint32_t val)
{
	sb_host_write(off, 4, val);
	host_write(off, (uint64_t)val << (off & 4 ? 32 : 0), off & 4 ? 0xf0 : 0x0f);
}

void host_write64(uint32_t off, uint64_t val)
{
	sb_host_write(off, 8, val);
	host_write(off, val, 0xff);
}

void host_write64_split(uint32_t off, uint64_t val)
{
	/* Spec 1.1: an 8-byte access may be split, high half first. */
	host_write32(off + 4, (uint32_t)(val >> 32));
	host_write32(off, (uint32_t)val);
}

uint32_t host_poll32(uint32_t off, uint32_t mask, uint32_t want, uint64_t timeout, bool *ok)
{
	uint64_t t0 = tb_cycle();
	uint32_t v;

	for (;;) {
		v = host_read32(off);
		if ((v & mask) == want) {
			if (ok)
				*ok = true;
			return v;
		}
		if (tb_cycle() - t0 >= timeout)
			break;
		tb_step(4);
	}
	if (ok)
		*ok = false;
	return v;
}
