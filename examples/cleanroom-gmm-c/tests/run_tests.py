#!/usr/bin/env python3
"""Own tests for gmm-cleanroom: starts the binary given on the command line,
talks the line-based JSON-RPC protocol to it and checks the answers against
the readings of the source document (see README.md)."""
import json
import subprocess
import sys

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/gmm-cleanroom"
FAILS = []
COUNT = [0]


class Proc:
    def __init__(self):
        self.p = subprocess.Popen([BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, bufsize=1)
        self.next_id = 1

    def raw(self, line):
        self.p.stdin.write(line + "\n")
        self.p.stdin.flush()
        out = self.p.stdout.readline()
        if not out:
            raise RuntimeError("process died: " + self.p.stderr.read())
        return json.loads(out)

    def call(self, method, **params):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method, "params": params}
        resp = self.raw(json.dumps(msg, separators=(",", ":")))
        assert resp.get("id") == rid, resp
        assert resp.get("jsonrpc") == "2.0"
        return resp

    def ok(self, method, **params):
        r = self.call(method, **params)
        if "error" in r:
            raise AssertionError("%s failed: %s" % (method, r["error"]))
        return r["result"]

    def close(self):
        self.p.stdin.close()
        rc = self.p.wait(timeout=20)
        err = self.p.stderr.read()
        check(rc == 0, "process exit status %d" % rc)
        check("Sanitizer" not in err and "runtime error" not in err, "sanitizer report: " + err[-2000:])
        return rc, err


def check(cond, what):
    COUNT[0] += 1
    if not cond:
        FAILS.append(what)
        print("FAIL:", what)


def refused(r, status, what):
    ok = ("error" in r and r["error"]["code"] == -32000 and
          r["error"]["data"] == {"domain": "GmmStatus", "status": status})
    check(ok, "%s: expected %s, got %s" % (what, status, r.get("error", r.get("result"))))


def h(n):
    return "0x%x" % n


def new_gmm(p, edition="SEED_1MB", host=0x1000, legacy=False, nc="WORKS"):
    f = p.ok("adapter.gmm")["handle"]
    g = p.ok("GmmFactory.create", this=f, edition=edition,
             options={"hostPages": h(host), "legacyMode": legacy, "nonContiguous": nc})["handle"]
    return g


def new_vm(p, g, base=0x100, shadow=0x10, fixed=0x10):
    vm = p.ok("GlobalMemory.createVm", this=g)
    p.ok("GlobalMemory.reserve", this=g, vm=vm, base=h(base), shadow=h(shadow), fixed=h(fixed),
         policy="NO_OC", priority="NORMAL")
    return vm


def snapshot(p, g):
    s = {"stats": p.ok("GlobalMemory.statistics", this=g),
         "chunks": p.ok("GlobalMemory.chunkIds", this=g),
         "tlb": p.ok("GmmIntrospection.chunkTlb", this=g),
         "fsp": p.ok("GmmIntrospection.freeSet", this=g, kind="PRIVATE"),
         "fss": p.ok("GmmIntrospection.freeSet", this=g, kind="SHARED")}
    s["chunkinfo"] = [p.ok("GlobalMemory.chunk", this=g, chunkId=c) for c in s["chunks"]]
    s["lifos"] = [p.ok("GmmIntrospection.freeLifo", this=g, chunkId=c) for c in s["chunks"]]
    return s


def alloc(p, g, vm, n, acct="BASE", base_pfn=0x1000):
    return p.ok("GlobalMemory.allocate", this=g, vm=vm, account=acct,
                guestPfns=[h(base_pfn + i) for i in range(n)])


# ------------------------------------------------------------------ framing

def test_framing():
    p = Proc()
    d = p.ok("adapter.describe")
    check(d["name"] == "gmm-cleanroom-c", "describe name")
    check(d["version"] == "1.1", "describe version 1.1")
    prm = d["parameters"]
    check(prm.get("gmm.unknown-guest-frame") == "fffffff1", "declared no-guest-frame value")
    check(prm.get("gmm.page-layout") == "seed-002" and prm.get("gmm.shared-page-holders") == "counted"
          and prm.get("gmm.shared-chunk-private-pages") == "when-stressed", "declared readings %s" % prm)
    check("CURRENT_2MB" not in prm, "no CURRENT_2MB reading declared")
    # reset may come when nothing was handed out (it comes before every scenario)
    check(p.ok("adapter.reset") is None, "reset with nothing handed out")
    check(d["profiles"] == ["gmm", "gmm-introspection"], "describe profiles")
    check(all(isinstance(v, str) for v in d["parameters"].values()), "describe parameters are strings")
    r = p.call("adapter.nope")
    check(r["error"]["code"] == -32601, "unknown method -> -32601")
    r = p.call("GlobalMemory.statistics", this=99)
    check(r["error"]["code"] == -32602, "unknown handle -> -32602")
    f = p.ok("adapter.gmm")["handle"]
    r = p.call("GlobalMemory.statistics", this=f)
    check(r["error"]["code"] == -32602, "wrong interface handle -> -32602")
    r = p.call("GmmFactory.editions", this=f, extra=1)
    check(r["error"]["code"] == -32602, "extra parameter -> -32602")
    check(p.ok("GmmFactory.editions", this=f) == ["SEED_1MB"], "editions: SEED_1MB only")
    r = p.call("GmmFactory.create", this=f, edition="CURRENT_2MB",
               options={"hostPages": "0x400", "legacyMode": False, "nonContiguous": "WORKS"})
    check(r.get("error", {}).get("code") == -32002, "undeclared edition CURRENT_2MB -> unsupported: %s" % r)
    r = p.call("GmmFactory.create", this=f, edition="NOPE",
               options={"hostPages": "0x10", "legacyMode": False, "nonContiguous": "WORKS"})
    check(r["error"]["code"] == -32602, "unknown edition -> -32602")
    r = p.call("GmmFactory.create", this=f, edition="SEED_1MB",
               options={"hostPages": "16", "legacyMode": False, "nonContiguous": "WORKS"})
    check(r["error"]["code"] == -32602, "u64 without 0x -> -32602")
    # hex values: upper case digits and leading zeros are accepted
    g = p.ok("GmmFactory.create", this=f, edition="SEED_1MB",
             options={"hostPages": "0x0000000000001000", "legacyMode": False, "nonContiguous": "WORKS"})["handle"]
    vm = p.ok("GlobalMemory.createVm", this=g)
    p.ok("GlobalMemory.reserve", this=g, vm=vm, base="0xA00", shadow="0X1", fixed="0x01",
         policy="NO_OC", priority="HIGH")
    info = p.ok("GlobalMemory.vm", this=g, vm=vm)
    check(info["reservedBase"] == "0xa00" and info["priority"] == "HIGH", "hex parse / format")
    # a long line: 2500 page frame numbers, including a 64-bit -1
    pfns = [h(i) for i in range(2499)] + ["0xffffffffffffffff"]
    res = p.ok("GlobalMemory.allocate", this=g, vm=vm, account="BASE", guestPfns=pfns)
    check(len(res) == 2500, "long request answered")
    last = p.ok("GlobalMemory.page", this=g, pageId=res[-1]["pageId"])
    check(last["guestPfn"] == "0xfffffff1", "negative pfn recorded with the declared no-frame value")
    # id echo of a large id
    resp = p.raw('{"jsonrpc":"2.0","id":9007199254740991,"method":"adapter.describe","params":{}}')
    check(resp["id"] == 9007199254740991, "large id echoed")
    resp = p.raw('{"jsonrpc":"2.0","id":5,"method":"adapter.describe"}')
    check(resp["error"]["code"] == -32600, "missing params -> invalid request")
    check(p.ok("adapter.reset") is None, "reset")
    r = p.call("GlobalMemory.statistics", this=g)
    check(r["error"]["code"] == -32602, "handles gone after reset")
    rc, err = p.close()
    check(rc == 0, "exit 0 at end of input (rc=%d) %s" % (rc, err[-500:]))


# -------------------------------------------------------------- geometry

def test_geometry():
    p = Proc()
    g = new_gmm(p, "SEED_1MB")
    geo = p.ok("GlobalMemory.geometry", this=g)
    check(geo == {"chunkShift": 20, "chunkIdShift": 8, "pagesPerChunk": 256, "pageIdLast": "0xfffffff",
                  "chunkIdLast": "0xfffff", "freeSetLists": 16}, "SEED_1MB geometry %s" % geo)
    vm = new_vm(p, g)
    res = alloc(p, g, vm, 2)
    check([r["pageId"] for r in res] == ["0x100", "0x101"], "page ids: chunk id << 8 | index")
    check(p.ok("GmmIntrospection.magic", this=p.ok("GlobalMemory.introspection", this=g)["handle"]) == "0x19540414",
          "magic")
    p.close()


# ------------------------------------------------------ allocate and free

def test_alloc_free():
    p = Proc()
    g = new_gmm(p)
    vm = p.ok("GlobalMemory.createVm", this=g)
    check(vm == 1, "first VM handle 1")
    info = p.ok("GlobalMemory.vm", this=g, vm=vm)
    check(info["policy"] == "TBD" and info["priority"] == "NORMAL" and info["privatePages"] == "0x0",
          "initial per-VM data")
    r = p.call("GlobalMemory.allocate", this=g, vm=vm, account="BASE", guestPfns=["0x1"])
    refused(r, "VERR_WRONG_ORDER", "allocate before reserve")
    p.ok("GlobalMemory.reserve", this=g, vm=vm, base="0x20", shadow="0x4", fixed="0x4",
         policy="NO_OC", priority="NORMAL")
    r = p.call("GlobalMemory.reserve", this=g, vm=vm, base="0x20", shadow="0x4", fixed="0x4",
               policy="NO_OC", priority="NORMAL")
    refused(r, "VERR_WRONG_ORDER", "reserve twice")
    res = alloc(p, g, vm, 3)
    check([r["pageId"] for r in res] == ["0x100", "0x101", "0x102"], "page ids = chunk 1 << 8 | index")
    check(res[0]["hostPfn"] == "0x100100", "host pfn")
    raw = p.ok("GmmIntrospection.rawPage", this=g, pageId="0x101")
    check(raw == h((1 << 32) | 0x1001), "private page word: pfn low 32 bits, hGVM at bit 32")
    raw = p.ok("GmmIntrospection.rawPage", this=g, pageId="0x103")
    check(raw == h((3 << 62) | 0x4), "free page word: state 3, next index")
    ci = p.ok("GlobalMemory.chunk", this=g, chunkId="0x1")
    check(ci == {"chunkId": "0x1", "free": 253, "privatePages": 3, "sharedPages": 0, "affinity": vm,
                 "sharedChunk": False}, "chunk info %s" % ci)
    fs = p.ok("GmmIntrospection.freeSet", this=g, kind="PRIVATE")
    check(len(fs) == 16 and fs[15] == ["0x1"], "chunk with 253 free pages on the last list")
    check(p.ok("GmmIntrospection.freeSetPages", this=g, kind="PRIVATE") == h(253), "free set pages")

    # refusals leave everything unchanged
    vm2 = new_vm(p, g)
    before = snapshot(p, g)
    refused(p.call("GlobalMemory.free", this=g, vm=vm2, account="BASE", pageIds=["0x100"]),
            "VERR_GMM_ATTEMPT_TO_FREE_TOO_MUCH", "free without allocations")
    r2 = alloc(p, g, vm2, 1)
    before = snapshot(p, g)
    refused(p.call("GlobalMemory.free", this=g, vm=vm2, account="BASE", pageIds=["0x100"]),
            "VERR_GMM_NOT_PAGE_OWNER", "foreign page")
    refused(p.call("GlobalMemory.free", this=g, vm=vm, account="BASE", pageIds=["0x100", "0x1f0"]),
            "VERR_GMM_PAGE_ALREADY_FREE", "free page in the list")
    refused(p.call("GlobalMemory.free", this=g, vm=vm, account="BASE", pageIds=["0x100", "0x100"]),
            "VERR_GMM_PAGE_ALREADY_FREE", "same page twice")
    refused(p.call("GlobalMemory.free", this=g, vm=vm, account="BASE", pageIds=["0x10000000"]),
            "VERR_INVALID_PARAMETER", "page id above the last")
    refused(p.call("GlobalMemory.free", this=g, vm=vm, account="BASE", pageIds=["0x5000"]),
            "VERR_GMM_PAGE_NOT_FOUND", "no such chunk")
    refused(p.call("GlobalMemory.free", this=g, vm=vm, account="SHADOW", pageIds=["0x100"]),
            "VERR_GMM_ATTEMPT_TO_FREE_TOO_MUCH", "wrong account")
    refused(p.call("GlobalMemory.free", this=g, vm=77, account="BASE", pageIds=["0x100"]),
            "VERR_INVALID_VM_HANDLE", "unknown VM")
    refused(p.call("GlobalMemory.allocate", this=g, vm=vm, account="BASE", guestPfns=[h(i) for i in range(30)]),
            "VERR_GMM_HIT_VM_ACCOUNT_LIMIT", "beyond the reservation")
    refused(p.call("GlobalMemory.allocate", this=g, vm=vm, account="BASE", guestPfns=["0x100000000"]),
            "VERR_INVALID_PARAMETER", "guest pfn too large")
    refused(p.call("GlobalMemory.page", this=g, pageId="0x0"), "VERR_GMM_PAGE_NOT_FOUND", "chunk 0 is NIL")
    refused(p.call("GlobalMemory.chunk", this=g, chunkId="0x9"), "VERR_GMM_CHUNK_NOT_FOUND", "no chunk 9")
    check(snapshot(p, g) == before, "refused calls changed nothing")

    # free goes onto the LIFO head, and fills the TLB
    p.ok("GlobalMemory.free", this=g, vm=vm, account="BASE", pageIds=["0x101", "0x100"])
    lifo = p.ok("GmmIntrospection.freeLifo", this=g, chunkId="0x1")
    check(lifo[:3] == [0, 1, 4], "LIFO after freeing 1 then 0: %s" % lifo[:4])
    tlb = p.ok("GmmIntrospection.chunkTlb", this=g)
    check(tlb[1] == "0x1" and tlb.count("0x0") == 31, "TLB entry 1 holds chunk 1")
    info = p.ok("GlobalMemory.vm", this=g, vm=vm)
    check(info["allocatedBase"] == "0x1" and info["privatePages"] == "0x1", "per-VM counts after free")
    # LIFO reuse: next allocation gets index 0 again
    res = alloc(p, g, vm, 1)
    check(res[0]["pageId"] == "0x100", "LIFO reuse")
    st = p.ok("GlobalMemory.statistics", this=g)
    check(st["allocatedPages"] == "0x3" and st["freePages"] == h(253) and st["chunks"] == "0x1"
          and st["registeredVms"] == "0x2" and st["reservedPages"] == h(2 * 0x28 + 0x120 - 0x28 + 0),
          "statistics %s" % st)
    p.close()


def test_limits_and_buckets():
    p = Proc()
    g = new_gmm(p, host=512)  # two chunks
    vm = p.ok("GlobalMemory.createVm", this=g)
    r = p.call("GlobalMemory.reserve", this=g, vm=vm, base="0x200", shadow="0x1", fixed="0x1",
               policy="NO_OC", priority="NORMAL")
    refused(r, "VERR_GMM_MEMORY_RESERVATION_DECLINED", "reservation beyond host memory")
    refused(p.call("GlobalMemory.reserve", this=g, vm=vm, base="0x0", shadow="0x1", fixed="0x1",
                   policy="NO_OC", priority="NORMAL"), "VERR_INVALID_PARAMETER", "zero count")
    refused(p.call("GlobalMemory.reserve", this=g, vm=vm, base="0x1", shadow="0x1", fixed="0x1",
                   policy="INVALID", priority="NORMAL"), "VERR_INVALID_PARAMETER", "policy INVALID")
    refused(p.call("GlobalMemory.reserve", this=g, vm=vm, base="0xffffffffffffffff", shadow="0x1", fixed="0x1",
                   policy="NO_OC", priority="NORMAL"), "VERR_INVALID_PARAMETER", "negative count (-1)")
    refused(p.call("GlobalMemory.reserve", this=g, vm=vm, base="0x1", shadow="0x8000000000000000", fixed="0x1",
                   policy="TBD", priority="NORMAL"), "VERR_INVALID_PARAMETER", "negative count (bit 63)")
    refused(p.call("GlobalMemory.reserve", this=g, vm=vm, base="0x1", shadow="0x1", fixed="0x1",
                   policy="NO_OC", priority="INVALID"), "VERR_INVALID_PARAMETER", "priority INVALID")
    refused(p.call("GlobalMemory.updateReservation", this=g, vm=vm, base="0x1", shadow="0x1", fixed="0x1"),
            "VERR_WRONG_ORDER", "update before reserve")
    p.ok("GlobalMemory.reserve", this=g, vm=vm, base="0x1fe", shadow="0x1", fixed="0x1",
         policy="NO_OC", priority="LOW")
    p.ok("GlobalMemory.updateReservation", this=g, vm=vm, base="0x1f0", shadow="0x8", fixed="0x8")
    refused(p.call("GlobalMemory.updateReservation", this=g, vm=vm, base="0x1f0", shadow="0x9", fixed="0x8"),
            "VERR_GMM_MEMORY_RESERVATION_DECLINED", "update beyond host memory")
    for bad in ("0x0", "0x8000000000000000", "0xffffffffffffff00"):
        refused(p.call("GlobalMemory.updateReservation", this=g, vm=vm, base="0x10", shadow="0x1", fixed=bad),
                "VERR_INVALID_PARAMETER", "update with count %s" % bad)
    res = alloc(p, g, vm, 240)
    fs = p.ok("GmmIntrospection.freeSet", this=g, kind="PRIVATE")
    check(fs[0] == ["0x1"], "16 free pages -> list 0: %s" % fs)
    alloc(p, g, vm, 1, base_pfn=0x9000)
    fs = p.ok("GmmIntrospection.freeSet", this=g, kind="PRIVATE")
    check(fs[0] == ["0x1"], "15 free pages -> list 0")
    p.ok("GlobalMemory.free", this=g, vm=vm, account="BASE", pageIds=[res[0]["pageId"], res[1]["pageId"]])
    fs = p.ok("GmmIntrospection.freeSet", this=g, kind="PRIVATE")
    check(fs[1] == ["0x1"] and fs[0] == [], "17 free pages -> list 1")
    # fill chunk 1 and spill into chunk 2
    res = alloc(p, g, vm, 20, base_pfn=0xa000)
    check(res[17]["pageId"] == "0x200", "new chunk after the first is full: %s" % res[17])
    check(p.ok("GlobalMemory.chunk", this=g, chunkId="0x1")["free"] == 0, "chunk 1 full")
    fs = p.ok("GmmIntrospection.freeSet", this=g, kind="PRIVATE")
    check(fs[15] == ["0x2"] and all(not l for l in fs[:15]), "full chunk on no list")
    p.ok("GlobalMemory.updateReservation", this=g, vm=vm, base="0x1f0", shadow="0x8", fixed="0x8")
    vm2 = p.ok("GlobalMemory.createVm", this=g)
    refused(p.call("GlobalMemory.reserve", this=g, vm=vm2, base="0x10", shadow="0x1", fixed="0x1",
                   policy="NO_OC", priority="NORMAL"), "VERR_GMM_MEMORY_RESERVATION_DECLINED",
            "second VM does not fit")
    p.close()


def test_global_limit():
    p = Proc()
    g = new_gmm(p, host=300)  # one chunk of 256 pages
    vm = p.ok("GlobalMemory.createVm", this=g)
    p.ok("GlobalMemory.reserve", this=g, vm=vm, base=h(290), shadow="0x1", fixed="0x1",
         policy="NO_OC", priority="NORMAL")
    before = snapshot(p, g)
    refused(p.call("GlobalMemory.allocate", this=g, vm=vm, account="BASE", guestPfns=[h(i) for i in range(257)]),
            "VERR_GMM_HIT_GLOBAL_LIMIT", "more than the host holds")
    check(snapshot(p, g) == before, "global limit refusal changed nothing")
    alloc(p, g, vm, 256)
    refused(p.call("GlobalMemory.allocate", this=g, vm=vm, account="BASE", guestPfns=["0x1"]),
            "VERR_GMM_HIT_GLOBAL_LIMIT", "host full")
    p.close()


# --------------------------------------------------------------- sharing

def test_sharing():
    p = Proc()
    g = new_gmm(p)
    a = new_vm(p, g, base=8)
    b = new_vm(p, g, base=8)
    pa = alloc(p, g, a, 2)
    pb = alloc(p, g, b, 1)
    sh = p.ok("GlobalMemory.share", this=g, vm=a, pageId=pa[0]["pageId"])
    check(sh["pageId"] == "0x200", "shared page in a new, dedicated chunk: %s" % sh)
    ci = p.ok("GlobalMemory.chunk", this=g, chunkId="0x2")
    check(ci["sharedChunk"] and ci["sharedPages"] == 1 and ci["affinity"] == 0, "shared chunk %s" % ci)
    old = p.ok("GlobalMemory.page", this=g, pageId=pa[0]["pageId"])
    check(old["state"] == "FREE", "the private page was freed")
    pg = p.ok("GlobalMemory.page", this=g, pageId="0x200")
    check(pg["state"] == "SHARED" and pg["refs"] == "0x1" and pg["owner"] == 0, "shared page %s" % pg)
    check(p.ok("GmmIntrospection.rawPage", this=g, pageId="0x200") == h((2 << 62) | 1), "shared word")
    check(p.ok("GmmIntrospection.freeSet", this=g, kind="SHARED")[15] == ["0x2"], "shared free set")
    refused(p.call("GlobalMemory.share", this=g, vm=a, pageId="0x200"), "VERR_GMM_PAGE_NOT_PRIVATE", "share shared")
    refused(p.call("GlobalMemory.share", this=g, vm=a, pageId=pb[0]["pageId"]), "VERR_GMM_NOT_PAGE_OWNER",
            "share foreign")
    refused(p.call("GlobalMemory.useShared", this=g, vm=b, sharedPageId=pb[0]["pageId"]),
            "VERR_GMM_PAGE_NOT_SHARED", "use a private page")
    refused(p.call("GlobalMemory.releaseShared", this=g, vm=b, sharedPageId="0x200"),
            "VERR_GMM_NOT_PAGE_OWNER", "release without references")
    refused(p.call("GlobalMemory.free", this=g, vm=a, account="BASE", pageIds=["0x200"]),
            "VERR_GMM_PAGE_NOT_PRIVATE", "free a shared page")
    u = p.ok("GlobalMemory.useShared", this=g, vm=b, sharedPageId="0x200")
    check(u == {"pageId": "0x200", "hostPfn": "0x100200"}, "useShared answer")
    st = p.ok("GlobalMemory.statistics", this=g)
    check(st["sharedPages"] == "0x1" and st["duplicatePages"] == "0x1" and st["allocatedPages"] == "0x3",
          "statistics with sharing %s" % st)
    vb = p.ok("GlobalMemory.vm", this=g, vm=b)
    check(vb["sharedPages"] == "0x1" and vb["allocatedBase"] == "0x2", "VM b counts %s" % vb)
    p.ok("GlobalMemory.releaseShared", this=g, vm=b, sharedPageId="0x200")
    check(p.ok("GlobalMemory.page", this=g, pageId="0x200")["refs"] == "0x1", "one reference left")
    p.ok("GlobalMemory.releaseShared", this=g, vm=a, sharedPageId="0x200")
    check(p.ok("GlobalMemory.page", this=g, pageId="0x200")["state"] == "FREE", "freed at zero references")
    st = p.ok("GlobalMemory.statistics", this=g)
    check(st["sharedPages"] == "0x0" and st["duplicatePages"] == "0x0", "statistics after release")
    # a page recorded without a guest frame is an ordinary private page: it can be shared
    pn = p.ok("GlobalMemory.allocate", this=g, vm=a, account="BASE", guestPfns=["0xffffffffffffffff"])
    check(p.ok("GlobalMemory.page", this=g, pageId=pn[0]["pageId"])["guestPfn"] == "0xfffffff1", "no-frame value")
    sn = p.ok("GlobalMemory.share", this=g, vm=a, pageId=pn[0]["pageId"])
    pg = p.ok("GlobalMemory.page", this=g, pageId=sn["pageId"])
    check(pg["state"] == "SHARED" and pg["refs"] == "0x1", "page without guest frame shared %s" % pg)
    # seeding is not for this mode
    refused(p.call("GlobalMemory.seedChunk", this=g, vm=a), "VERR_NOT_SUPPORTED", "seed outside legacy")
    p.close()


# ---------------------------------------------------------------- legacy

def test_legacy():
    for opts in ({"legacy": True, "nc": "WORKS"}, {"legacy": False, "nc": "NOT_SUPPORTED"}):
        p = Proc()
        g = new_gmm(p, legacy=opts["legacy"], nc=opts["nc"])
        a = new_vm(p, g)
        b = new_vm(p, g)
        refused(p.call("GlobalMemory.allocate", this=g, vm=a, account="BASE", guestPfns=["0x1"]),
                "VERR_GMM_SEED_ME", "legacy without a seeded chunk")
        cid = p.ok("GlobalMemory.seedChunk", this=g, vm=a)
        check(cid == "0x1", "seeded chunk id")
        check(p.ok("GlobalMemory.chunk", this=g, chunkId=cid)["affinity"] == a, "seeded chunk owner")
        refused(p.call("GlobalMemory.allocate", this=g, vm=b, account="BASE", guestPfns=["0x1"]),
                "VERR_GMM_SEED_ME", "another VM's chunk is not usable")
        res = alloc(p, g, a, 4)
        check(res[0]["pageId"] == "0x100", "legacy allocation")
        refused(p.call("GlobalMemory.share", this=g, vm=a, pageId="0x100"), "VERR_NOT_SUPPORTED", "no sharing")
        refused(p.call("GlobalMemory.useShared", this=g, vm=a, sharedPageId="0x100"), "VERR_NOT_SUPPORTED",
                "no useShared")
        p.ok("GlobalMemory.seedChunk", this=g, vm=b)
        rep = p.ok("GlobalMemory.cleanup", this=g, vm=a)
        check(rep["releasedChunks"] == ["0x1"] and rep["freedPrivatePages"] == "0x4" and not rep["lastVm"],
              "legacy cleanup releases the VM's chunks %s" % rep)
        check(p.ok("GlobalMemory.chunkIds", this=g) == ["0x2"], "other VM's chunk stays")
        p.close()
    p = Proc()
    g = new_gmm(p, nc="FAILED")
    a = new_vm(p, g)
    check(len(alloc(p, g, a, 1)) == 1, "probe failure other than not-supported: not legacy")
    p.close()


# --------------------------------------------------------------- cleanup

def test_cleanup():
    p = Proc()
    g = new_gmm(p)
    a = new_vm(p, g, base=0x200)
    b = new_vm(p, g, base=0x200)
    pa = alloc(p, g, a, 10)
    pb = alloc(p, g, b, 5)
    p.ok("GlobalMemory.share", this=g, vm=a, pageId=pa[9]["pageId"])
    p.ok("GlobalMemory.useShared", this=g, vm=b, sharedPageId="0x200")
    p.ok("GmmIntrospection.corruptChunkStatistics", this=g, chunkId="0x1", free=1, privatePages=2, sharedPages=3)
    refused(p.call("GmmIntrospection.corruptChunkStatistics", this=g, chunkId="0x7", free=1, privatePages=2,
                   sharedPages=3), "VERR_GMM_CHUNK_NOT_FOUND", "corrupt unknown chunk")
    rep = p.ok("GlobalMemory.cleanup", this=g, vm=a)
    check(rep["freedPrivatePages"] == "0x9" and not rep["lastVm"], "cleanup frees the VM's private pages")
    check(rep["repairs"] == [{"chunkId": "0x1", "recordedFree": 10, "countedFree": 251, "recordedPrivate": 65529,
                              "countedPrivate": 5, "recordedShared": 3, "countedShared": 0}],
          "repair report %s" % rep["repairs"])
    ci = p.ok("GlobalMemory.chunk", this=g, chunkId="0x1")
    check(ci["free"] == 251 and ci["privatePages"] == 5 and ci["sharedPages"] == 0, "repaired chunk %s" % ci)
    check(rep["releasedChunks"] == [], "no chunk became free")
    lifo = p.ok("GmmIntrospection.freeLifo", this=g, chunkId="0x1")
    check(lifo[:10] == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "cleanup frees pages from the top down: %s" % lifo[:10])
    va = p.ok("GlobalMemory.vm", this=g, vm=a)
    check(va["policy"] == "INVALID" and va["priority"] == "INVALID" and va["reservedBase"] == "0x0",
          "per-VM data trashed %s" % va)
    st = p.ok("GlobalMemory.statistics", this=g)
    check(st["leftBehindSharedPages"] == "0x1" and st["registeredVms"] == "0x1", "left-behind references %s" % st)
    refused(p.call("GlobalMemory.cleanup", this=g, vm=a), "VERR_WRONG_ORDER", "cleanup twice")
    refused(p.call("GlobalMemory.allocate", this=g, vm=a, account="BASE", guestPfns=["0x1"]),
            "VERR_INVALID_VM_HANDLE", "cleaned-up VM")
    refused(p.call("GlobalMemory.cleanup", this=g, vm=9), "VERR_INVALID_VM_HANDLE", "cleanup unknown VM")
    rep = p.ok("GlobalMemory.cleanup", this=g, vm=b)
    check(rep["lastVm"] and rep["freedPrivatePages"] == "0x5" and rep["releasedChunks"] == ["0x1", "0x2"],
          "last VM flushes everything %s" % rep)
    st = p.ok("GlobalMemory.statistics", this=g)
    check(st["chunks"] == "0x0" and st["allocatedPages"] == "0x0" and st["leftBehindSharedPages"] == "0x0",
          "everything flushed %s" % st)
    p.close()

    # a chunk made wholly free by a cleanup is given back
    p = Proc()
    g = new_gmm(p)
    a = new_vm(p, g, base=0x200)
    b = new_vm(p, g, base=0x200)
    alloc(p, g, a, 256)
    alloc(p, g, b, 3)
    alloc(p, g, a, 2)
    rep = p.ok("GlobalMemory.cleanup", this=g, vm=a)
    check(rep["releasedChunks"] == ["0x1"] and rep["freedPrivatePages"] == h(258), "free chunk released %s" % rep)
    check(p.ok("GlobalMemory.chunkIds", this=g) == ["0x2"], "chunk 2 stays")
    p.close()


# ------------------------------------------------------------- terminate

def test_terminate():
    p = Proc()
    g = new_gmm(p)
    a = new_vm(p, g)
    alloc(p, g, a, 2)
    p.ok("GlobalMemory.share", this=g, vm=a, pageId="0x100")
    p.ok("GlobalMemory.free", this=g, vm=a, account="BASE", pageIds=["0x101"])
    left = p.ok("GlobalMemory.terminate", this=g)
    check(left == [{"chunkId": "0x2", "free": 255, "privatePages": 0, "sharedPages": 1, "affinity": 0,
                    "sharedChunk": True}], "terminate lists the busy chunks %s" % left)
    check(p.ok("GmmIntrospection.magic", this=g) == "0x19540415", "magic incremented")
    for m, extra in (("GlobalMemory.statistics", {}), ("GlobalMemory.createVm", {}),
                     ("GlobalMemory.terminate", {}), ("GlobalMemory.page", {"pageId": "0x100"})):
        refused(p.call(m, this=g, **extra), "VERR_GMM_INSTANCE", "%s after terminate" % m)
    p.close()


# ----------------------------------------------------------------- codec

def test_codec():
    p = Proc()
    g = new_gmm(p)
    i = p.ok("GlobalMemory.introspection", this=g)["handle"]
    cases64 = [
        ({"type": "Private", "state": 0, "pfn": "0x12345", "vmHandle": 7}, (7 << 32) | 0x12345),
        ({"type": "Shared", "state": 2, "pfn": "0x0", "refs": "0x3"}, (2 << 62) | 3),
        ({"type": "Free", "state": 3, "next": 65535, "zeroed": False}, (3 << 62) | 0xffff),
    ]
    for f, w in cases64:
        check(p.ok("GmmIntrospection.encode", this=i, layout="BITS64", fields=f) == h(w), "encode64 %s" % f)
        check(p.ok("GmmIntrospection.decode", this=i, layout="BITS64", word=h(w)) == f, "decode64 %s" % f)
    cases32 = [
        ({"type": "Private", "state": 0, "pfn": "0xabcdef", "vmHandle": 5}, (5 << 24) | 0xabcdef),
        ({"type": "Private", "state": 1, "pfn": "0x1", "vmHandle": 100}, (100 << 24) | 1),
        ({"type": "Shared", "state": 2, "pfn": "0x0", "refs": "0x3fffffff"}, (2 << 30) | 0x3fffffff),
        ({"type": "Free", "state": 3, "next": 12, "zeroed": False}, (3 << 30) | 12),
    ]
    for f, w in cases32:
        check(p.ok("GmmIntrospection.encode", this=i, layout="BITS32", fields=f) == h(w), "encode32 %s" % f)
        check(p.ok("GmmIntrospection.decode", this=i, layout="BITS32", word=h(w)) == f, "decode32 %s" % f)
    bad = [
        ("BITS32", {"type": "Private", "state": 0, "pfn": "0x1000000", "vmHandle": 1}),
        ("BITS32", {"type": "Private", "state": 0, "pfn": "0x1", "vmHandle": 128}),
        ("BITS64", {"type": "Private", "state": 0, "pfn": "0x100000000", "vmHandle": 1}),
        ("BITS64", {"type": "Private", "state": 0, "pfn": "0x1", "vmHandle": 65536}),
        ("BITS32", {"type": "Shared", "state": 2, "pfn": "0x0", "refs": "0x40000000"}),
        ("BITS64", {"type": "Shared", "state": 2, "pfn": "0x5", "refs": "0x1"}),
        ("BITS64", {"type": "Free", "state": 3, "next": 1, "zeroed": True}),
        ("BITS64", {"type": "Free", "state": 3, "next": -1, "zeroed": False}),
    ]
    for layout, f in bad:
        refused(p.call("GmmIntrospection.encode", this=i, layout=layout, fields=f), "VERR_OUT_OF_RANGE",
                "encode %s %s" % (layout, f))
    refused(p.call("GmmIntrospection.decode", this=i, layout="BITS32", word="0x100000000"), "VERR_OUT_OF_RANGE",
            "decode32 of a word wider than 32 bits")
    p.close()


def test_tlb_and_ids():
    p = Proc()
    g = new_gmm(p, host=0x10000)
    a = new_vm(p, g, base=0x3000)
    b = new_vm(p, g, base=0x10)
    pages = alloc(p, g, a, 33 * 256)  # chunks 1..33
    check(p.ok("GlobalMemory.chunkIds", this=g) == [h(i) for i in range(1, 34)], "33 chunks, ascending ids")
    p.ok("GlobalMemory.free", this=g, vm=a, account="BASE", pageIds=[pages[256]["pageId"]])   # chunk 2
    p.ok("GlobalMemory.free", this=g, vm=a, account="BASE", pageIds=[pages[32 * 256]["pageId"]])  # chunk 33
    tlb = p.ok("GmmIntrospection.chunkTlb", this=g)
    check(tlb[2] == "0x2" and tlb[1] == "0x21", "TLB entries by id & 31: %s" % tlb[:3])
    r = p.call("GlobalMemory.free", this=g, vm=b, account="BASE", pageIds=[pages[0]["pageId"]])
    refused(r, "VERR_GMM_ATTEMPT_TO_FREE_TOO_MUCH", "b frees without allocations")
    check(p.ok("GmmIntrospection.chunkTlb", this=g) == tlb, "refusal leaves the TLB")
    # chunk ids are not reused right away
    rep = p.ok("GlobalMemory.cleanup", this=g, vm=a)
    check(len(rep["releasedChunks"]) == 33 and not rep["lastVm"], "33 chunks released")
    check(p.ok("GmmIntrospection.chunkTlb", this=g) == ["0x0"] * 32, "TLB emptied with its chunks")
    res = alloc(p, g, b, 1)
    check(res[0]["pageId"] == h(34 << 8), "next chunk id is 34: %s" % res)
    r = p.call("GlobalMemory.allocate", this=g, vm=b, account="BASE", guestPfns=["0x1"], extra=1)
    check(r["error"]["code"] == -32602, "extra parameter on an object method")
    r = p.call("GlobalMemory.allocate", this=g, vm=1.5, account="BASE", guestPfns=["0x1"])
    check(r["error"]["code"] == -32602, "non-integer i32")
    r = p.call("GlobalMemory.allocate", this=g, vm=b, account="RAM", guestPfns=["0x1"])
    check(r["error"]["code"] == -32602, "unknown account constant")
    p.close()


def test_policies():
    """reserve accepts NO_OC and TBD; TBD may over-commit the host; counts are signed."""
    p = Proc()
    g = new_gmm(p, host=512)  # two chunks
    a = p.ok("GlobalMemory.createVm", this=g)
    before = snapshot(p, g)
    refused(p.call("GlobalMemory.reserve", this=g, vm=a, base="0x7fffffffffffffff", shadow="0x1", fixed="0x1",
                   policy="NO_OC", priority="HIGH"), "VERR_GMM_MEMORY_RESERVATION_DECLINED",
            "NO_OC beyond the host")
    check(snapshot(p, g) == before, "declined reservation changed nothing")
    # TBD: over-commitment allowed, largest positive signed count accepted
    p.ok("GlobalMemory.reserve", this=g, vm=a, base="0x7fffffffffffffff", shadow="0x1", fixed="0x1",
         policy="TBD", priority="LOW")
    info = p.ok("GlobalMemory.vm", this=g, vm=a)
    check(info["policy"] == "TBD" and info["priority"] == "LOW" and info["reservedBase"] == "0x7fffffffffffffff",
          "TBD reservation recorded %s" % info)
    st = p.ok("GlobalMemory.statistics", this=g)
    check(st["registeredVms"] == "0x1", "TBD VM has a valid reservation")
    p.ok("GlobalMemory.updateReservation", this=g, vm=a, base="0x1000", shadow="0x1000", fixed="0x1000")
    check(p.ok("GlobalMemory.vm", this=g, vm=a)["reservedBase"] == "0x1000", "TBD update may over-commit")
    refused(p.call("GlobalMemory.updateReservation", this=g, vm=a, base="0x1000", shadow="0xffffffffffffffff",
                   fixed="0x1"), "VERR_INVALID_PARAMETER", "TBD update with a negative count")
    # over-committed: allocation is still limited by the host's chunks
    res = alloc(p, g, a, 512)
    check(len(res) == 512, "TBD VM allocates what the host holds")
    refused(p.call("GlobalMemory.allocate", this=g, vm=a, account="BASE", guestPfns=["0x1"]),
            "VERR_GMM_HIT_GLOBAL_LIMIT", "host full under over-commitment")
    # a NO_OC VM must fit together with every other reservation: declined now
    b = p.ok("GlobalMemory.createVm", this=g)
    refused(p.call("GlobalMemory.reserve", this=g, vm=b, base="0x1", shadow="0x1", fixed="0x1",
                   policy="NO_OC", priority="NORMAL"), "VERR_GMM_MEMORY_RESERVATION_DECLINED",
            "NO_OC after an over-commitment")
    p.ok("GlobalMemory.reserve", this=g, vm=b, base="0x1", shadow="0x1", fixed="0x1",
         policy="TBD", priority="HIGH")
    p.close()
    # NO_OC and TBD side by side, within the host
    p = Proc()
    g = new_gmm(p, host=0x100)
    a = p.ok("GlobalMemory.createVm", this=g)
    p.ok("GlobalMemory.reserve", this=g, vm=a, base="0x80", shadow="0x8", fixed="0x8",
         policy="NO_OC", priority="NORMAL")
    b = p.ok("GlobalMemory.createVm", this=g)
    p.ok("GlobalMemory.reserve", this=g, vm=b, base="0x40", shadow="0x8", fixed="0x8",
         policy="TBD", priority="NORMAL")
    check(p.ok("GlobalMemory.statistics", this=g)["reservedPages"] == h(0x80 + 0x40 + 0x20), "reserved pages")
    refused(p.call("GlobalMemory.updateReservation", this=g, vm=a, base="0x100", shadow="0x8", fixed="0x8"),
            "VERR_GMM_MEMORY_RESERVATION_DECLINED", "NO_OC update counted against all reservations")
    p.close()


def test_legacy_unused_seed():
    p = Proc()
    g = new_gmm(p, legacy=True)
    a = new_vm(p, g)
    b = new_vm(p, g)
    p.ok("GlobalMemory.seedChunk", this=g, vm=a)
    rep = p.ok("GlobalMemory.cleanup", this=g, vm=a)
    check(rep["releasedChunks"] == ["0x1"] and rep["freedPrivatePages"] == "0x0", "unused seeded chunk released")
    refused(p.call("GlobalMemory.releaseShared", this=g, vm=b, sharedPageId="0x100"), "VERR_NOT_SUPPORTED",
            "releaseShared in legacy mode")
    g2 = new_gmm(p, host=256, legacy=True)
    c = p.ok("GlobalMemory.createVm", this=g2)
    p.ok("GlobalMemory.seedChunk", this=g2, vm=c)
    refused(p.call("GlobalMemory.seedChunk", this=g2, vm=c), "VERR_GMM_HIT_GLOBAL_LIMIT", "seeding beyond the host")
    p.close()


def main():
    for t in (test_tlb_and_ids, test_policies, test_legacy_unused_seed, test_framing, test_geometry, test_alloc_free, test_limits_and_buckets, test_global_limit,
              test_sharing, test_legacy, test_cleanup, test_terminate, test_codec):
        try:
            t()
        except Exception as ex:  # report and go on
            FAILS.append("%s: %r" % (t.__name__, ex))
            print("ERROR in", t.__name__, repr(ex))
    print("%s: %d checks, %d failures" % (BIN, COUNT[0], len(FAILS)))
    sys.exit(1 if FAILS else 0)


if __name__ == "__main__":
    main()
