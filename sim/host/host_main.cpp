// SPDX-License-Identifier: Apache-2.0
// Harness of the host SoC co-simulation (rtl/host/host_soc_top.sv, doc/host-soc.md).
//
// Loads the boot images into system memory (OpenSBI at 0x8000_0000, the payload at
// 0x8020_0000, the DTB at 0x8200_0000: where the boot ROM points a1), releases reset, prints
// every byte the host writes to the UART, and ends when the test finisher is written (OpenSBI's
// SBI shutdown/reset through the "sifive,test0" device) or after +max-cycles.
//
// Plusargs: +fw=<file> +dtb=<file> +payload=<file> (required), +max-cycles=<n> (default
// 40000000), +fwlog (also print the IOMMU management firmware's console, prefixed "iommu-fw: "),
// +trace-from=<cycle> (Rocket's instruction trace on stderr from that cycle).
// Exit status: 0 when the finisher says pass (0x5555) and no UART line began with "payload: FAIL",
// 1 on fail/reset, 2 on timeout, 3 on a harness error.
#include "Vhost_soc_top.h"
#include "host_mem.h"
#include "verilated.h"

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

const char *plusarg(int argc, char **argv, const char *name)
{
	size_t n = strlen(name);
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '+' && !strncmp(argv[i] + 1, name, n) && argv[i][1 + n] == '=')
			return argv[i] + 2 + n;
	}
	return nullptr;
}

bool has_flag(int argc, char **argv, const char *name)
{
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '+' && !strcmp(argv[i] + 1, name))
			return true;
	}
	return false;
}

} // namespace

int main(int argc, char **argv)
{
	Verilated::commandArgs(argc, argv);
	const char *fw = plusarg(argc, argv, "fw");
	const char *dtb = plusarg(argc, argv, "dtb");
	const char *payload = plusarg(argc, argv, "payload");
	const char *mc = plusarg(argc, argv, "max-cycles");
	uint64_t max_cycles = mc ? strtoull(mc, nullptr, 0) : 40000000ull;
	bool fwlog = has_flag(argc, argv, "fwlog");
	const char *tf = plusarg(argc, argv, "trace-from");
	uint64_t trace_from = tf ? strtoull(tf, nullptr, 0) : UINT64_MAX;

	if (!fw || !dtb || !payload) {
		fprintf(stderr, "usage: %s +fw=fw_jump.bin +dtb=host.dtb +payload=payload.bin "
				"[+max-cycles=N] [+fwlog]\n", argv[0]);
		return 3;
	}
	if (host_mem_init() != 0) {
		fprintf(stderr, "host-sim: out of memory\n");
		return 3;
	}
	const struct {
		const char *path;
		uint64_t addr;
	} images[] = {{fw, 0x80000000ull}, {payload, 0x80200000ull}, {dtb, 0x82000000ull}};
	for (const auto &im : images) {
		long n = host_mem_load(im.path, im.addr);
		if (n < 0) {
			fprintf(stderr, "host-sim: cannot load %s\n", im.path);
			return 3;
		}
		printf("host-sim: loaded %s at 0x%08" PRIx64 " (%ld bytes)\n", im.path, im.addr, n);
	}
	fflush(stdout);

	static uint64_t cycle;
	host_mem_watch(0x80200000ull, &cycle);

	Vhost_soc_top *top = new Vhost_soc_top;
	top->clk_i = 0;
	top->rst_i = 1;
	top->eval();

	auto t0 = std::chrono::steady_clock::now();
	int rc = 2;
	std::string fwline, uartline;
	// The payload's own verdict line counts too, whatever the finisher code says.
	const char *fail_tag = "payload: FAIL";
	bool failed	     = false;
	for (cycle = 0; cycle < max_cycles; cycle++) {
		if (cycle == 64)
			top->rst_i = 0;
		top->trace_i = cycle >= trace_from;
		top->clk_i = 1;
		top->eval();
		top->clk_i = 0;
		top->eval();
		if (top->uart_tx_valid_o) {
			char c = (char)top->uart_tx_data_o;
			putchar(c);
			if (c == '\n') {
				fflush(stdout);
				if (!uartline.compare(0, strlen(fail_tag), fail_tag))
					failed = true;
				uartline.clear();
			} else {
				uartline += c;
			}
		}
		if (fwlog && top->fw_console_valid_o) {
			char c = (char)top->fw_console_data_o;
			if (c == '\n') {
				printf("iommu-fw: %s\n", fwline.c_str());
				fwline.clear();
			} else {
				fwline += c;
			}
		}
		if (top->finish_valid_o) {
			uint32_t code = top->finish_data_o & 0xFFFFu;
			printf("\nhost-sim: finisher 0x%04x (%s) at cycle %" PRIu64 "\n", code,
			       code == 0x5555 ? "pass" : code == 0x3333 ? "fail" : "reset", cycle);
			rc = code == 0x5555 && !failed ? 0 : 1;
			cycle++;
			break;
		}
		if (Verilated::gotFinish()) {
			rc = 3;
			break;
		}
	}
	double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
	if (rc == 2)
		printf("\nhost-sim: TIMEOUT after %" PRIu64 " cycles\n", cycle);
	printf("host-sim: %" PRIu64 " cycles in %.1f s (%.0f cycles/s); payload entered at cycle "
	       "%" PRIu64 "; %" PRIu64 " accesses outside memory\n",
	       cycle, secs, secs > 0 ? cycle / secs : 0.0, host_mem_watch_hit(), host_mem_bad());
	top->final();
	delete top;
	return rc;
}
