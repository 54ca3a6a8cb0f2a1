/* main.c - the adapter protocol (line-based JSON-RPC 2.0) around the
 * large-page model of mmu.c. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmu.h"

#define IMPL_NAME "largepage-cleanroom-c"
#define IMPL_VERSION "1.0.0"

enum {
    E_REFUSED = -32000,
    E_PROFILE = -32001,
    E_UNSUPPORTED = -32002,
    E_NO_METHOD = -32601,
    E_PARAMS = -32602,
    E_INTERNAL = -32603,
    E_PARSE = -32700,
    E_REQUEST = -32600
};

/* ------------------------------------------------------------- handles */

typedef enum { H_FREE = 0, H_LARGE_PAGES, H_SHADOW_MMU } handle_kind;

typedef struct {
    handle_kind kind;
    lp_mmu *mmu;
} handle_t;

#define MAX_HANDLES 1000000

static handle_t *handles;
static size_t nhandles, handles_cap;

static void reset_all(void)
{
    for (size_t i = 0; i < nhandles; i++)
        lp_mmu_free(handles[i].mmu);
    free(handles);
    handles = NULL;
    nhandles = handles_cap = 0;
}

/* Returns the new handle number, or 0 when out of handles. */
static int new_handle(handle_kind kind, lp_mmu *mmu)
{
    if (nhandles >= MAX_HANDLES)
        return 0;
    if (nhandles == handles_cap) {
        size_t ncap = handles_cap ? handles_cap * 2 : 16;
        handle_t *nh = realloc(handles, ncap * sizeof *nh);
        if (!nh)
            return 0;
        handles = nh;
        handles_cap = ncap;
    }
    handles[nhandles].kind = kind;
    handles[nhandles].mmu = mmu;
    nhandles++;
    return (int)nhandles;
}

/* ------------------------------------------------------------ responses */

typedef struct {
    cJSON *result; /* owned; NULL with is_error false means JSON null */
    bool is_error;
    int code;
    char message[256];
    const char *status; /* LargePageStatus name, for E_REFUSED */
    const char *profile; /* for E_PROFILE */
} reply_t;

static void set_error(reply_t *r, int code, const char *fmt, ...)
{
    va_list ap;
    r->is_error = true;
    r->code = code;
    va_start(ap, fmt);
    vsnprintf(r->message, sizeof r->message, fmt, ap);
    va_end(ap);
}

static const char *status_name(lp_status st)
{
    switch (st) {
    case LP_SLOT_EMPTY: return "SLOT_EMPTY";
    case LP_SLOT_MISALIGNED: return "SLOT_MISALIGNED";
    case LP_SLOT_OVERLAP: return "SLOT_OVERLAP";
    case LP_SLOT_OUT_OF_RANGE: return "SLOT_OUT_OF_RANGE";
    case LP_SLOT_TOO_LARGE: return "SLOT_TOO_LARGE";
    case LP_NO_SLOT: return "NO_SLOT";
    case LP_PAGE_NOT_SHADOWED: return "PAGE_NOT_SHADOWED";
    case LP_WRITE_PROTECT_COUNT_UNDERFLOW: return "WRITE_PROTECT_COUNT_UNDERFLOW";
    case LP_MISALIGNED_LARGE_MAPPING: return "MISALIGNED_LARGE_MAPPING";
    case LP_WRONG_PAGING_MODE: return "WRONG_PAGING_MODE";
    default: return NULL;
    }
}

static const char *status_text(lp_status st)
{
    switch (st) {
    case LP_SLOT_EMPTY: return "memory slot of size zero or less";
    case LP_SLOT_MISALIGNED: return "memory slot not aligned";
    case LP_SLOT_OVERLAP: return "memory slot overlaps an existing slot";
    case LP_SLOT_OUT_OF_RANGE: return "memory slot outside the address space";
    case LP_SLOT_TOO_LARGE: return "too many 2 MB frames to keep counters for";
    case LP_NO_SLOT: return "address not (wholly) inside memory slots";
    case LP_PAGE_NOT_SHADOWED: return "page has no shadow left";
    case LP_WRITE_PROTECT_COUNT_UNDERFLOW: return "write-protect counter would underflow";
    case LP_MISALIGNED_LARGE_MAPPING: return "large mapping not 2 MB aligned";
    case LP_WRONG_PAGING_MODE: return "not available in this paging mode";
    default: return "implementation limit reached";
    }
}

/* Turns a model status into a refusal (or an internal error). */
static void refuse(reply_t *r, lp_status st, const char *method, uint64_t arg)
{
    const char *name = status_name(st);
    if (!name) {
        set_error(r, E_INTERNAL, "%s(0x%" PRIx64 "): %s", method, arg, status_text(st));
        return;
    }
    set_error(r, E_REFUSED, "%s(0x%" PRIx64 "): %s", method, arg, status_text(st));
    r->status = name;
}

/* ------------------------------------------------------- value helpers */

static bool parse_u64(const char *s, uint64_t *out)
{
    if (!s || s[0] != '0' || s[1] != 'x')
        return false;
    size_t n = 0;
    uint64_t v = 0;
    for (const char *p = s + 2; *p; p++, n++) {
        int d;
        if (*p >= '0' && *p <= '9')
            d = *p - '0';
        else if (*p >= 'a' && *p <= 'f')
            d = *p - 'a' + 10;
        else if (*p >= 'A' && *p <= 'F')
            d = *p - 'A' + 10;
        else
            return false;
        if (n >= 16)
            return false;
        v = (v << 4) | (uint64_t)d;
    }
    if (n == 0)
        return false;
    *out = v;
    return true;
}

static cJSON *u64_json(uint64_t v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "0x%" PRIx64, v);
    return cJSON_CreateString(buf);
}

/* Whether obj has exactly the members named (NULL-terminated list). */
static bool exact_members(const cJSON *obj, const char *const *names)
{
    if (!cJSON_IsObject(obj))
        return false;
    int want = 0;
    for (; names[want]; want++)
        if (!cJSON_GetObjectItemCaseSensitive(obj, names[want]))
            return false;
    int have = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, obj) have++;
    return have == want;
}

static bool get_u64(const cJSON *obj, const char *name, uint64_t *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    return cJSON_IsString(v) && parse_u64(v->valuestring, out);
}

static bool get_bool(const cJSON *obj, const char *name, bool *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!cJSON_IsBool(v))
        return false;
    *out = cJSON_IsTrue(v);
    return true;
}

/* Index of the string member in names, or -1. */
static int get_enum(const cJSON *obj, const char *name, const char *const *names)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!cJSON_IsString(v))
        return -1;
    for (int i = 0; names[i]; i++)
        if (strcmp(v->valuestring, names[i]) == 0)
            return i;
    return -1;
}

static bool get_handle_number(const cJSON *obj, int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "this");
    if (!cJSON_IsNumber(v))
        return false;
    double d = v->valuedouble;
    if (!(d >= 1 && d <= 2147483647.0) || floor(d) != d)
        return false;
    *out = (int)d;
    return true;
}

static const char *const ENCODINGS[] = {"COUNT_FROM_ZERO", "COUNT_FROM_MINUS_ONE", NULL};
static const char *const BACKINGS[] = {"SMALL_PAGES", "LARGE_PAGES", NULL};
static const char *const DECISIONS[] = {"LARGE", "SMALL_FRAME_NOT_IN_ONE_SLOT",
                                        "SMALL_HOST_NOT_LARGE", "SMALL_HOST_MISALIGNED",
                                        "SMALL_WRITE_PROTECTED", NULL};

static cJSON *slot_json(const lp_slot_desc *d)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "guestBase", u64_json(d->guest_base));
    cJSON_AddItemToObject(o, "size", u64_json(d->size));
    cJSON_AddItemToObject(o, "hostBase", u64_json(d->host_base));
    cJSON_AddStringToObject(o, "backing", BACKINGS[d->backing]);
    return o;
}

static cJSON *handle_json(int h)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "handle", h);
    return o;
}

/* --------------------------------------------------------------- methods */

static const char *const P_NONE[] = {NULL};
static const char *const P_THIS[] = {"this", NULL};
static const char *const P_THIS_OPTIONS[] = {"this", "options", NULL};
static const char *const P_THIS_SLOT[] = {"this", "slot", NULL};
static const char *const P_THIS_GPA[] = {"this", "gpa", NULL};
static const char *const P_THIS_GVA_GPA[] = {"this", "gva", "gpa", NULL};
static const char *const P_THIS_FRAME[] = {"this", "frameGpa", NULL};
static const char *const P_THIS_ADDRESS[] = {"this", "address", NULL};
static const char *const P_THIS_SLOTBASE[] = {"this", "slotGuestBase", NULL};
static const char *const P_THIS_MEMORY[] = {"this", "guestBase", "size", NULL};
static const char *const M_OPTIONS[] = {"encoding", "nestedPaging", "backWithLargePages", NULL};
static const char *const M_SLOT[] = {"guestBase", "size", "hostBase", "backing", NULL};

static void describe(reply_t *r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", IMPL_NAME);
    cJSON_AddStringToObject(o, "version", IMPL_VERSION);
    cJSON *p = cJSON_AddArrayToObject(o, "profiles");
    cJSON_AddItemToArray(p, cJSON_CreateString("large-pages"));
    cJSON_AddItemToArray(p, cJSON_CreateString("large-pages-introspection"));
    cJSON *k = cJSON_AddObjectToObject(o, "parameters");
    cJSON_AddStringToObject(k, "counter", "one 32-bit int per 2 MB frame wholly inside a slot");
    cJSON_AddStringToObject(k, "counter counts", "shadows (a page shadowed twice counts twice)");
    cJSON_AddStringToObject(k, "minus-one init",
                            "-1 only where the frame sits on one aligned 2 MB host page, else 0");
    cJSON_AddStringToObject(k, "small entry writable", "false while its page is write-protected");
    /* The kit's declared reading for the same choice (reading 9 in the README). */
    cJSON_AddStringToObject(k, "largepage.unshadowed-small-entry", "writable-again");
    cJSON_AddStringToObject(k, "zap", "large entries of the frame are removed (not present)");
    cJSON_AddStringToObject(k, "refusal order", "as listed in each method's refusals");
    cJSON_AddStringToObject(k, "max frames per slot", "1048576");
    cJSON_AddStringToObject(k, "max frames per mmu", "4194304");
    cJSON_AddStringToObject(k, "max slots per mmu", "4096");
    cJSON_AddStringToObject(k, "addGuestMemory host base", "above all host ranges, from 0x40000000, "
                                                           "congruent with the guest mod 2 MB");
    r->result = o;
}

static void call_mmu(reply_t *r, const char *name, lp_mmu *m, const cJSON *params)
{
    uint64_t a = 0, b = 0;
    lp_status st;
    lp_decision dec;

    if (strcmp(name, "options") == 0) {
        if (!exact_members(params, P_THIS))
            goto bad;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "encoding", ENCODINGS[m->encoding]);
        cJSON_AddBoolToObject(o, "nestedPaging", m->nested);
        cJSON_AddBoolToObject(o, "backWithLargePages", m->back_large);
        r->result = o;
    } else if (strcmp(name, "slots") == 0) {
        if (!exact_members(params, P_THIS))
            goto bad;
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; i < m->nslots; i++)
            cJSON_AddItemToArray(arr, slot_json(&m->slots[i].d));
        r->result = arr;
    } else if (strcmp(name, "addSlot") == 0) {
        if (!exact_members(params, P_THIS_SLOT))
            goto bad;
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(params, "slot");
        lp_slot_desc d;
        int bk;
        if (!exact_members(s, M_SLOT) || !get_u64(s, "guestBase", &d.guest_base) ||
            !get_u64(s, "size", &d.size) || !get_u64(s, "hostBase", &d.host_base) ||
            (bk = get_enum(s, "backing", BACKINGS)) < 0)
            goto bad;
        d.backing = (lp_backing)bk;
        st = lp_add_slot(m, &d);
        if (st != LP_OK)
            refuse(r, st, "addSlot", d.guest_base);
    } else if (strcmp(name, "addGuestMemory") == 0) {
        if (!exact_members(params, P_THIS_MEMORY) || !get_u64(params, "guestBase", &a) ||
            !get_u64(params, "size", &b))
            goto bad;
        lp_slot_desc *out = NULL;
        size_t n = 0;
        st = lp_add_guest_memory(m, a, b, &out, &n);
        if (st != LP_OK) {
            refuse(r, st, "addGuestMemory", a);
            return;
        }
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; i < n; i++)
            cJSON_AddItemToArray(arr, slot_json(&out[i]));
        free(out);
        r->result = arr;
    } else if (strcmp(name, "counters") == 0) {
        if (!exact_members(params, P_THIS_SLOTBASE) || !get_u64(params, "slotGuestBase", &a))
            goto bad;
        const lp_slot *s = lp_slot_at(m, a);
        if (!s) {
            refuse(r, LP_NO_SLOT, "counters", a);
            return;
        }
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "firstFrame", u64_json(s->first_frame));
        cJSON_AddStringToObject(o, "encoding", ENCODINGS[m->encoding]);
        cJSON *raw = cJSON_AddArrayToObject(o, "raw");
        for (uint32_t k = 0; k < s->nframes; k++)
            cJSON_AddItemToArray(raw, cJSON_CreateNumber(s->raw[k]));
        r->result = o;
    } else if (strcmp(name, "entryFor") == 0) {
        if (!exact_members(params, P_THIS_ADDRESS) || !get_u64(params, "address", &a))
            goto bad;
        lp_entry e;
        if (!lp_entry_for(m, a, &e)) {
            r->result = NULL;
            return;
        }
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "address", u64_json(e.address));
        cJSON_AddItemToObject(o, "gpa", u64_json(e.gpa));
        cJSON_AddStringToObject(o, "size", e.large ? "LARGE_2M" : "SMALL_4K");
        cJSON_AddBoolToObject(o, "writable", e.writable);
        r->result = o;
    } else if (strcmp(name, "largeMappingDecision") == 0) {
        if (!exact_members(params, P_THIS_FRAME) || !get_u64(params, "frameGpa", &a))
            goto bad;
        st = lp_decision_for(m, a, &dec);
        if (st != LP_OK)
            refuse(r, st, "largeMappingDecision", a);
        else
            r->result = cJSON_CreateString(DECISIONS[dec]);
    } else if (strcmp(name, "mapNestedFrame") == 0) {
        if (!exact_members(params, P_THIS_GPA) || !get_u64(params, "gpa", &a))
            goto bad;
        st = lp_map_nested(m, a, &dec);
        if (st != LP_OK)
            refuse(r, st, "mapNestedFrame", a);
        else
            r->result = cJSON_CreateString(DECISIONS[dec]);
    } else if (strcmp(name, "shadowGuestLargeEntry") == 0) {
        if (!exact_members(params, P_THIS_GVA_GPA) || !get_u64(params, "gva", &a) ||
            !get_u64(params, "gpa", &b))
            goto bad;
        st = lp_shadow_large(m, a, b, &dec);
        if (st != LP_OK)
            refuse(r, st, "shadowGuestLargeEntry", b);
        else
            r->result = cJSON_CreateString(DECISIONS[dec]);
    } else if (strcmp(name, "shadowRealModeEntry") == 0) {
        if (!exact_members(params, P_THIS_GPA) || !get_u64(params, "gpa", &a))
            goto bad;
        st = lp_shadow_large(m, a, a, &dec);
        if (st != LP_OK)
            refuse(r, st, "shadowRealModeEntry", a);
        else
            r->result = cJSON_CreateString(DECISIONS[dec]);
    } else if (strcmp(name, "shadowPageTable") == 0) {
        if (!exact_members(params, P_THIS_GPA) || !get_u64(params, "gpa", &a))
            goto bad;
        st = lp_shadow_page_table(m, a);
        if (st != LP_OK)
            refuse(r, st, "shadowPageTable", a);
    } else if (strcmp(name, "unshadowPageTable") == 0) {
        if (!exact_members(params, P_THIS_GPA) || !get_u64(params, "gpa", &a))
            goto bad;
        st = lp_unshadow_page_table(m, a);
        if (st != LP_OK)
            refuse(r, st, "unshadowPageTable", a);
    } else if (strcmp(name, "writeProtectCount") == 0) {
        if (!exact_members(params, P_THIS_GPA) || !get_u64(params, "gpa", &a))
            goto bad;
        int32_t n = 0;
        st = lp_write_protect_count(m, a, &n);
        if (st != LP_OK)
            refuse(r, st, "writeProtectCount", a);
        else
            r->result = cJSON_CreateNumber(n);
    } else if (strcmp(name, "writeProtected") == 0) {
        if (!exact_members(params, P_THIS_GPA) || !get_u64(params, "gpa", &a))
            goto bad;
        r->result = cJSON_CreateBool(lp_write_protected(m, a));
    } else {
        set_error(r, E_NO_METHOD, "no method ShadowMmu.%s", name);
    }
    return;
bad:
    set_error(r, E_PARAMS, "ShadowMmu.%s: parameters do not match the schema", name);
}

/* Looks up `this` for an interface; sets an invalid-params error if wrong. */
static handle_t *this_of(reply_t *r, const cJSON *params, handle_kind kind)
{
    int h;
    if (!get_handle_number(params, &h) || (size_t)h > nhandles || handles[h - 1].kind != kind) {
        set_error(r, E_PARAMS, "unknown handle or handle of another interface");
        return NULL;
    }
    return &handles[h - 1];
}

static void dispatch(reply_t *r, const char *method, const cJSON *params)
{
    if (strcmp(method, "adapter.describe") == 0) {
        if (!exact_members(params, P_NONE)) {
            set_error(r, E_PARAMS, "adapter.describe takes no parameters");
            return;
        }
        describe(r);
    } else if (strcmp(method, "adapter.reset") == 0) {
        if (!exact_members(params, P_NONE)) {
            set_error(r, E_PARAMS, "adapter.reset takes no parameters");
            return;
        }
        reset_all();
    } else if (strcmp(method, "adapter.largePages") == 0) {
        if (!exact_members(params, P_NONE)) {
            set_error(r, E_PARAMS, "adapter.largePages takes no parameters");
            return;
        }
        int h = new_handle(H_LARGE_PAGES, NULL);
        if (!h) {
            set_error(r, E_INTERNAL, "out of handles");
            return;
        }
        r->result = handle_json(h);
    } else if (strcmp(method, "LargePages.newMmu") == 0) {
        if (!exact_members(params, P_THIS_OPTIONS)) {
            set_error(r, E_PARAMS, "LargePages.newMmu: parameters do not match the schema");
            return;
        }
        if (!this_of(r, params, H_LARGE_PAGES))
            return;
        const cJSON *o = cJSON_GetObjectItemCaseSensitive(params, "options");
        int enc;
        bool nested, back;
        if (!exact_members(o, M_OPTIONS) || (enc = get_enum(o, "encoding", ENCODINGS)) < 0 ||
            !get_bool(o, "nestedPaging", &nested) || !get_bool(o, "backWithLargePages", &back)) {
            set_error(r, E_PARAMS, "LargePages.newMmu: options do not match the schema");
            return;
        }
        lp_mmu *m = lp_mmu_new((lp_encoding)enc, nested, back);
        int h = m ? new_handle(H_SHADOW_MMU, m) : 0;
        if (!h) {
            lp_mmu_free(m);
            set_error(r, E_INTERNAL, "out of memory or handles");
            return;
        }
        r->result = handle_json(h);
    } else if (strncmp(method, "ShadowMmu.", 10) == 0) {
        handle_t *h = this_of(r, params, H_SHADOW_MMU);
        if (!h)
            return;
        call_mmu(r, method + 10, h->mmu, params);
    } else {
        set_error(r, E_NO_METHOD, "method not found: %s", method);
    }
}

/* ------------------------------------------------------------ main loop */

static void emit(const char *id_text, reply_t *r)
{
    cJSON *body;
    const char *member;
    if (r->is_error) {
        member = "error";
        body = cJSON_CreateObject();
        cJSON_AddNumberToObject(body, "code", r->code);
        cJSON_AddStringToObject(body, "message", r->message);
        if (r->code == E_REFUSED && r->status) {
            cJSON *d = cJSON_AddObjectToObject(body, "data");
            cJSON_AddStringToObject(d, "domain", "LargePageStatus");
            cJSON_AddStringToObject(d, "status", r->status);
        } else if (r->code == E_PROFILE && r->profile) {
            cJSON *d = cJSON_AddObjectToObject(body, "data");
            cJSON_AddStringToObject(d, "profile", r->profile);
        }
    } else {
        member = "result";
        body = r->result ? r->result : cJSON_CreateNull();
        r->result = NULL;
    }
    char *text = body ? cJSON_PrintUnformatted(body) : NULL;
    cJSON_Delete(body);
    if (!text) {
        /* could not even print: answer an internal error by hand */
        printf("{\"jsonrpc\":\"2.0\",\"id\":%s,\"error\":{\"code\":-32603,\"message\":\"out of "
               "memory\"}}\n",
               id_text);
    } else {
        printf("{\"jsonrpc\":\"2.0\",\"id\":%s,\"%s\":%s}\n", id_text, member, text);
        free(text);
    }
    fflush(stdout);
}

static void handle_line(char *line)
{
    reply_t r;
    memset(&r, 0, sizeof r);
    char id_text[32] = "null";

    cJSON *req = cJSON_Parse(line);
    if (!req) {
        set_error(&r, E_PARSE, "parse error");
        emit(id_text, &r);
        return;
    }
    const cJSON *jv = cJSON_GetObjectItemCaseSensitive(req, "jsonrpc");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(req, "id");
    const cJSON *method = cJSON_GetObjectItemCaseSensitive(req, "method");
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(req, "params");
    bool id_ok = cJSON_IsNumber(id) && id->valuedouble >= 1 && id->valuedouble < 9007199254740992.0 &&
                 floor(id->valuedouble) == id->valuedouble;
    if (id_ok)
        snprintf(id_text, sizeof id_text, "%" PRIu64, (uint64_t)id->valuedouble);
    if (!cJSON_IsObject(req) || !id_ok || !cJSON_IsString(jv) || strcmp(jv->valuestring, "2.0") != 0 ||
        !cJSON_IsString(method) || !cJSON_IsObject(params)) {
        set_error(&r, E_REQUEST, "invalid request");
        emit(id_text, &r);
        cJSON_Delete(req);
        return;
    }
    dispatch(&r, method->valuestring, params);
    emit(id_text, &r);
    cJSON_Delete(r.result);
    cJSON_Delete(req);
}

int main(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) != -1) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0)
            continue; /* blank line: nothing to answer */
        handle_line(line);
    }
    free(line);
    reset_all();
    return 0;
}
