#!/usr/bin/env python3
"""One-off generator of src/main/resources/catalog/tccia-004-2024.json (provenance; the JSON is the source of truth).

Scope: clauses 5 to 9 and Annexes A and B of docs/standards/tccia-004-2024-cloud-responsibility-allocation.txt
(clauses 1 to 4 are scope, references, terms and overview and carry no requirement).

Structure rules for the body, whose list markers survived but whose indentation did not:
- a line 'a)' … is a first-level item, '1)' … a second-level item under the last letter;
- a letter following a second-level item continues a third-level run under that item ('a)' starts one,
  the next letter of the run continues it), otherwise it is first-level (only 8.2.2 has third-level letters);
- an unmarked '- ' bullet is a sub-item of the item before it (numbered in order: reconstructed);
- an unmarked line that follows an item whose text does not end in 。；：; continues that item (page break);
- '注：' lines are notes of the node before them; other unmarked paragraphs are the clause's lead-in
  (first) or its notes (later); figure captions ('图 …') are not catalogued.
Items keep their printed numbers even where the source is out of order (7.1.2 b) runs 1), 4), 2)).
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from tccia_en import EN, TITLES_EN, LEADS_EN, NOTES_EN  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "docs/standards/tccia-004-2024-cloud-responsibility-allocation.txt"
OUT = ROOT / "src/main/resources/catalog/tccia-004-2024.json"
CODE = "TCCIA004"

CU, PR = "CUSTOMER", "PROVIDER"
SW, HW, OM, SEC = "PARTNER_SOFTWARE", "PARTNER_HARDWARE", "PARTNER_OM_SERVICE", "PARTNER_SECURITY_SERVICE"
PARTNERS = [SW, HW, OM, SEC]
ALL_PHASES = ["PLANNING", "ACQUISITION_MIGRATION", "OPERATION", "EXIT"]
PHASE_TERMS = {
    "开发与建设": ["PLANNING", "ACQUISITION_MIGRATION"],
    "运行": ["OPERATION"],
    "迁移与退出": ["ACQUISITION_MIGRATION", "EXIT"],
}
LAYERS = {"6": "MANAGEMENT", "7": "INFRASTRUCTURE", "8": "PLATFORM", "9": "SERVICE"}

HEADING = re.compile(r"^([5-9](?:\.[0-9]+){0,2})\s+(\S.*?)\s*$")
MARKED = re.compile(r"^\s*(?:-\s*)?(?:([a-z])|([0-9]+))\)\s*(.*?)\s*$")
BULLET = re.compile(r"^\s*-\s+(\S.*?)\s*$")
FIGURE = re.compile(r"^图\s*[A-Z]?[0-9.]+\s")

# subject keywords, most specific first
SUBJECTS = [
    ("软硬件提供者", [SW, HW]),
    ("运维服务提供者及安全服务提供者", [OM, SEC]),
    ("软件提供者", [SW]),
    ("硬件提供者", [HW]),
    ("运维服务提供者", [OM]),
    ("安全服务提供者", [SEC]),
    ("云服务合作者", PARTNERS),
    ("云服务合作方", PARTNERS),
    ("云服务提供者", [PR]),
    ("云服务提供商", [PR]),
    ("云服务商", [PR]),
    ("客户", [CU]),
]

# roles where the subject rule cannot see them (checked by hand)
ROLE_OVERRIDES = {
    "5-a": [CU, PR] + PARTNERS,
    "5-a-1": [PR, CU],
    "5-a-3": [PR] + PARTNERS,
    "5-b-1": [PR] + PARTNERS,
    "5-b-2": [PR] + PARTNERS,
    "5-b-3": [PR],
    "5-c": [CU, PR],
    "5-d": PARTNERS + [PR],
    "7.2-c-2": [PR, OM],
    "7.2-c-2-1": [PR, OM],
    "7.2-c-2-2": [PR, OM],
    "7.2-c-2-3": [PR, OM],
    "7.3-1": [PR, HW],
    "7.2-a": [CU, PR] + PARTNERS,
    "5-e": [PR],
    "6.5-a": [CU, PR],
    "8.2.4-c": PARTNERS,
    # issue 59: a lead-in "云服务合作者中各角色…" (or "云服务合作者" over sub-items) names no partner itself; it carries the
    # partners its printed sub-items name, not all four (8.2.x c)/b): no 硬件提供者 among them)
    "7.2-c": [HW, OM],
    "8.1.3-b": [SW, HW],
    "8.2.1-c": [SW, OM, SEC],
    "8.2.2-b": [SW, OM, SEC],
    "8.2.3-c": [OM, SEC],
}

RULES = {
    "5-a": [{"kind": "RESPONSIBILITY_NOT_TRANSFERABLE", "parameter": None, "liable": []}],
    "5-a-1": [{"kind": "RESPONSIBILITY_NOT_TRANSFERABLE", "parameter": None, "liable": []}],
    "5-a-2": [{"kind": "PROVIDER_RETAINS_IMPLEMENTATION_WORK", "parameter": None, "liable": []}],
    "5-a-3": [{"kind": "DELEGATION_REQUIRES_CONTRACT", "parameter": None, "liable": []}],
    "5-b": [{"kind": "OWN_MANAGEMENT_RESPONSIBILITY", "parameter": None, "liable": [PR]}],
    "5-b-1": [{"kind": "MAX_DELEGATION_DEPTH", "parameter": 2, "liable": []}],
    "5-b-2": [{"kind": "DELEGATION_REQUIRES_CONTRACT", "parameter": None, "liable": []}],
    "5-b-3": [{"kind": "DELEGATOR_LIABLE_FOR_UNCLEAR_CONTRACT", "parameter": None, "liable": [PR]}],
    "5-c": [{"kind": "OWN_MANAGEMENT_RESPONSIBILITY", "parameter": None, "liable": [CU]},
            {"kind": "DELEGATION_REQUIRES_CONTRACT", "parameter": None, "liable": []},
            {"kind": "DELEGATOR_LIABLE_FOR_UNCLEAR_CONTRACT", "parameter": None, "liable": [CU]}],
    "5-d": [{"kind": "PARTNER_WORKS_UNDER_PROVIDER_OVERSIGHT", "parameter": None, "liable": []}],
    "5-e": [{"kind": "MULTI_CLOUD_UNIFORM_GOVERNANCE", "parameter": None, "liable": []}],
}

CORRECTIONS = {  # clause-item -> [(original, corrected, note)] in the item text
    "8.2.3-c-1": [("进行明确约；。", "进行明确约定。", "truncated word")],
    "8.3-b-1": [("约定的的", "约定的", "duplicated character")],
    "8.2.4-b": [("数安全管理措施", "数据安全管理措施", "missing character")],
    "8.1.1-b-1": [("云计算平台平台", "云计算平台", "duplicated word")],
    "8.2.3-b-2": [("一版规则", "一般规则", "版 for 般")],
    "8.2.1-c-2": [("并应要获得", "并应获得", "stray character")],
    "6.6-b-2": [],
}

ROLE_TERMS = {
    "云服务提供者": [PR], "云服务提供者（联合）": [PR], "软件提供者": [SW], "硬件提供者": [HW],
    "运维服务提供者": [OM], "安全服务提供商": [SEC], "安全服务提供者": [SEC], "客户": [CU], "云服务客户": [CU],
}

INCIDENT_CATEGORY = {  # category as printed -> (layer, related clause, phases)
    "通用 -安全组织 及人员": ("MANAGEMENT", "6.3", ALL_PHASES),
    "基础设施层 -机房选址 及建设安全": ("INFRASTRUCTURE", "7.1.1", PHASE_TERMS["开发与建设"]),
    "基础设施层 -物理设备安全": ("INFRASTRUCTURE", "7.1.2", PHASE_TERMS["开发与建设"]),
    "平台层 -云计算平台研发与规划": ("PLATFORM", "8.1.1", PHASE_TERMS["开发与建设"]),
    "平台层 -云计算平台配置": ("PLATFORM", "8.1.2", PHASE_TERMS["开发与建设"] + ["OPERATION"]),
    "服务层": ("SERVICE", "9.2", ["OPERATION"]),
}
INCIDENT_COLUMNS = [CU, PR, SW, HW, OM, SEC]
# Table B.1 prints no clause: relatedClause is this catalog's inference, by category (INCIDENT_CATEGORY). Where the
# category's clause holds no duty the incident breaks, the incident names the duties it does break (issue 36 R-7):
# B.1 13 "对已发现云计算平台软件漏洞未及时通报云服务提供者" breaks the software provider's 6.6 c) 3) "发现自身产品、服务
# 存在漏洞、安全缺陷的，应当及时告知受影响的云服务提供者" and 6.5 c) 1) "明确产品功能、产品漏洞的通知方式和响应标准",
# not a duty of 8.1.2 (平台配置, which names the provider only). relatedClause is then the first duty's clause.
INCIDENT_DUTIES = {"13": ["6.6-c-3", "6.5-c-1"]}


def subject_roles(text):
    """Roles named as the grammatical subject at the start of an item ('客户应…', '云服务合作者中的硬件提供者应…')."""
    head = re.sub(r"^(当|如)", "", text)
    for key, roles in SUBJECTS:
        if head.startswith(key) or re.match(r"^云服务合作者中的?" + key, head):
            return list(roles)
    return None


def node(rid, kind, clause, item, label, parent, title, text, line, reconstructed=False):
    return {
        "id": rid, "kind": kind, "clause": clause, "item": item, "sourceLabel": label,
        "numberingReconstructed": reconstructed, "parent": parent, "title": title, "titleEn": None,
        "text": text, "textEn": None, "phaseInStandard": None, "phases": [], "roles": [],
        "layer": None, "deploymentModels": [], "bold": False, "sourceLine": line,
    }


def body(lines):
    reqs = {}
    order = []
    clause = None
    stack = {}  # level -> (item path, last marker)
    last = None

    def add(r):
        assert r["id"] not in reqs, r["id"]
        reqs[r["id"]] = r
        order.append(r["id"])
        return r

    end = next(i for i, l in enumerate(lines) if l.strip() == "附录 A")
    start = next(i for i, l in enumerate(lines) if l.strip() == "5 通用要求")
    for idx in range(start, end):
        raw = lines[idx]
        number = idx + 1
        line = raw.strip()
        if not line or FIGURE.match(line):
            continue
        h = HEADING.match(line)
        if h and not MARKED.match(line):
            clause = h.group(1)
            parent = None if "." not in clause else f"{CODE}-{clause.rsplit('.', 1)[0]}"
            last = add(node(f"{CODE}-{clause}", "SECTION", clause, None, None, parent, h.group(2), None, number))
            stack = {}
            continue
        m = MARKED.match(raw)
        if m:
            letter, num, text = m.group(1), m.group(2), m.group(3)
            if num is not None:
                level = 2
                marker = num
            elif 2 in stack and (
                    (letter == "a") or (3 in stack and stack[3][1] and ord(letter) == ord(stack[3][1]) + 1)):
                level = 3
                marker = letter
            else:
                level = 1
                marker = letter
            if level == 1:
                path = marker
                stack = {1: (path, marker)}
            elif level == 2:
                path = f"{stack[1][0]}-{marker}"
                stack = {1: stack[1], 2: (path, marker)}
            else:
                path = f"{stack[2][0]}-{marker}"
                stack = {1: stack[1], 2: stack[2], 3: (path, marker)}
            stack["bullets"] = 0
            parent = f"{CODE}-{clause}" if level == 1 else f"{CODE}-{clause}-{path.rsplit('-', 1)[0]}"
            last = add(node(f"{CODE}-{clause}-{path}", "ITEM", clause, path, f"{marker})", parent, None, text, number))
            last["_level"] = level
            continue
        b = BULLET.match(raw)
        if b:
            owner = last if last["kind"] == "ITEM" and "_bullet" not in last else reqs[last["parent"]]
            count = sum(1 for r in reqs.values() if r["parent"] == owner["id"] and r.get("_bullet"))
            path = f"{owner['item']}-{count + 1}"
            item = add(node(f"{CODE}-{clause}-{path}", "ITEM", clause, path, None, owner["id"], None, b.group(1),
                            number, reconstructed=True))
            item["_bullet"] = True
            last = item
            continue
        if line.startswith("注："):
            last.setdefault("notes", []).append(line)
            continue
        if last["kind"] == "ITEM" and not re.search(r"[。；：;.]$", last["text"]):
            last["text"] += line
            last.setdefault("_continued", []).append(number)
            continue
        section = last if last["kind"] == "SECTION" else reqs[f"{CODE}-{clause}"]
        has_children = any(reqs[c]["parent"] == section["id"] for c in order)
        if section["text"] is None and not has_children:
            section["text"] = line
        elif section["text"] is not None and section["text"].endswith("如下：") and not has_children:
            # an unmarked duty right after a "…分工如下：" lead-in is the clause's only item (7.3)
            last = add(node(f"{CODE}-{clause}-1", "ITEM", clause, "1", None, section["id"], None, line, number,
                            reconstructed=True))
        else:
            section.setdefault("notes", []).append(line)
    return [reqs[i] for i in order]


def annex_a(lines):
    reqs = []
    start = next(i for i, l in enumerate(lines) if l.strip() == "附录 A")
    end = next(i for i, l in enumerate(lines) if l.strip() == "附录 B")
    title_line = next(i for i in range(start, start + 4) if lines[i].strip() == "责任角色认定示例")
    reqs.append(node(f"{CODE}-A", "SECTION", "A", None, None, None, "责任角色认定示例", None, title_line + 1))
    clause = None
    actor = None
    count = 0
    last = None
    for idx in range(start + 1, end):
        raw = lines[idx]
        line = raw.strip()
        h = re.match(r"^(A\.[0-9])\s+(\S.*)$", line)
        if h:
            clause = h.group(1)
            reqs.append(node(f"{CODE}-{clause}", "SECTION", clause, None, None, f"{CODE}-A", h.group(2), None, idx + 1))
            count = 0
            continue
        if "\t" in raw:
            cells = raw.split("\t")
            if cells[0] == "主体":
                continue
            if cells[0].strip() == "" and cells[2].strip() == "" and last is not None:
                last["text"] += cells[1]
                last["_continued"] = [idx + 1]
                continue
            if cells[0].strip():
                actor = cells[0].strip()
            count += 1
            term = cells[2].strip()
            r = node(f"{CODE}-{clause}-{count}", "ITEM", clause, str(count), None, f"{CODE}-{clause}", None,
                     cells[1], idx + 1, reconstructed=True)
            r["roleDetermination"] = {"actor": actor, "behaviours": [], "roleTerm": term,
                                      "roles": ROLE_TERMS[term], "joint": "联合" in term}
            r["roles"] = ROLE_TERMS[term]
            r["phases"] = ALL_PHASES
            reqs.append(r)
            last = r
            continue
        if not line or line.startswith("图") or line.startswith("表") or line in ("(资料性)", "责任角色认定示例"):
            continue
        target = reqs[-1] if reqs[-1]["kind"] == "SECTION" else next(r for r in reqs if r["id"] == f"{CODE}-{clause}")
        if target["text"] is None:
            target["text"] = line
        else:
            target.setdefault("notes", []).append(re.sub(r"^-\s+", "", line))
    for r in reqs:
        if "roleDetermination" in r:
            parts = [p for p in re.split(r"\s+(?=[0-9]\)\s)", r["text"].strip()) if p.strip()]
            behaviours = []
            for p in parts:
                pm = re.match(r"^(?:([0-9])\)\s*)?([^：]+)：(.*)$", p.strip())
                if pm:
                    behaviours.append({"number": int(pm.group(1)) if pm.group(1) else None,
                                       "name": pm.group(2), "text": pm.group(3)})
                else:
                    behaviours.append({"number": None, "name": None, "text": p.strip()})
            r["roleDetermination"]["behaviours"] = behaviours
    return reqs


def annex_b(lines):
    start = next(i for i, l in enumerate(lines) if l.strip() == "附录 B")
    title_line = next(i for i in range(start, start + 5) if lines[i].strip() == "典型的安全责任实施工作划分案例")
    reqs = [node(f"{CODE}-B", "SECTION", "B", None, None, None, "典型的安全责任实施工作划分案例", None, title_line + 1)]
    category = None
    for idx in range(start + 1, len(lines)):
        raw = lines[idx]
        line = raw.strip()
        if line.startswith("参 考 文 献"):
            break
        if "\t" in raw:
            cells = raw.split("\t")
            if cells[0] == "序号":
                continue
            if cells[1].strip():
                category = cells[1].strip()
            number = cells[0].strip().rstrip(".")
            liable = [role for role, mark in zip(INCIDENT_COLUMNS, cells[3:9]) if mark.strip() == "✓"]
            layer, related, phases = INCIDENT_CATEGORY[category]
            r = node(f"{CODE}-B-{number}", "ITEM", "B", number, cells[0].strip(), f"{CODE}-B", None, cells[2], idx + 1)
            r["incident"] = {"category": category, "liableRoles": liable, "relatedClause": related}
            if number in INCIDENT_DUTIES:
                duties = INCIDENT_DUTIES[number]
                r["incident"]["relatedClause"] = duties[0].split("-")[0]
                r["incident"]["relatedDuties"] = [f"{CODE}-{d}" for d in duties]
            r["roles"] = liable
            r["layer"] = layer
            r["phases"] = phases
            reqs.append(r)
            continue
        if line and reqs[0]["text"] is None and not line.startswith("表") and line not in ("(资料性)", "典型的安全责任实施工作划分案例"):
            reqs[0]["text"] = line
    return reqs


def build():
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    reqs = body(lines)
    by_id = {r["id"]: r for r in reqs}
    for r in reqs:
        top = r["clause"].split(".")[0]
        r["layer"] = LAYERS.get(top)
        parts = r["clause"].split(".")
        phase_term = None
        if top in ("7", "8", "9") and len(parts) >= 2:
            title = by_id[f"{CODE}-{top}.{parts[1]}"]["title"]
            phase_term = next(t for t in PHASE_TERMS if title.startswith(t))
        r["phaseInStandard"] = phase_term
        r["phases"] = PHASE_TERMS[phase_term] if phase_term else ALL_PHASES
        if r["kind"] == "ITEM":
            key = f"{r['clause']}-{r['item']}"
            roles = ROLE_OVERRIDES.get(key) or subject_roles(r["text"]) or by_id[r["parent"]]["roles"]
            r["roles"] = list(roles)
            if key in RULES:
                r["allocationRules"] = RULES[key]
            if CORRECTIONS.get(key):
                r["corrections"] = [{"field": "text", "original": o, "corrected": c, "note": n}
                                    for o, c, n in CORRECTIONS[key]]
    reqs += annex_a(lines) + annex_b(lines)
    missing = []
    for r in reqs:
        key = r["id"][len(CODE) + 1:]
        if r["kind"] == "SECTION":
            r["titleEn"] = TITLES_EN.get(key) or missing.append(("title", key, r["title"]))
            if r["text"] is not None:
                r["textEn"] = LEADS_EN.get(key) or missing.append(("lead", key, r["text"]))
        else:
            r["textEn"] = EN.get(key) or missing.append(("item", key, r["text"]))
        for i, note in enumerate(r.get("notes", [])):
            if f"{key}#{i}" not in NOTES_EN:
                missing.append(("note", f"{key}#{i}", note))
        if r.get("notes"):
            r["notes"] = [{"text": n, "textEn": NOTES_EN.get(f"{key}#{i}")} for i, n in enumerate(r["notes"])]
        for k in [k for k in r if k.startswith("_")]:
            del r[k]
    if missing:
        for kind, key, text in missing:
            print(f"{kind}\t{key}\t{text}")
        sys.exit(1)
    return {
        "formatVersion": 1,
        "standard": {
            "code": CODE,
            "title": "信息安全技术 云计算服务安全责任划分规则及实施指南",
            "titleEn": "Information security technology — Rules and implementation guide for the allocation of cloud computing service security responsibilities",
            "designation": "T/CCIA 004-2024 §5–§9, Annexes A and B",
            "sourceFile": "docs/standards/tccia-004-2024-cloud-responsibility-allocation.txt",
            "phaseTerms": [{"term": t, "phases": p} for t, p in PHASE_TERMS.items()],
            "roleTerms": [
                {"term": "客户", "roles": [CU]}, {"term": "云服务客户", "roles": [CU]},
                {"term": "云服务提供者", "roles": [PR]}, {"term": "云服务合作者", "roles": PARTNERS},
                {"term": "软件提供者", "roles": [SW]}, {"term": "硬件提供者", "roles": [HW]},
                {"term": "运维服务提供者", "roles": [OM]}, {"term": "安全服务提供者", "roles": [SEC]},
            ],
            "notes": "Clauses 5–9 and Annexes A and B are catalogued (1–4 carry no requirement). Items keep the "
                     "printed a) / 1) markers, including the source's out-of-order 7.1.2 b) 1), 4), 2); unmarked "
                     "bullets and annex rows are numbered in order (numberingReconstructed). §5 and §6 apply in every "
                     "phase; roles follow each item's subject, inherited by sub-items that name none.",
        },
        "requirements": reqs,
    }


if __name__ == "__main__":
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT} with {len(data['requirements'])} nodes", file=sys.stderr)
