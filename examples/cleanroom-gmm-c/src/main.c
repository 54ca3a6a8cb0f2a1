/*
 * gmm-cleanroom: serves the adapter protocol (entry point adapter.gmm) on
 * standard input/output, one JSON-RPC message per line.
 */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gmm.h"
#include "rpc.h"

#define IMPL_NAME "gmm-cleanroom-c"
#define IMPL_VERSION "1.1"
#define DOMAIN "GmmStatus"

/* ---------------------------------------------------------------- handles */

enum { H_NONE = 0, H_FACTORY, H_GMM };

typedef struct {
    int type;
    gmm *g;
} handle;

static handle *handles;
static size_t n_handles, cap_handles;

static int32_t handle_new(int type, gmm *g)
{
    if (n_handles == cap_handles) {
        size_t cap = cap_handles ? cap_handles * 2 : 16;
        handle *p = realloc(handles, cap * sizeof(*p));
        if (!p) return -1;
        handles = p;
        cap_handles = cap;
    }
    handles[n_handles].type = type;
    handles[n_handles].g = g;
    n_handles++;
    return (int32_t)n_handles;
}

static void handles_reset(void)
{
    for (size_t i = 0; i < n_handles; i++)
        if (handles[i].type == H_GMM) gmm_destroy(handles[i].g);
    free(handles);
    handles = NULL;
    n_handles = cap_handles = 0;
}

static handle *handle_get(cJSON *params, int type, rpc_error *e)
{
    int32_t h;
    if (!cJSON_IsObject(params) || !rpc_i32_value(cJSON_GetObjectItemCaseSensitive(params, "this"), &h)) {
        rpc_fail(e, RPC_INVALID_PARAMS, "missing or malformed 'this'");
        return NULL;
    }
    if (h <= 0 || (size_t)h > n_handles || handles[h - 1].type != type) {
        rpc_fail(e, RPC_INVALID_PARAMS, "unknown handle %d for this interface", h);
        return NULL;
    }
    return &handles[h - 1];
}

static cJSON *handle_json(int32_t h)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "handle", h);
    return o;
}

/* --------------------------------------------------------------- helpers */

static const char *const ACCOUNTS[] = { "BASE", "SHADOW", "FIXED" };
static const char *const POLICIES[] = { "INVALID", "NO_OC", "TBD" };
static const char *const PRIORITIES[] = { "INVALID", "HIGH", "NORMAL", "LOW" };
static const char *const NONCONTIG[] = { "WORKS", "NOT_SUPPORTED", "FAILED" };
static const char *const LAYOUTS[] = { "BITS64", "BITS32" };
static const char *const SETKINDS[] = { "PRIVATE", "SHARED" };
static const char *const PAGESTATES[] = { "PRIVATE", "PRIVATE", "SHARED", "FREE" };

static bool refused(gmm_status st, rpc_error *e, const char *what)
{
    if (st == GMM_OK) return false;
    rpc_refuse(e, DOMAIN, gmm_status_name(st), "%s refused: %s", what, gmm_status_name(st));
    return true;
}

static cJSON *allocated_page(const gmm *g, uint64_t page_id)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "pageId", rpc_u64(page_id));
    cJSON_AddItemToObject(o, "hostPfn", rpc_u64(gmm_host_pfn(g, page_id)));
    return o;
}

static cJSON *chunk_info_json(const gmm_chunk_info *ci)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "chunkId", rpc_u64(ci->chunk_id));
    cJSON_AddNumberToObject(o, "free", ci->free);
    cJSON_AddNumberToObject(o, "privatePages", ci->private_pages);
    cJSON_AddNumberToObject(o, "sharedPages", ci->shared_pages);
    cJSON_AddNumberToObject(o, "affinity", ci->affinity);
    cJSON_AddBoolToObject(o, "sharedChunk", ci->shared_chunk);
    return o;
}

/* Parse an array of u64 strings; false on a bad shape. */
static bool u64_array(cJSON *params, const char *name, uint64_t **out, size_t *n, rpc_error *e)
{
    cJSON *arr = cJSON_GetObjectItemCaseSensitive(params, name);
    if (!cJSON_IsArray(arr)) {
        rpc_fail(e, RPC_INVALID_PARAMS, "parameter '%s' is not an array", name);
        return false;
    }
    size_t cnt = (size_t)cJSON_GetArraySize(arr);
    uint64_t *v = malloc((cnt ? cnt : 1) * sizeof(*v));
    if (!v) {
        rpc_fail(e, RPC_INTERNAL, "out of memory");
        return false;
    }
    size_t i = 0;
    cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        if (!rpc_u64_value(it, &v[i])) {
            free(v);
            rpc_fail(e, RPC_INVALID_PARAMS, "element %zu of '%s' is not a 64-bit hex string", i, name);
            return false;
        }
        i++;
    }
    *out = v;
    *n = cnt;
    return true;
}

/* ----------------------------------------------------------- entry points */

static cJSON *m_describe(cJSON *params, rpc_error *e)
{
    if (!rpc_params_exact(params, NULL, 0, e)) return NULL;
    cJSON *r = cJSON_CreateObject();
    cJSON_AddStringToObject(r, "name", IMPL_NAME);
    cJSON_AddStringToObject(r, "version", IMPL_VERSION);
    cJSON *pr = cJSON_AddArrayToObject(r, "profiles");
    cJSON_AddItemToArray(pr, cJSON_CreateString("gmm"));
    cJSON_AddItemToArray(pr, cJSON_CreateString("gmm-introspection"));
    cJSON *p = cJSON_AddObjectToObject(r, "parameters");
    cJSON_AddStringToObject(p, "source", "GMMR0.cpp seed revision (design notes, page layouts, init, term, VM cleanup)");
    cJSON_AddStringToObject(p, "free set bucket", "list = (free pages - 1) >> 4 (16 lists over 1..256 free pages); chunks with no free page are on no list");
    cJSON_AddStringToObject(p, "allocation order", "private set, lists from fewest free pages; own-affinity chunks first, then any chunk, then a new chunk, then (stressed) the shared set");
    cJSON_AddStringToObject(p, "editions", "SEED_1MB only (CURRENT_2MB, later VirtualBox's GMM, is not in the source document)");
    cJSON_AddStringToObject(p, "reservation", "counts signed and positive; policy NO_OC or TBD; NO_OC must fit the host together with all other reservations, TBD may over-commit");
    cJSON_AddStringToObject(p, "host pfn", "0x100000 + page id");
    cJSON_AddStringToObject(p, "shared page ownership", "reference counts only: a VM may release a shared page only while it holds any shared reference");
    cJSON_AddStringToObject(p, "cleanup", "last active VM flushes and releases every chunk; otherwise the VM's private pages are freed (with statistics repair) and chunks that became wholly free are released; in legacy mode the VM's seeded chunks are released");
    cJSON_AddStringToObject(p, "chunk TLB", "entry = chunk id & 31, filled by successful free/share/useShared/releaseShared lookups");
    /* Declared readings (readings 3, 5, 7, 20 and 21 in the README).  The
     * protocol's "Declared readings" lists the values of gmm.unknown-guest-frame:
     * fffffff1 (later VirtualBox) or all-ones (seed 000); this one records 0xFFFFFFF1. */
    cJSON_AddStringToObject(p, "gmm.shared-chunk-private-pages", "when-stressed");
    cJSON_AddStringToObject(p, "gmm.shared-page-holders", "counted");
    cJSON_AddStringToObject(p, "gmm.unknown-guest-frame", "fffffff1");
    cJSON_AddStringToObject(p, "gmm.page-layout", "seed-002");
    return r;
}

static cJSON *m_gmm(cJSON *params, rpc_error *e)
{
    if (!rpc_params_exact(params, NULL, 0, e)) return NULL;
    int32_t h = handle_new(H_FACTORY, NULL);
    if (h < 0) { rpc_fail(e, RPC_INTERNAL, "out of memory"); return NULL; }
    return handle_json(h);
}

/* ---------------------------------------------------------------- factory */

static cJSON *m_factory_editions(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this" };
    if (!handle_get(params, H_FACTORY, e) || !rpc_params_exact(params, names, 1, e)) return NULL;
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < gmm_n_geometries; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(gmm_geometries[i].name));
    return a;
}

static cJSON *m_factory_create(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "edition", "options" };
    static const char *const onames[] = { "hostPages", "legacyMode", "nonContiguous" };
    if (!handle_get(params, H_FACTORY, e) || !rpc_params_exact(params, names, 3, e)) return NULL;
    cJSON *ed = cJSON_GetObjectItemCaseSensitive(params, "edition");
    const gmm_geometry *geo = NULL;
    for (size_t i = 0; i < gmm_n_geometries; i++)
        if (cJSON_IsString(ed) && strcmp(ed->valuestring, gmm_geometries[i].name) == 0) geo = &gmm_geometries[i];
    if (!geo) {
        /* CURRENT_2MB is a well-formed edition this adapter does not declare */
        if (cJSON_IsString(ed) && strcmp(ed->valuestring, "CURRENT_2MB") == 0)
            rpc_fail(e, RPC_UNSUPPORTED, "edition CURRENT_2MB is not implemented");
        else
            rpc_fail(e, RPC_INVALID_PARAMS, "unknown edition");
        return NULL;
    }
    cJSON *opt = cJSON_GetObjectItemCaseSensitive(params, "options");
    uint64_t host_pages;
    bool legacy;
    int nc;
    if (!rpc_params_exact(opt, onames, 3, e) || !rpc_get_u64(opt, "hostPages", &host_pages, e)
        || !rpc_get_bool(opt, "legacyMode", &legacy, e) || !rpc_get_enum(opt, "nonContiguous", NONCONTIG, 3, &nc, e))
        return NULL;
    gmm *g = gmm_create(geo, host_pages, legacy, (gmm_noncontig)nc);
    if (!g) { rpc_fail(e, RPC_INTERNAL, "out of memory"); return NULL; }
    if (nc == GMM_NC_FAILED)
        fprintf(stderr, "gmm-cleanroom: non-contiguous allocation probe failed; continuing (not legacy)\n");
    int32_t h = handle_new(H_GMM, g);
    if (h < 0) { gmm_destroy(g); rpc_fail(e, RPC_INTERNAL, "out of memory"); return NULL; }
    return handle_json(h);
}

/* ----------------------------------------------------------- GlobalMemory */

#define GMM_HANDLE(names, n)                                                    \
    handle *hd = handle_get(params, H_GMM, e);                                  \
    if (!hd || !rpc_params_exact(params, names, n, e)) return NULL;             \
    gmm *g = hd->g

static cJSON *m_create_vm(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this" };
    GMM_HANDLE(names, 1);
    int32_t vm;
    if (refused(gmm_create_vm(g, &vm), e, "createVm")) return NULL;
    return cJSON_CreateNumber(vm);
}

static cJSON *m_reserve(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "vm", "base", "shadow", "fixed", "policy", "priority" };
    GMM_HANDLE(names, 7);
    int32_t vm;
    uint64_t b, s, f;
    int pol, pri;
    if (!rpc_get_i32(params, "vm", &vm, e) || !rpc_get_u64(params, "base", &b, e)
        || !rpc_get_u64(params, "shadow", &s, e) || !rpc_get_u64(params, "fixed", &f, e)
        || !rpc_get_enum(params, "policy", POLICIES, 3, &pol, e)
        || !rpc_get_enum(params, "priority", PRIORITIES, 4, &pri, e))
        return NULL;
    if (refused(gmm_reserve(g, vm, b, s, f, (gmm_policy)pol, (gmm_priority)pri), e, "reserve")) return NULL;
    return cJSON_CreateNull();
}

static cJSON *m_update_reservation(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "vm", "base", "shadow", "fixed" };
    GMM_HANDLE(names, 5);
    int32_t vm;
    uint64_t b, s, f;
    if (!rpc_get_i32(params, "vm", &vm, e) || !rpc_get_u64(params, "base", &b, e)
        || !rpc_get_u64(params, "shadow", &s, e) || !rpc_get_u64(params, "fixed", &f, e))
        return NULL;
    if (refused(gmm_update_reservation(g, vm, b, s, f), e, "updateReservation")) return NULL;
    return cJSON_CreateNull();
}

static cJSON *m_allocate(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "vm", "account", "guestPfns" };
    GMM_HANDLE(names, 4);
    int32_t vm;
    int acct;
    uint64_t *pfns;
    size_t n;
    if (!rpc_get_i32(params, "vm", &vm, e) || !rpc_get_enum(params, "account", ACCOUNTS, 3, &acct, e)
        || !u64_array(params, "guestPfns", &pfns, &n, e))
        return NULL;
    uint64_t *ids = malloc((n ? n : 1) * sizeof(*ids));
    if (!ids) { free(pfns); rpc_fail(e, RPC_INTERNAL, "out of memory"); return NULL; }
    gmm_status st = gmm_allocate(g, vm, (gmm_account)acct, n, pfns, ids);
    cJSON *r = NULL;
    if (!refused(st, e, "allocate")) {
        r = cJSON_CreateArray();
        for (size_t i = 0; i < n; i++) cJSON_AddItemToArray(r, allocated_page(g, ids[i]));
    }
    free(ids);
    free(pfns);
    return r;
}

static cJSON *m_free(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "vm", "account", "pageIds" };
    GMM_HANDLE(names, 4);
    int32_t vm;
    int acct;
    uint64_t *ids;
    size_t n;
    if (!rpc_get_i32(params, "vm", &vm, e) || !rpc_get_enum(params, "account", ACCOUNTS, 3, &acct, e)
        || !u64_array(params, "pageIds", &ids, &n, e))
        return NULL;
    gmm_status st = gmm_free_pages(g, vm, (gmm_account)acct, n, ids);
    free(ids);
    if (refused(st, e, "free")) return NULL;
    return cJSON_CreateNull();
}

static cJSON *m_seed_chunk(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "vm" };
    GMM_HANDLE(names, 2);
    int32_t vm;
    uint64_t id;
    if (!rpc_get_i32(params, "vm", &vm, e)) return NULL;
    if (refused(gmm_seed_chunk(g, vm, &id), e, "seedChunk")) return NULL;
    return rpc_u64(id);
}

static cJSON *m_share(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "vm", "pageId" };
    GMM_HANDLE(names, 3);
    int32_t vm;
    uint64_t pid, out;
    if (!rpc_get_i32(params, "vm", &vm, e) || !rpc_get_u64(params, "pageId", &pid, e)) return NULL;
    if (refused(gmm_share(g, vm, pid, &out), e, "share")) return NULL;
    return allocated_page(g, out);
}

static cJSON *m_use_shared(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "vm", "sharedPageId" };
    GMM_HANDLE(names, 3);
    int32_t vm;
    uint64_t pid;
    if (!rpc_get_i32(params, "vm", &vm, e) || !rpc_get_u64(params, "sharedPageId", &pid, e)) return NULL;
    if (refused(gmm_use_shared(g, vm, pid), e, "useShared")) return NULL;
    return allocated_page(g, pid);
}

static cJSON *m_release_shared(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "vm", "sharedPageId" };
    GMM_HANDLE(names, 3);
    int32_t vm;
    uint64_t pid;
    if (!rpc_get_i32(params, "vm", &vm, e) || !rpc_get_u64(params, "sharedPageId", &pid, e)) return NULL;
    if (refused(gmm_release_shared(g, vm, pid), e, "releaseShared")) return NULL;
    return cJSON_CreateNull();
}

static cJSON *m_cleanup(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "vm" };
    GMM_HANDLE(names, 2);
    int32_t vm;
    gmm_cleanup_report rep;
    if (!rpc_get_i32(params, "vm", &vm, e)) return NULL;
    if (refused(gmm_cleanup(g, vm, &rep), e, "cleanup")) return NULL;
    cJSON *r = cJSON_CreateObject();
    cJSON_AddItemToObject(r, "freedPrivatePages", rpc_u64(rep.freed_private));
    cJSON *ra = cJSON_AddArrayToObject(r, "repairs");
    for (size_t i = 0; i < rep.n_repairs; i++) {
        const gmm_repair *x = &rep.repairs[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "chunkId", rpc_u64(x->chunk_id));
        cJSON_AddNumberToObject(o, "recordedFree", x->rec_free);
        cJSON_AddNumberToObject(o, "countedFree", x->cnt_free);
        cJSON_AddNumberToObject(o, "recordedPrivate", x->rec_private);
        cJSON_AddNumberToObject(o, "countedPrivate", x->cnt_private);
        cJSON_AddNumberToObject(o, "recordedShared", x->rec_shared);
        cJSON_AddNumberToObject(o, "countedShared", x->cnt_shared);
        cJSON_AddItemToArray(ra, o);
    }
    cJSON *rel = cJSON_AddArrayToObject(r, "releasedChunks");
    for (size_t i = 0; i < rep.n_released; i++) cJSON_AddItemToArray(rel, rpc_u64(rep.released[i]));
    cJSON_AddBoolToObject(r, "lastVm", rep.last_vm);
    gmm_cleanup_report_free(&rep);
    return r;
}

static cJSON *m_terminate(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this" };
    GMM_HANDLE(names, 1);
    gmm_chunk_info *list;
    size_t n;
    if (refused(gmm_terminate(g, &list, &n), e, "terminate")) return NULL;
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++) cJSON_AddItemToArray(a, chunk_info_json(&list[i]));
    free(list);
    return a;
}

static cJSON *m_page(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "pageId" };
    GMM_HANDLE(names, 2);
    uint64_t pid;
    gmm_page_info pi;
    if (!rpc_get_u64(params, "pageId", &pid, e)) return NULL;
    if (refused(gmm_page(g, pid, &pi), e, "page")) return NULL;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "state", PAGESTATES[pi.state & 3]);
    cJSON_AddNumberToObject(o, "owner", pi.owner);
    cJSON_AddItemToObject(o, "guestPfn", rpc_u64(pi.guest_pfn));
    cJSON_AddItemToObject(o, "refs", rpc_u64(pi.refs));
    cJSON_AddItemToObject(o, "hostPfn", rpc_u64(pi.host_pfn));
    return o;
}

static cJSON *m_chunk(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "chunkId" };
    GMM_HANDLE(names, 2);
    uint64_t cid;
    gmm_chunk_info ci;
    if (!rpc_get_u64(params, "chunkId", &cid, e)) return NULL;
    if (refused(gmm_chunk_query(g, cid, &ci), e, "chunk")) return NULL;
    return chunk_info_json(&ci);
}

static cJSON *m_chunk_ids(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this" };
    GMM_HANDLE(names, 1);
    uint64_t *ids;
    size_t n;
    if (refused(gmm_chunk_ids(g, &ids, &n), e, "chunkIds")) return NULL;
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++) cJSON_AddItemToArray(a, rpc_u64(ids[i]));
    free(ids);
    return a;
}

static cJSON *m_geometry(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this" };
    GMM_HANDLE(names, 1);
    if (g->magic != GMM_MAGIC) { refused(GMM_ST_INSTANCE, e, "geometry"); return NULL; }
    const gmm_geometry *geo = g->geo;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "chunkShift", geo->chunk_shift);
    cJSON_AddNumberToObject(o, "chunkIdShift", geo->id_shift);
    cJSON_AddNumberToObject(o, "pagesPerChunk", geo->ppc);
    cJSON_AddItemToObject(o, "pageIdLast", rpc_u64(geo->page_id_last));
    cJSON_AddItemToObject(o, "chunkIdLast", rpc_u64(geo->chunk_id_last));
    cJSON_AddNumberToObject(o, "freeSetLists", geo->lists);
    return o;
}

static cJSON *m_statistics(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this" };
    GMM_HANDLE(names, 1);
    gmm_stats s;
    if (refused(gmm_statistics(g, &s), e, "statistics")) return NULL;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "chunks", rpc_u64(s.chunks));
    cJSON_AddItemToObject(o, "allocatedPages", rpc_u64(s.allocated));
    cJSON_AddItemToObject(o, "sharedPages", rpc_u64(s.shared));
    cJSON_AddItemToObject(o, "duplicatePages", rpc_u64(s.duplicate));
    cJSON_AddItemToObject(o, "freePages", rpc_u64(s.free));
    cJSON_AddItemToObject(o, "reservedPages", rpc_u64(s.reserved));
    cJSON_AddItemToObject(o, "registeredVms", rpc_u64(s.registered));
    cJSON_AddItemToObject(o, "leftBehindSharedPages", rpc_u64(s.left_behind));
    return o;
}

static cJSON *m_vm(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "vm" };
    GMM_HANDLE(names, 2);
    int32_t vm;
    gmm_vm v;
    if (!rpc_get_i32(params, "vm", &vm, e)) return NULL;
    if (refused(gmm_vm_info(g, vm, &v), e, "vm")) return NULL;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "policy", POLICIES[v.policy]);
    cJSON_AddStringToObject(o, "priority", PRIORITIES[v.priority]);
    cJSON_AddItemToObject(o, "reservedBase", rpc_u64(v.res[GMM_ACCT_BASE]));
    cJSON_AddItemToObject(o, "reservedShadow", rpc_u64(v.res[GMM_ACCT_SHADOW]));
    cJSON_AddItemToObject(o, "reservedFixed", rpc_u64(v.res[GMM_ACCT_FIXED]));
    cJSON_AddItemToObject(o, "allocatedBase", rpc_u64(v.alloc[GMM_ACCT_BASE]));
    cJSON_AddItemToObject(o, "allocatedShadow", rpc_u64(v.alloc[GMM_ACCT_SHADOW]));
    cJSON_AddItemToObject(o, "allocatedFixed", rpc_u64(v.alloc[GMM_ACCT_FIXED]));
    cJSON_AddItemToObject(o, "privatePages", rpc_u64(v.private_pages));
    cJSON_AddItemToObject(o, "sharedPages", rpc_u64(v.shared_pages));
    return o;
}

static cJSON *m_introspection(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this" };
    GMM_HANDLE(names, 1);
    if (g->magic != GMM_MAGIC) { refused(GMM_ST_INSTANCE, e, "introspection"); return NULL; }
    return handle_json((int32_t)(hd - handles) + 1);
}

/* ------------------------------------------------------- GmmIntrospection */

static cJSON *m_i_magic(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this" };
    GMM_HANDLE(names, 1);
    return rpc_u64(g->magic);
}

static cJSON *m_i_chunk_tlb(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this" };
    GMM_HANDLE(names, 1);
    if (g->magic != GMM_MAGIC) { refused(GMM_ST_INSTANCE, e, "chunkTlb"); return NULL; }
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i < GMM_TLB_ENTRIES; i++) cJSON_AddItemToArray(a, rpc_u64(g->tlb[i].id));
    return a;
}

static cJSON *m_i_corrupt(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "chunkId", "free", "privatePages", "sharedPages" };
    GMM_HANDLE(names, 5);
    uint64_t cid;
    int32_t f, p, s;
    if (!rpc_get_u64(params, "chunkId", &cid, e) || !rpc_get_i32(params, "free", &f, e)
        || !rpc_get_i32(params, "privatePages", &p, e) || !rpc_get_i32(params, "sharedPages", &s, e))
        return NULL;
    if (refused(gmm_corrupt_stats(g, cid, f, p, s), e, "corruptChunkStatistics")) return NULL;
    return cJSON_CreateNull();
}

static cJSON *fields_json(const gmm_fields *f)
{
    cJSON *o = cJSON_CreateObject();
    switch (f->view) {
    case GMM_VIEW_PRIVATE:
        cJSON_AddStringToObject(o, "type", "Private");
        cJSON_AddNumberToObject(o, "state", (double)f->state);
        cJSON_AddItemToObject(o, "pfn", rpc_u64(f->pfn));
        cJSON_AddNumberToObject(o, "vmHandle", (double)f->vm_handle);
        break;
    case GMM_VIEW_SHARED:
        cJSON_AddStringToObject(o, "type", "Shared");
        cJSON_AddNumberToObject(o, "state", (double)f->state);
        cJSON_AddItemToObject(o, "pfn", rpc_u64(f->pfn));
        cJSON_AddItemToObject(o, "refs", rpc_u64(f->refs));
        break;
    case GMM_VIEW_FREE:
        cJSON_AddStringToObject(o, "type", "Free");
        cJSON_AddNumberToObject(o, "state", (double)f->state);
        cJSON_AddNumberToObject(o, "next", (double)f->next);
        cJSON_AddBoolToObject(o, "zeroed", f->zeroed);
        break;
    }
    return o;
}

static cJSON *m_i_decode(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "layout", "word" };
    GMM_HANDLE(names, 3);
    (void)g;
    int layout;
    uint64_t w;
    gmm_fields f;
    if (!rpc_get_enum(params, "layout", LAYOUTS, 2, &layout, e) || !rpc_get_u64(params, "word", &w, e)) return NULL;
    if (refused(gmm_decode(layout == 1, w, &f), e, "decode")) return NULL;
    return fields_json(&f);
}

static bool fields_parse(cJSON *o, gmm_fields *f, rpc_error *e)
{
    static const char *const types[] = { "Private", "Shared", "Free" };
    static const char *const np[] = { "type", "state", "pfn", "vmHandle" };
    static const char *const ns[] = { "type", "state", "pfn", "refs" };
    static const char *const nf[] = { "type", "state", "next", "zeroed" };
    int t = cJSON_IsObject(o) ? rpc_enum_value(cJSON_GetObjectItemCaseSensitive(o, "type"), types, 3) : -1;
    if (t < 0) { rpc_fail(e, RPC_INVALID_PARAMS, "fields: unknown type"); return false; }
    memset(f, 0, sizeof(*f));
    f->view = (gmm_view)t;
    int32_t state, i;
    bool b;
    switch (t) {
    case 0:
        if (!rpc_params_exact(o, np, 4, e) || !rpc_get_i32(o, "state", &state, e) || !rpc_get_u64(o, "pfn", &f->pfn, e)
            || !rpc_get_i32(o, "vmHandle", &i, e))
            return false;
        f->vm_handle = i;
        break;
    case 1:
        if (!rpc_params_exact(o, ns, 4, e) || !rpc_get_i32(o, "state", &state, e) || !rpc_get_u64(o, "pfn", &f->pfn, e)
            || !rpc_get_u64(o, "refs", &f->refs, e))
            return false;
        break;
    default:
        if (!rpc_params_exact(o, nf, 4, e) || !rpc_get_i32(o, "state", &state, e) || !rpc_get_i32(o, "next", &i, e)
            || !rpc_get_bool(o, "zeroed", &b, e))
            return false;
        f->next = i;
        f->zeroed = b;
        break;
    }
    f->state = state;
    return true;
}

static cJSON *m_i_encode(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "layout", "fields" };
    GMM_HANDLE(names, 3);
    (void)g;
    int layout;
    gmm_fields f;
    uint64_t w;
    if (!rpc_get_enum(params, "layout", LAYOUTS, 2, &layout, e)
        || !fields_parse(cJSON_GetObjectItemCaseSensitive(params, "fields"), &f, e))
        return NULL;
    if (refused(gmm_encode(layout == 1, &f, &w), e, "encode")) return NULL;
    return rpc_u64(w);
}

static cJSON *m_i_free_lifo(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "chunkId" };
    GMM_HANDLE(names, 2);
    uint64_t cid;
    int32_t *list;
    size_t n;
    if (!rpc_get_u64(params, "chunkId", &cid, e)) return NULL;
    if (refused(gmm_free_lifo(g, cid, &list, &n), e, "freeLifo")) return NULL;
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++) cJSON_AddItemToArray(a, cJSON_CreateNumber(list[i]));
    free(list);
    return a;
}

static cJSON *m_i_free_set(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "kind" };
    GMM_HANDLE(names, 2);
    int kind;
    if (!rpc_get_enum(params, "kind", SETKINDS, 2, &kind, e)) return NULL;
    if (g->magic != GMM_MAGIC) { refused(GMM_ST_INSTANCE, e, "freeSet"); return NULL; }
    cJSON *a = cJSON_CreateArray();
    for (int l = 0; l < g->geo->lists; l++) {
        cJSON *la = cJSON_CreateArray();
        for (gmm_chunk *c = g->sets[kind].lists[l]; c; c = c->free_next) cJSON_AddItemToArray(la, rpc_u64(c->id));
        cJSON_AddItemToArray(a, la);
    }
    return a;
}

static cJSON *m_i_free_set_pages(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "kind" };
    GMM_HANDLE(names, 2);
    int kind;
    if (!rpc_get_enum(params, "kind", SETKINDS, 2, &kind, e)) return NULL;
    if (g->magic != GMM_MAGIC) { refused(GMM_ST_INSTANCE, e, "freeSetPages"); return NULL; }
    return rpc_u64(g->sets[kind].c_pages);
}

static cJSON *m_i_raw_page(cJSON *params, rpc_error *e)
{
    static const char *const names[] = { "this", "pageId" };
    GMM_HANDLE(names, 2);
    uint64_t pid, w;
    if (!rpc_get_u64(params, "pageId", &pid, e)) return NULL;
    if (refused(gmm_raw_page(g, pid, &w), e, "rawPage")) return NULL;
    return rpc_u64(w);
}

/* --------------------------------------------------------------- dispatch */

typedef cJSON *(*method_fn)(cJSON *params, rpc_error *e);
typedef struct {
    const char *name;
    method_fn fn;
} method;

static cJSON *m_reset(cJSON *params, rpc_error *e)
{
    if (!rpc_params_exact(params, NULL, 0, e)) return NULL;
    handles_reset();
    return cJSON_CreateNull();
}

static const method METHODS[] = {
    { "adapter.describe", m_describe },
    { "adapter.reset", m_reset },
    { "adapter.gmm", m_gmm },
    { "GmmFactory.editions", m_factory_editions },
    { "GmmFactory.create", m_factory_create },
    { "GlobalMemory.allocate", m_allocate },
    { "GlobalMemory.chunk", m_chunk },
    { "GlobalMemory.chunkIds", m_chunk_ids },
    { "GlobalMemory.cleanup", m_cleanup },
    { "GlobalMemory.createVm", m_create_vm },
    { "GlobalMemory.free", m_free },
    { "GlobalMemory.geometry", m_geometry },
    { "GlobalMemory.introspection", m_introspection },
    { "GlobalMemory.page", m_page },
    { "GlobalMemory.releaseShared", m_release_shared },
    { "GlobalMemory.reserve", m_reserve },
    { "GlobalMemory.seedChunk", m_seed_chunk },
    { "GlobalMemory.share", m_share },
    { "GlobalMemory.statistics", m_statistics },
    { "GlobalMemory.terminate", m_terminate },
    { "GlobalMemory.updateReservation", m_update_reservation },
    { "GlobalMemory.useShared", m_use_shared },
    { "GlobalMemory.vm", m_vm },
    { "GmmIntrospection.chunkTlb", m_i_chunk_tlb },
    { "GmmIntrospection.corruptChunkStatistics", m_i_corrupt },
    { "GmmIntrospection.decode", m_i_decode },
    { "GmmIntrospection.encode", m_i_encode },
    { "GmmIntrospection.freeLifo", m_i_free_lifo },
    { "GmmIntrospection.freeSet", m_i_free_set },
    { "GmmIntrospection.freeSetPages", m_i_free_set_pages },
    { "GmmIntrospection.magic", m_i_magic },
    { "GmmIntrospection.rawPage", m_i_raw_page },
};

static void respond(cJSON *id, cJSON *result, const rpc_error *e)
{
    cJSON *resp = cJSON_CreateObject();
    cJSON_AddStringToObject(resp, "jsonrpc", "2.0");
    if (id && cJSON_IsNumber(id)) {
        char buf[32];
        snprintf(buf, sizeof(buf), "%.0f", id->valuedouble);
        cJSON_AddItemToObject(resp, "id", cJSON_CreateRaw(buf));
    } else {
        cJSON_AddNullToObject(resp, "id");
    }
    if (e && e->code) {
        cJSON *err = cJSON_AddObjectToObject(resp, "error");
        cJSON_AddNumberToObject(err, "code", e->code);
        cJSON_AddStringToObject(err, "message", e->message[0] ? e->message : "error");
        if (e->code == RPC_REFUSED) {
            cJSON *d = cJSON_AddObjectToObject(err, "data");
            cJSON_AddStringToObject(d, "domain", e->domain);
            cJSON_AddStringToObject(d, "status", e->status);
        }
        cJSON_Delete(result);
    } else {
        cJSON_AddItemToObject(resp, "result", result ? result : cJSON_CreateNull());
    }
    char *out = cJSON_PrintUnformatted(resp);
    if (out) {
        fputs(out, stdout);
        fputc('\n', stdout);
        fflush(stdout);
        free(out);
    }
    cJSON_Delete(resp);
}

static void handle_line(const char *line, size_t len)
{
    rpc_error e;
    memset(&e, 0, sizeof(e));
    cJSON *req = cJSON_ParseWithLength(line, len);
    if (!req) {
        rpc_fail(&e, RPC_PARSE_ERROR, "parse error");
        respond(NULL, NULL, &e);
        return;
    }
    cJSON *id = cJSON_GetObjectItemCaseSensitive(req, "id");
    cJSON *method_item = cJSON_GetObjectItemCaseSensitive(req, "method");
    cJSON *params = cJSON_GetObjectItemCaseSensitive(req, "params");
    if (!cJSON_IsObject(req) || !cJSON_IsNumber(id) || !cJSON_IsString(method_item) || !cJSON_IsObject(params)) {
        rpc_fail(&e, RPC_INVALID_REQUEST, "invalid request");
        respond(cJSON_IsNumber(id) ? id : NULL, NULL, &e);
        cJSON_Delete(req);
        return;
    }
    cJSON *result = NULL;
    const method *m = NULL;
    for (size_t i = 0; i < sizeof(METHODS) / sizeof(METHODS[0]); i++)
        if (strcmp(METHODS[i].name, method_item->valuestring) == 0) m = &METHODS[i];
    if (!m)
        rpc_fail(&e, RPC_METHOD_NOT_FOUND, "method not found: %.200s", method_item->valuestring);
    else
        result = m->fn(params, &e);
    if (!e.code && !result) rpc_fail(&e, RPC_INTERNAL, "internal error");
    respond(id, result, &e);
    cJSON_Delete(req);
}

int main(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) != -1) {
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
        if (len == 0) continue;
        handle_line(line, len);
    }
    free(line);
    handles_reset();
    return 0;
}
