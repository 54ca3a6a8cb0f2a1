/* gmm-cleanroom: JSON-RPC plumbing shared by the protocol handlers. */
#ifndef RPC_H
#define RPC_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>

#define RPC_REFUSED          (-32000)
#define RPC_PROFILE_MISSING  (-32001)
#define RPC_UNSUPPORTED      (-32002)
#define RPC_METHOD_NOT_FOUND (-32601)
#define RPC_INVALID_PARAMS   (-32602)
#define RPC_INTERNAL         (-32603)
#define RPC_INVALID_REQUEST  (-32600)
#define RPC_PARSE_ERROR      (-32700)

typedef struct {
    int code;               /* 0: no error */
    const char *domain;     /* for RPC_REFUSED */
    const char *status;     /* for RPC_REFUSED */
    char message[256];
} rpc_error;

void rpc_fail(rpc_error *e, int code, const char *fmt, ...);
void rpc_refuse(rpc_error *e, const char *domain, const char *status, const char *fmt, ...);

/* parameter helpers: each returns false and fills e (invalid params) on a bad shape */
bool rpc_params_exact(cJSON *params, const char *const *names, int n, rpc_error *e);
bool rpc_get_u64(cJSON *params, const char *name, uint64_t *out, rpc_error *e);
bool rpc_u64_value(const cJSON *item, uint64_t *out);
bool rpc_get_i32(cJSON *params, const char *name, int32_t *out, rpc_error *e);
bool rpc_i32_value(const cJSON *item, int32_t *out);
bool rpc_get_bool(cJSON *params, const char *name, bool *out, rpc_error *e);
bool rpc_get_enum(cJSON *params, const char *name, const char *const *names, int n, int *out, rpc_error *e);
int rpc_enum_value(const cJSON *item, const char *const *names, int n);

cJSON *rpc_u64(uint64_t v);

#endif
