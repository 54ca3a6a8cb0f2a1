/* mmu.c - the large-page model. See README.md, "Readings of the source". */
#include "mmu.h"

#include <stdlib.h>
#include <string.h>

#define LP_NO_KEY UINT64_MAX
#define LP_NIL (-1)

/* ---------------------------------------------------------------- helpers */

static uint64_t hash64(uint64_t x)
{
    x ^= x >> 33;
    x *= UINT64_C(0xff51afd7ed558ccd);
    x ^= x >> 33;
    x *= UINT64_C(0xc4ceb9fe1a85ec53);
    x ^= x >> 33;
    return x;
}

static uint64_t slot_end(const lp_slot *s) { return s->d.guest_base + s->d.size; }

/* Frames lying wholly inside [base, base + size). */
static uint64_t frames_in(uint64_t base, uint64_t size, uint64_t *first)
{
    uint64_t lo = (base + LP_FRAME_MASK) & ~LP_FRAME_MASK;
    uint64_t hi = (base + size) & ~LP_FRAME_MASK;
    *first = lo;
    return hi > lo ? (hi - lo) >> LP_FRAME_SHIFT : 0;
}

/* Index of the slot holding gpa, or -1. */
static long slot_find(const lp_mmu *m, uint64_t gpa)
{
    size_t lo = 0, hi = m->nslots;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const lp_slot *s = &m->slots[mid];
        if (gpa < s->d.guest_base)
            hi = mid;
        else if (gpa >= slot_end(s))
            lo = mid + 1;
        else
            return (long)mid;
    }
    return -1;
}

/* Whether the host memory behind the 2 MB guest frame is one aligned 2 MB
 * host page (the frame must lie wholly inside the slot). */
static bool host_large_aligned(const lp_slot *s, uint64_t frame)
{
    if (s->d.backing != LP_BACK_LARGE)
        return false;
    return ((s->d.host_base + (frame - s->d.guest_base)) & LP_FRAME_MASK) == 0;
}

/* The raw value of a counter that says "no page write-protected". */
static int32_t counter_init(const lp_mmu *m, const lp_slot *s, uint64_t frame)
{
    if (m->encoding == LP_ENC_COUNT_FROM_MINUS_ONE && host_large_aligned(s, frame))
        return -1;
    return 0;
}

/* The counter of the frame holding gpa inside slot s, or NULL if that frame
 * does not lie wholly inside s. */
static int32_t *counter_of(const lp_slot *s, uint64_t gpa, uint64_t *frame_out)
{
    uint64_t frame = gpa & ~LP_FRAME_MASK;
    if (s->nframes == 0 || frame < s->first_frame)
        return NULL;
    uint64_t idx = (frame - s->first_frame) >> LP_FRAME_SHIFT;
    if (idx >= s->nframes)
        return NULL;
    if (frame_out)
        *frame_out = frame;
    return &s->raw[idx];
}

/* How the 2 MB frame at an aligned address is covered by slots:
 * 1 = wholly inside one slot (*one set), 2 = wholly covered by several,
 * 0 = some part lies in no slot. */
static int frame_cover(const lp_mmu *m, uint64_t frame, long *one)
{
    if (frame >= LP_GUEST_LIMIT)
        return 0;
    uint64_t end = frame + LP_FRAME_SIZE, cur = frame;
    int pieces = 0;
    long first = -1;
    while (cur < end) {
        long i = slot_find(m, cur);
        if (i < 0)
            return 0;
        if (first < 0)
            first = i;
        pieces++;
        cur = slot_end(&m->slots[i]);
    }
    if (pieces == 1) {
        *one = first;
        return 1;
    }
    return 2;
}

/* -------------------------------------------- per-page shadow counts (hash) */

static size_t page_probe(const lp_mmu *m, uint64_t gfn)
{
    size_t mask = m->pcap - 1;
    size_t i = (size_t)hash64(gfn) & mask;
    while (m->pkeys[i] != LP_NO_KEY && m->pkeys[i] != gfn)
        i = (i + 1) & mask;
    return i;
}

static uint32_t page_count(const lp_mmu *m, uint64_t gfn)
{
    if (m->pcap == 0)
        return 0;
    size_t i = page_probe(m, gfn);
    return m->pkeys[i] == gfn ? m->pvals[i] : 0;
}

/* Makes room for one more key; false when out of memory or over the limit. */
static bool page_reserve(lp_mmu *m)
{
    if (m->pcount + 1 > LP_MAX_SHADOWED_PAGES)
        return false;
    if (m->pcap != 0 && (m->pcount + 1) * 2 <= m->pcap)
        return true;
    size_t ncap = m->pcap ? m->pcap * 2 : 64;
    uint64_t *nk = malloc(ncap * sizeof *nk);
    uint32_t *nv = malloc(ncap * sizeof *nv);
    if (!nk || !nv) {
        free(nk);
        free(nv);
        return false;
    }
    for (size_t i = 0; i < ncap; i++)
        nk[i] = LP_NO_KEY;
    for (size_t j = 0; j < m->pcap; j++) {
        if (m->pkeys[j] == LP_NO_KEY)
            continue;
        size_t i = (size_t)hash64(m->pkeys[j]) & (ncap - 1);
        while (nk[i] != LP_NO_KEY)
            i = (i + 1) & (ncap - 1);
        nk[i] = m->pkeys[j];
        nv[i] = m->pvals[j];
    }
    free(m->pkeys);
    free(m->pvals);
    m->pkeys = nk;
    m->pvals = nv;
    m->pcap = ncap;
    return true;
}

static void page_remove_at(lp_mmu *m, size_t i)
{
    size_t mask = m->pcap - 1;
    m->pkeys[i] = LP_NO_KEY;
    m->pcount--;
    /* backward-shift deletion keeps probe chains intact */
    size_t j = i;
    for (;;) {
        j = (j + 1) & mask;
        if (m->pkeys[j] == LP_NO_KEY)
            return;
        size_t home = (size_t)hash64(m->pkeys[j]) & mask;
        bool movable = (i <= j) ? (home <= i || home > j) : (home <= i && home > j);
        if (movable) {
            m->pkeys[i] = m->pkeys[j];
            m->pvals[i] = m->pvals[j];
            m->pkeys[j] = LP_NO_KEY;
            i = j;
        }
    }
}

/* ------------------------------------------------------ shadow regions */

static uint32_t bkt_of(const lp_mmu *m, uint64_t key)
{
    return (uint32_t)(hash64(key >> LP_FRAME_SHIFT) & (m->nbkt - 1));
}

static long region_find(const lp_mmu *m, uint64_t addr)
{
    if (m->nbkt == 0)
        return LP_NIL;
    for (int32_t i = m->abkt[bkt_of(m, addr)]; i != LP_NIL; i = m->pool[i].next)
        if (m->pool[i].addr == addr)
            return i;
    return LP_NIL;
}

static bool region_rehash(lp_mmu *m, uint32_t nbkt)
{
    int32_t *a = malloc(nbkt * sizeof *a);
    int32_t *r = malloc(nbkt * sizeof *r);
    if (!a || !r) {
        free(a);
        free(r);
        return false;
    }
    free(m->abkt);
    free(m->rbkt);
    m->abkt = a;
    m->rbkt = r;
    m->nbkt = nbkt;
    for (uint32_t b = 0; b < nbkt; b++)
        a[b] = r[b] = LP_NIL;
    for (int32_t i = 0; i < m->pool_used; i++) {
        lp_region *g = &m->pool[i];
        if (!g->live)
            continue;
        uint32_t b = bkt_of(m, g->addr);
        g->next = a[b];
        a[b] = i;
        g->rnext = LP_NIL;
        if (g->large) {
            b = bkt_of(m, g->gpa);
            g->rnext = r[b];
            r[b] = i;
        }
    }
    return true;
}

/* Makes room for one more region without changing any visible state. */
static bool region_reserve(lp_mmu *m)
{
    if (m->free_head == LP_NIL && m->pool_used == m->pool_cap) {
        if (m->pool_cap >= LP_MAX_REGIONS)
            return false;
        int32_t ncap = m->pool_cap ? m->pool_cap * 2 : 64;
        lp_region *np = realloc(m->pool, (size_t)ncap * sizeof *np);
        if (!np)
            return false;
        m->pool = np;
        m->pool_cap = ncap;
    }
    if (m->nbkt == 0 || (uint32_t)m->live_regions + 1 > m->nbkt)
        return region_rehash(m, m->nbkt ? m->nbkt * 2 : 64);
    return true;
}

static void rmap_unlink(lp_mmu *m, int32_t idx)
{
    int32_t *pp = &m->rbkt[bkt_of(m, m->pool[idx].gpa)];
    while (*pp != LP_NIL && *pp != idx)
        pp = &m->pool[*pp].rnext;
    if (*pp == idx)
        *pp = m->pool[idx].rnext;
    m->pool[idx].rnext = LP_NIL;
}

static void region_delete(lp_mmu *m, int32_t idx)
{
    lp_region *g = &m->pool[idx];
    int32_t *pp = &m->abkt[bkt_of(m, g->addr)];
    while (*pp != LP_NIL && *pp != idx)
        pp = &m->pool[*pp].next;
    if (*pp == idx)
        *pp = g->next;
    if (g->large)
        rmap_unlink(m, idx);
    g->live = 0;
    g->next = m->free_head;
    m->free_head = idx;
    m->live_regions--;
}

/* Installs (replacing) the region at addr; region_reserve must have succeeded. */
static void region_set(lp_mmu *m, uint64_t addr, uint64_t gpa, bool large)
{
    long old = region_find(m, addr);
    if (old != LP_NIL)
        region_delete(m, (int32_t)old);
    int32_t idx;
    if (m->free_head != LP_NIL) {
        idx = m->free_head;
        m->free_head = m->pool[idx].next;
    } else {
        idx = m->pool_used++;
    }
    lp_region *g = &m->pool[idx];
    g->addr = addr;
    g->gpa = gpa;
    g->large = large ? 1 : 0;
    g->live = 1;
    uint32_t b = bkt_of(m, addr);
    g->next = m->abkt[b];
    m->abkt[b] = idx;
    g->rnext = LP_NIL;
    if (large) {
        b = bkt_of(m, gpa);
        g->rnext = m->rbkt[b];
        m->rbkt[b] = idx;
    }
    m->live_regions++;
}

/* Zaps every large entry mapping the 2 MB guest frame (the "pde rmap"). */
static void zap_large(lp_mmu *m, uint64_t frame)
{
    if (m->nbkt == 0)
        return;
    int32_t i = m->rbkt[bkt_of(m, frame)];
    while (i != LP_NIL) {
        int32_t nxt = m->pool[i].rnext;
        if (m->pool[i].gpa == frame)
            region_delete(m, i);
        i = nxt;
    }
}

/* ------------------------------------------------------------- lifecycle */

lp_mmu *lp_mmu_new(lp_encoding enc, bool nested, bool back_large)
{
    lp_mmu *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->encoding = enc;
    m->nested = nested;
    m->back_large = back_large;
    m->free_head = LP_NIL;
    return m;
}

void lp_mmu_free(lp_mmu *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->nslots; i++)
        free(m->slots[i].raw);
    free(m->slots);
    free(m->pkeys);
    free(m->pvals);
    free(m->pool);
    free(m->abkt);
    free(m->rbkt);
    free(m);
}

/* ------------------------------------------------------------------ slots */

/* Checks a slot on its own (no overlap or size check). */
static lp_status check_slot_shape(const lp_slot_desc *d)
{
    if (d->size == 0 || (int64_t)d->size < 0)
        return LP_SLOT_EMPTY;
    if ((d->guest_base | d->size | d->host_base) & (LP_PAGE_SIZE - 1))
        return LP_SLOT_MISALIGNED;
    if (d->backing == LP_BACK_LARGE && (d->host_base & LP_FRAME_MASK))
        return LP_SLOT_MISALIGNED;
    if (d->guest_base >= LP_GUEST_LIMIT || d->size > LP_GUEST_LIMIT - d->guest_base)
        return LP_SLOT_OUT_OF_RANGE;
    if (d->host_base >= LP_HOST_LIMIT || d->size > LP_HOST_LIMIT - d->host_base)
        return LP_SLOT_OUT_OF_RANGE;
    return LP_OK;
}

static bool overlaps_any(const lp_mmu *m, uint64_t base, uint64_t size)
{
    uint64_t end = base + size;
    for (size_t i = 0; i < m->nslots; i++) {
        const lp_slot *s = &m->slots[i];
        if (base < slot_end(s) && s->d.guest_base < end)
            return true;
    }
    return false;
}

static size_t insert_pos(const lp_mmu *m, uint64_t base)
{
    size_t i = 0;
    while (i < m->nslots && m->slots[i].d.guest_base < base)
        i++;
    return i;
}

/* Adds a slot already checked; counters allocated up front by the caller. */
static void insert_slot(lp_mmu *m, const lp_slot_desc *d, int32_t *raw)
{
    lp_slot s;
    s.d = *d;
    s.nframes = (uint32_t)frames_in(d->guest_base, d->size, &s.first_frame);
    s.raw = raw;
    size_t pos = insert_pos(m, d->guest_base);
    memmove(&m->slots[pos + 1], &m->slots[pos], (m->nslots - pos) * sizeof *m->slots);
    m->slots[pos] = s;
    m->nslots++;
    m->total_frames += s.nframes;
    for (uint32_t k = 0; k < s.nframes; k++)
        raw[k] = counter_init(m, &m->slots[pos], s.first_frame + ((uint64_t)k << LP_FRAME_SHIFT));
}

/* Adds n mutually disjoint, individually checked slots, all or nothing. */
static lp_status add_slots(lp_mmu *m, const lp_slot_desc *ds, size_t n)
{
    uint64_t frames = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t first;
        uint64_t f = frames_in(ds[i].guest_base, ds[i].size, &first);
        if (f > LP_MAX_FRAMES_PER_SLOT)
            return LP_SLOT_TOO_LARGE;
        frames += f;
    }
    if (m->total_frames + frames > LP_MAX_FRAMES_TOTAL || m->nslots + n > LP_MAX_SLOTS)
        return LP_SLOT_TOO_LARGE;
    if (m->nslots + n > m->slots_cap) {
        size_t ncap = m->slots_cap ? m->slots_cap : 8;
        while (ncap < m->nslots + n)
            ncap *= 2;
        lp_slot *ns = realloc(m->slots, ncap * sizeof *ns);
        if (!ns)
            return LP_SLOT_TOO_LARGE;
        m->slots = ns;
        m->slots_cap = ncap;
    }
    int32_t *raws[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < n; i++) {
        uint64_t first;
        uint64_t f = frames_in(ds[i].guest_base, ds[i].size, &first);
        raws[i] = malloc((size_t)(f ? f : 1) * sizeof(int32_t));
        if (!raws[i]) {
            for (size_t j = 0; j < i; j++)
                free(raws[j]);
            return LP_SLOT_TOO_LARGE;
        }
    }
    for (size_t i = 0; i < n; i++)
        insert_slot(m, &ds[i], raws[i]);
    return LP_OK;
}

lp_status lp_add_slot(lp_mmu *m, const lp_slot_desc *d)
{
    lp_status st = check_slot_shape(d);
    if (st != LP_OK)
        return st;
    if (overlaps_any(m, d->guest_base, d->size))
        return LP_SLOT_OVERLAP;
    return add_slots(m, d, 1);
}

lp_status lp_add_guest_memory(lp_mmu *m, uint64_t guest_base, uint64_t size, lp_slot_desc **out,
                              size_t *nout)
{
    /* Choose host memory: above every host range in use, congruent with the
     * guest modulo 2 MB so that whole guest frames sit on whole host pages. */
    uint64_t top = LP_HOST_ALLOC_START;
    for (size_t i = 0; i < m->nslots; i++) {
        uint64_t e = m->slots[i].d.host_base + m->slots[i].d.size;
        if (e > top)
            top = e;
    }
    uint64_t host = ((top + LP_FRAME_MASK) & ~LP_FRAME_MASK) + (guest_base & LP_FRAME_MASK);

    lp_slot_desc whole = {guest_base, size, host, LP_BACK_SMALL};
    lp_status st = check_slot_shape(&whole);
    if (st != LP_OK)
        return st;
    if (overlaps_any(m, guest_base, size))
        return LP_SLOT_OVERLAP;

    lp_slot_desc ds[3];
    size_t n = 0;
    uint64_t first;
    uint64_t nf = frames_in(guest_base, size, &first);
    if (m->back_large && nf > 0) {
        uint64_t end = guest_base + size, mid_end = first + (nf << LP_FRAME_SHIFT);
        if (first > guest_base)
            ds[n++] = (lp_slot_desc){guest_base, first - guest_base, host, LP_BACK_SMALL};
        ds[n++] = (lp_slot_desc){first, mid_end - first, host + (first - guest_base), LP_BACK_LARGE};
        if (end > mid_end)
            ds[n++] = (lp_slot_desc){mid_end, end - mid_end, host + (mid_end - guest_base),
                                     LP_BACK_SMALL};
    } else {
        ds[n++] = whole;
    }
    lp_slot_desc *res = malloc(n * sizeof *res);
    if (!res)
        return LP_INTERNAL;
    st = add_slots(m, ds, n);
    if (st != LP_OK) {
        free(res);
        return st;
    }
    memcpy(res, ds, n * sizeof *res);
    *out = res;
    *nout = n;
    return LP_OK;
}

const lp_slot *lp_slot_at(const lp_mmu *m, uint64_t guest_base)
{
    long i = slot_find(m, guest_base);
    if (i < 0 || m->slots[i].d.guest_base != guest_base)
        return NULL;
    return &m->slots[i];
}

/* ------------------------------------------------------------- decisions */

/* Decision for an aligned frame known to be wholly covered by slots. */
static lp_decision decide(const lp_mmu *m, uint64_t frame, bool count_wp)
{
    long i = -1;
    int cover = frame_cover(m, frame, &i);
    if (cover != 1)
        return LP_DEC_FRAME_NOT_IN_ONE_SLOT;
    const lp_slot *s = &m->slots[i];
    if (s->d.backing != LP_BACK_LARGE)
        return LP_DEC_HOST_NOT_LARGE;
    if (!host_large_aligned(s, frame))
        return LP_DEC_HOST_MISALIGNED;
    if (count_wp) {
        const int32_t *c = counter_of(s, frame, NULL);
        int32_t none = counter_init(m, s, frame);
        if (c == NULL || *c != none)
            return LP_DEC_WRITE_PROTECTED;
    }
    return LP_DEC_LARGE;
}

/* Common checks of a 2 MB frame argument. */
static lp_status check_frame(const lp_mmu *m, uint64_t frame)
{
    if (frame & LP_FRAME_MASK)
        return LP_MISALIGNED_LARGE_MAPPING;
    long i;
    if (frame_cover(m, frame, &i) == 0)
        return LP_NO_SLOT;
    return LP_OK;
}

lp_status lp_decision_for(const lp_mmu *m, uint64_t frame_gpa, lp_decision *out)
{
    lp_status st = check_frame(m, frame_gpa);
    if (st != LP_OK)
        return st;
    *out = decide(m, frame_gpa, true);
    return LP_OK;
}

lp_status lp_shadow_large(lp_mmu *m, uint64_t gva, uint64_t gpa, lp_decision *out)
{
    if (gva & LP_FRAME_MASK)
        return LP_MISALIGNED_LARGE_MAPPING;
    lp_status st = check_frame(m, gpa);
    if (st != LP_OK)
        return st;
    if (m->nested)
        return LP_WRONG_PAGING_MODE;
    if (!region_reserve(m))
        return LP_INTERNAL;
    lp_decision d = decide(m, gpa, true);
    region_set(m, gva, gpa, d == LP_DEC_LARGE);
    *out = d;
    return LP_OK;
}

lp_status lp_map_nested(lp_mmu *m, uint64_t gpa, lp_decision *out)
{
    lp_status st = check_frame(m, gpa);
    if (st != LP_OK)
        return st;
    if (!m->nested)
        return LP_WRONG_PAGING_MODE;
    if (!region_reserve(m))
        return LP_INTERNAL;
    /* nothing is write-protected under nested paging */
    lp_decision d = decide(m, gpa, false);
    region_set(m, gpa, gpa, d == LP_DEC_LARGE);
    *out = d;
    return LP_OK;
}

/* ----------------------------------------------------- write protection */

lp_status lp_shadow_page_table(lp_mmu *m, uint64_t gpa)
{
    long i = slot_find(m, gpa);
    if (i < 0)
        return LP_NO_SLOT;
    if (m->nested)
        return LP_WRONG_PAGING_MODE;
    uint64_t gfn = gpa >> LP_PAGE_SHIFT, frame = 0;
    int32_t *c = counter_of(&m->slots[i], gpa, &frame);
    if (c && *c == INT32_MAX)
        return LP_INTERNAL;
    uint32_t have = page_count(m, gfn);
    if (have == UINT32_MAX)
        return LP_INTERNAL;
    if (have == 0 && !page_reserve(m))
        return LP_INTERNAL;
    /* from here on nothing can fail */
    size_t at = page_probe(m, gfn);
    if (have == 0) {
        m->pkeys[at] = gfn;
        m->pvals[at] = 1;
        m->pcount++;
    } else {
        m->pvals[at]++;
    }
    if (c)
        (*c)++;
    /* write-protecting a page zaps every large mapping of its frame */
    zap_large(m, gpa & ~LP_FRAME_MASK);
    return LP_OK;
}

lp_status lp_unshadow_page_table(lp_mmu *m, uint64_t gpa)
{
    long i = slot_find(m, gpa);
    if (i < 0)
        return LP_NO_SLOT;
    if (m->nested)
        return LP_WRONG_PAGING_MODE;
    uint64_t frame = 0;
    const lp_slot *s = &m->slots[i];
    int32_t *c = counter_of(s, gpa, &frame);
    if (c && *c == counter_init(m, s, frame))
        return LP_WRITE_PROTECT_COUNT_UNDERFLOW;
    uint64_t gfn = gpa >> LP_PAGE_SHIFT;
    if (page_count(m, gfn) == 0)
        return LP_PAGE_NOT_SHADOWED;
    size_t at = page_probe(m, gfn);
    if (--m->pvals[at] == 0)
        page_remove_at(m, at);
    if (c)
        (*c)--;
    return LP_OK;
}

bool lp_write_protected(const lp_mmu *m, uint64_t gpa)
{
    return page_count(m, gpa >> LP_PAGE_SHIFT) > 0;
}

lp_status lp_write_protect_count(const lp_mmu *m, uint64_t gpa, int32_t *out)
{
    uint64_t frame = gpa & ~LP_FRAME_MASK;
    long i = -1;
    if (frame_cover(m, frame, &i) != 1)
        return LP_NO_SLOT;
    const lp_slot *s = &m->slots[i];
    const int32_t *c = counter_of(s, frame, NULL);
    if (!c)
        return LP_NO_SLOT;
    *out = *c - counter_init(m, s, frame);
    return LP_OK;
}

/* ---------------------------------------------------------------- lookup */

bool lp_entry_for(const lp_mmu *m, uint64_t address, lp_entry *out)
{
    uint64_t base = address & ~LP_FRAME_MASK;
    long r = region_find(m, base);
    if (r == LP_NIL)
        return false;
    const lp_region *g = &m->pool[r];
    if (g->large) {
        out->address = g->addr;
        out->gpa = g->gpa;
        out->large = true;
        out->writable = true;
    } else {
        uint64_t off = address & LP_FRAME_MASK & ~(LP_PAGE_SIZE - 1);
        out->address = g->addr + off;
        out->gpa = g->gpa + off;
        out->large = false;
        out->writable = !lp_write_protected(m, out->gpa);
    }
    return true;
}
