// SPDX-License-Identifier: Apache-2.0
/* Flattened device tree walker (Devicetree Specification v0.4, chapter 5: header, tokens). */
#include "fdt.h"

#include <stddef.h>

/* clang-format off */
#define FDT_MAGIC      0xd00dfeedu
#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE   2u
#define FDT_PROP       3u
#define FDT_NOP        4u
#define FDT_END        9u
#define FDT_MAX_DEPTH  16
/* header fields, 32-bit big-endian words */
#define HDR_MAGIC      0
#define HDR_TOTALSIZE  1
#define HDR_OFF_STRUCT 2
#define HDR_OFF_STR    3
#define HDR_VERSION    5
#define HDR_LAST_COMP  6
/* clang-format on */

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static uint32_t hdr(const void *fdt, unsigned word)
{
	return be32((const uint8_t *)fdt + 4 * word);
}

uint32_t fdt_cell(const void *val, unsigned i)
{
	return be32((const uint8_t *)val + 4 * i);
}

int fdt_check(const void *fdt)
{
	if (hdr(fdt, HDR_MAGIC) != FDT_MAGIC || hdr(fdt, HDR_LAST_COMP) > 17 ||
	    hdr(fdt, HDR_VERSION) < 16)
		return -1;
	return 0;
}

uint32_t fdt_totalsize(const void *fdt)
{
	return hdr(fdt, HDR_TOTALSIZE);
}

static int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static uint32_t str_len(const char *s)
{
	uint32_t n = 0;

	while (s[n])
		n++;
	return n;
}

/* One token at *off of the structure block; advances *off past it and its payload. */
struct tok {
	uint32_t type;
	const char *name; /* node name, or property name */
	const void *val;  /* property value */
	uint32_t len;	  /* property length */
};

static void next_tok(const void *fdt, uint32_t *off, struct tok *t)
{
	const uint8_t *st = (const uint8_t *)fdt + hdr(fdt, HDR_OFF_STRUCT);
	const char *strs  = (const char *)fdt + hdr(fdt, HDR_OFF_STR);

	t->type = be32(st + *off);
	*off += 4;
	if (t->type == FDT_BEGIN_NODE) {
		t->name = (const char *)st + *off;
		*off += (str_len(t->name) + 1 + 3) & ~3u;
	} else if (t->type == FDT_PROP) {
		t->len	= be32(st + *off);
		t->name = strs + be32(st + *off + 4);
		t->val	= st + *off + 8;
		*off += 8 + ((t->len + 3) & ~3u);
	}
}

/* True if the string list @val (@len bytes) contains @s. */
static bool strlist_has(const char *val, uint32_t len, const char *s)
{
	uint32_t i = 0;

	while (i < len) {
		if (str_eq(val + i, s))
			return true;
		i += str_len(val + i) + 1;
	}
	return false;
}

/*
 * Walk every node; @match decides on one property of a node. Properties come before subnodes
 * in the blob, so a node's own #address-cells/#size-cells are known before its children.
 */
typedef bool (*prop_match_fn)(const struct tok *t, const void *arg);

static bool walk(const void *fdt, prop_match_fn match, const void *arg, unsigned nth,
		 struct fdt_node *node)
{
	unsigned acells[FDT_MAX_DEPTH], scells[FDT_MAX_DEPTH];
	int depth    = -1;
	uint32_t off = 0, node_off = 0;
	const char *node_name = "";
	bool found_here	      = false;
	struct tok t;

	for (;;) {
		uint32_t at = off;

		next_tok(fdt, &off, &t);
		switch (t.type) {
		case FDT_BEGIN_NODE:
			if (++depth >= FDT_MAX_DEPTH)
				return false;
			acells[depth] = 2; /* defaults of the specification */
			scells[depth] = 1;
			node_off      = at;
			node_name     = t.name;
			found_here    = false;
			break;
		case FDT_PROP:
			if (str_eq(t.name, "#address-cells"))
				acells[depth] = fdt_cell(t.val, 0);
			else if (str_eq(t.name, "#size-cells"))
				scells[depth] = fdt_cell(t.val, 0);
			if (!found_here && match(&t, arg)) {
				found_here = true;
				if (nth-- == 0) {
					node->off	 = node_off;
					node->name	 = node_name;
					node->addr_cells = depth > 0 ? acells[depth - 1] : 2;
					node->size_cells = depth > 0 ? scells[depth - 1] : 1;
					return true;
				}
			}
			break;
		case FDT_END_NODE:
			if (depth-- < 0)
				return false;
			break;
		case FDT_NOP:
			break;
		default: /* FDT_END or a broken blob */
			return false;
		}
	}
}

static bool match_compat(const struct tok *t, const void *arg)
{
	return str_eq(t->name, "compatible") && strlist_has(t->val, t->len, arg);
}

static bool match_phandle(const struct tok *t, const void *arg)
{
	return str_eq(t->name, "phandle") && t->len == 4 &&
	       fdt_cell(t->val, 0) == *(const uint32_t *)arg;
}

bool fdt_find_compatible(const void *fdt, const char *compat, unsigned nth, struct fdt_node *node)
{
	return walk(fdt, match_compat, compat, nth, node);
}

bool fdt_find_phandle(const void *fdt, uint32_t ph, struct fdt_node *node)
{
	return walk(fdt, match_phandle, &ph, 0, node);
}

const void *fdt_prop(const void *fdt, const struct fdt_node *node, const char *name, uint32_t *len)
{
	uint32_t off = node->off;
	struct tok t;

	next_tok(fdt, &off, &t); /* the node's own FDT_BEGIN_NODE */
	for (;;) {
		next_tok(fdt, &off, &t);
		if (t.type == FDT_NOP)
			continue;
		if (t.type != FDT_PROP)
			return NULL; /* a subnode or the node's end: no more properties */
		if (str_eq(t.name, name)) {
			if (len)
				*len = t.len;
			return t.val;
		}
	}
}

static uint64_t read_cells(const void *val, unsigned first, unsigned n)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < n; i++)
		v = v << 32 | fdt_cell(val, first + i);
	return v;
}

int fdt_reg(const void *fdt, const struct fdt_node *node, unsigned i, uint64_t *addr,
	    uint64_t *size)
{
	unsigned per = node->addr_cells + node->size_cells;
	uint32_t len;
	const void *reg = fdt_prop(fdt, node, "reg", &len);

	if (!reg || per == 0 || (i + 1) * per * 4 > len)
		return -1;
	*addr = read_cells(reg, i * per, node->addr_cells);
	*size = read_cells(reg, i * per + node->addr_cells, node->size_cells);
	return 0;
}
