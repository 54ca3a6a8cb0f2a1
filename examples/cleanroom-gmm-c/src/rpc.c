/* gmm-cleanroom: JSON-RPC value helpers. */
#include "rpc.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void rpc_fail(rpc_error *e, int code, const char *fmt, ...)
{
    va_list ap;
    e->code = code;
    e->domain = e->status = NULL;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof(e->message), fmt, ap);
    va_end(ap);
}

void rpc_refuse(rpc_error *e, const char *domain, const char *status, const char *fmt, ...)
{
    va_list ap;
    e->code = RPC_REFUSED;
    e->domain = domain;
    e->status = status;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof(e->message), fmt, ap);
    va_end(ap);
}

bool rpc_params_exact(cJSON *params, const char *const *names, int n, rpc_error *e)
{
    if (!cJSON_IsObject(params)) {
        rpc_fail(e, RPC_INVALID_PARAMS, "params is not an object");
        return false;
    }
    for (int i = 0; i < n; i++)
        if (!cJSON_GetObjectItemCaseSensitive(params, names[i])) {
            rpc_fail(e, RPC_INVALID_PARAMS, "missing parameter '%s'", names[i]);
            return false;
        }
    if (cJSON_GetArraySize(params) != n) {
        rpc_fail(e, RPC_INVALID_PARAMS, "unexpected parameters (expected %d)", n);
        return false;
    }
    return true;
}

bool rpc_u64_value(const cJSON *item, uint64_t *out)
{
    if (!cJSON_IsString(item) || !item->valuestring) return false;
    const char *s = item->valuestring;
    if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) return false;
    s += 2;
    size_t len = strlen(s);
    if (len < 1 || len > 16) return false;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        unsigned d;
        if (c >= '0' && c <= '9') d = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') d = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') d = (unsigned)(c - 'A' + 10);
        else return false;
        v = (v << 4) | d;
    }
    *out = v;
    return true;
}

bool rpc_get_u64(cJSON *params, const char *name, uint64_t *out, rpc_error *e)
{
    if (!rpc_u64_value(cJSON_GetObjectItemCaseSensitive(params, name), out)) {
        rpc_fail(e, RPC_INVALID_PARAMS, "parameter '%s' is not a 64-bit hex string", name);
        return false;
    }
    return true;
}

bool rpc_i32_value(const cJSON *item, int32_t *out)
{
    if (!cJSON_IsNumber(item)) return false;
    double d = item->valuedouble;
    if (!isfinite(d) || d != floor(d) || d < -2147483648.0 || d > 2147483647.0) return false;
    *out = (int32_t)d;
    return true;
}

bool rpc_get_i32(cJSON *params, const char *name, int32_t *out, rpc_error *e)
{
    if (!rpc_i32_value(cJSON_GetObjectItemCaseSensitive(params, name), out)) {
        rpc_fail(e, RPC_INVALID_PARAMS, "parameter '%s' is not a 32-bit integer", name);
        return false;
    }
    return true;
}

bool rpc_get_bool(cJSON *params, const char *name, bool *out, rpc_error *e)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(params, name);
    if (!cJSON_IsBool(it)) {
        rpc_fail(e, RPC_INVALID_PARAMS, "parameter '%s' is not a boolean", name);
        return false;
    }
    *out = cJSON_IsTrue(it);
    return true;
}

int rpc_enum_value(const cJSON *item, const char *const *names, int n)
{
    if (!cJSON_IsString(item) || !item->valuestring) return -1;
    for (int i = 0; i < n; i++)
        if (strcmp(item->valuestring, names[i]) == 0) return i;
    return -1;
}

bool rpc_get_enum(cJSON *params, const char *name, const char *const *names, int n, int *out, rpc_error *e)
{
    int v = rpc_enum_value(cJSON_GetObjectItemCaseSensitive(params, name), names, n);
    if (v < 0) {
        rpc_fail(e, RPC_INVALID_PARAMS, "parameter '%s' is not a known constant", name);
        return false;
    }
    *out = v;
    return true;
}

cJSON *rpc_u64(uint64_t v)
{
    char buf[24];
    snprintf(buf, sizeof(buf), "0x%" PRIx64, v);
    return cJSON_CreateString(buf);
}
