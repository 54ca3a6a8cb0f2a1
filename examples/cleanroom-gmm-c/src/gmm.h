/*
 * gmm-cleanroom: a global memory manager modelled on the design notes of an
 * early GMM (chunks, page ids, packed per-page words, free LIFOs, free sets,
 * legacy mode, VM cleanup).  Core model, independent of the wire protocol.
 */
#ifndef GMM_H
#define GMM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Refusal statuses (names in gmm_status_name). */
typedef enum {
    GMM_OK = 0,
    GMM_ST_INVALID_PARAMETER,
    GMM_ST_WRONG_ORDER,
    GMM_ST_INSTANCE,
    GMM_ST_INVALID_VM_HANDLE,
    GMM_ST_PAGE_NOT_FOUND,
    GMM_ST_PAGE_ALREADY_FREE,
    GMM_ST_NOT_PAGE_OWNER,
    GMM_ST_PAGE_NOT_PRIVATE,
    GMM_ST_PAGE_NOT_SHARED,
    GMM_ST_HIT_VM_ACCOUNT_LIMIT,
    GMM_ST_HIT_GLOBAL_LIMIT,
    GMM_ST_ATTEMPT_TO_FREE_TOO_MUCH,
    GMM_ST_CHUNK_NOT_FOUND,
    GMM_ST_SEED_ME,
    GMM_ST_NOT_SUPPORTED,
    GMM_ST_RESERVATION_DECLINED,
    GMM_ST_OUT_OF_RANGE,
    GMM_ST_NO_MEMORY
} gmm_status;

const char *gmm_status_name(gmm_status st);

/* Page states, as stored in the top two bits of a 64-bit page word. */
#define GMM_STATE_PRIVATE    0u
#define GMM_STATE_PRIVATE_32 1u
#define GMM_STATE_SHARED     2u
#define GMM_STATE_FREE       3u

/* NIL index of a chunk's free LIFO (16-bit head). */
#define GMM_FREE_NIL 0xFFFFu
/* The value that marks "no guest frame": recorded as the guest PFN of a
 * private page allocated without one (declared as gmm.unknown-guest-frame). */
#define GMM_PFN_NO_FRAME UINT64_C(0xFFFFFFF1)
/* The instance magic, and the empty chunk id (also the empty TLB entry). */
#define GMM_MAGIC 0x19540414u
#define GMM_NIL_CHUNKID 0u
#define GMM_TLB_ENTRIES 32
#define GMM_MAX_LISTS 16
/* Highest VM handle: the 64-bit private page word has a 16-bit handle field. */
#define GMM_MAX_VM_HANDLE 0xFFFF

typedef struct {
    const char *name;
    int chunk_shift;        /* log2 chunk size in bytes */
    int id_shift;           /* page-index width in a page id (the seed's GMM_CHUNK_SHIFT) */
    int ppc;                /* pages per chunk */
    uint64_t page_id_last;
    uint64_t chunk_id_last;
    int lists;              /* lists per free set */
    int fs_shift;           /* list index = (cFree - 1) >> fs_shift */
} gmm_geometry;

extern const gmm_geometry gmm_geometries[];
extern const size_t gmm_n_geometries;

typedef enum { GMM_ACCT_BASE = 0, GMM_ACCT_SHADOW, GMM_ACCT_FIXED, GMM_ACCT_COUNT } gmm_account;
typedef enum { GMM_POL_INVALID = 0, GMM_POL_NO_OC, GMM_POL_TBD } gmm_policy;
typedef enum { GMM_PRI_INVALID = 0, GMM_PRI_HIGH, GMM_PRI_NORMAL, GMM_PRI_LOW } gmm_priority;
typedef enum { GMM_NC_WORKS = 0, GMM_NC_NOT_SUPPORTED, GMM_NC_FAILED } gmm_noncontig;

typedef struct gmm_chunk gmm_chunk;
struct gmm_chunk {
    uint32_t id;
    gmm_chunk *free_next, *free_prev; /* links in a free-set list */
    int fs_kind;                      /* 0 private set, 1 shared set */
    int fs_list;                      /* list index, -1 when unlinked */
    uint32_t fs_pages;                /* pages this chunk adds to its set's count */
    uint32_t free_head;               /* head of the free LIFO (GMM_FREE_NIL) */
    /* recorded statistics (what the chunk says; 16-bit like the document's
     * fields, so they wrap; can be overwritten for tests) */
    uint16_t c_free, c_private, c_shared;
    uint32_t n_free;                  /* actual number of pages on the LIFO */
    uint32_t h_gvm;                   /* affinity / owner */
    bool shared_chunk;
    uint64_t host_pfn_base;           /* stands in for the host memory object */
    uint64_t pages[];                 /* one packed 64-bit word per page */
};

typedef struct {
    uint64_t c_pages;
    gmm_chunk *lists[GMM_MAX_LISTS];
} gmm_freeset;

typedef struct {
    gmm_policy policy;
    gmm_priority priority;
    bool reserved;                 /* initial reservation made */
    bool cleaned;                  /* cleaned up */
    uint64_t res[GMM_ACCT_COUNT];  /* reserved pages per account */
    uint64_t alloc[GMM_ACCT_COUNT];/* allocated pages per account */
    uint64_t private_pages;
    uint64_t shared_pages;         /* shared references held */
} gmm_vm;

typedef struct {
    uint32_t id;
    gmm_chunk *chunk;
} gmm_tlbe;

typedef struct {
    uint32_t magic;
    const gmm_geometry *geo;
    gmm_chunk **chunks;          /* sorted by id: stands in for the AVL tree */
    size_t n_chunks, cap_chunks;
    gmm_tlbe tlb[GMM_TLB_ENTRIES];
    gmm_freeset sets[2];         /* [0] private, [1] shared */
    uint64_t c_pages;            /* allocated pages (private + shared pages) */
    uint64_t c_shared_pages;     /* shared pages */
    uint64_t c_dup_refs;         /* shared references beyond the first */
    uint64_t left_behind;        /* shared references left by cleaned-up VMs */
    bool legacy;
    uint32_t active_vms;
    uint64_t host_pages, max_chunks;
    uint32_t next_chunk_id;
    gmm_vm *vms;                 /* index = handle - 1 */
    uint32_t n_vms, cap_vms;
} gmm;

typedef struct {
    uint64_t chunk_id;
    int32_t free, private_pages, shared_pages, affinity;
    bool shared_chunk;
} gmm_chunk_info;

typedef struct {
    uint64_t chunk_id;
    int32_t rec_free, cnt_free, rec_private, cnt_private, rec_shared, cnt_shared;
} gmm_repair;

typedef struct {
    uint64_t freed_private;
    gmm_repair *repairs; size_t n_repairs;
    uint64_t *released; size_t n_released;
    bool last_vm;
} gmm_cleanup_report;

typedef struct {
    int state;   /* PageState: GMM_STATE_PRIVATE / SHARED / FREE */
    int32_t owner;
    uint64_t guest_pfn, refs, host_pfn;
} gmm_page_info;

typedef struct {
    uint64_t chunks, allocated, shared, duplicate, free, reserved, registered, left_behind;
} gmm_stats;

/* decoded fields of a page word */
typedef enum { GMM_VIEW_PRIVATE = 0, GMM_VIEW_SHARED, GMM_VIEW_FREE } gmm_view;
typedef struct {
    gmm_view view;
    int64_t state;
    uint64_t pfn;       /* private: guest pfn; shared: host pfn */
    int64_t vm_handle;  /* private */
    uint64_t refs;      /* shared */
    int64_t next;       /* free */
    bool zeroed;        /* free */
} gmm_fields;

gmm *gmm_create(const gmm_geometry *geo, uint64_t host_pages, bool legacy, gmm_noncontig nc);
void gmm_destroy(gmm *g);

gmm_status gmm_create_vm(gmm *g, int32_t *out);
gmm_status gmm_reserve(gmm *g, int32_t vm, uint64_t base, uint64_t shadow, uint64_t fixed,
                       gmm_policy pol, gmm_priority pri);
gmm_status gmm_update_reservation(gmm *g, int32_t vm, uint64_t base, uint64_t shadow, uint64_t fixed);
gmm_status gmm_allocate(gmm *g, int32_t vm, gmm_account acct, size_t n, const uint64_t *pfns,
                        uint64_t *out_ids);
gmm_status gmm_free_pages(gmm *g, int32_t vm, gmm_account acct, size_t n, const uint64_t *ids);
gmm_status gmm_seed_chunk(gmm *g, int32_t vm, uint64_t *out_id);
gmm_status gmm_share(gmm *g, int32_t vm, uint64_t page_id, uint64_t *out_id);
gmm_status gmm_use_shared(gmm *g, int32_t vm, uint64_t page_id);
gmm_status gmm_release_shared(gmm *g, int32_t vm, uint64_t page_id);
gmm_status gmm_cleanup(gmm *g, int32_t vm, gmm_cleanup_report *rep);
void gmm_cleanup_report_free(gmm_cleanup_report *rep);
gmm_status gmm_terminate(gmm *g, gmm_chunk_info **out, size_t *n);

gmm_status gmm_page(gmm *g, uint64_t page_id, gmm_page_info *out);
gmm_status gmm_chunk_query(gmm *g, uint64_t chunk_id, gmm_chunk_info *out);
gmm_status gmm_chunk_ids(gmm *g, uint64_t **out, size_t *n);
gmm_status gmm_vm_info(gmm *g, int32_t vm, gmm_vm *out);
gmm_status gmm_statistics(gmm *g, gmm_stats *out);
uint64_t gmm_host_pfn(const gmm *g, uint64_t page_id);

/* introspection */
gmm_status gmm_raw_page(gmm *g, uint64_t page_id, uint64_t *out);
gmm_status gmm_free_lifo(gmm *g, uint64_t chunk_id, int32_t **out, size_t *n);
gmm_status gmm_corrupt_stats(gmm *g, uint64_t chunk_id, int32_t f, int32_t p, int32_t s);
gmm_status gmm_decode(bool bits32, uint64_t word, gmm_fields *out);
gmm_status gmm_encode(bool bits32, const gmm_fields *in, uint64_t *out);

#endif
