/*
 * gmm-cleanroom: core model of the global memory manager.
 */
#include "gmm.h"

#include <stdlib.h>
#include <string.h>

const gmm_geometry gmm_geometries[] = {
    /* Seed 002: 1 MB chunks of 256 pages, 16 lists of 16 free-page counts each.
     * (CURRENT_2MB, later VirtualBox's GMM, is not described by the source
     * document and is therefore not offered.) */
    { "SEED_1MB", 20, 8, 256, UINT64_C(0x0FFFFFFF), UINT64_C(0x0FFFFFFF) >> 8, 16, 4 },
};
const size_t gmm_n_geometries = sizeof(gmm_geometries) / sizeof(gmm_geometries[0]);

static const char *const status_names[] = {
    "OK",
    "VERR_INVALID_PARAMETER",
    "VERR_WRONG_ORDER",
    "VERR_GMM_INSTANCE",
    "VERR_INVALID_VM_HANDLE",
    "VERR_GMM_PAGE_NOT_FOUND",
    "VERR_GMM_PAGE_ALREADY_FREE",
    "VERR_GMM_NOT_PAGE_OWNER",
    "VERR_GMM_PAGE_NOT_PRIVATE",
    "VERR_GMM_PAGE_NOT_SHARED",
    "VERR_GMM_HIT_VM_ACCOUNT_LIMIT",
    "VERR_GMM_HIT_GLOBAL_LIMIT",
    "VERR_GMM_ATTEMPT_TO_FREE_TOO_MUCH",
    "VERR_GMM_CHUNK_NOT_FOUND",
    "VERR_GMM_SEED_ME",
    "VERR_NOT_SUPPORTED",
    "VERR_GMM_MEMORY_RESERVATION_DECLINED",
    "VERR_OUT_OF_RANGE",
    "VERR_NO_MEMORY",
};

const char *gmm_status_name(gmm_status st)
{
    if ((size_t)st < sizeof(status_names) / sizeof(status_names[0]))
        return status_names[st];
    return "VERR_INTERNAL_ERROR";
}

/* ---- page words (64-bit layout, the one the model stores) ---- */

static inline unsigned pw_state(uint64_t w) { return (unsigned)(w >> 62); }
static inline bool pw_is_private(uint64_t w) { return pw_state(w) == GMM_STATE_PRIVATE; }
static inline bool pw_is_shared(uint64_t w) { return pw_state(w) == GMM_STATE_SHARED; }
static inline bool pw_is_free(uint64_t w) { return pw_state(w) == GMM_STATE_FREE; }
static inline uint32_t pw_low(uint64_t w) { return (uint32_t)(w & 0xFFFFFFFFu); }
static inline uint32_t pw_hgvm(uint64_t w) { return (uint32_t)((w >> 32) & 0xFFFFu); }

static inline uint64_t pw_make_private(uint64_t pfn, uint32_t hgvm)
{
    return ((uint64_t)GMM_STATE_PRIVATE << 62) | ((uint64_t)(hgvm & 0xFFFFu) << 32) | (pfn & 0xFFFFFFFFu);
}
static inline uint64_t pw_make_shared(uint32_t refs)
{
    return ((uint64_t)GMM_STATE_SHARED << 62) | refs;
}
static inline uint64_t pw_make_free(uint32_t next)
{
    return ((uint64_t)GMM_STATE_FREE << 62) | next;
}

/* ---- chunk tree (sorted array) ---- */

static size_t tree_lower_bound(const gmm *g, uint32_t id)
{
    size_t lo = 0, hi = g->n_chunks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g->chunks[mid]->id < id) lo = mid + 1; else hi = mid;
    }
    return lo;
}

static gmm_chunk *tree_get(const gmm *g, uint64_t id)
{
    if (id == GMM_NIL_CHUNKID || id > g->geo->chunk_id_last) return NULL;
    size_t i = tree_lower_bound(g, (uint32_t)id);
    if (i < g->n_chunks && g->chunks[i]->id == id) return g->chunks[i];
    return NULL;
}

static bool tree_reserve(gmm *g, size_t extra)
{
    if (g->n_chunks + extra <= g->cap_chunks) return true;
    size_t cap = g->cap_chunks ? g->cap_chunks : 8;
    while (cap < g->n_chunks + extra) cap *= 2;
    gmm_chunk **p = realloc(g->chunks, cap * sizeof(*p));
    if (!p) return false;
    g->chunks = p;
    g->cap_chunks = cap;
    return true;
}

static void tree_insert(gmm *g, gmm_chunk *c) /* capacity reserved by caller */
{
    size_t i = tree_lower_bound(g, c->id);
    memmove(&g->chunks[i + 1], &g->chunks[i], (g->n_chunks - i) * sizeof(g->chunks[0]));
    g->chunks[i] = c;
    g->n_chunks++;
}

static void tree_remove(gmm *g, gmm_chunk *c)
{
    size_t i = tree_lower_bound(g, c->id);
    if (i < g->n_chunks && g->chunks[i] == c) {
        memmove(&g->chunks[i], &g->chunks[i + 1], (g->n_chunks - i - 1) * sizeof(g->chunks[0]));
        g->n_chunks--;
    }
}

/* ---- chunk TLB ---- */

static void tlb_fill(gmm *g, gmm_chunk *c)
{
    gmm_tlbe *e = &g->tlb[c->id & (GMM_TLB_ENTRIES - 1)];
    e->id = c->id;
    e->chunk = c;
}

static void tlb_invalidate(gmm *g, gmm_chunk *c)
{
    gmm_tlbe *e = &g->tlb[c->id & (GMM_TLB_ENTRIES - 1)];
    if (e->id == c->id) {
        e->id = GMM_NIL_CHUNKID;
        e->chunk = NULL;
    }
}

/* ---- free sets ---- */

static int fs_bucket(const gmm *g, uint32_t n_free)
{
    int l = (int)((n_free - 1) >> g->geo->fs_shift);
    if (l >= g->geo->lists) l = g->geo->lists - 1;
    return l;
}

static void fs_unlink(gmm *g, gmm_chunk *c)
{
    if (c->fs_list < 0) return;
    gmm_freeset *s = &g->sets[c->fs_kind];
    if (c->free_prev) c->free_prev->free_next = c->free_next;
    else s->lists[c->fs_list] = c->free_next;
    if (c->free_next) c->free_next->free_prev = c->free_prev;
    s->c_pages -= c->fs_pages;
    c->free_next = c->free_prev = NULL;
    c->fs_list = -1;
    c->fs_pages = 0;
}

static void fs_link(gmm *g, gmm_chunk *c)
{
    if (c->n_free == 0) return;
    gmm_freeset *s = &g->sets[c->shared_chunk ? 1 : 0];
    int l = fs_bucket(g, c->n_free);
    c->fs_kind = c->shared_chunk ? 1 : 0;
    c->fs_list = l;
    c->free_prev = NULL;
    c->free_next = s->lists[l];
    if (c->free_next) c->free_next->free_prev = c;
    s->lists[l] = c;
    c->fs_pages = c->n_free;
    s->c_pages += c->n_free;
}

/* Keep the chunk on the right list after its free count changed: it moves
 * (to the head of its new list) only when the list changes. */
static void fs_relink(gmm *g, gmm_chunk *c)
{
    if (c->fs_list >= 0 && c->n_free > 0 && fs_bucket(g, c->n_free) == c->fs_list) {
        gmm_freeset *s = &g->sets[c->fs_kind];
        s->c_pages = s->c_pages - c->fs_pages + c->n_free;
        c->fs_pages = c->n_free;
        return;
    }
    fs_unlink(g, c);
    fs_link(g, c);
}

/* ---- chunks ---- */

static gmm_chunk *chunk_alloc_mem(const gmm *g)
{
    return calloc(1, sizeof(gmm_chunk) + (size_t)g->geo->ppc * sizeof(uint64_t));
}

static uint32_t chunk_next_id(gmm *g)
{
    uint32_t id = g->next_chunk_id;
    for (uint64_t tries = 0; tries <= g->geo->chunk_id_last; tries++) {
        if (id == GMM_NIL_CHUNKID || id > g->geo->chunk_id_last) id = 1;
        if (!tree_get(g, id)) {
            g->next_chunk_id = id + 1;
            return id;
        }
        id++;
    }
    return GMM_NIL_CHUNKID; /* cannot happen: max_chunks <= chunk_id_last */
}

/* Initialise fresh chunk memory, give it an id, put it in the tree and its free set. */
static void chunk_install(gmm *g, gmm_chunk *c, uint32_t hgvm, bool shared_chunk)
{
    int ppc = g->geo->ppc;
    c->id = chunk_next_id(g);
    c->fs_list = -1;
    c->shared_chunk = shared_chunk;
    c->h_gvm = hgvm;
    for (int i = 0; i < ppc; i++)
        c->pages[i] = pw_make_free(i + 1 < ppc ? (uint32_t)(i + 1) : GMM_FREE_NIL);
    c->free_head = 0;
    c->n_free = (uint32_t)ppc;
    c->c_free = (uint16_t)ppc;
    c->c_private = c->c_shared = 0;
    c->host_pfn_base = UINT64_C(0x100000) + ((uint64_t)c->id << g->geo->id_shift);
    tree_insert(g, c);
    fs_link(g, c);
}

static void chunk_release(gmm *g, gmm_chunk *c)
{
    fs_unlink(g, c);
    tlb_invalidate(g, c);
    tree_remove(g, c);
    free(c);
}

static uint32_t chunk_pop(gmm_chunk *c)
{
    uint32_t idx = c->free_head;
    c->free_head = pw_low(c->pages[idx]) & 0xFFFFu;
    c->n_free--;
    c->c_free--;
    return idx;
}

static void chunk_push(gmm_chunk *c, uint32_t idx)
{
    c->pages[idx] = pw_make_free(c->free_head);
    c->free_head = idx;
    c->n_free++;
    c->c_free++;
}

/* ---- instance ---- */

gmm *gmm_create(const gmm_geometry *geo, uint64_t host_pages, bool legacy, gmm_noncontig nc)
{
    gmm *g = calloc(1, sizeof(*g));
    if (!g) return NULL;
    g->magic = GMM_MAGIC;
    g->geo = geo;
    for (int i = 0; i < GMM_TLB_ENTRIES; i++) g->tlb[i].id = GMM_NIL_CHUNKID;
    /* the probe: only "not supported" forces legacy mode; any other failure is
     * reported and ignored */
    g->legacy = legacy || nc == GMM_NC_NOT_SUPPORTED;
    g->host_pages = host_pages;
    g->max_chunks = host_pages / (uint64_t)geo->ppc;
    if (g->max_chunks > geo->chunk_id_last) g->max_chunks = geo->chunk_id_last;
    g->next_chunk_id = 1;
    return g;
}

static void destroy_chunks(gmm *g)
{
    for (size_t i = 0; i < g->n_chunks; i++) free(g->chunks[i]);
    free(g->chunks);
    g->chunks = NULL;
    g->n_chunks = g->cap_chunks = 0;
    memset(g->sets, 0, sizeof(g->sets));
    for (int i = 0; i < GMM_TLB_ENTRIES; i++) { g->tlb[i].id = GMM_NIL_CHUNKID; g->tlb[i].chunk = NULL; }
}

void gmm_destroy(gmm *g)
{
    if (!g) return;
    destroy_chunks(g);
    free(g->vms);
    free(g);
}

#define CHECK_INSTANCE(g) do { if ((g)->magic != GMM_MAGIC) return GMM_ST_INSTANCE; } while (0)

static gmm_vm *vm_get(gmm *g, int32_t h)
{
    if (h <= 0 || (uint32_t)h > g->n_vms) return NULL;
    return &g->vms[h - 1];
}

/* a VM that exists and has not been cleaned up */
static gmm_status vm_live(gmm *g, int32_t h, gmm_vm **out)
{
    gmm_vm *v = vm_get(g, h);
    if (!v || v->cleaned) return GMM_ST_INVALID_VM_HANDLE;
    *out = v;
    return GMM_OK;
}

gmm_status gmm_create_vm(gmm *g, int32_t *out)
{
    CHECK_INSTANCE(g);
    if (g->n_vms >= GMM_MAX_VM_HANDLE) return GMM_ST_NO_MEMORY;
    if (g->n_vms == g->cap_vms) {
        uint32_t cap = g->cap_vms ? g->cap_vms * 2 : 8;
        if (cap > GMM_MAX_VM_HANDLE) cap = GMM_MAX_VM_HANDLE;
        gmm_vm *p = realloc(g->vms, cap * sizeof(*p));
        if (!p) return GMM_ST_NO_MEMORY;
        g->vms = p;
        g->cap_vms = cap;
    }
    gmm_vm *v = &g->vms[g->n_vms];
    memset(v, 0, sizeof(*v));
    v->policy = GMM_POL_TBD;
    v->priority = GMM_PRI_NORMAL;
    g->n_vms++;
    g->active_vms++;
    *out = (int32_t)g->n_vms;
    return GMM_OK;
}

/* pages reserved by all VMs holding a valid reservation, except `skip` */
static uint64_t total_reserved(const gmm *g, const gmm_vm *skip)
{
    uint64_t t = 0;
    for (uint32_t i = 0; i < g->n_vms; i++) {
        const gmm_vm *v = &g->vms[i];
        if (v == skip || !v->reserved || v->cleaned) continue;
        for (int a = 0; a < GMM_ACCT_COUNT; a++) {
            t += v->res[a];
            if (t < v->res[a]) return UINT64_MAX;
        }
    }
    return t;
}

static bool sum3(uint64_t a, uint64_t b, uint64_t c, uint64_t *out)
{
    uint64_t s = a + b;
    if (s < a) return false;
    uint64_t t = s + c;
    if (t < s) return false;
    *out = t;
    return true;
}

/* Reservation counts are signed 64-bit values: each must be positive (not
 * zero, and not negative, i.e. bit 63 clear). */
static bool counts_positive(uint64_t base, uint64_t shadow, uint64_t fixed)
{
    return (int64_t)base > 0 && (int64_t)shadow > 0 && (int64_t)fixed > 0;
}

static gmm_status check_backing(gmm *g, gmm_vm *v, uint64_t base, uint64_t shadow, uint64_t fixed)
{
    uint64_t mine, others = total_reserved(g, v);
    if (!sum3(base, shadow, fixed, &mine)) return GMM_ST_RESERVATION_DECLINED;
    if (others > g->host_pages || mine > g->host_pages - others) return GMM_ST_RESERVATION_DECLINED;
    return GMM_OK;
}

gmm_status gmm_reserve(gmm *g, int32_t vm, uint64_t base, uint64_t shadow, uint64_t fixed,
                       gmm_policy pol, gmm_priority pri)
{
    gmm_vm *v;
    gmm_status st;
    CHECK_INSTANCE(g);
    if ((st = vm_live(g, vm, &v))) return st;
    if (v->reserved) return GMM_ST_WRONG_ORDER;
    if (!counts_positive(base, shadow, fixed)) return GMM_ST_INVALID_PARAMETER;
    if (pol != GMM_POL_NO_OC && pol != GMM_POL_TBD) return GMM_ST_INVALID_PARAMETER;
    if (pri != GMM_PRI_HIGH && pri != GMM_PRI_NORMAL && pri != GMM_PRI_LOW) return GMM_ST_INVALID_PARAMETER;
    /* only a no-over-commitment reservation must be backed by the host;
     * a TBD one may over-commit */
    if (pol == GMM_POL_NO_OC && (st = check_backing(g, v, base, shadow, fixed))) return st;
    v->res[GMM_ACCT_BASE] = base;
    v->res[GMM_ACCT_SHADOW] = shadow;
    v->res[GMM_ACCT_FIXED] = fixed;
    v->policy = pol;
    v->priority = pri;
    v->reserved = true;
    return GMM_OK;
}

gmm_status gmm_update_reservation(gmm *g, int32_t vm, uint64_t base, uint64_t shadow, uint64_t fixed)
{
    gmm_vm *v;
    gmm_status st;
    CHECK_INSTANCE(g);
    if ((st = vm_live(g, vm, &v))) return st;
    if (!v->reserved) return GMM_ST_WRONG_ORDER;
    if (!counts_positive(base, shadow, fixed)) return GMM_ST_INVALID_PARAMETER;
    if (v->policy == GMM_POL_NO_OC && (st = check_backing(g, v, base, shadow, fixed))) return st;
    v->res[GMM_ACCT_BASE] = base;
    v->res[GMM_ACCT_SHADOW] = shadow;
    v->res[GMM_ACCT_FIXED] = fixed;
    return GMM_OK;
}

uint64_t gmm_host_pfn(const gmm *g, uint64_t page_id)
{
    (void)g;
    return UINT64_C(0x100000) + page_id;
}

static uint64_t page_id_of(const gmm *g, const gmm_chunk *c, uint32_t idx)
{
    return ((uint64_t)c->id << g->geo->id_shift) | idx;
}

/* Resolve a page id: INVALID_PARAMETER above the last id, PAGE_NOT_FOUND for no chunk. */
static gmm_status page_lookup(gmm *g, uint64_t page_id, gmm_chunk **pc, uint32_t *pidx)
{
    if (page_id > g->geo->page_id_last) return GMM_ST_INVALID_PARAMETER;
    gmm_chunk *c = tree_get(g, page_id >> g->geo->id_shift);
    if (!c) return GMM_ST_PAGE_NOT_FOUND;
    *pc = c;
    *pidx = (uint32_t)(page_id & (((uint64_t)1 << g->geo->id_shift) - 1));
    return GMM_OK;
}

/* First chunk with free pages on a set's lists, scanning from the list of
 * the fewest free pages; owner >= 0 restricts to chunks of that affinity. */
static gmm_chunk *fs_find(gmm *g, int kind, int64_t owner)
{
    for (int l = 0; l < g->geo->lists; l++)
        for (gmm_chunk *c = g->sets[kind].lists[l]; c; c = c->free_next)
            if (c->n_free > 0 && (owner < 0 || c->h_gvm == (uint32_t)owner))
                return c;
    return NULL;
}

static uint64_t free_in(const gmm *g, int kind, int64_t owner)
{
    uint64_t t = 0;
    for (size_t i = 0; i < g->n_chunks; i++) {
        const gmm_chunk *c = g->chunks[i];
        if ((c->shared_chunk ? 1 : 0) != kind) continue;
        if (owner >= 0 && c->h_gvm != (uint32_t)owner) continue;
        t += c->n_free;
    }
    return t;
}

gmm_status gmm_allocate(gmm *g, int32_t vm, gmm_account acct, size_t n, const uint64_t *pfns,
                        uint64_t *out_ids)
{
    gmm_vm *v;
    gmm_status st;
    CHECK_INSTANCE(g);
    if ((st = vm_live(g, vm, &v))) return st;
    if ((unsigned)acct >= GMM_ACCT_COUNT) return GMM_ST_INVALID_PARAMETER;
    if (!v->reserved) return GMM_ST_WRONG_ORDER;
    for (size_t i = 0; i < n; i++)
        if ((int64_t)pfns[i] >= 0 && pfns[i] >= GMM_PFN_NO_FRAME) return GMM_ST_INVALID_PARAMETER;
    if (n > v->res[acct] || v->alloc[acct] > v->res[acct] - n) return GMM_ST_HIT_VM_ACCOUNT_LIMIT;
    if (n == 0) return GMM_OK;

    size_t n_new = 0;
    gmm_chunk **fresh = NULL;
    uint64_t ppc = (uint64_t)g->geo->ppc;
    if (g->legacy) {
        if (free_in(g, 0, vm) < n) return GMM_ST_SEED_ME;
    } else {
        uint64_t fp = free_in(g, 0, -1), fs = free_in(g, 1, -1);
        uint64_t need = n > fp ? n - fp : 0;
        uint64_t want = (need + ppc - 1) / ppc;
        uint64_t room = g->max_chunks > g->n_chunks ? g->max_chunks - g->n_chunks : 0;
        if (want > room) want = room;
        uint64_t rest = need > want * ppc ? need - want * ppc : 0;
        if (rest > fs) return GMM_ST_HIT_GLOBAL_LIMIT;
        n_new = (size_t)want;
        if (n_new) {
            fresh = calloc(n_new, sizeof(*fresh));
            if (!fresh || !tree_reserve(g, n_new)) { free(fresh); return GMM_ST_NO_MEMORY; }
            for (size_t i = 0; i < n_new; i++) {
                fresh[i] = chunk_alloc_mem(g);
                if (!fresh[i]) {
                    for (size_t j = 0; j < i; j++) free(fresh[j]);
                    free(fresh);
                    return GMM_ST_NO_MEMORY;
                }
            }
        }
    }

    /* nothing can fail from here on */
    /* The chunk picked stays the best choice while it has free pages (it only
     * moves to a list searched earlier), so it is kept until it is empty. */
    size_t used_new = 0;
    gmm_chunk *c = NULL;
    for (size_t i = 0; i < n; i++) {
        if (c && c->n_free == 0) c = NULL;
        if (!c) c = fs_find(g, 0, vm);
        if (!c && !g->legacy) {
            c = fs_find(g, 0, -1);
            if (!c && used_new < n_new) {
                c = fresh[used_new++];
                chunk_install(g, c, (uint32_t)vm, false);
            }
            if (!c) c = fs_find(g, 1, -1);
        }
        if (!c) break; /* cannot happen: checked above */
        uint32_t idx = chunk_pop(c);
        uint64_t pfn = (int64_t)pfns[i] < 0 ? GMM_PFN_NO_FRAME : pfns[i];
        c->pages[idx] = pw_make_private(pfn, (uint32_t)vm);
        c->c_private++;
        fs_relink(g, c);
        out_ids[i] = page_id_of(g, c, idx);
    }
    for (size_t j = used_new; j < n_new; j++) free(fresh[j]);
    free(fresh);
    v->alloc[acct] += n;
    v->private_pages += n;
    g->c_pages += n;
    return GMM_OK;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

gmm_status gmm_free_pages(gmm *g, int32_t vm, gmm_account acct, size_t n, const uint64_t *ids)
{
    gmm_vm *v;
    gmm_status st;
    CHECK_INSTANCE(g);
    if ((st = vm_live(g, vm, &v))) return st;
    if ((unsigned)acct >= GMM_ACCT_COUNT) return GMM_ST_INVALID_PARAMETER;
    if (n > v->alloc[acct]) return GMM_ST_ATTEMPT_TO_FREE_TOO_MUCH;
    for (size_t i = 0; i < n; i++) {
        gmm_chunk *c;
        uint32_t idx;
        if ((st = page_lookup(g, ids[i], &c, &idx))) return st;
        uint64_t w = c->pages[idx];
        if (pw_is_free(w)) return GMM_ST_PAGE_ALREADY_FREE;
        if (!pw_is_private(w)) return GMM_ST_PAGE_NOT_PRIVATE;
        if (pw_hgvm(w) != (uint32_t)vm) return GMM_ST_NOT_PAGE_OWNER;
    }
    if (n > 1) { /* the same page twice: the second one would find it free */
        uint64_t *s = malloc(n * sizeof(*s));
        if (!s) return GMM_ST_NO_MEMORY;
        memcpy(s, ids, n * sizeof(*s));
        qsort(s, n, sizeof(*s), cmp_u64);
        bool dup = false;
        for (size_t i = 1; i < n && !dup; i++) dup = s[i] == s[i - 1];
        free(s);
        if (dup) return GMM_ST_PAGE_ALREADY_FREE;
    }
    for (size_t i = 0; i < n; i++) {
        gmm_chunk *c = NULL;
        uint32_t idx = 0;
        if (page_lookup(g, ids[i], &c, &idx) != GMM_OK) continue; /* validated above */
        chunk_push(c, idx);
        c->c_private--;
        fs_relink(g, c);
        tlb_fill(g, c);
    }
    v->alloc[acct] -= n;
    v->private_pages -= n;
    g->c_pages -= n;
    return GMM_OK;
}

static gmm_status new_chunk(gmm *g, uint32_t hgvm, bool shared, gmm_chunk **out)
{
    if (g->n_chunks >= g->max_chunks) return GMM_ST_HIT_GLOBAL_LIMIT;
    gmm_chunk *c = chunk_alloc_mem(g);
    if (!c || !tree_reserve(g, 1)) { free(c); return GMM_ST_NO_MEMORY; }
    chunk_install(g, c, hgvm, shared);
    *out = c;
    return GMM_OK;
}

gmm_status gmm_seed_chunk(gmm *g, int32_t vm, uint64_t *out_id)
{
    gmm_vm *v;
    gmm_status st;
    gmm_chunk *c;
    CHECK_INSTANCE(g);
    if (!g->legacy) return GMM_ST_NOT_SUPPORTED;
    if ((st = vm_live(g, vm, &v))) return st;
    if ((st = new_chunk(g, (uint32_t)vm, false, &c))) return st;
    *out_id = c->id;
    return GMM_OK;
}

gmm_status gmm_share(gmm *g, int32_t vm, uint64_t page_id, uint64_t *out_id)
{
    gmm_vm *v;
    gmm_status st;
    gmm_chunk *src, *dst;
    uint32_t sidx;
    CHECK_INSTANCE(g);
    if (g->legacy) return GMM_ST_NOT_SUPPORTED;
    if ((st = vm_live(g, vm, &v))) return st;
    if ((st = page_lookup(g, page_id, &src, &sidx))) return st;
    uint64_t w = src->pages[sidx];
    if (pw_is_free(w)) return GMM_ST_PAGE_ALREADY_FREE;
    if (!pw_is_private(w)) return GMM_ST_PAGE_NOT_PRIVATE;
    if (pw_hgvm(w) != (uint32_t)vm) return GMM_ST_NOT_PAGE_OWNER;
    dst = fs_find(g, 1, -1);
    if (!dst && (st = new_chunk(g, 0, true, &dst))) return st;
    uint32_t didx = chunk_pop(dst);
    dst->pages[didx] = pw_make_shared(1);
    dst->c_shared++;
    fs_relink(g, dst);
    chunk_push(src, sidx);
    src->c_private--;
    fs_relink(g, src);
    tlb_fill(g, src);
    v->private_pages--;
    v->shared_pages++;
    g->c_shared_pages++;
    *out_id = page_id_of(g, dst, didx);
    return GMM_OK;
}

static gmm_status shared_lookup(gmm *g, int32_t vm, uint64_t page_id, gmm_vm **pv,
                                gmm_chunk **pc, uint32_t *pidx)
{
    gmm_status st;
    CHECK_INSTANCE(g);
    if (g->legacy) return GMM_ST_NOT_SUPPORTED;
    if ((st = vm_live(g, vm, pv))) return st;
    if ((st = page_lookup(g, page_id, pc, pidx))) return st;
    if (!pw_is_shared((*pc)->pages[*pidx])) return GMM_ST_PAGE_NOT_SHARED;
    return GMM_OK;
}

gmm_status gmm_use_shared(gmm *g, int32_t vm, uint64_t page_id)
{
    gmm_vm *v;
    gmm_chunk *c;
    uint32_t idx;
    gmm_status st = shared_lookup(g, vm, page_id, &v, &c, &idx);
    if (st) return st;
    if (!v->reserved) return GMM_ST_WRONG_ORDER;
    if (v->alloc[GMM_ACCT_BASE] >= v->res[GMM_ACCT_BASE]) return GMM_ST_HIT_VM_ACCOUNT_LIMIT;
    uint32_t refs = pw_low(c->pages[idx]);
    if (refs == UINT32_MAX) return GMM_ST_OUT_OF_RANGE;
    c->pages[idx] = pw_make_shared(refs + 1);
    if (refs >= 1) g->c_dup_refs++;
    v->alloc[GMM_ACCT_BASE]++;
    v->shared_pages++;
    tlb_fill(g, c);
    return GMM_OK;
}

gmm_status gmm_release_shared(gmm *g, int32_t vm, uint64_t page_id)
{
    gmm_vm *v;
    gmm_chunk *c;
    uint32_t idx;
    gmm_status st = shared_lookup(g, vm, page_id, &v, &c, &idx);
    if (st) return st;
    if (v->shared_pages == 0) return GMM_ST_NOT_PAGE_OWNER;
    uint32_t refs = pw_low(c->pages[idx]);
    if (refs > 1) {
        c->pages[idx] = pw_make_shared(refs - 1);
        g->c_dup_refs--;
    } else {
        chunk_push(c, idx);
        c->c_shared--;
        fs_relink(g, c);
        g->c_shared_pages--;
        g->c_pages--;
    }
    if (v->alloc[GMM_ACCT_BASE]) v->alloc[GMM_ACCT_BASE]--;
    v->shared_pages--;
    tlb_fill(g, c);
    return GMM_OK;
}

static bool report_add_released(gmm_cleanup_report *rep, uint64_t id, size_t *cap)
{
    if (rep->n_released == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        uint64_t *p = realloc(rep->released, nc * sizeof(*p));
        if (!p) return false;
        rep->released = p;
        *cap = nc;
    }
    rep->released[rep->n_released++] = id;
    return true;
}

void gmm_cleanup_report_free(gmm_cleanup_report *rep)
{
    free(rep->repairs);
    free(rep->released);
    memset(rep, 0, sizeof(*rep));
}

gmm_status gmm_cleanup(gmm *g, int32_t vm, gmm_cleanup_report *rep)
{
    CHECK_INSTANCE(g);
    gmm_vm *v = vm_get(g, vm);
    if (!v) return GMM_ST_INVALID_VM_HANDLE;
    if (v->cleaned) return GMM_ST_WRONG_ORDER;
    memset(rep, 0, sizeof(*rep));

    /* memory for the report up front, so that nothing fails half way */
    size_t rel_cap = g->n_chunks ? g->n_chunks : 1;
    rep->released = malloc(rel_cap * sizeof(uint64_t));
    rep->repairs = malloc((g->n_chunks ? g->n_chunks : 1) * sizeof(gmm_repair));
    bool *touched = calloc(g->n_chunks ? g->n_chunks : 1, sizeof(bool));
    if (!rep->released || !rep->repairs || !touched) {
        free(touched);
        gmm_cleanup_report_free(rep);
        return GMM_ST_NO_MEMORY;
    }
    int ppc = g->geo->ppc;

    if (g->active_vms == 1) {
        /* the last VM: flush everything, shared references left behind included */
        rep->last_vm = true;
        for (size_t i = 0; i < g->n_chunks; i++) {
            gmm_chunk *c = g->chunks[i];
            for (int p = 0; p < ppc; p++)
                if (pw_is_private(c->pages[p]) && pw_hgvm(c->pages[p]) == (uint32_t)vm)
                    rep->freed_private++;
        }
        while (g->n_chunks) {
            gmm_chunk *c = g->chunks[0];
            report_add_released(rep, c->id, &rel_cap);
            chunk_release(g, c);
        }
        g->c_pages = 0;
        g->c_shared_pages = 0;
        g->c_dup_refs = 0;
        g->left_behind = 0;
    } else {
        if (v->private_pages) {
            for (size_t i = 0; i < g->n_chunks; i++) {
                gmm_chunk *c = g->chunks[i];
                if (c->c_free == ppc) continue; /* entirely free as recorded: skipped */
                uint32_t cp = 0, cs = 0, cf = 0;
                for (int p = ppc - 1; p >= 0; p--) {
                    uint64_t w = c->pages[p];
                    if (pw_is_private(w)) {
                        if (pw_hgvm(w) == (uint32_t)vm) {
                            chunk_push(c, (uint32_t)p);
                            c->c_private--;
                            cf++;
                            rep->freed_private++;
                            touched[i] = true;
                        } else {
                            cp++;
                        }
                    } else if (pw_is_free(w)) {
                        cf++;
                    } else {
                        cs++;
                    }
                }
                if (c->c_free != cf || c->c_private != cp || c->c_shared != cs) {
                    gmm_repair *r = &rep->repairs[rep->n_repairs++];
                    r->chunk_id = c->id;
                    r->rec_free = c->c_free; r->cnt_free = (int32_t)cf;
                    r->rec_private = c->c_private; r->cnt_private = (int32_t)cp;
                    r->rec_shared = c->c_shared; r->cnt_shared = (int32_t)cs;
                    c->c_free = (uint16_t)cf;
                    c->c_private = (uint16_t)cp;
                    c->c_shared = (uint16_t)cs;
                }
                fs_relink(g, c);
            }
            g->c_pages -= rep->freed_private;
        }
        /* give back the chunks that are no longer needed */
        size_t i = 0, k = 0; /* k: index in the pre-cleanup order for touched[] */
        while (i < g->n_chunks) {
            gmm_chunk *c = g->chunks[i];
            bool drop;
            if (g->legacy)
                drop = c->h_gvm == (uint32_t)vm && c->n_free == (uint32_t)ppc;
            else
                drop = touched[k] && c->n_free == (uint32_t)ppc;
            k++;
            if (drop) {
                report_add_released(rep, c->id, &rel_cap);
                chunk_release(g, c);
            } else {
                i++;
            }
        }
        g->left_behind += v->shared_pages;
    }
    free(touched);

    /* trash the per-VM data */
    memset(v, 0, sizeof(*v));
    v->policy = GMM_POL_INVALID;
    v->priority = GMM_PRI_INVALID;
    v->cleaned = true;
    g->active_vms--;
    return GMM_OK;
}

static void chunk_info(const gmm_chunk *c, gmm_chunk_info *out)
{
    out->chunk_id = c->id;
    out->free = c->c_free;
    out->private_pages = c->c_private;
    out->shared_pages = c->c_shared;
    out->affinity = (int32_t)c->h_gvm;
    out->shared_chunk = c->shared_chunk;
}

gmm_status gmm_terminate(gmm *g, gmm_chunk_info **out, size_t *n)
{
    CHECK_INSTANCE(g);
    gmm_chunk_info *list = malloc((g->n_chunks ? g->n_chunks : 1) * sizeof(*list));
    if (!list) return GMM_ST_NO_MEMORY;
    size_t k = 0;
    for (size_t i = 0; i < g->n_chunks; i++)
        if (g->chunks[i]->c_free != g->geo->ppc) chunk_info(g->chunks[i], &list[k++]);
    g->magic++;
    destroy_chunks(g);
    *out = list;
    *n = k;
    return GMM_OK;
}

gmm_status gmm_page(gmm *g, uint64_t page_id, gmm_page_info *out)
{
    gmm_chunk *c;
    uint32_t idx;
    gmm_status st;
    CHECK_INSTANCE(g);
    if ((st = page_lookup(g, page_id, &c, &idx))) return st;
    uint64_t w = c->pages[idx];
    memset(out, 0, sizeof(*out));
    out->host_pfn = c->host_pfn_base + idx;
    if (pw_is_private(w)) {
        out->state = GMM_STATE_PRIVATE;
        out->owner = (int32_t)pw_hgvm(w);
        out->guest_pfn = pw_low(w);
    } else if (pw_is_free(w)) {
        out->state = GMM_STATE_FREE;
    } else {
        out->state = GMM_STATE_SHARED;
        out->refs = pw_low(w);
    }
    return GMM_OK;
}

gmm_status gmm_chunk_query(gmm *g, uint64_t chunk_id, gmm_chunk_info *out)
{
    CHECK_INSTANCE(g);
    gmm_chunk *c = tree_get(g, chunk_id);
    if (!c) return GMM_ST_CHUNK_NOT_FOUND;
    chunk_info(c, out);
    return GMM_OK;
}

gmm_status gmm_chunk_ids(gmm *g, uint64_t **out, size_t *n)
{
    CHECK_INSTANCE(g);
    uint64_t *ids = malloc((g->n_chunks ? g->n_chunks : 1) * sizeof(*ids));
    if (!ids) return GMM_ST_NO_MEMORY;
    for (size_t i = 0; i < g->n_chunks; i++) ids[i] = g->chunks[i]->id;
    *out = ids;
    *n = g->n_chunks;
    return GMM_OK;
}

gmm_status gmm_vm_info(gmm *g, int32_t vm, gmm_vm *out)
{
    CHECK_INSTANCE(g);
    gmm_vm *v = vm_get(g, vm);
    if (!v) return GMM_ST_INVALID_VM_HANDLE;
    *out = *v;
    return GMM_OK;
}

gmm_status gmm_statistics(gmm *g, gmm_stats *out)
{
    CHECK_INSTANCE(g);
    memset(out, 0, sizeof(*out));
    out->chunks = g->n_chunks;
    out->allocated = g->c_pages;
    out->shared = g->c_shared_pages;
    out->duplicate = g->c_dup_refs;
    for (size_t i = 0; i < g->n_chunks; i++) out->free += g->chunks[i]->n_free;
    out->reserved = total_reserved(g, NULL);
    for (uint32_t i = 0; i < g->n_vms; i++)
        if (g->vms[i].reserved && !g->vms[i].cleaned) out->registered++;
    out->left_behind = g->left_behind;
    return GMM_OK;
}

gmm_status gmm_raw_page(gmm *g, uint64_t page_id, uint64_t *out)
{
    gmm_chunk *c;
    uint32_t idx;
    gmm_status st;
    CHECK_INSTANCE(g);
    if ((st = page_lookup(g, page_id, &c, &idx))) return st;
    *out = c->pages[idx];
    return GMM_OK;
}

gmm_status gmm_free_lifo(gmm *g, uint64_t chunk_id, int32_t **out, size_t *n)
{
    CHECK_INSTANCE(g);
    gmm_chunk *c = tree_get(g, chunk_id);
    if (!c) return GMM_ST_CHUNK_NOT_FOUND;
    int32_t *list = malloc((size_t)g->geo->ppc * sizeof(*list));
    if (!list) return GMM_ST_NO_MEMORY;
    size_t k = 0;
    for (uint32_t i = c->free_head; i != GMM_FREE_NIL && i < (uint32_t)g->geo->ppc && k < (size_t)g->geo->ppc;
         i = pw_low(c->pages[i]) & 0xFFFFu) {
        if (!pw_is_free(c->pages[i])) break;
        list[k++] = (int32_t)i;
    }
    *out = list;
    *n = k;
    return GMM_OK;
}

gmm_status gmm_corrupt_stats(gmm *g, uint64_t chunk_id, int32_t f, int32_t p, int32_t s)
{
    CHECK_INSTANCE(g);
    gmm_chunk *c = tree_get(g, chunk_id);
    if (!c) return GMM_ST_CHUNK_NOT_FOUND;
    /* the recorded counts are 16-bit fields */
    if (f < 0 || f > 0xFFFF || p < 0 || p > 0xFFFF || s < 0 || s > 0xFFFF) return GMM_ST_INVALID_PARAMETER;
    c->c_free = (uint16_t)f;
    c->c_private = (uint16_t)p;
    c->c_shared = (uint16_t)s;
    return GMM_OK;
}

/* ---- page word codec ---- */

gmm_status gmm_decode(bool bits32, uint64_t w, gmm_fields *out)
{
    memset(out, 0, sizeof(*out));
    if (bits32) {
        if (w > 0xFFFFFFFFu) return GMM_ST_OUT_OF_RANGE;
        unsigned state = (unsigned)(w >> 30) & 3u;
        out->state = state;
        if (!(w & 0x80000000u)) {          /* top state bit clear: private (0 or 1) */
            out->view = GMM_VIEW_PRIVATE;
            out->pfn = w & 0xFFFFFFu;
            out->vm_handle = (int64_t)((w >> 24) & 0x7Fu);
        } else if (state == GMM_STATE_SHARED) {
            out->view = GMM_VIEW_SHARED;
            out->refs = w & 0x3FFFFFFFu;
        } else {
            out->view = GMM_VIEW_FREE;
            out->next = (int64_t)(w & 0x3FFFFFFFu);
        }
        return GMM_OK;
    }
    unsigned state = pw_state(w);
    out->state = state;
    if (state == GMM_STATE_PRIVATE || state == GMM_STATE_PRIVATE_32) {
        out->view = GMM_VIEW_PRIVATE;
        out->pfn = pw_low(w);
        out->vm_handle = pw_hgvm(w);
    } else if (state == GMM_STATE_SHARED) {
        out->view = GMM_VIEW_SHARED;
        out->refs = pw_low(w);
    } else {
        out->view = GMM_VIEW_FREE;
        if (pw_low(w) > 0x7FFFFFFFu) return GMM_ST_OUT_OF_RANGE; /* does not fit an i32 */
        out->next = pw_low(w);
    }
    return GMM_OK;
}

gmm_status gmm_encode(bool bits32, const gmm_fields *f, uint64_t *out)
{
    if (f->state < 0 || f->state > 3) return GMM_ST_OUT_OF_RANGE;
    switch (f->view) {
    case GMM_VIEW_PRIVATE:
        if (f->state != GMM_STATE_PRIVATE && f->state != GMM_STATE_PRIVATE_32) return GMM_ST_INVALID_PARAMETER;
        if (bits32) {
            if (f->pfn > 0xFFFFFFu || f->vm_handle < 0 || f->vm_handle > 0x7F) return GMM_ST_OUT_OF_RANGE;
            *out = f->pfn | ((uint64_t)f->vm_handle << 24);
        } else {
            if (f->pfn > 0xFFFFFFFFu || f->vm_handle < 0 || f->vm_handle > 0xFFFF) return GMM_ST_OUT_OF_RANGE;
            *out = ((uint64_t)f->state << 62) | ((uint64_t)f->vm_handle << 32) | f->pfn;
        }
        return GMM_OK;
    case GMM_VIEW_SHARED:
        if (f->state != GMM_STATE_SHARED) return GMM_ST_INVALID_PARAMETER;
        if (f->pfn != 0) return GMM_ST_OUT_OF_RANGE; /* no host pfn field in this layout */
        if (f->refs > (bits32 ? 0x3FFFFFFFu : 0xFFFFFFFFu)) return GMM_ST_OUT_OF_RANGE;
        *out = bits32 ? ((uint64_t)GMM_STATE_SHARED << 30) | f->refs : pw_make_shared((uint32_t)f->refs);
        return GMM_OK;
    case GMM_VIEW_FREE:
        if (f->state != GMM_STATE_FREE) return GMM_ST_INVALID_PARAMETER;
        if (f->zeroed) return GMM_ST_OUT_OF_RANGE;    /* no zeroed flag in this layout */
        if (f->next < 0 || f->next > (bits32 ? 0x3FFFFFFF : 0xFFFFFFFF)) return GMM_ST_OUT_OF_RANGE;
        *out = bits32 ? ((uint64_t)GMM_STATE_FREE << 30) | (uint64_t)f->next : pw_make_free((uint32_t)f->next);
        return GMM_OK;
    }
    return GMM_ST_INVALID_PARAMETER;
}
