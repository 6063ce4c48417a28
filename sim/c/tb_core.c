/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Testbench core: plusargs, test registry, clock loop, seeded RNG, failure reporting,
 * firmware console and status (SIMCTRL, architecture.md section 5).
 */
#define _POSIX_C_SOURCE 199309L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "axi_check.h"
#include "canary.h"
#include "tb_int.h"

#define RESET_CYCLES 16
#define RESET_SETTLE 4
#define MAX_FAILS    20

static struct tb_test *tests;
static const char *argv0 = "Vsoc_top";
static const char *test_name;
static uint32_t seed;
static uint64_t rng_test, rng_model;
static uint64_t cycle, timeout = 5000000;
static bool verbose, in_reset, booted;
static unsigned fails;
static char console[256];
static bool soak;
static unsigned ops_arg, soak_rec, soak_drop;
static size_t console_len;

void tb_register(struct tb_test *t)
{
	/* Keep the list sorted by name, so +list and the runner are stable. */
	struct tb_test **p = &tests;

	while (*p && strcmp((*p)->name, t->name) < 0)
		p = &(*p)->next;
	t->next = *p;
	*p	= t;
}

/* ---- RNG: splitmix64 seeding, xorshift64* streams ------------------------ */

static uint64_t splitmix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ull;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

static uint64_t xs_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dull;
}

uint32_t tb_seed(void)
{
	return seed;
}

uint32_t tb_rand(void)
{
	return (uint32_t)(xs_next(&rng_test) >> 32);
}

uint64_t tb_rand64(void)
{
	return xs_next(&rng_test);
}

/* Models draw from their own stream, so a test's random choices do not depend on timing. */
bool tb_randp(unsigned percent)
{
	if (percent == 0)
		return false;
	return (xs_next(&rng_model) >> 32) % 100 < percent;
}

/* ---- Reporting ------------------------------------------------------------ */

bool tb_verbose(void)
{
	return verbose;
}

uint64_t tb_timeout(void)
{
	return timeout;
}

bool tb_soak(void)
{
	return soak;
}

unsigned tb_ops(unsigned dflt)
{
	return ops_arg ? ops_arg : dflt;
}

void tb_soak_note(unsigned recorded, unsigned dropped)
{
	soak_rec  = recorded;
	soak_drop = dropped;
}

/* One line per run for tools/soak.py: failures other than stray writes are mismatches. */
static void soak_line(bool hang)
{
	unsigned stray = canary_strays();

	printf("SOAK test=%s seed=%u dmas=%u faults=%u dropped=%u mismatches=%u stray=%u hangs=%u "
	       "guards=%u cycles=%llu\n",
	       test_name ? test_name : "?", seed, dma_count(), soak_rec, soak_drop,
	       fails > stray ? fails - stray : 0, stray, hang ? 1u : 0u, canary_guard_pages(),
	       (unsigned long long)cycle);
}

static void print_repro(void)
{
	printf("repro: make sim-one TEST=%s SEED=%u\n", test_name ? test_name : "?", seed);
	printf("   or: %s +test=%s +seed=%u +trace\n", argv0, test_name ? test_name : "?", seed);
}

static void console_flush(void)
{
	if (console_len) {
		console[console_len] = 0;
		printf("[fw] %s\n", console);
		console_len = 0;
	}
}

void tb_log(const char *fmt, ...)
{
	va_list ap;

	printf("[%8llu] ", (unsigned long long)cycle);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void tb_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fails++;
	printf("[%8llu] FAIL %s:%d: ", (unsigned long long)cycle, file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (fails >= MAX_FAILS)
		tb_abort("too many failures");
}

void tb_abort(const char *why)
{
	console_flush();
	printf("[%8llu] ABORT: %s\n", (unsigned long long)cycle, why);
	/* The watchdogs: a DMA or the host port without response, the run's cycle limit. */
	if (soak)
		soak_line(strstr(why, "hung") || strstr(why, "timeout"));
	printf("FAIL %s seed=%u cycles=%llu\n", test_name ? test_name : "?", seed,
	       (unsigned long long)cycle);
	print_repro();
	fflush(stdout);
	glue_close();
	exit(1);
}

/* ---- Clock loop ------------------------------------------------------------ */

static void core_cycle(void)
{
	struct sim_ports *p = &sim_ports;

	if (p->console_valid) {
		char c = (char)p->console_data;

		if (c == '\n' || console_len == sizeof(console) - 1)
			console_flush();
		if (c != '\n' && c != '\r')
			console[console_len++] = c;
	}
	if (p->simctrl_valid) {
		uint32_t d = p->simctrl_data;

		if (d == 1) {
			booted = true;
		} else if ((d >> 16) == 0xDEAD) {
			char msg[64];

			snprintf(msg, sizeof(msg), "firmware panic 0x%08x", d);
			fails++;
			tb_abort(msg);
		} else if (verbose) {
			tb_log("simctrl 0x%08x", d);
		}
	}
}

static void cycle_once(void)
{
	glue_settle();
	/* Outputs are random (--x-initial unique) until reset has propagated: models idle. */
	if (!in_reset) {
		axi_check_cycle(); /* before the models change their inputs */
		host_cycle();
		dma_cycle();
		mem_cycle();
		sb_cycle();
		core_cycle();
	}
	glue_posedge();
	if (!in_reset)
		cycle++;
	if (timeout && cycle > timeout)
		tb_abort("timeout (+timeout= cycles)");
}

uint64_t tb_cycle(void)
{
	return cycle;
}

void tb_step(unsigned n)
{
	while (n--)
		cycle_once();
}

bool tb_wait_fw_boot(void)
{
	while (!booted) {
		if (timeout && cycle + 1 >= timeout)
			return false;
		tb_step(1);
	}
	sb_after_boot();
	return true;
}

uint32_t tb_wsi(void)
{
	return sim_ports.wsi;
}

/* ---- Entry ----------------------------------------------------------------- */

static const char *plusarg(const char *arg, const char *name)
{
	size_t n = strlen(name);

	if (strncmp(arg, name, n) != 0)
		return NULL;
	if (arg[n] == 0)
		return "";
	if (arg[n] == '=')
		return arg + n + 1;
	return NULL;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int tb_main(int argc, char **argv)
{
	const char *trace = NULL, *v;
	char trace_buf[256];
	bool list = false;
	struct tb_test *t;
	double t0, dt;

	if (argc > 0)
		argv0 = argv[0];
	for (int i = 1; i < argc; i++) {
		if ((v = plusarg(argv[i], "+test")))
			test_name = v;
		else if ((v = plusarg(argv[i], "+seed")))
			seed = (uint32_t)strtoul(v, NULL, 0);
		else if ((v = plusarg(argv[i], "+timeout")))
			timeout = strtoull(v, NULL, 0);
		else if ((v = plusarg(argv[i], "+trace")))
			trace = v;
		else if (plusarg(argv[i], "+list"))
			list = true;
		else if (plusarg(argv[i], "+verbose"))
			verbose = true;
		else if (plusarg(argv[i], "+soak"))
			soak = true;
		else if ((v = plusarg(argv[i], "+ops")))
			ops_arg = (unsigned)strtoul(v, NULL, 0);
		else if ((v = plusarg(argv[i], "+canary_fault")))
			canary_set_fault((unsigned)strtoul(v, NULL, 0));
		else if (strncmp(argv[i], "+verilator+", 11) != 0)
			fprintf(stderr, "warning: unknown argument %s\n", argv[i]);
	}
	if (list) {
		for (t = tests; t; t = t->next)
			printf("%s\n", t->name);
		return 0;
	}
	for (t = tests; t && (!test_name || strcmp(t->name, test_name) != 0); t = t->next)
		;
	if (!test_name || !t) {
		fprintf(stderr, "error: %s +test=<name> required (+list shows the tests)\n",
			test_name ? "unknown test;" : "");
		return 2;
	}
	if (trace && !*trace) {
		snprintf(trace_buf, sizeof(trace_buf), "%s.fst", test_name);
		trace = trace_buf;
	}

	rng_test  = splitmix(seed);
	rng_model = splitmix(rng_test ^ 0x5eedull);
	glue_open(trace, seed);
	in_reset      = true;
	sim_ports.rst = 1;
	mem_reset();
	host_reset();
	dma_reset();
	sb_reset();
	axi_check_reset();
	tb_step(RESET_CYCLES);
	/* soc_top synchronises rst_i through two flops: let the release propagate. */
	sim_ports.rst = 0;
	tb_step(RESET_SETTLE);
	in_reset = false;
	cycle	 = 0;

	printf("RUN %s seed=%u\n", test_name, seed);
	t0 = now_s();
	t->fn();
	/* Nothing left unchecked: every DMA retired, every firmware record found. */
	dma_end();
	sb_end();
	dt = now_s() - t0;
	console_flush();
	axi_check_report();
	printf("cycles %llu in %.2f s (%.0f cycles/s)\n", (unsigned long long)cycle, dt,
	       dt > 0 ? (double)cycle / dt : 0.0);
	if (soak)
		soak_line(false);
	if (fails) {
		printf("FAIL %s seed=%u (%u failures)\n", test_name, seed, fails);
		print_repro();
		return 1;
	}
	printf("PASS %s seed=%u\n", test_name, seed);
	return 0;
}
