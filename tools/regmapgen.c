// SPDX-License-Identifier: Apache-2.0
/*
 * regmapgen - turn include/iommu_regs.def into the C header, the RTL localparams, the register
 * table used by the co-simulation test, and the register documentation (doc/design-rules.md §3).
 *
 * Usage: regmapgen <repo-root>   (writes the four outputs below that root; `make regs`)
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Access codes of the .def table (register and field columns share one namespace). */
enum acc {
	ACC_RO,
	ACC_RW,
	ACC_HS,
	ACC_CNT,
	ACC_ABS,
	ACC_FW,
	ACC_WO,
	ACC_RW1C,
	ACC_RW1S,
	ACC_CONST,
	ACC_RZ,
	ACC_NA,
};

static const char *const acc_name[] = {"RO", "RW",   "HS",   "CNT",   "ABS", "FW",
				       "WO", "RW1C", "RW1S", "CONST", "RZ",  "-"};

enum kind {
	K_REG,
	K_ARRAY,
	K_FIELD,
	K_STRUCT,
	K_WORD,
	K_ENUMTYPE,
	K_ENUM,
	K_CONST,
	K_FWREG,
	K_FWFIELD,
	K_FWCONST
};

/* One row of the table; the meaning of v[] depends on the kind (see the macros below). */
struct row {
	enum kind k;
	const char *a; /* name, or owner (reg / struct / group) */
	const char *b; /* field / word / enum name */
	uint64_t v[7];
	enum acc acc;
};

/* clang-format off */
#define REG(n, o, w, ac, r)                     {K_REG, #n, "", {o, w, r, 0, 0, 0, 0}, ACC_##ac},
#define REGARRAY(s, o, f, c, st, w, ac, r, ni)  {K_ARRAY, #s, "", {o, w, r, f, c, st, ni}, ACC_##ac},
#define FIELD(r, n, m, l, ac)                   {K_FIELD, #r, #n, {m, l, 0, 0, 0, 0, 0}, ACC_##ac},
#define STRUCT(n, sz)                           {K_STRUCT, #n, "", {sz, 0, 0, 0, 0, 0, 0}, ACC_NA},
#define WORD(s, n, o, w)                        {K_WORD, #s, #n, {o, w, 0, 0, 0, 0, 0}, ACC_NA},
#define ENUMTYPE(g, w)                          {K_ENUMTYPE, #g, "", {w, 0, 0, 0, 0, 0, 0}, ACC_NA},
#define ENUM(g, n, val)                         {K_ENUM, #g, #n, {val, 0, 0, 0, 0, 0, 0}, ACC_NA},
#define CONST(n, val)                           {K_CONST, #n, "", {val, 0, 0, 0, 0, 0, 0}, ACC_NA},
#define FWIF_REG(n, o, ac)                      {K_FWREG, #n, "", {o, 4, 0, 0, 0, 0, 0}, ACC_##ac},
#define FWIF_FIELD(r, n, m, l)                  {K_FWFIELD, #r, #n, {m, l, 0, 0, 0, 0, 0}, ACC_NA},
#define FWIF_CONST(n, val)                      {K_FWCONST, #n, "", {val, 0, 0, 0, 0, 0, 0}, ACC_NA},
/* clang-format on */

static const struct row rows[] = {
#include "iommu_regs.def"
};
#define NROWS (sizeof(rows) / sizeof(rows[0]))

/* A register of the page after expanding arrays. */
struct reg {
	char name[48]; /* element name, e.g. IOHPMCTR3 */
	char stem[48]; /* field owner: name, or the array stem without trailing '_' */
	unsigned off;
	unsigned width;
	enum acc acc;
	uint64_t reset;
	uint64_t wmask; /* host RW bits */
	uint64_t w1c;	/* host RW1C bits */
	uint64_t w1s;	/* host RW1S bits */
	uint64_t store; /* bits with storage (hardware/firmware may write) */
	uint64_t cmask; /* hardwired CONST bits */
};

#define MAXREGS 256
static struct reg regs[MAXREGS];
static unsigned nregs;

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "regmapgen: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}

static uint64_t fmask(uint64_t msb, uint64_t lsb)
{
	if (msb > 63 || lsb > msb)
		die("bad field range [%" PRIu64 ":%" PRIu64 "]", msb, lsb);
	return (~0ULL >> (63 - msb)) & ~((1ULL << lsb) - 1);
}

static void strip_us(char *dst, const char *src, size_t n)
{
	snprintf(dst, n, "%s", src);
	size_t l = strlen(dst);
	if (l && dst[l - 1] == '_')
		dst[l - 1] = 0;
}

/* Word owner name used by FIELD rows: struct_word, or struct when the word is unnamed. */
static void word_name(char *dst, size_t n, const struct row *r)
{
	if (r->b[0])
		snprintf(dst, n, "%s_%s", r->a, r->b);
	else
		snprintf(dst, n, "%s", r->a);
}

static void add_reg(const char *name, const char *stem, unsigned off, unsigned width, enum acc acc,
		    uint64_t reset)
{
	if (nregs >= MAXREGS)
		die("too many registers");
	struct reg *g = &regs[nregs++];
	snprintf(g->name, sizeof(g->name), "%s", name);
	snprintf(g->stem, sizeof(g->stem), "%s", stem);
	g->off	 = off;
	g->width = width;
	g->acc	 = acc;
	g->reset = reset;
	if (width != 4 && width != 8)
		die("%s: width %u", name, width);
	if (off % width)
		die("%s: misaligned", name);
	uint64_t wm = width == 8 ? ~0ULL : 0xFFFFFFFFULL;
	unsigned nf = 0;
	for (size_t i = 0; i < NROWS; i++) {
		const struct row *f = &rows[i];
		if (f->k != K_FIELD || strcmp(f->a, stem))
			continue;
		uint64_t m = fmask(f->v[0], f->v[1]);
		if (m & ~wm)
			die("%s.%s outside the register", name, f->b);
		nf++;
		if (acc == ACC_ABS)
			continue;
		switch (f->acc) {
		case ACC_RW:
			g->wmask |= m;
			g->store |= m;
			break;
		case ACC_RW1C:
			g->w1c |= m;
			g->store |= m;
			break;
		case ACC_RW1S:
			g->w1s |= m;
			g->store |= m;
			break;
		case ACC_RO:
			g->store |= m;
			break;
		case ACC_CONST:
			g->cmask |= m;
			break;
		case ACC_RZ:
			break;
		default:
			die("%s.%s: access %s not valid for a register field", name, f->b,
			    acc_name[f->acc]);
		}
	}
	if (!nf)
		die("%s: no fields", name);
	if (reset & ~(g->store | g->cmask))
		die("%s: reset value sets bits without storage", name);
}

static int reg_cmp(const void *a, const void *b)
{
	const struct reg *x = a, *y = b;
	return (x->off > y->off) - (x->off < y->off);
}

static void collect(void)
{
	for (size_t i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];
		if (r->k == K_REG) {
			add_reg(r->a, r->a, (unsigned)r->v[0], (unsigned)r->v[1], r->acc, r->v[2]);
		} else if (r->k == K_ARRAY) {
			char stem[48], name[48];
			strip_us(stem, r->a, sizeof(stem));
			for (uint64_t e = 0; e < r->v[4]; e++) {
				snprintf(name, sizeof(name), "%s%" PRIu64, r->a, r->v[3] + e);
				add_reg(name, stem, (unsigned)(r->v[0] + e * r->v[5]),
					(unsigned)r->v[1], e < r->v[6] ? r->acc : ACC_ABS,
					e < r->v[6] ? r->v[2] : 0);
			}
		}
	}
	qsort(regs, nregs, sizeof(regs[0]), reg_cmp);
	/* No two registers may overlap. */
	for (unsigned i = 0; i < nregs; i++)
		for (unsigned j = i + 1; j < nregs; j++)
			if (regs[i].off < regs[j].off + regs[j].width &&
			    regs[j].off < regs[i].off + regs[i].width)
				die("%s overlaps %s", regs[i].name, regs[j].name);
}

static FILE *open_out(const char *root, const char *path)
{
	char full[1024];
	snprintf(full, sizeof(full), "%s/%s", root, path);
	FILE *f = fopen(full, "w");
	if (!f)
		die("cannot write %s", full);
	return f;
}

static const char GEN_NOTE[] = "GENERATED by tools/regmapgen.c from include/iommu_regs.def - do "
			       "not edit; regenerate with `make regs`";

static bool host_visible(const struct reg *g)
{
	return g->acc != ACC_FW;
}

static unsigned field_shift(const struct row *f)
{
	return (unsigned)f->v[1];
}

/* ---- include/riscv_iommu_regs.h ------------------------------------------------------------ */

static void emit_c_fields(FILE *o, const char *owner, const char *prefix)
{
	for (size_t i = 0; i < NROWS; i++) {
		const struct row *f = &rows[i];
		if (f->k != K_FIELD || strcmp(f->a, owner))
			continue;
		fprintf(o, "#define %s%s_%s 0x%016" PRIx64 "ULL\n", prefix, owner, f->b,
			fmask(f->v[0], f->v[1]));
		fprintf(o, "#define %s%s_%s_SHIFT %u\n", prefix, owner, f->b, field_shift(f));
	}
}

static void gen_c(const char *root)
{
	FILE *o = open_out(root, "include/riscv_iommu_regs.h");
	fprintf(o, "/* %s */\n", GEN_NOTE);
	fprintf(o, "/* SPDX-License-Identifier: Apache-2.0 */\n");
	fprintf(o, "/* RISC-V IOMMU v1.0 register page, in-memory structures and iommu_fwif block. "
		   "*/\n");
	fprintf(o,
		"/* clang-format off */\n#ifndef RISCV_IOMMU_REGS_H\n#define RISCV_IOMMU_REGS_H\n");
	for (size_t i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];
		char nm[64];
		switch (r->k) {
		case K_REG:
			fprintf(o, "\n/* %s (%s) */\n", r->a, acc_name[r->acc]);
			fprintf(o, "#define RISCV_IOMMU_REG_%s 0x%03" PRIx64 "\n", r->a, r->v[0]);
			fprintf(o, "#define RISCV_IOMMU_REG_%s_SIZE %" PRIu64 "\n", r->a, r->v[1]);
			fprintf(o, "#define RISCV_IOMMU_%s_RESET 0x%" PRIx64 "ULL\n", r->a,
				r->v[2]);
			for (unsigned j = 0; j < nregs; j++) {
				if (strcmp(regs[j].name, r->a))
					continue;
				fprintf(o, "#define RISCV_IOMMU_%s_WMASK 0x%" PRIx64 "ULL\n", r->a,
					regs[j].wmask);
				fprintf(o, "#define RISCV_IOMMU_%s_W1C 0x%" PRIx64 "ULL\n", r->a,
					regs[j].w1c);
			}
			emit_c_fields(o, r->a, "RISCV_IOMMU_");
			break;
		case K_ARRAY:
			strip_us(nm, r->a, sizeof(nm));
			fprintf(o,
				"\n/* %s%" PRIu64 "..%s%" PRIu64 " (%s; %" PRIu64
				" implemented) */\n",
				r->a, r->v[3], r->a, r->v[3] + r->v[4] - 1, acc_name[r->acc],
				r->v[6]);
			fprintf(o,
				"#define RISCV_IOMMU_REG_%s(n) (0x%03" PRIx64 " + %" PRIu64
				" * ((n) - %" PRIu64 "))\n",
				nm, r->v[0], r->v[5], r->v[3]);
			fprintf(o, "#define RISCV_IOMMU_REG_%s_SIZE %" PRIu64 "\n", nm, r->v[1]);
			fprintf(o, "#define RISCV_IOMMU_%s_FIRST %" PRIu64 "\n", nm, r->v[3]);
			fprintf(o, "#define RISCV_IOMMU_%s_COUNT %" PRIu64 "\n", nm, r->v[4]);
			fprintf(o, "#define RISCV_IOMMU_%s_IMPLEMENTED %" PRIu64 "\n", nm, r->v[6]);
			fprintf(o, "#define RISCV_IOMMU_%s_RESET 0x%" PRIx64 "ULL\n", nm, r->v[2]);
			for (uint64_t e = 0; e < r->v[4]; e++)
				fprintf(o,
					"#define RISCV_IOMMU_REG_%s%" PRIu64 " 0x%03" PRIx64 "\n",
					r->a, r->v[3] + e, r->v[0] + e * r->v[5]);
			emit_c_fields(o, nm, "RISCV_IOMMU_");
			break;
		case K_STRUCT:
			fprintf(o,
				"\n/* structure %s */\n#define RISCV_IOMMU_%s_SIZE %" PRIu64 "\n",
				r->a, r->a, r->v[0]);
			break;
		case K_WORD:
			word_name(nm, sizeof(nm), r);
			fprintf(o, "#define RISCV_IOMMU_%s_OFFSET %" PRIu64 "\n", nm, r->v[0]);
			emit_c_fields(o, nm, "RISCV_IOMMU_");
			break;
		case K_ENUMTYPE:
			fprintf(o, "/* %s encodings (%" PRIu64 " bits) */\n", r->a, r->v[0]);
			break;
		case K_ENUM:
			fprintf(o, "#define RISCV_IOMMU_%s_%s %" PRIu64 "\n", r->a, r->b, r->v[0]);
			break;
		case K_CONST:
			fprintf(o, "#define RISCV_IOMMU_%s 0x%" PRIx64 "\n", r->a, r->v[0]);
			break;
		case K_FWREG:
			fprintf(o, "#define FWIF_%s 0x%03" PRIx64 "\n", r->a, r->v[0]);
			break;
		case K_FWFIELD:
			fprintf(o, "#define FWIF_%s_%s 0x%08" PRIx64 "U\n", r->a, r->b,
				fmask(r->v[0], r->v[1]));
			fprintf(o, "#define FWIF_%s_%s_SHIFT %" PRIu64 "\n", r->a, r->b, r->v[1]);
			break;
		case K_FWCONST:
			fprintf(o, "#define FWIF_%s 0x%" PRIx64 "U\n", r->a, r->v[0]);
			break;
		default:
			break;
		}
	}
	fprintf(o, "\n#endif /* RISCV_IOMMU_REGS_H */\n/* clang-format on */\n");
	fclose(o);
}

/* ---- include/riscv_iommu_regtable.h -------------------------------------------------------- */

static void gen_table(const char *root)
{
	FILE *o = open_out(root, "include/riscv_iommu_regtable.h");
	fprintf(o, "/* %s */\n", GEN_NOTE);
	fprintf(o, "/* SPDX-License-Identifier: Apache-2.0 */\n");
	fprintf(o, "/* Every host-visible register of the page, for the register tests. */\n");
	fprintf(o, "/* clang-format off */\n#ifndef RISCV_IOMMU_REGTABLE_H\n#define "
		   "RISCV_IOMMU_REGTABLE_H\n\n");
	fprintf(o, "#include <stdint.h>\n\n");
	fprintf(o, "#define RISCV_IOMMU_RT_HANDSHAKE 0x1u /* host write is a request to firmware "
		   "*/\n");
	fprintf(o, "#define RISCV_IOMMU_RT_COUNTER   0x2u /* HPM counter: counts unless inhibited "
		   "*/\n");
	fprintf(o, "#define RISCV_IOMMU_RT_ABSENT    0x4u /* optional register not implemented "
		   "*/\n\n");
	fprintf(o, "/** struct riscv_iommu_regdesc - one register: host-writable (RW) and RW1C "
		   "masks. */\n");
	fprintf(o, "struct riscv_iommu_regdesc {\n\tconst char *name;\n\tuint32_t offset;\n"
		   "\tuint32_t width;\n\tuint32_t flags;\n\tuint64_t reset;\n\tuint64_t wmask;\n"
		   "\tuint64_t w1c;\n};\n\n");
	fprintf(o, "static const struct riscv_iommu_regdesc riscv_iommu_regtable[] "
		   "__attribute__((unused)) = {\n");
	unsigned n = 0;
	for (unsigned i = 0; i < nregs; i++) {
		const struct reg *g = &regs[i];
		if (!host_visible(g))
			continue;
		char lname[48];
		size_t k;
		for (k = 0; g->name[k] && k < sizeof(lname) - 1; k++)
			lname[k] = (char)tolower((unsigned char)g->name[k]);
		lname[k]       = 0;
		const char *fl = g->acc == ACC_HS    ? "RISCV_IOMMU_RT_HANDSHAKE"
				 : g->acc == ACC_CNT ? "RISCV_IOMMU_RT_COUNTER"
				 : g->acc == ACC_ABS ? "RISCV_IOMMU_RT_ABSENT"
						     : "0";
		fprintf(o,
			"\t{\"%s\", 0x%03x, %u, %s, 0x%" PRIx64 "ULL, 0x%" PRIx64 "ULL, 0x%" PRIx64
			"ULL},\n",
			lname, g->off, g->width, fl, g->reset, g->wmask, g->w1c);
		n++;
	}
	fprintf(o, "};\n\n#define RISCV_IOMMU_REGTABLE_COUNT %u\n", n);
	fprintf(o, "\n#endif /* RISCV_IOMMU_REGTABLE_H */\n/* clang-format on */\n");
	fclose(o);
}

/* ---- rtl/iommu/iommu_regs.svh -------------------------------------------------------------------- */

static void sv_fields(FILE *o, const char *owner, const char *prefix)
{
	for (size_t i = 0; i < NROWS; i++) {
		const struct row *f = &rows[i];
		if (f->k != K_FIELD || strcmp(f->a, owner))
			continue;
		fprintf(o, "localparam logic [63:0] %s%s_%s = 64'h%016" PRIx64 ";\n", prefix, owner,
			f->b, fmask(f->v[0], f->v[1]));
		fprintf(o, "localparam int %s%s_%s_SHIFT = %u;\n", prefix, owner, f->b,
			field_shift(f));
	}
}

static void sv_reg(FILE *o, const struct reg *g, const char *nm)
{
	fprintf(o, "localparam logic [63:0] RISCV_IOMMU_%s_RESET = 64'h%016" PRIx64 ";\n", nm,
		g->reset);
	fprintf(o, "localparam logic [63:0] RISCV_IOMMU_%s_WMASK = 64'h%016" PRIx64 ";\n", nm,
		g->wmask);
	fprintf(o, "localparam logic [63:0] RISCV_IOMMU_%s_W1C = 64'h%016" PRIx64 ";\n", nm,
		g->w1c);
	fprintf(o, "localparam logic [63:0] RISCV_IOMMU_%s_W1S = 64'h%016" PRIx64 ";\n", nm,
		g->w1s);
	fprintf(o, "localparam logic [63:0] RISCV_IOMMU_%s_STORE = 64'h%016" PRIx64 ";\n", nm,
		g->store);
}

#define PAGE_WORDS 256 /* host part of the page, 0x000-0x3FF, in 32-bit words */

/* Per-word table of the host part of the page, packed as word w at bits [32w+31:32w]. */
static void sv_page_table(FILE *o, const char *what, int sel)
{
	uint32_t w[PAGE_WORDS];
	memset(w, 0, sizeof(w));
	for (unsigned i = 0; i < nregs; i++) {
		const struct reg *g = &regs[i];
		if (g->off >= PAGE_WORDS * 4)
			continue;
		uint64_t v = sel == 0	? g->store
			     : sel == 1 ? g->wmask
			     : sel == 2 ? g->w1c
			     : sel == 3 ? g->w1s
			     : sel == 4 ? g->reset & g->store
					: g->reset & g->cmask;
		for (unsigned h = 0; h < g->width / 4; h++)
			w[g->off / 4 + h] = (uint32_t)(v >> (32 * h));
	}
	fprintf(o, "localparam logic [%d:0] RISCV_IOMMU_PAGE_%s = {", PAGE_WORDS * 32 - 1, what);
	for (int i = PAGE_WORDS - 1; i >= 0; i--)
		fprintf(o, "%s%s32'h%08" PRIx32, i == PAGE_WORDS - 1 ? "" : ",",
			(i % 4 == 3) ? "\n  " : " ", w[i]);
	fprintf(o, "\n};\n");
}

static void gen_sv(const char *root)
{
	FILE *o = open_out(root, "rtl/iommu/iommu_regs.svh");
	fprintf(o, "// %s\n", GEN_NOTE);
	fprintf(o, "// SPDX-License-Identifier: Apache-2.0\n");
	fprintf(o, "// Register page, structure and iommu_fwif constants; `include inside a module "
		   "body.\n");
	fprintf(o, "// Names equal the C macros of include/riscv_iommu_regs.h "
		   "(doc/design-rules.md §2).\n");
	fprintf(o, "// A module uses a few of these constants; the rest are unused by design.\n");
	fprintf(o, "\n");
	for (size_t i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];
		char nm[64];
		switch (r->k) {
		case K_REG:
			fprintf(o, "\n// %s (%s)\n", r->a, acc_name[r->acc]);
			fprintf(o,
				"localparam logic [11:0] RISCV_IOMMU_REG_%s = 12'h%03" PRIx64 ";\n",
				r->a, r->v[0]);
			fprintf(o, "localparam int RISCV_IOMMU_REG_%s_SIZE = %" PRIu64 ";\n", r->a,
				r->v[1]);
			for (unsigned j = 0; j < nregs; j++)
				if (!strcmp(regs[j].name, r->a))
					sv_reg(o, &regs[j], r->a);
			sv_fields(o, r->a, "RISCV_IOMMU_");
			break;
		case K_ARRAY:
			strip_us(nm, r->a, sizeof(nm));
			fprintf(o,
				"\n// %s%" PRIu64 "..%s%" PRIu64 " (%s; %" PRIu64 " implemented)\n",
				r->a, r->v[3], r->a, r->v[3] + r->v[4] - 1, acc_name[r->acc],
				r->v[6]);
			fprintf(o, "localparam int RISCV_IOMMU_%s_FIRST = %" PRIu64 ";\n", nm,
				r->v[3]);
			fprintf(o, "localparam int RISCV_IOMMU_%s_COUNT = %" PRIu64 ";\n", nm,
				r->v[4]);
			fprintf(o, "localparam int RISCV_IOMMU_%s_IMPLEMENTED = %" PRIu64 ";\n", nm,
				r->v[6]);
			fprintf(o, "localparam int RISCV_IOMMU_%s_STRIDE = %" PRIu64 ";\n", nm,
				r->v[5]);
			for (uint64_t e = 0; e < r->v[4]; e++)
				fprintf(o,
					"localparam logic [11:0] RISCV_IOMMU_REG_%s%" PRIu64
					" = 12'h%03" PRIx64 ";\n",
					r->a, r->v[3] + e, r->v[0] + e * r->v[5]);
			for (unsigned j = 0; j < nregs; j++)
				if (!strcmp(regs[j].stem, nm) && regs[j].acc != ACC_ABS) {
					sv_reg(o, &regs[j], nm);
					break;
				}
			sv_fields(o, nm, "RISCV_IOMMU_");
			break;
		case K_STRUCT:
			fprintf(o,
				"\n// structure %s\nlocalparam int RISCV_IOMMU_%s_SIZE = %" PRIu64
				";\n",
				r->a, r->a, r->v[0]);
			break;
		case K_WORD:
			word_name(nm, sizeof(nm), r);
			fprintf(o, "localparam int RISCV_IOMMU_%s_OFFSET = %" PRIu64 ";\n", nm,
				r->v[0]);
			sv_fields(o, nm, "RISCV_IOMMU_");
			break;
		case K_ENUMTYPE:
			fprintf(o, "// %s encodings\n", r->a);
			break;
		case K_ENUM: {
			uint64_t w = 32;
			for (size_t t = 0; t < NROWS; t++)
				if (rows[t].k == K_ENUMTYPE && !strcmp(rows[t].a, r->a))
					w = rows[t].v[0];
			fprintf(o,
				"localparam logic [%" PRIu64 ":0] RISCV_IOMMU_%s_%s = %" PRIu64
				"'d%" PRIu64 ";\n",
				w - 1, r->a, r->b, w, r->v[0]);
			break;
		}
		case K_CONST:
			fprintf(o, "localparam int RISCV_IOMMU_%s = 32'h%" PRIx64 ";\n", r->a,
				r->v[0]);
			break;
		case K_FWREG:
			fprintf(o, "localparam logic [11:0] FWIF_%s = 12'h%03" PRIx64 ";\n", r->a,
				r->v[0]);
			break;
		case K_FWFIELD:
			fprintf(o, "localparam logic [31:0] FWIF_%s_%s = 32'h%08" PRIx64 ";\n",
				r->a, r->b, fmask(r->v[0], r->v[1]));
			fprintf(o, "localparam int FWIF_%s_%s_SHIFT = %" PRIu64 ";\n", r->a, r->b,
				r->v[1]);
			break;
		case K_FWCONST:
			fprintf(o, "localparam logic [31:0] FWIF_%s = 32'h%08" PRIx64 ";\n", r->a,
				r->v[0]);
			break;
		default:
			break;
		}
	}
	fprintf(o, "\n// ---- per-word tables of the host part of the page (0x000-0x3FF) ----\n");
	fprintf(o, "localparam int RISCV_IOMMU_PAGE_WORDS = %d;\n", PAGE_WORDS);
	fprintf(o, "// bits with storage\n");
	sv_page_table(o, "STORE", 0);
	fprintf(o, "// host-writable (RW) bits\n");
	sv_page_table(o, "WMASK", 1);
	fprintf(o, "// host write-1-to-clear bits\n");
	sv_page_table(o, "W1C", 2);
	fprintf(o, "// host write-1-to-set bits\n");
	sv_page_table(o, "W1S", 3);
	fprintf(o, "// reset value of the stored bits\n");
	sv_page_table(o, "RESET", 4);
	fprintf(o, "// hardwired (CONST) bits, ORed into reads\n");
	sv_page_table(o, "CONST", 5);
	fclose(o);
}

/* ---- doc/registers.md ---------------------------------------------------------------------- */

static void md_fields(FILE *o, const char *owner)
{
	fprintf(o, "\n| bits | field | access |\n|---|---|---|\n");
	for (size_t i = 0; i < NROWS; i++) {
		const struct row *f = &rows[i];
		if (f->k != K_FIELD || strcmp(f->a, owner))
			continue;
		if (f->v[0] == f->v[1])
			fprintf(o, "| %" PRIu64 " | `%s` | %s |\n", f->v[0], f->b,
				acc_name[f->acc]);
		else
			fprintf(o, "| %" PRIu64 ":%" PRIu64 " | `%s` | %s |\n", f->v[0], f->v[1],
				f->b, acc_name[f->acc]);
	}
}

static void gen_md(const char *root)
{
	FILE *o = open_out(root, "doc/registers.md");
	fprintf(o, "<!-- %s -->\n# Registers and in-memory structures\n\n", GEN_NOTE);
	fprintf(o,
		"Register access: RO host read-only; RW; HS host write is a handshake with "
		"firmware "
		"(architecture.md §4); CNT HPM counter; ABS absent (reads 0, writes ignored); FW "
		"firmware-private (host reads 0).\n");
	fprintf(o, "Field access: RW, RW1C, RW1S, RO (hardware/firmware-owned), CONST (hardwired "
		   "to the "
		   "reset value), RZ (hardwired 0 here).\n\n");
	fprintf(o, "## Register page summary\n\n| offset | register | size | access | reset | host "
		   "RW mask "
		   "| RW1C mask |\n|---|---|---|---|---|---|---|\n");
	for (unsigned i = 0; i < nregs; i++) {
		const struct reg *g = &regs[i];
		if (g->acc == ACC_ABS && strcmp(g->name, g->stem))
			continue; /* absent array elements: summarised below */
		fprintf(o,
			"| 0x%03x | `%s` | %u | %s | 0x%" PRIx64 " | 0x%" PRIx64 " | 0x%" PRIx64
			" |\n",
			g->off, g->name, g->width, acc_name[g->acc], g->reset, g->wmask, g->w1c);
	}
	/* Arrays with fewer elements implemented than the page has room for. */
	fprintf(o, "\nAbsent array elements (");
	const char *sep = "";
	for (size_t i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];
		if (r->k != K_ARRAY || r->v[6] >= r->v[4])
			continue;
		char lname[48];
		snprintf(lname, sizeof(lname), "%s", r->a);
		for (char *c = lname; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		fprintf(o, "%s%s%" PRIu64 "..%" PRIu64, sep, lname, r->v[3] + r->v[6],
			r->v[3] + r->v[4] - 1);
		sep = ", ";
	}
	fprintf(o, ") read 0 and ignore writes.\n");
	fprintf(o, "\n## Register fields\n");
	for (size_t i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];
		char nm[64];
		if (r->k == K_REG) {
			fprintf(o, "\n### `%s` (0x%03" PRIx64 ", %" PRIu64 " bytes, %s)\n", r->a,
				r->v[0], r->v[1], acc_name[r->acc]);
			md_fields(o, r->a);
		} else if (r->k == K_ARRAY) {
			strip_us(nm, r->a, sizeof(nm));
			fprintf(o,
				"\n### `%s%" PRIu64 "`..`%s%" PRIu64 "` (0x%03" PRIx64 " + %" PRIu64
				" × n, %" PRIu64 " bytes, %s, %" PRIu64 " implemented)\n",
				r->a, r->v[3], r->a, r->v[3] + r->v[4] - 1, r->v[0], r->v[5],
				r->v[1], acc_name[r->acc], r->v[6]);
			md_fields(o, nm);
		}
	}
	fprintf(o, "\n## In-memory structures\n");
	for (size_t i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];
		char nm[64];
		if (r->k == K_STRUCT) {
			fprintf(o, "\n### %s (%" PRIu64 " bytes)\n", r->a, r->v[0]);
		} else if (r->k == K_WORD) {
			word_name(nm, sizeof(nm), r);
			fprintf(o, "\n`%s`: byte offset %" PRIu64 ", %" PRIu64 " bytes\n", nm,
				r->v[0], r->v[1]);
			bool any = false;
			for (size_t j = 0; j < NROWS; j++)
				any |= rows[j].k == K_FIELD && !strcmp(rows[j].a, nm);
			if (any)
				md_fields(o, nm);
		}
	}
	fprintf(o, "\n## Encodings\n");
	for (size_t i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];
		if (r->k == K_ENUMTYPE)
			fprintf(o, "\n`%s` (%" PRIu64 " bits):", r->a, r->v[0]);
		else if (r->k == K_ENUM)
			fprintf(o, " %s=%" PRIu64, r->b, r->v[0]);
	}
	fprintf(o, "\n\n## Constants\n\n| name | value |\n|---|---|\n");
	for (size_t i = 0; i < NROWS; i++)
		if (rows[i].k == K_CONST)
			fprintf(o, "| `RISCV_IOMMU_%s` | 0x%" PRIx64 " |\n", rows[i].a,
				rows[i].v[0]);
	fprintf(o, "\n## iommu_fwif block (firmware view, base FWIF_BASE)\n\n| offset | register | "
		   "access |\n|---|---|---|\n");
	for (size_t i = 0; i < NROWS; i++)
		if (rows[i].k == K_FWREG)
			fprintf(o, "| 0x%03" PRIx64 " | `FWIF_%s` | %s |\n", rows[i].v[0],
				rows[i].a, acc_name[rows[i].acc]);
	fprintf(o, "\n| field | bits |\n|---|---|\n");
	for (size_t i = 0; i < NROWS; i++)
		if (rows[i].k == K_FWFIELD)
			fprintf(o, "| `FWIF_%s_%s` | %" PRIu64 ":%" PRIu64 " |\n", rows[i].a,
				rows[i].b, rows[i].v[0], rows[i].v[1]);
	fprintf(o, "\n| constant | value |\n|---|---|\n");
	for (size_t i = 0; i < NROWS; i++)
		if (rows[i].k == K_FWCONST)
			fprintf(o, "| `FWIF_%s` | 0x%" PRIx64 " |\n", rows[i].a, rows[i].v[0]);
	fclose(o);
}

int main(int argc, char **argv)
{
	if (argc != 2)
		die("usage: regmapgen <repo-root>");
	collect();
	gen_c(argv[1]);
	gen_table(argv[1]);
	gen_sv(argv[1]);
	gen_md(argv[1]);
	return 0;
}
