// SPDX-License-Identifier: Apache-2.0
// Board co-simulation: the Verilated ulx3s_top (built with a short UART bit time and power-on
// reset) running the self-test firmware. The harness is the board's surroundings only: it
// toggles clk_25mhz, holds btn[0] released, decodes the UART line (ftdi_rxd) back into text on
// stdout and watches the LEDs. Exit 0 when led[1] (PASS) lights and the UART has drained, 1 on
// led[2] (FAIL) or a timeout.
//   board_tb [+uartdiv=N] [+maxcycles=N] [+trace=file.fst]
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "Vulx3s_top.h"
#include "verilated.h"
#if VM_TRACE_FST
#include "verilated_fst_c.h"
#endif

namespace {

// UART receiver: samples the line once per clock; ClkDiv clocks per bit (the RTL parameter).
struct uart_rx {
	unsigned div;
	unsigned count = 0; // clocks until the next sample
	int bit	       = -1; // -1 idle, 0..7 data bits, 8 stop bit
	unsigned byte  = 0;
	uint64_t last_activity = 0;

	void clock(int line, uint64_t cyc)
	{
		if (bit < 0) {
			if (!line) { // start bit: sample mid-bit from here on
				bit	      = 0;
				count	      = div + div / 2;
				byte	      = 0;
				last_activity = cyc;
			}
			return;
		}
		if (--count)
			return;
		count = div;
		if (bit < 8) {
			byte |= (unsigned)(line & 1) << bit;
			bit++;
			return;
		}
		if (!line)
			std::fprintf(stderr, "board_tb: UART framing error\n");
		std::fputc((int)byte, stdout);
		std::fflush(stdout);
		bit	      = -1;
		last_activity = cyc;
	}
};

const char *plusarg(int argc, char **argv, const char *name)
{
	size_t n = std::strlen(name);

	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '+' && !std::strncmp(argv[i] + 1, name, n) && argv[i][n + 1] == '=')
			return argv[i] + n + 2;
	return nullptr;
}

} // namespace

int main(int argc, char **argv)
{
	auto ctx = std::make_unique<VerilatedContext>();
	ctx->commandArgs(argc, argv);
	auto top = std::make_unique<Vulx3s_top>(ctx.get(), "TOP");
	const char *a;
	uart_rx rx;
	uint64_t max_cycles = 20000000, cyc, done_at = 0;
	int result = -1;

	rx.div = (a = plusarg(argc, argv, "uartdiv")) ? (unsigned)std::strtoul(a, nullptr, 0) : 8;
	if ((a = plusarg(argc, argv, "maxcycles")))
		max_cycles = std::strtoull(a, nullptr, 0);
#if VM_TRACE_FST
	std::unique_ptr<VerilatedFstC> tfp;
	if ((a = plusarg(argc, argv, "trace"))) {
		ctx->traceEverOn(true);
		tfp = std::make_unique<VerilatedFstC>();
		top->trace(tfp.get(), 99);
		tfp->open(a);
	}
#endif
	top->btn	= 1; // PWR button released (active low)
	top->clk_25mhz	= 0;
	top->eval();
	for (cyc = 0; cyc < max_cycles; cyc++) {
		top->clk_25mhz = 1;
		top->eval();
		rx.clock(top->ftdi_rxd, cyc);
#if VM_TRACE_FST
		if (tfp)
			tfp->dump(2 * cyc);
#endif
		top->clk_25mhz = 0;
		top->eval();
#if VM_TRACE_FST
		if (tfp)
			tfp->dump(2 * cyc + 1);
#endif
		if (result < 0 && (top->led & 0x6)) {
			result	= (top->led & 0x2) && !(top->led & 0x4) ? 0 : 1;
			done_at = cyc;
		}
		// After PASS/FAIL: stop once the line has been idle for 40 bit times.
		if (result >= 0 && rx.bit < 0 && cyc - done_at > 40ull * rx.div &&
		    cyc - rx.last_activity > 40ull * rx.div)
			break;
	}
#if VM_TRACE_FST
	if (tfp)
		tfp->close();
#endif
	top->final();
	if (result < 0) {
		std::printf("board_tb: timeout after %llu cycles (leds %02x)\n",
			    (unsigned long long)cyc, (unsigned)top->led);
		return 1;
	}
	std::printf("board_tb: leds %02x after %llu cycles (%.1f ms at 25 MHz): %s\n",
		    (unsigned)top->led, (unsigned long long)done_at, done_at / 25e3,
		    result == 0 ? "PASS" : "FAIL");
	return result;
}
