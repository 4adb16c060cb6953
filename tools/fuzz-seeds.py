#!/usr/bin/env python3
"""Writes the seed corpora of the Jazzer fuzz tests (regression mode runs every file as one input).

Jazzer's FuzzedDataProvider reads bytes and text from the front of an input and numbers from its end:
consumeInt/consumeLong take one byte per 8 bits of the range, the last byte first (so a number's bytes
stand little-endian at the end of the file), then reduce modulo (range + 1); consumeBoolean takes one
byte and its lowest bit. Run from the project directory: python3 tools/fuzz-seeds.py
"""
import base64, hashlib, hmac, json, os, struct

ROOT = "src/test/resources/org/yunjian"


def write(cls_dir, method, name, data):
    d = os.path.join(ROOT, cls_dir, method)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


# --- party: unified social credit codes (GB 32100-2015) -------------------------------------------
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def check(first17):
    c = 31 - sum(CHARSET.index(ch) * w for ch, w in zip(first17, WEIGHTS)) % 31
    return CHARSET[0 if c == 31 else c]


cc = ("party/CreditCodeFuzzTestsInputs", "neverThrowsAnythingButItsOwnException")
for name, body in {
    "demo-customer": "11110105000012343",
    "demo-provider": "91110108551234567",
    "check-x": "91440300773456789",
    "ngo": "53100000500021676",
}.items():
    write(*cc, name, body + check(body))
write(*cc, "lowercase-with-spaces", "  " + ("91110108551234567" + check("91110108551234567")).lower() + "\t\n")
write(*cc, "letter-i-illegal", "9111010855123456I" + "7")
write(*cc, "division-with-letter", "91A10108551234567" + "2")
write(*cc, "seventeen", "91110108551234567")
write(*cc, "nineteen", "9111010855123456720")
write(*cc, "fullwidth-digits", "９１１１０１０８５５１２３４５６７２")
write(*cc, "nul-inside", "91110108\x00551234567")
write(*cc, "surrogate-bytes", b"9111010855123456\xed\xa0\x80")

# --- security -------------------------------------------------------------------------------------
sec = "security/SecurityFuzzTestInputs"
for i, v in enumerate([b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"]):  # RFC 4648 §10
    write(sec, "base32RoundTripsAnyBytes", f"rfc4648-{i}", v)
write(sec, "base32RoundTripsAnyBytes", "totp-secret-20-bytes", b"12345678901234567890")
write(sec, "base32RoundTripsAnyBytes", "zeros-and-ones", b"\x00" * 5 + b"\xff" * 7)

pw = (sec, "policyJudgesAnyPasswordWithoutFailing")
write(*pw, "accepted", "alice\nQuiet-River-Lamp-2026")
write(*pw, "accepted-chinese", "bob\n云鉴-安全口令-Blue7")
write(*pw, "contains-username", "carol\nCarol-Strong-Pass-2026")
write(*pw, "too-short", "dave\nAb1!short")
write(*pw, "two-classes", "erin\nonlylowercaseand12345")
write(*pw, "common", "frank\nPassword123!")
write(*pw, "control-character", "grace\nGood-Pass\x07word-2026")
write(*pw, "no-username", "Exactly12Ch!")
write(*pw, "spaces-around", "heidi\n   Spaced-Out-Pass-99   ")

SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


def totp(t):
    key = base64.b32decode(SECRET)
    h = hmac.new(key, struct.pack(">q", t // 30), hashlib.sha1).digest()
    o = h[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def totp_input(typed, generated, offset, at):
    # consumed from the end: at (4 bytes, range 0..4e9), offset (1 byte, -3..3), generated (1 byte)
    return typed.encode("utf-8") + bytes([1 if generated else 0, offset + 3]) + struct.pack("<I", at)


tp = (sec, "totpAcceptsExactlyTheCodesOfNeighbouringSteps")
for at in (59, 1_763_900_000, 3_999_999_999):
    for off in (-3, -2, -1, 0, 1, 2, 3):
        write(*tp, f"step{off:+d}-at-{at}", totp_input("", True, off, at))
write(*tp, "typed-current-with-spaces", totp_input(" " + totp(1_763_900_000) + " ", False, 0, 1_763_900_000))
write(*tp, "typed-previous", totp_input(totp(1_763_900_000 - 30), False, 0, 1_763_900_000))
write(*tp, "typed-five-digits", totp_input(totp(1_763_900_000)[1:], False, 0, 1_763_900_000))
write(*tp, "typed-seven-digits", totp_input(totp(1_763_900_000) + "0", False, 0, 1_763_900_000))
write(*tp, "typed-fullwidth", totp_input("１２３４５６", False, 0, 1_763_900_000))
write(*tp, "typed-letters", totp_input("abcdef", False, 0, 1_763_900_000))
write(*tp, "typed-rfc6238-at-59", totp_input("287082", False, 0, 59))  # RFC 6238 SHA-1 vector, 6 digits
write(*tp, "typed-empty", totp_input("", False, 0, 0))

# --- exit: deletion check reports --------------------------------------------------------------------
def report(target="s3://b/p/", bucket="b", prefix="p/", empty=None, remaining=(), totals=None, **extra):
    kinds = {"CURRENT": "current", "NON_CURRENT": "nonCurrent", "DELETE_MARKER": "deleteMarkers",
             "MULTIPART_UPLOAD": "multipartUploads"}
    t = {v: 0 for v in kinds.values()}
    for r in remaining:
        if r["kind"] in kinds:
            t[kinds[r["kind"]]] += 1
    t["bytes"] = sum(r.get("size", 0) for r in remaining)
    if totals:
        t.update(totals)
    m = {"target": target, "bucket": bucket, "prefix": prefix,
         "empty": (len(remaining) == 0) if empty is None else empty,
         "checkedAt": "2026-11-21T10:00:01Z", "totals": t, "remaining": list(remaining)}
    m.update(extra)
    return json.dumps(m, ensure_ascii=False)


def rem(key, kind, size=3, version="v1"):
    r = {"key": key, "kind": kind, "size": size, "lastModified": "2026-11-21T10:00:00Z"}
    if version:
        r["versionId"] = version
    return r


dc = ("exit/DeletionCheckReportFuzzTestInputs", "eitherAConsistentReportOrANamedProblem")
whole = b"\x00"
write(*dc, "empty-bucket", report().encode() + whole)
write(*dc, "whole-bucket-empty", report(target="s3://exit-bucket", bucket="exit-bucket", prefix="").encode() + whole)
write(*dc, "one-of-each-kind", report(remaining=[rem("p/a", "CURRENT", version=None), rem("p/a", "NON_CURRENT"),
                                                 rem("p/b", "DELETE_MARKER", 0, "v2"),
                                                 rem("p/big.bin", "MULTIPART_UPLOAD", 0, None)]).encode() + whole)
write(*dc, "chinese-key", report(remaining=[rem("p/移交/清单.jsonl", "CURRENT", 42, None)]).encode() + whole)
write(*dc, "claims-empty-but-lists", report(empty=True, remaining=[rem("p/a", "NON_CURRENT")]).encode() + whole)
write(*dc, "totals-disagree", report(remaining=[rem("p/a", "NON_CURRENT")], totals={"nonCurrent": 2}).encode() + whole)
write(*dc, "target-other-bucket", report(target="s3://other/p/").encode() + whole)
write(*dc, "unknown-kind", report(remaining=[rem("p/a", "GHOST")], totals={"current": 0}).encode() + whole)
write(*dc, "negative-size", report(remaining=[rem("p/a", "CURRENT", -1, None)]).encode() + whole)
write(*dc, "missing-totals", json.dumps({"target": "s3://b/p/", "bucket": "b", "prefix": "p/", "empty": True,
                                         "checkedAt": "2026-11-21T10:00:01Z", "remaining": []}).encode() + whole)
write(*dc, "bad-time", report().replace("2026-11-21T10:00:01Z", "yesterday").encode() + whole)
write(*dc, "not-json", "clean: true\n".encode() + whole)
write(*dc, "deep-nesting", ("[" * 5000).encode() + whole)
# odd last byte: a prefix of the test's SEED (length from the two bytes before it) and then the text
write(*dc, "seed-prefix-then-garbage", b'"remaining":[]}' + struct.pack("<H", 120) + b"\x01")

# --- catalog: a splice into the shipped GB/T 31167 §9 catalog ---------------------------------------
BASE = open("src/main/resources/catalog/gbt31167-s9.json", encoding="utf-8").read()


def utf16_index(i):
    return len(BASE[:i].encode("utf-16-le")) // 2


def splice(name, find, replace_with, occurrence=1, cut=None):
    """Replace the n-th occurrence of `find` (cut = its length unless given, at most 40) with the text."""
    at = -1
    for _ in range(occurrence):
        at = BASE.index(find, at + 1)
    cut = len(find) if cut is None else cut
    assert cut <= 40
    # consumed from the end: at (2 bytes, 0..len), then cut (1 byte, 0..min(40, len - at))
    write("catalog/internal/CatalogLoaderFuzzTestInputs", "loaderLoadsOrNamesTheProblem", name,
          replace_with.encode("utf-8") + bytes([cut]) + struct.pack("<H", utf16_index(at)))


assert len(BASE.encode("utf-16-le")) // 2 < 65536
splice("unchanged", '"formatVersion"', '"formatVersion"')
splice("retitled-section", "退出要求", "退出云计算服务的要求")
splice("format-version-2", '"formatVersion": 1', '"formatVersion": 2')
splice("unknown-phase", '"EXIT"', '"EXITING"')
splice("duplicate-item-id", '"GBT31167-9.1-b"', '"GBT31167-9.1-a"')
splice("broken-json", '"id": "GBT31167-9.1",', '"id": "GBT31167-9.1",,')
splice("cut-mid-string", "云计算服务安全退出服务", "", cut=3)
splice("control-character", "退出要求", "退出\u0007要求")
splice("unknown-member", '"formatVersion": 1,', '"formatVersion": 1, "extra": true,')
splice("null-title-of-standard", '"信息安全技术 云计算服务安全指南"', "null")
splice("deep-nesting", '"formatVersion": 1,', '"formatVersion": 1, "x": ' + "[" * 200 + "]" * 200 + ",")
