/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Portable host driver library for a RISC-V IOMMU v1.0 (no OS). It reproduces what the Linux
 * riscv-iommu driver does (init sequence, device directory, paging domains, invalidation,
 * fault queue) over a user-supplied platform-ops table. See doc/host-library.md.
 *
 * All functions return 0 or a negative enum iohost_err code unless documented otherwise.
 */
#ifndef RISCV_IOMMU_HOST_H
#define RISCV_IOMMU_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** enum iohost_err - negative error codes (OpenSBI style). */
enum iohost_err {
	IOHOST_OK	 = 0,
	IOHOST_EINVAL	 = -1, /* bad argument */
	IOHOST_ENOMEM	 = -2, /* alloc_pages failed, or no IOVA space */
	IOHOST_ETIMEDOUT = -3, /* a poll ran out of time */
	IOHOST_EBUSY	 = -4, /* ddtp.busy at init, or mapping already present */
	IOHOST_ENODEV	 = -5, /* hardware lacks a required feature */
	IOHOST_EIO	 = -6, /* the IOMMU reported an error (cqcsr, queue start) */
	IOHOST_ENOENT	 = -7, /* nothing mapped there */
};

/**
 * struct iohost_ops - what the platform supplies.
 * @read32/@read64/@write32/@write64: register-page access at byte offset @off.
 * @alloc_pages: zeroed, naturally aligned block of @bytes (a power of two >= 4096) of system
 *               memory that the IOMMU can read; returns its physical address, 0 on failure.
 * @mem_read64/@mem_write64: 8-byte access to system memory at a physical address.
 * @wmb:   optional (may be NULL): order earlier memory writes before later writes/MMIO.
 * @delay: wait about @us microseconds (the poll hook; may advance a simulation).
 * @ctx:   passed to every hook.
 */
struct iohost_ops {
	uint32_t (*read32)(void *ctx, uint32_t off);
	uint64_t (*read64)(void *ctx, uint32_t off);
	void (*write32)(void *ctx, uint32_t off, uint32_t val);
	void (*write64)(void *ctx, uint32_t off, uint64_t val);
	uint64_t (*alloc_pages)(void *ctx, uint64_t bytes);
	uint64_t (*mem_read64)(void *ctx, uint64_t pa);
	void (*mem_write64)(void *ctx, uint64_t pa, uint64_t val);
	void (*wmb)(void *ctx);
	void (*delay)(void *ctx, unsigned us);
	void *ctx;
};

/** struct iohost_queue - one in-memory queue (CQ or FQ). */
struct iohost_queue {
	uint64_t base;	 /* physical address */
	unsigned log2sz; /* log2(entries) */
	uint32_t prod;	 /* CQ: next free slot (our cqt) */
	uint32_t cons;	 /* FQ: next record to read (our fqh) */
	unsigned entry;	 /* 16 (CQ) or 32 (FQ) bytes */
};

/**
 * struct iohost_cfg - init choices (zero = Linux defaults).
 * @nr_irqs:   interrupt vectors available to the host (1..4; 0 = 4).
 * @cq_log2sz: CQ entries log2 (0 = 13, i.e. 8192, clamped to what the hardware allows).
 * @fq_log2sz: FQ entries log2 (0 = 12, i.e. 4096).
 * @max_mode:  highest DDT mode to try (0 = 3LVL); the init walks 3LVL -> 2LVL -> 1LVL.
 * @use_wsi:   set fctl.WSI (wired interrupts) when the IOMMU offers both kinds.
 */
struct iohost_cfg {
	unsigned nr_irqs;
	unsigned cq_log2sz, fq_log2sz;
	unsigned max_mode;
	bool use_wsi;
};

/** struct iohost - one IOMMU instance. Fill @ops; iohost_init() does the rest. */
struct iohost {
	struct iohost_ops ops;
	uint64_t caps;
	uint32_t fctl;
	uint64_t icvec;
	unsigned nr_irqs;
	uint64_t ddt_root; /* physical address of the DDT root page */
	unsigned ddt_mode; /* ddtp.iommu_mode in use */
	struct iohost_queue cq, fq;
	unsigned timeout_us; /* poll budget for queue/ddtp handshakes */
	uint32_t next_pscid; /* PSCIDs are handed out from 1 */
	uint32_t next_gscid;
};

/* ---- init.c: Linux riscv_iommu_init() ----------------------------------- */

/**
 * iohost_init() - bring the IOMMU up exactly like Linux does (doc/host-library.md).
 * @h:   instance with @h->ops filled in.
 * @cfg: choices, or NULL for the defaults.
 *
 * Return: 0, IOHOST_EBUSY (ddtp busy or already in a DDT mode), IOHOST_ENODEV, IOHOST_EIO,
 * IOHOST_ENOMEM or IOHOST_ETIMEDOUT.
 */
int iohost_init(struct iohost *h, const struct iohost_cfg *cfg);
/**
 * iohost_disable() - ddtp=Bare and both queues off (Linux riscv_iommu_disable()).
 * @h: instance.
 */
void iohost_disable(struct iohost *h);
/**
 * iohost_set_mode() - write ddtp top-down from @mode to 1LVL until the hardware keeps one.
 * @h:    instance (with @h->ddt_root allocated for LVL modes).
 * @mode: ddtp.iommu_mode to try first (Off, Bare, 1LVL, 2LVL or 3LVL).
 *
 * Return: 0 (h->ddt_mode set), IOHOST_EINVAL if the hardware answers with another LVL mode.
 */
int iohost_set_mode(struct iohost *h, unsigned mode);

/* ---- inval.c: command queue --------------------------------------------- */

/**
 * iohost_cmd_send() - copy one 16-byte command into the CQ and ring the cqt doorbell.
 * @h:   instance.
 * @dw0: command doubleword 0.
 * @dw1: command doubleword 1.
 *
 * Return: 0, IOHOST_ETIMEDOUT when the queue stays full, IOHOST_EIO on a cqcsr error.
 */
int iohost_cmd_send(struct iohost *h, uint64_t dw0, uint64_t dw1);
/**
 * iohost_cmd_sync() - send IOFENCE.C (PR=PW=1) and wait until cqh passes it.
 * @h: instance.
 *
 * Return: 0, IOHOST_EIO when cqcsr shows cqmf/cmd_to/cmd_ill, IOHOST_ETIMEDOUT.
 */
int iohost_cmd_sync(struct iohost *h);
/** iohost_inval_ddt() - IODIR.INVAL_DDT for @did, or for all devices when @all. */
int iohost_inval_ddt(struct iohost *h, bool all, uint32_t did);
/** iohost_inval_pdt() - IODIR.INVAL_PDT for (@did, @pid). */
int iohost_inval_pdt(struct iohost *h, uint32_t did, uint32_t pid);
/**
 * iohost_inval_vma() - IOTINVAL.VMA.
 * @h:     instance.
 * @pscid: address space, or -1 for all (PSCV=0).
 * @gscid: guest, or -1 for none (GV=0).
 * @iova:  one 4 KiB page, or UINT64_MAX for all addresses (AV=0).
 */
int iohost_inval_vma(struct iohost *h, int64_t pscid, int64_t gscid, uint64_t iova);
/** iohost_inval_gvma() - IOTINVAL.GVMA for @gscid (-1: all) and @gpa (UINT64_MAX: all). */
int iohost_inval_gvma(struct iohost *h, int64_t gscid, uint64_t gpa);

/* ---- ddt.c: device directory --------------------------------------------- */

/**
 * struct iohost_dc - a device context, spec order; the extended words are used when
 * caps.MSI_FLAT=1.
 */
struct iohost_dc {
	uint64_t tc, iohgatp, ta, fsc;
	uint64_t msiptp, msi_addr_mask, msi_addr_pattern;
};

/**
 * iohost_dc_addr() - physical address of @did's DC, allocating directory pages on the way.
 * @h:     instance in a 1/2/3LVL mode.
 * @did:   device_id.
 * @alloc: allocate missing non-leaf levels (else return 0 for them).
 *
 * Return: the DC address, 0 if @did is too wide for the mode or a level is missing.
 */
uint64_t iohost_dc_addr(struct iohost *h, uint32_t did, bool alloc);
/**
 * iohost_dc_read() / iohost_dc_write() - whole-DC access. The write stores tc last (after a
 * write barrier), so a V=1 DC never appears half written.
 */
int iohost_dc_read(struct iohost *h, uint32_t did, struct iohost_dc *dc);
int iohost_dc_write(struct iohost *h, uint32_t did, const struct iohost_dc *dc);
/** iohost_probe_device() - Linux probe_device: create the DC of @did with tc=0. */
int iohost_probe_device(struct iohost *h, uint32_t did);

/* ---- pgtable.c: first-stage and G-stage tables ---------------------------- */

/* clang-format off */
#define IOHOST_PROT_READ  1u
#define IOHOST_PROT_WRITE 2u
#define IOHOST_PROT_EXEC  4u
/* Leaves with A=0 and D=0: for a device whose DC.tc.SADE/GADE lets the IOMMU set them
 * (capabilities.AMO_HWAD); without them the first access faults. */
#define IOHOST_PROT_CLEAN 8u
#define IOHOST_SZ_4K      0x1000ull
#define IOHOST_SZ_64K     0x10000ull
#define IOHOST_SZ_2M      0x200000ull
#define IOHOST_SZ_1G      0x40000000ull
/* clang-format on */

/** struct iohost_pt - one page table: iosatp (Sv39/Sv48/Sv57) or iohgatp (Sv39x4/Sv48x4/Sv57x4). */
struct iohost_pt {
	uint64_t root;	 /* physical address of the root table */
	unsigned mode;	 /* iosatp/iohgatp MODE: 8, 9 or 10 */
	unsigned levels; /* 3, 4 or 5 */
	bool gstage;	 /* 16 KiB root, 2 extra GPA bits */
};

/**
 * iohost_pt_init() - allocate an empty table.
 * @h:      instance.
 * @pt:     table to set up.
 * @mode:   8 (Sv39 / Sv39x4), 9 (Sv48 / Sv48x4) or 10 (Sv57 / Sv57x4).
 * @gstage: build a G-stage table (16 KiB root).
 */
int iohost_pt_init(struct iohost *h, struct iohost_pt *pt, unsigned mode, bool gstage);
/**
 * iohost_pt_map() - map one page of @size (4K, 64K Svnapot, 2M or 1G) at @iova to @pa.
 * Leaves are V|A|U|R (+W|D with PROT_WRITE) (+X with PROT_EXEC), like Linux.
 *
 * Return: 0, IOHOST_EINVAL (alignment, size, address width), IOHOST_EBUSY (already mapped).
 */
int iohost_pt_map(struct iohost *h, struct iohost_pt *pt, uint64_t iova, uint64_t pa, uint64_t size,
		  unsigned prot);
/**
 * iohost_pt_map_range() - map [@iova, @iova+@len) to @pa with the largest pages that fit.
 */
int iohost_pt_map_range(struct iohost *h, struct iohost_pt *pt, uint64_t iova, uint64_t pa,
			uint64_t len, unsigned prot);
/**
 * iohost_pt_unmap() - remove the leaf that maps @iova.
 * Return: the size it mapped (> 0), or IOHOST_ENOENT.
 */
int64_t iohost_pt_unmap(struct iohost *h, struct iohost_pt *pt, uint64_t iova);
/**
 * iohost_pt_lookup() - software walk: physical address of @iova, or 0 if unmapped.
 */
uint64_t iohost_pt_lookup(struct iohost *h, const struct iohost_pt *pt, uint64_t iova);
/** iohost_pt_atp() - the iosatp/iohgatp value (MODE | PPN) for @pt. */
uint64_t iohost_pt_atp(const struct iohost_pt *pt);

/* ---- iova.c: IOVA allocator --------------------------------------------- */

#define IOHOST_IOVA_RANGES 64

/** struct iohost_iova - first-fit allocator over [base, limit) with a sorted free list. */
struct iohost_iova {
	uint64_t lo[IOHOST_IOVA_RANGES], hi[IOHOST_IOVA_RANGES];
	unsigned n;
};

/** iohost_iova_init() - one free range [@base, @limit). */
void iohost_iova_init(struct iohost_iova *a, uint64_t base, uint64_t limit);
/** iohost_iova_alloc() - @size bytes aligned to @align; 0 when full. */
uint64_t iohost_iova_alloc(struct iohost_iova *a, uint64_t size, uint64_t align);
/** iohost_iova_free() - return [@iova, @iova+@size). */
void iohost_iova_free(struct iohost_iova *a, uint64_t iova, uint64_t size);

/* ---- domain.c: domains, attach/detach, DMA map ---------------------------- */

/** enum iohost_domain_type - the three Linux domain kinds. */
enum iohost_domain_type {
	IOHOST_DOMAIN_BLOCKED,
	IOHOST_DOMAIN_IDENTITY,
	IOHOST_DOMAIN_PAGING,
};

/** struct iohost_domain - an address space devices can be attached to. */
struct iohost_domain {
	enum iohost_domain_type type;
	struct iohost_pt pt;
	uint32_t pscid;
	struct iohost_iova iova;
};

/**
 * iohost_domain_init() - set up a domain.
 * @h:    instance.
 * @d:    domain.
 * @type: kind.
 * @mode: paging only: 8 Sv39, 9 Sv48, 10 Sv57, 0 = Sv48 if the IOMMU offers it, else Sv39.
 */
int iohost_domain_init(struct iohost *h, struct iohost_domain *d, enum iohost_domain_type type,
		       unsigned mode);
/**
 * iohost_attach() - point the DCs of @dids at @d (Linux iodir_update two-phase protocol).
 * @h:    instance.
 * @d:    domain.
 * @dids: device_ids.
 * @n:    how many.
 */
int iohost_attach(struct iohost *h, struct iohost_domain *d, const uint32_t *dids, unsigned n);
/** iohost_detach() - attach @dids to the blocking domain (their DMA then faults with 258). */
int iohost_detach(struct iohost *h, const uint32_t *dids, unsigned n);
/**
 * iohost_dma_map() - allocate an IOVA for [@pa, @pa+@len) and map it in @d.
 * @iova: out: the device address (offset of @pa inside its page kept).
 */
int iohost_dma_map(struct iohost *h, struct iohost_domain *d, uint64_t pa, uint64_t len,
		   unsigned prot, uint64_t *iova);
/**
 * iohost_dma_unmap() - unmap [@iova, @iova+@len), invalidate the IOTLB like Linux (per page
 * below 2 MiB, by PSCID above), fence, and free the IOVA range.
 */
int iohost_dma_unmap(struct iohost *h, struct iohost_domain *d, uint64_t iova, uint64_t len);

/* ---- fault.c: fault queue ----------------------------------------------- */

/** struct iohost_fault - one decoded fault record (spec 4.2). */
struct iohost_fault {
	unsigned cause, ttyp;
	uint32_t did, pid;
	bool pv, priv;
	uint64_t iotval, iotval2;
};

/**
 * iohost_fault_drain() - read every record between fqh and fqt, advance fqh, clear
 * ipsr.fip and any fqof/fqmf.
 * @h:   instance.
 * @out: array for the records (may be NULL).
 * @max: its size; further records are consumed and dropped.
 * @flags: out (may be NULL): the fqcsr error bits that were set (fqmf bit 8, fqof bit 9).
 *
 * Return: number of records consumed (>= 0) or IOHOST_ETIMEDOUT.
 */
int iohost_fault_drain(struct iohost *h, struct iohost_fault *out, unsigned max, uint32_t *flags);

/* ---- msi.c: interrupt vectors and MSI page tables --------------------------- */

/**
 * iohost_msi_cfg() - program msi_cfg_tbl[@vec]: address, data, mask.
 */
int iohost_msi_cfg(struct iohost *h, unsigned vec, uint64_t addr, uint32_t data, bool masked);
/** iohost_msi_pte_basic() - basic-translate MSI PTE (M=3) @index of table @tbl -> @pa. */
void iohost_msi_pte_basic(struct iohost *h, uint64_t tbl, uint64_t index, uint64_t pa);
/** iohost_msi_pte_mrif() - MRIF MSI PTE (M=1): MRIF @mrif, notice to @npa with @nid. */
void iohost_msi_pte_mrif(struct iohost *h, uint64_t tbl, uint64_t index, uint64_t mrif,
			 uint64_t npa, unsigned nid);

/* ---- pdt.c: PASID process directory --------------------------------------- */

/**
 * iohost_pdt_init() - allocate a PDT root for pdtp MODE @mode (1 PD8, 2 PD17, 3 PD20).
 * Return: the pdtp value (MODE | PPN) or 0 on failure.
 */
uint64_t iohost_pdt_init(struct iohost *h, unsigned mode);
/**
 * iohost_pdt_set_pc() - write the PC of @pid (ta then fsc, V in ta last).
 * @pdtp: value from iohost_pdt_init().
 * @ta:   PC.ta (V, ENS, SUM, PSCID).
 * @fsc:  PC.fsc (first-stage MODE | PPN).
 */
int iohost_pdt_set_pc(struct iohost *h, uint64_t pdtp, uint32_t pid, uint64_t ta, uint64_t fsc);

#endif /* RISCV_IOMMU_HOST_H */
