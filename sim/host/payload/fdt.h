/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A small read-only flattened device tree (DTB) walker for the payload: find a node by
 * compatible string, read its properties, its "reg" with the parent's #address-cells and
 * #size-cells, and phandles. The blob format is the Devicetree Specification's (v0.4, ch. 5).
 */
#ifndef PAYLOAD_FDT_H
#define PAYLOAD_FDT_H

#include <stdbool.h>
#include <stdint.h>

/** struct fdt_node - a node found in the structure block. */
struct fdt_node {
	uint32_t off;	     /* offset of its FDT_BEGIN_NODE token in the structure block */
	const char *name;    /* unit name, e.g. "iommu@10004000" */
	unsigned addr_cells; /* the parent's #address-cells (for "reg") */
	unsigned size_cells; /* the parent's #size-cells */
};

/** fdt_check() - 0 if @fdt starts with a version-17 compatible header, else -1. */
int fdt_check(const void *fdt);
/** fdt_totalsize() - size of the blob in bytes. */
uint32_t fdt_totalsize(const void *fdt);
/**
 * fdt_find_compatible() - the @nth (from 0) node whose "compatible" list holds @compat.
 * Return: true and *@node filled, or false.
 */
bool fdt_find_compatible(const void *fdt, const char *compat, unsigned nth, struct fdt_node *node);
/** fdt_find_phandle() - the node whose "phandle" is @ph. */
bool fdt_find_phandle(const void *fdt, uint32_t ph, struct fdt_node *node);
/**
 * fdt_prop() - property @name of @node: its value, its length in *@len (may be NULL).
 * Return: NULL when the node has no such property.
 */
const void *fdt_prop(const void *fdt, const struct fdt_node *node, const char *name, uint32_t *len);
/** fdt_cell() - big-endian 32-bit cell @i of a property value. */
uint32_t fdt_cell(const void *val, unsigned i);
/**
 * fdt_reg() - entry @i of @node's "reg" (address and size, using the parent's cell counts).
 * Return: 0, -1 if there is no such entry.
 */
int fdt_reg(const void *fdt, const struct fdt_node *node, unsigned i, uint64_t *addr,
	    uint64_t *size);

#endif /* PAYLOAD_FDT_H */
