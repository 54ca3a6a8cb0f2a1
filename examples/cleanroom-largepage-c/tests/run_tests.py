#!/usr/bin/env python3
"""Own tests of largepage-cleanroom: start the binary given on the command line,
talk the adapter protocol to it over a pipe, and check the answers against the
behaviour the source document (seed 004, kvm-devel, January 2008) describes.
Standard library only."""
import json
import subprocess
import sys

MB = 1 << 20
FRAME = 2 * MB
GB = 1 << 30


def hx(v):
    return "0x%x" % (v & 0xFFFFFFFFFFFFFFFF)


class Adapter:
    def __init__(self, cmd):
        self.p = subprocess.Popen([cmd], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, bufsize=1)
        self.next_id = 1

    def raw(self, line):
        self.p.stdin.write(line + "\n")
        self.p.stdin.flush()
        out = self.p.stdout.readline()
        if not out:
            raise AssertionError("adapter closed its output; stderr: " + self.p.stderr.read())
        return json.loads(out)

    def send(self, method, **params):
        rid = self.next_id
        self.next_id += 1
        resp = self.raw(json.dumps({"jsonrpc": "2.0", "id": rid, "method": method,
                                    "params": params}, separators=(",", ":")))
        assert resp.get("jsonrpc") == "2.0", resp
        assert resp.get("id") == rid, (rid, resp)
        assert ("result" in resp) != ("error" in resp), resp
        return resp

    def ok(self, method, **params):
        resp = self.send(method, **params)
        assert "result" in resp, (method, params, resp)
        return resp["result"]

    def err(self, method, code, **params):
        resp = self.send(method, **params)
        assert "error" in resp, (method, params, resp)
        assert resp["error"]["code"] == code, (method, params, resp)
        return resp["error"]

    def refused(self, method, status, **params):
        e = self.err(method, -32000, **params)
        assert e["data"] == {"domain": "LargePageStatus", "status": status}, (method, params, e)

    def close(self):
        self.p.stdin.close()
        rc = self.p.wait(timeout=20)
        errtext = self.p.stderr.read()
        assert rc == 0, "exit status %d; stderr: %s" % (rc, errtext)
        return errtext


class Mmu:
    """A ShadowMmu handle with helpers."""

    def __init__(self, a, encoding="COUNT_FROM_ZERO", nested=False, large=False):
        self.a = a
        lp = a.ok("adapter.largePages")["handle"]
        self.h = a.ok("LargePages.newMmu", this=lp, options={
            "encoding": encoding, "nestedPaging": nested, "backWithLargePages": large})["handle"]

    def ok(self, m, **kw):
        return self.a.ok("ShadowMmu." + m, this=self.h, **kw)

    def refused(self, m, status, **kw):
        return self.a.refused("ShadowMmu." + m, status, this=self.h, **kw)

    def slot(self, base, size, host, backing="SMALL_PAGES"):
        return self.ok("addSlot", slot=self.slotrec(base, size, host, backing))

    @staticmethod
    def slotrec(base, size, host, backing="SMALL_PAGES"):
        return {"guestBase": hx(base), "size": hx(size), "hostBase": hx(host), "backing": backing}

    def decision(self, f):
        return self.ok("largeMappingDecision", frameGpa=hx(f))

    def shadow(self, gpa):
        return self.ok("shadowPageTable", gpa=hx(gpa))

    def unshadow(self, gpa):
        return self.ok("unshadowPageTable", gpa=hx(gpa))

    def count(self, gpa):
        return self.ok("writeProtectCount", gpa=hx(gpa))

    def entry(self, addr):
        return self.ok("entryFor", address=hx(addr))

    def state(self):
        """Everything observable, for the refusal rule."""
        slots = self.ok("slots")
        return (json.dumps(slots),
                [json.dumps(self.ok("counters", slotGuestBase=s["guestBase"])) for s in slots])


TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


# ------------------------------------------------------------------ framing

@test
def t_describe(a):
    d = a.ok("adapter.describe")
    assert d["name"] == "largepage-cleanroom-c"
    assert d["version"]
    assert set(d["profiles"]) == {"large-pages", "large-pages-introspection"}
    assert all(isinstance(v, str) for v in d["parameters"].values())


@test
def t_unknown_methods(a):
    a.err("adapter.gmm", -32601)
    a.err("adapter.newX86Mmu", -32601, model="X", guestRamBytes="0x1000")
    a.err("GlobalMemory.allocate", -32601, this=1)
    m = Mmu(a)
    a.err("ShadowMmu.noSuchMethod", -32601, this=m.h)
    a.err("LargePages.noSuchMethod", -32601, this=1)


@test
def t_bad_handles_and_params(a):
    lp = a.ok("adapter.largePages")["handle"]
    opts = {"encoding": "COUNT_FROM_ZERO", "nestedPaging": False, "backWithLargePages": False}
    a.err("LargePages.newMmu", -32602, this=9999, options=opts)
    a.err("LargePages.newMmu", -32602, this=lp, options=dict(opts, encoding="BOGUS"))
    a.err("LargePages.newMmu", -32602, this=lp, options={"encoding": "COUNT_FROM_ZERO"})
    a.err("LargePages.newMmu", -32602, this=lp, options=dict(opts, extra=1))
    a.err("LargePages.newMmu", -32602, this=lp)
    m = a.ok("LargePages.newMmu", this=lp, options=opts)["handle"]
    # handle of the wrong interface
    a.err("ShadowMmu.slots", -32602, this=lp)
    a.err("LargePages.newMmu", -32602, this=m, options=opts)
    # malformed u64 values
    for bad in ["0x", "10", "0x10000000000000000", "0xg", 16, None, "-0x1"]:
        a.err("ShadowMmu.writeProtected", -32602, this=m, gpa=bad)
    a.err("ShadowMmu.writeProtected", -32602, this=m)
    a.err("ShadowMmu.writeProtected", -32602, this=m, gpa="0x0", more="0x0")
    a.err("ShadowMmu.addSlot", -32602, this=m, slot={"guestBase": "0x0", "size": "0x1000",
                                                      "hostBase": "0x0", "backing": "HUGE"})


@test
def t_hex_forms(a):
    m = Mmu(a)
    m.slot(0, 4 * MB, 0x40000000)
    # upper case digits, leading zeros, 16 digits
    assert a.ok("ShadowMmu.shadowPageTable", this=m.h, gpa="0x0000000000001ABC") is None
    assert a.ok("ShadowMmu.writeProtected", this=m.h, gpa="0x1000") is True
    assert a.ok("ShadowMmu.writeProtected", this=m.h, gpa="0xFFFFFFFFFFFFFFFF") is False
    assert m.entry(0xFFFFFFFFFFFFFFFF) is None
    s = m.ok("slots")
    assert s == [Mmu.slotrec(0, 4 * MB, 0x40000000)], s


@test
def t_reset_drops_handles(a):
    m = Mmu(a)
    m.slot(0, 4 * MB, 0)
    assert a.ok("adapter.reset") is None
    a.err("ShadowMmu.slots", -32602, this=m.h)
    m2 = Mmu(a)
    assert m2.ok("slots") == []


@test
def t_long_line_and_spacing(a):
    m = Mmu(a)
    pad = " " * (3 * MB)
    line = ('{ "params" : {"this":%d,%s"slot":{"backing":"SMALL_PAGES","hostBase":"0x0",'
            '"size":"0x200000","guestBase":"0x0"}}, "method":"ShadowMmu.addSlot",'
            '"id":777777,"jsonrpc":"2.0"}\r' % (m.h, pad))
    r = a.raw(line)
    assert r == {"jsonrpc": "2.0", "id": 777777, "result": None}, r
    # a large id is echoed exactly
    r = a.raw('{"jsonrpc":"2.0","id":9007199254740991,"method":"ShadowMmu.slots",'
              '"params":{"this":%d}}' % m.h)
    assert r["id"] == 9007199254740991 and len(r["result"]) == 1, r
    # a long list answer: counters of a 64 GB slot (32768 frames)
    m.slot(64 * GB, 64 * GB, 0, "SMALL_PAGES")
    c = m.ok("counters", slotGuestBase=hx(64 * GB))
    assert len(c["raw"]) == 32768 and set(c["raw"]) == {0}


@test
def t_parse_error(a):
    r = a.raw("{this is not json")
    assert r["id"] is None and r["error"]["code"] == -32700, r
    r = a.raw('{"jsonrpc":"2.0","id":3,"method":"adapter.reset"}')
    assert r["error"]["code"] == -32600, r


# -------------------------------------------------------------------- slots

@test
def t_slot_refusals(a):
    m = Mmu(a)
    m.slot(16 * MB, 16 * MB, 0x80000000, "LARGE_PAGES")
    before = m.state()
    cases = [
        ((0, 0, 0, "SMALL_PAGES"), "SLOT_EMPTY"),
        ((0, 0xFFFFFFFFFFFFF000, 0, "SMALL_PAGES"), "SLOT_EMPTY"),  # negative size
        ((0x800, 0x1000, 0, "SMALL_PAGES"), "SLOT_MISALIGNED"),
        ((0, 0x1800, 0, "SMALL_PAGES"), "SLOT_MISALIGNED"),
        ((0, 0x1000, 0x10, "SMALL_PAGES"), "SLOT_MISALIGNED"),
        ((0, FRAME, 0x1000, "LARGE_PAGES"), "SLOT_MISALIGNED"),
        ((1 << 52, 0x1000, 0, "SMALL_PAGES"), "SLOT_OUT_OF_RANGE"),
        (((1 << 52) - 0x1000, 0x2000, 0, "SMALL_PAGES"), "SLOT_OUT_OF_RANGE"),
        ((0xFFFFFFFFFFFFF000, 0x1000, 0, "SMALL_PAGES"), "SLOT_OUT_OF_RANGE"),
        ((0, 0x1000, 0xFFFFFFFFFFFFF000, "SMALL_PAGES"), "SLOT_OUT_OF_RANGE"),
        ((0, 0x2000, (1 << 63) - 0x1000, "SMALL_PAGES"), "SLOT_OUT_OF_RANGE"),
        ((20 * MB, 0x1000, 0, "SMALL_PAGES"), "SLOT_OVERLAP"),
        ((0, 16 * MB + 0x1000, 0, "SMALL_PAGES"), "SLOT_OVERLAP"),
        ((31 * MB, 2 * MB, 0, "SMALL_PAGES"), "SLOT_OVERLAP"),
        ((1 << 48, 1 << 50, 0, "SMALL_PAGES"), "SLOT_TOO_LARGE"),
    ]
    for (b, s, h, k), status in cases:
        m.refused("addSlot", status, slot=Mmu.slotrec(b, s, h, k))
        assert m.state() == before, (b, s, h, k)
    # edge cases that are fine
    m.slot((1 << 52) - 0x1000, 0x1000, (1 << 63) - 0x1000)
    m.slot(0, 16 * MB, 0)  # adjacent, not overlapping
    m.slot(32 * MB, 0x1000, 0x80000000)  # host ranges may alias
    bases = [int(s["guestBase"], 16) for s in m.ok("slots")]
    assert bases == sorted(bases) and len(bases) == 4


@test
def t_add_guest_memory_split(a):
    # seed: 1MB-1GB needs a 4 KB slot for 1MB-2MB and a large one from 2MB
    m = Mmu(a, large=True)
    got = m.ok("addGuestMemory", guestBase=hx(MB), size=hx(GB - MB))
    assert [(s["guestBase"], s["size"], s["backing"]) for s in got] == [
        (hx(MB), hx(MB), "SMALL_PAGES"), (hx(2 * MB), hx(GB - 2 * MB), "LARGE_PAGES")], got
    big = got[1]
    assert int(big["hostBase"], 16) % FRAME == 0
    assert m.ok("slots") == got
    assert m.decision(2 * MB) == "LARGE"
    assert m.decision(GB - FRAME) == "LARGE"
    m.refused("largeMappingDecision", "NO_SLOT", frameGpa=hx(0))
    # head and tail
    got = m.ok("addGuestMemory", guestBase=hx(2 * GB + 0x3000), size=hx(6 * MB))
    kinds = [(int(s["guestBase"], 16), int(s["size"], 16), s["backing"]) for s in got]
    assert kinds == [(2 * GB + 0x3000, FRAME - 0x3000, "SMALL_PAGES"),
                     (2 * GB + FRAME, 2 * FRAME, "LARGE_PAGES"),
                     (2 * GB + 3 * FRAME, 0x3000, "SMALL_PAGES")], kinds
    # contiguous host memory, aligned with the guest
    for s in got:
        assert (int(s["hostBase"], 16) - int(s["guestBase"], 16)) % FRAME == 0
    # a range with no whole frame: one small slot
    got = m.ok("addGuestMemory", guestBase=hx(3 * GB), size=hx(MB))
    assert len(got) == 1 and got[0]["backing"] == "SMALL_PAGES"
    before = m.state()
    m.refused("addGuestMemory", "SLOT_OVERLAP", guestBase=hx(GB - MB), size=hx(4 * MB))
    m.refused("addGuestMemory", "SLOT_EMPTY", guestBase=hx(8 * GB), size=hx(0))
    m.refused("addGuestMemory", "SLOT_MISALIGNED", guestBase=hx(8 * GB + 1), size=hx(FRAME))
    m.refused("addGuestMemory", "SLOT_OUT_OF_RANGE", guestBase=hx(1 << 52), size=hx(FRAME))
    m.refused("addGuestMemory", "SLOT_TOO_LARGE", guestBase=hx(1 << 51), size=hx(1 << 51))
    assert m.state() == before
    # without the option: one slot on 4 KB pages
    n = Mmu(a)
    got = n.ok("addGuestMemory", guestBase=hx(MB), size=hx(GB - MB))
    assert len(got) == 1 and got[0]["backing"] == "SMALL_PAGES"
    assert n.decision(2 * MB) == "SMALL_HOST_NOT_LARGE"


# ----------------------------------------------------------------- counters

@test
def t_counter_array_seed_example(a):
    # seed: a slot for 1MB-1GB has 511 counters, for the frames from 2MB up
    m = Mmu(a, "COUNT_FROM_ZERO")
    m.slot(MB, GB - MB, 0x40000000)
    c = m.ok("counters", slotGuestBase=hx(MB))
    assert c["firstFrame"] == hx(2 * MB) and c["encoding"] == "COUNT_FROM_ZERO"
    assert len(c["raw"]) == 511 and set(c["raw"]) == {0}
    # shadow a page table at 4MB+8KB: the counter of the 4MB frame goes up
    m.shadow(4 * MB + 8 * 1024)
    c = m.ok("counters", slotGuestBase=hx(MB))
    assert c["raw"][1] == 1 and sum(c["raw"]) == 1
    assert m.count(4 * MB) == 1 and m.count(4 * MB + 0x1FFFFF) == 1 and m.count(2 * MB) == 0
    assert m.ok("writeProtected", gpa=hx(4 * MB + 8 * 1024 + 5)) is True
    assert m.ok("writeProtected", gpa=hx(4 * MB)) is False
    # unshadow: back down
    m.unshadow(4 * MB + 8 * 1024)
    assert m.count(4 * MB) == 0
    assert m.ok("writeProtected", gpa=hx(4 * MB + 8 * 1024)) is False
    # the partial frame 0-2MB has no counter
    m.refused("writeProtectCount", "NO_SLOT", gpa=hx(MB))
    m.refused("writeProtectCount", "NO_SLOT", gpa=hx(4 * GB))
    m.refused("counters", "NO_SLOT", slotGuestBase=hx(2 * MB))
    # a page table in the partial frame is still write-protected, without counter
    m.shadow(MB + 0x1000)
    assert m.ok("writeProtected", gpa=hx(MB + 0x1000)) is True
    m.unshadow(MB + 0x1000)
    m.refused("unshadowPageTable", "PAGE_NOT_SHADOWED", gpa=hx(MB + 0x1000))


@test
def t_minus_one_encoding(a):
    # Joerg's variant: -1 where the host page is large, 0 otherwise; large at -1
    m = Mmu(a, "COUNT_FROM_MINUS_ONE")
    m.slot(0, 8 * MB, 0x40000000, "LARGE_PAGES")
    m.slot(8 * MB, 4 * MB, 0x50000000, "SMALL_PAGES")
    m.slot(13 * MB, 8 * MB, 0x60000000, "LARGE_PAGES")  # guest not aligned with host
    assert m.ok("counters", slotGuestBase="0x0")["raw"] == [-1, -1, -1, -1]
    assert m.ok("counters", slotGuestBase=hx(8 * MB))["raw"] == [0, 0]
    assert m.ok("counters", slotGuestBase=hx(13 * MB))["raw"] == [0, 0, 0]
    assert m.ok("counters", slotGuestBase="0x0")["encoding"] == "COUNT_FROM_MINUS_ONE"
    assert m.decision(0) == "LARGE"
    assert m.decision(8 * MB) == "SMALL_HOST_NOT_LARGE"
    assert m.decision(14 * MB) == "SMALL_HOST_MISALIGNED"
    m.shadow(0x3000)
    m.shadow(0x5000)
    m.shadow(8 * MB)
    assert m.ok("counters", slotGuestBase="0x0")["raw"] == [1, -1, -1, -1]
    assert m.ok("counters", slotGuestBase=hx(8 * MB))["raw"] == [1, 0]
    assert m.count(0) == 2 and m.count(8 * MB) == 1 and m.count(2 * MB) == 0
    assert m.decision(0) == "SMALL_WRITE_PROTECTED"
    m.unshadow(0x3000)
    m.unshadow(0x5000)
    assert m.decision(0) == "LARGE"
    m.refused("unshadowPageTable", "WRITE_PROTECT_COUNT_UNDERFLOW", gpa=hx(0x3000))
    assert m.ok("counters", slotGuestBase="0x0")["raw"] == [-1, -1, -1, -1]


@test
def t_same_decisions_both_encodings(a):
    results = []
    for enc in ("COUNT_FROM_ZERO", "COUNT_FROM_MINUS_ONE"):
        m = Mmu(a, enc)
        m.slot(0, 8 * MB, 0x40000000, "LARGE_PAGES")
        m.slot(8 * MB, 4 * MB, 0, "SMALL_PAGES")
        m.slot(13 * MB, 8 * MB, 0x60000000, "LARGE_PAGES")
        seq = []
        for op, g in [("s", 0x1000), ("s", 0x1000), ("s", 2 * MB), ("u", 0x1000), ("s", 9 * MB),
                      ("u", 0x1000), ("u", 2 * MB), ("s", 14 * MB)]:
            (m.shadow if op == "s" else m.unshadow)(g)
            seq.append([m.decision(f) for f in (0, 2 * MB, 4 * MB, 8 * MB, 14 * MB)] +
                       [m.count(f) for f in (0, 2 * MB, 8 * MB, 14 * MB)])
        results.append(seq)
    assert results[0] == results[1], results


@test
def t_unshadow_refusals(a):
    m = Mmu(a)
    m.slot(0, 4 * MB, 0x40000000, "LARGE_PAGES")
    m.refused("unshadowPageTable", "NO_SLOT", gpa=hx(8 * MB))
    m.refused("unshadowPageTable", "WRITE_PROTECT_COUNT_UNDERFLOW", gpa=hx(0x1000))
    m.shadow(0x2000)
    before = m.state()
    m.refused("unshadowPageTable", "PAGE_NOT_SHADOWED", gpa=hx(0x1000))
    assert m.state() == before
    # a page shadowed twice stays protected until its last shadow goes
    m.shadow(0x2000)
    assert m.count(0) == 2
    m.unshadow(0x2000)
    assert m.ok("writeProtected", gpa=hx(0x2000)) is True and m.count(0) == 1
    m.unshadow(0x2000)
    assert m.ok("writeProtected", gpa=hx(0x2000)) is False and m.count(0) == 0
    m.refused("shadowPageTable", "NO_SLOT", gpa=hx(4 * MB))


# ---------------------------------------------------------------- decisions

@test
def t_decision_reasons(a):
    m = Mmu(a)
    m.slot(0, MB, 0x40000000, "LARGE_PAGES")
    m.slot(MB, 3 * MB, 0x40100000 + MB, "LARGE_PAGES")
    m.slot(4 * MB, 2 * MB, 0x50000000, "SMALL_PAGES")
    m.slot(6 * MB, 4 * MB, 0x60000000, "LARGE_PAGES")
    m.slot(10 * MB + 0x1000, 2 * MB, 0x70000000, "LARGE_PAGES")
    assert m.decision(0) == "SMALL_FRAME_NOT_IN_ONE_SLOT"
    assert m.decision(2 * MB) == "SMALL_HOST_MISALIGNED"
    assert m.decision(4 * MB) == "SMALL_HOST_NOT_LARGE"
    assert m.decision(6 * MB) == "LARGE"
    m.refused("largeMappingDecision", "NO_SLOT", frameGpa=hx(10 * MB))
    m.refused("largeMappingDecision", "NO_SLOT", frameGpa=hx(64 * MB))
    m.refused("largeMappingDecision", "MISALIGNED_LARGE_MAPPING", frameGpa=hx(6 * MB + 0x1000))
    m.refused("largeMappingDecision", "MISALIGNED_LARGE_MAPPING", frameGpa=hx(64 * MB + 0x1000))
    m.refused("largeMappingDecision", "NO_SLOT", frameGpa=hx(0xFFFFFFFFFFE00000))
    m.shadow(6 * MB + 0x1FF000)
    assert m.decision(6 * MB) == "SMALL_WRITE_PROTECTED"
    assert m.decision(8 * MB) == "LARGE"
    # host reasons come before the counter
    m.shadow(4 * MB)
    assert m.decision(4 * MB) == "SMALL_HOST_NOT_LARGE"


# ------------------------------------------------- shadow entries and zapping

@test
def t_large_shadow_zap_remap(a):
    m = Mmu(a)
    m.slot(0, 16 * MB, 0x40000000, "LARGE_PAGES")
    gva = 0x7FFF00000000
    assert m.ok("shadowGuestLargeEntry", gva=hx(gva), gpa=hx(4 * MB)) == "LARGE"
    e = m.entry(gva + 0x12345)
    assert e == {"address": hx(gva), "gpa": hx(4 * MB), "size": "LARGE_2M", "writable": True}, e
    assert m.entry(gva + FRAME) is None
    # a second mapping of the same frame
    assert m.ok("shadowGuestLargeEntry", gva=hx(0x200000000), gpa=hx(4 * MB)) == "LARGE"
    # write-protecting any page of the frame zaps every large mapping of it
    m.shadow(4 * MB + 0x7000)
    assert m.entry(gva) is None and m.entry(0x200000000) is None
    assert m.decision(4 * MB) == "SMALL_WRITE_PROTECTED"
    # shadowed again: 512 small entries, read-only where protected
    assert m.ok("shadowGuestLargeEntry", gva=hx(gva), gpa=hx(4 * MB)) == "SMALL_WRITE_PROTECTED"
    e = m.entry(gva + 0x7123)
    assert e == {"address": hx(gva + 0x7000), "gpa": hx(4 * MB + 0x7000), "size": "SMALL_4K",
                 "writable": False}, e
    e = m.entry(gva + 0x1FF000)
    assert e == {"address": hx(gva + 0x1FF000), "gpa": hx(4 * MB + 0x1FF000), "size": "SMALL_4K",
                 "writable": True}, e
    # protecting another page of a small-mapped frame makes its entry read-only
    m.shadow(4 * MB + 0x1FF000)
    assert m.entry(gva + 0x1FF000)["writable"] is False
    # unshadow everything: the frame may be mapped large again (remap)
    m.unshadow(4 * MB + 0x7000)
    m.unshadow(4 * MB + 0x1FF000)
    assert m.decision(4 * MB) == "LARGE"
    assert m.entry(gva)["size"] == "SMALL_4K"  # nothing remaps by itself
    assert m.ok("shadowGuestLargeEntry", gva=hx(gva), gpa=hx(4 * MB)) == "LARGE"
    assert m.entry(gva)["size"] == "LARGE_2M"
    # other frames' mappings are not zapped
    assert m.ok("shadowGuestLargeEntry", gva=hx(0), gpa=hx(8 * MB)) == "LARGE"
    m.shadow(4 * MB)
    assert m.entry(0)["size"] == "LARGE_2M" and m.entry(gva) is None
    # replacing: the entry at gva now maps another frame
    assert m.ok("shadowGuestLargeEntry", gva=hx(0), gpa=hx(12 * MB)) == "LARGE"
    assert m.entry(0)["gpa"] == hx(12 * MB)
    m.shadow(8 * MB)
    assert m.entry(0)["gpa"] == hx(12 * MB)


@test
def t_shadow_large_refusals(a):
    m = Mmu(a)
    m.slot(0, 4 * MB, 0x40000000, "LARGE_PAGES")
    m.ok("shadowGuestLargeEntry", gva=hx(0), gpa=hx(0))
    before = (m.state(), m.entry(0))
    m.refused("shadowGuestLargeEntry", "MISALIGNED_LARGE_MAPPING", gva=hx(0x1000), gpa=hx(0))
    m.refused("shadowGuestLargeEntry", "MISALIGNED_LARGE_MAPPING", gva=hx(0), gpa=hx(0x1000))
    m.refused("shadowGuestLargeEntry", "NO_SLOT", gva=hx(0), gpa=hx(4 * MB))
    m.refused("shadowRealModeEntry", "MISALIGNED_LARGE_MAPPING", gpa=hx(MB))
    m.refused("shadowRealModeEntry", "NO_SLOT", gpa=hx(6 * MB))
    m.refused("mapNestedFrame", "WRONG_PAGING_MODE", gpa=hx(0))
    assert (m.state(), m.entry(0)) == before


@test
def t_real_mode(a):
    m = Mmu(a)
    m.slot(0, MB, 0x40000000, "SMALL_PAGES")
    m.slot(MB, 7 * MB, 0x40000000, "LARGE_PAGES")
    assert m.ok("shadowRealModeEntry", gpa=hx(0)) == "SMALL_FRAME_NOT_IN_ONE_SLOT"
    assert m.entry(0x5000) == {"address": hx(0x5000), "gpa": hx(0x5000), "size": "SMALL_4K",
                               "writable": True}
    assert m.ok("shadowRealModeEntry", gpa=hx(2 * MB)) == "SMALL_HOST_MISALIGNED"
    m2 = Mmu(a)
    m2.slot(0, 8 * MB, 0x40000000, "LARGE_PAGES")
    assert m2.ok("shadowRealModeEntry", gpa=hx(2 * MB)) == "LARGE"
    assert m2.entry(3 * MB) == {"address": hx(2 * MB), "gpa": hx(2 * MB), "size": "LARGE_2M",
                                "writable": True}
    m2.shadow(2 * MB + 0x10)
    assert m2.entry(3 * MB) is None


# ------------------------------------------------------------ nested paging

@test
def t_nested_paging(a):
    m = Mmu(a, nested=True)
    assert m.ok("options") == {"encoding": "COUNT_FROM_ZERO", "nestedPaging": True,
                               "backWithLargePages": False}
    m.slot(0, 8 * MB, 0x40000000, "LARGE_PAGES")
    m.slot(8 * MB, 4 * MB, 0x50000000, "SMALL_PAGES")
    m.refused("shadowPageTable", "WRONG_PAGING_MODE", gpa=hx(0x1000))
    m.refused("shadowPageTable", "NO_SLOT", gpa=hx(64 * MB))
    m.refused("unshadowPageTable", "WRONG_PAGING_MODE", gpa=hx(0x1000))
    m.refused("shadowGuestLargeEntry", "WRONG_PAGING_MODE", gva=hx(0), gpa=hx(0))
    m.refused("shadowRealModeEntry", "WRONG_PAGING_MODE", gpa=hx(0))
    m.refused("mapNestedFrame", "MISALIGNED_LARGE_MAPPING", gpa=hx(0x1000))
    m.refused("mapNestedFrame", "NO_SLOT", gpa=hx(12 * MB))
    assert m.ok("mapNestedFrame", gpa=hx(2 * MB)) == "LARGE"
    assert m.entry(2 * MB + 0x1234) == {"address": hx(2 * MB), "gpa": hx(2 * MB),
                                        "size": "LARGE_2M", "writable": True}
    assert m.ok("mapNestedFrame", gpa=hx(8 * MB)) == "SMALL_HOST_NOT_LARGE"
    assert m.entry(9 * MB) == {"address": hx(9 * MB), "gpa": hx(9 * MB), "size": "SMALL_4K",
                               "writable": True}
    assert m.entry(0) is None
    assert m.decision(0) == "LARGE"
    assert m.count(0) == 0
    assert m.ok("writeProtected", gpa=hx(0)) is False


@test
def t_options_roundtrip(a):
    for enc in ("COUNT_FROM_ZERO", "COUNT_FROM_MINUS_ONE"):
        for n in (False, True):
            for l in (False, True):
                m = Mmu(a, enc, n, l)
                assert m.ok("options") == {"encoding": enc, "nestedPaging": n,
                                           "backWithLargePages": l}


@test
def t_many_pages_and_entries(a):
    # hash growth: many shadowed pages, many regions; then drop them again
    m = Mmu(a)
    m.slot(0, 64 * MB, 0x40000000, "LARGE_PAGES")
    for f in range(32):
        assert m.ok("shadowGuestLargeEntry", gva=hx(f * FRAME), gpa=hx(f * FRAME)) == "LARGE"
    for p in range(0, 64 * MB, 0x3000):
        m.shadow(p)
    for f in range(32):
        assert m.entry(f * FRAME) is None
        assert m.count(f * FRAME) == len(range(f * FRAME + (-f * FRAME) % 0x3000,
                                               (f + 1) * FRAME, 0x3000))
    for p in range(0, 64 * MB, 0x3000):
        m.unshadow(p)
    assert set(m.ok("counters", slotGuestBase="0x0")["raw"]) == {0}
    for f in range(32):
        assert m.decision(f * FRAME) == "LARGE"


@test
def t_random_ops_against_counts(a):
    """Random shadow/unshadow/map calls; the counters must always equal the
    number of shadows in each frame, and refusals must change nothing."""
    import random
    rnd = random.Random(4)
    for enc in ("COUNT_FROM_ZERO", "COUNT_FROM_MINUS_ONE"):
        m = Mmu(a, enc)
        m.slot(0, MB, 0x40000000, "SMALL_PAGES")
        m.slot(MB, MB, 0x50000000, "SMALL_PAGES")
        m.slot(2 * MB, 8 * MB, 0x40000000, "LARGE_PAGES")
        m.slot(10 * MB, 6 * MB, 0x80000000, "LARGE_PAGES")
        m.slot(16 * MB, 4 * MB, 0x90000000, "SMALL_PAGES")
        shadows = {}
        large_at = {}
        for _ in range(1500):
            op = rnd.randrange(4)
            page = rnd.randrange(0, 24 * MB // 0x1000) * 0x1000 + rnd.randrange(0x1000)
            pn = page >> 12
            if op == 0:
                r = a.send("ShadowMmu.shadowPageTable", this=m.h, gpa=hx(page))
                if page >= 20 * MB:
                    assert r["error"]["data"]["status"] == "NO_SLOT"
                else:
                    assert r["result"] is None
                    shadows[pn] = shadows.get(pn, 0) + 1
                    for gva, f in list(large_at.items()):
                        if f == page & ~(FRAME - 1):
                            del large_at[gva]
            elif op == 1:
                r = a.send("ShadowMmu.unshadowPageTable", this=m.h, gpa=hx(page))
                if "result" in r:
                    shadows[pn] -= 1
                    if not shadows[pn]:
                        del shadows[pn]
                else:
                    assert pn not in shadows, r
            elif op == 2:
                f = rnd.randrange(12) * FRAME
                gva = rnd.randrange(8) * FRAME
                r = a.send("ShadowMmu.shadowGuestLargeEntry", this=m.h, gva=hx(gva), gpa=hx(f))
                if "error" in r:
                    assert f >= 20 * MB, r
                    continue
                wp = any((p << 12) & ~(FRAME - 1) == f for p in shadows)
                if r["result"] == "LARGE":
                    assert not wp
                    large_at[gva] = f
                else:
                    large_at.pop(gva, None)
                    if f in (2 * MB, 4 * MB, 6 * MB, 8 * MB) and f + FRAME <= 10 * MB:
                        assert r["result"] == "SMALL_WRITE_PROTECTED" and wp, (f, r)
            else:
                gva = rnd.randrange(8) * FRAME
                e = m.entry(gva + rnd.randrange(FRAME))
                if gva in large_at:
                    assert e["size"] == "LARGE_2M" and e["gpa"] == hx(large_at[gva]), e
                elif e is not None:
                    assert e["size"] == "SMALL_4K"
                    assert e["writable"] == (int(e["gpa"], 16) >> 12 not in shadows), e
        for f in range(1, 10):
            fr = f * FRAME
            if fr + FRAME > 20 * MB:
                continue
            want = sum(c for p, c in shadows.items() if (p << 12) & ~(FRAME - 1) == fr)
            assert m.count(fr) == want, (fr, want)


def main():
    if len(sys.argv) != 2:
        print("usage: run_tests.py BINARY", file=sys.stderr)
        return 2
    failed = 0
    for t in TESTS:
        a = Adapter(sys.argv[1])
        try:
            a.ok("adapter.describe")
            t(a)
            assert a.ok("adapter.reset") is None
            a.close()
            print("ok   %s" % t.__name__)
        except Exception as e:  # report and go on
            failed += 1
            import traceback
            traceback.print_exc()
            print("FAIL %s: %r" % (t.__name__, e))
            try:
                a.p.kill()
            except Exception:
                pass
    print("%d of %d tests passed (%s)" % (len(TESTS) - failed, len(TESTS), sys.argv[1]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
