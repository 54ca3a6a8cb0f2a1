/* mmu.h - a KVM-style shadow MMU with per-slot large-page write-protect
 * counters, as discussed on kvm-devel in January 2008 (seed 004).
 * Pure model: no JSON here. */
#ifndef LP_MMU_H
#define LP_MMU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LP_PAGE_SHIFT 12
#define LP_PAGE_SIZE ((uint64_t)1 << LP_PAGE_SHIFT)
#define LP_FRAME_SHIFT 21
#define LP_FRAME_SIZE ((uint64_t)1 << LP_FRAME_SHIFT)
#define LP_FRAME_MASK (LP_FRAME_SIZE - 1)
#define LP_PAGES_PER_FRAME 512u

/* Guest-physical addresses have 52 bits; host addresses fit a signed long. */
#define LP_GUEST_LIMIT ((uint64_t)1 << 52)
#define LP_HOST_LIMIT ((uint64_t)1 << 63)

/* Implementation limits (bounded memory). */
#define LP_MAX_FRAMES_PER_SLOT ((uint64_t)1 << 20) /* 2 TiB of guest memory */
#define LP_MAX_FRAMES_TOTAL ((uint64_t)1 << 22)    /* 16 MiB of counters */
#define LP_MAX_SLOTS 4096u
#define LP_MAX_SHADOWED_PAGES ((size_t)1 << 22)
#define LP_MAX_REGIONS ((int32_t)1 << 20)

/* First guest host address handed out by addGuestMemory. */
#define LP_HOST_ALLOC_START ((uint64_t)0x40000000)

typedef enum { LP_ENC_COUNT_FROM_ZERO, LP_ENC_COUNT_FROM_MINUS_ONE } lp_encoding;
typedef enum { LP_BACK_SMALL, LP_BACK_LARGE } lp_backing;

/* In the order the reasons are checked. */
typedef enum {
    LP_DEC_LARGE,
    LP_DEC_FRAME_NOT_IN_ONE_SLOT,
    LP_DEC_HOST_NOT_LARGE,
    LP_DEC_HOST_MISALIGNED,
    LP_DEC_WRITE_PROTECTED
} lp_decision;

typedef enum {
    LP_OK = 0,
    LP_SLOT_EMPTY,
    LP_SLOT_MISALIGNED,
    LP_SLOT_OVERLAP,
    LP_SLOT_OUT_OF_RANGE,
    LP_SLOT_TOO_LARGE,
    LP_NO_SLOT,
    LP_PAGE_NOT_SHADOWED,
    LP_WRITE_PROTECT_COUNT_UNDERFLOW,
    LP_MISALIGNED_LARGE_MAPPING,
    LP_WRONG_PAGING_MODE,
    LP_INTERNAL /* not a LargePageStatus: implementation limit, -32603 */
} lp_status;

typedef struct {
    uint64_t guest_base;
    uint64_t size;
    uint64_t host_base;
    lp_backing backing;
} lp_slot_desc;

typedef struct {
    lp_slot_desc d;
    uint64_t first_frame; /* guest base rounded up to 2 MB */
    uint32_t nframes;     /* 2 MB frames wholly inside the slot */
    int32_t *raw;         /* one counter per such frame, packed */
} lp_slot;

typedef struct {
    uint64_t addr;  /* gva (shadow) or gpa (nested), 2 MB aligned */
    uint64_t gpa;   /* 2 MB aligned guest-physical frame */
    int32_t next;   /* chain in the address hash, or free list */
    int32_t rnext;  /* chain in the large-entry rmap (by gpa frame) */
    uint8_t large;  /* one 2 MB entry, else 512 4 KB entries */
    uint8_t live;
} lp_region;

typedef struct {
    lp_encoding encoding;
    bool nested;
    bool back_large;

    lp_slot *slots; /* sorted by guest base, never overlapping */
    size_t nslots, slots_cap;
    uint64_t total_frames;

    /* Shadow count per write-protected 4 KB page: open addressing, keys are
     * guest page numbers (LP_NO_KEY when empty). */
    uint64_t *pkeys;
    uint32_t *pvals;
    size_t pcap, pcount;

    /* Shadow regions: every shadowed 2 MB guest range, either one large entry
     * or 512 small ones. Chained hashes over an index pool. */
    lp_region *pool;
    int32_t pool_cap, pool_used, free_head, live_regions;
    int32_t *abkt; /* by addr */
    int32_t *rbkt; /* rmap of large entries, by gpa frame */
    uint32_t nbkt; /* power of two */
} lp_mmu;

typedef struct {
    uint64_t address;
    uint64_t gpa;
    bool large;
    bool writable;
} lp_entry;

lp_mmu *lp_mmu_new(lp_encoding enc, bool nested, bool back_large);
void lp_mmu_free(lp_mmu *m);

lp_status lp_add_slot(lp_mmu *m, const lp_slot_desc *d);
/* On success *out (malloc'd, caller frees) holds *nout slots. */
lp_status lp_add_guest_memory(lp_mmu *m, uint64_t guest_base, uint64_t size, lp_slot_desc **out,
                              size_t *nout);

lp_status lp_decision_for(const lp_mmu *m, uint64_t frame_gpa, lp_decision *out);
lp_status lp_shadow_large(lp_mmu *m, uint64_t gva, uint64_t gpa, lp_decision *out);
lp_status lp_map_nested(lp_mmu *m, uint64_t gpa, lp_decision *out);
lp_status lp_shadow_page_table(lp_mmu *m, uint64_t gpa);
lp_status lp_unshadow_page_table(lp_mmu *m, uint64_t gpa);
bool lp_write_protected(const lp_mmu *m, uint64_t gpa);
lp_status lp_write_protect_count(const lp_mmu *m, uint64_t gpa, int32_t *out);
const lp_slot *lp_slot_at(const lp_mmu *m, uint64_t guest_base);
bool lp_entry_for(const lp_mmu *m, uint64_t address, lp_entry *out);

#endif
