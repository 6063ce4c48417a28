/* SPDX-License-Identifier: Apache-2.0 */
/* ddtp write handling (IOMMU spec "Device-directory-table pointer", architecture.md §4). */
#ifndef FW_DDTP_H
#define FW_DDTP_H

#include <stdint.h>

/**
 * ddtp_next() - the ddtp value that results from a host write of @req while ddtp is @cur.
 *
 * Off and Bare are always accepted (PPN reads 0). 1LVL/2LVL/3LVL are accepted from Off or
 * Bare only (with the written PPN); a switch between two LVL modes and any unsupported or
 * reserved mode leave @cur unchanged. The result never has busy set.
 */
uint64_t ddtp_next(uint64_t cur, uint64_t req);

/**
 * ddtp_handle() - doorbell bit 0: apply the latched host write (FW_DDTP_REQ), invalidate the
 * context cache on a change, then write the final ddtp raw, which clears busy.
 */
void ddtp_handle(void);

#endif /* FW_DDTP_H */
