#!/usr/bin/env python3
"""One-off generator of src/main/resources/catalog/jrt-securities-futures.json (provenance; the JSON is the source of truth).

Scope: clauses 4 to 8 of docs/standards/jrt-securities-futures-cloud-security-spec.txt (1 to 3 are scope,
references and terms). The draft numbers clauses but no list items: every paragraph of a clause is an
item numbered in order, and the '- ' bullets after a paragraph are its numbered sub-items (bullets with
no paragraph before them in their clause are items themselves). A line that follows an item whose
text does not end in 。；：; continues that item (page break). All item numbering is reconstructed.
Bold ('**…**') would mark higher-level requirements; the working copy has none outside the 引言's
explanation, so every item is bold=false (the completeness test derives this from the text).
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from jrt_en import EN, TITLES_EN  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "docs/standards/jrt-securities-futures-cloud-security-spec.txt"
OUT = ROOT / "src/main/resources/catalog/jrt-securities-futures.json"
CODE = "JRT-SF"

CU, PR = "CUSTOMER", "PROVIDER"
ALL = ["PLANNING", "ACQUISITION_MIGRATION", "OPERATION", "EXIT"]
PHASES = {"5": ("规划准备", ["PLANNING"]), "6": ("服务获取", ["ACQUISITION_MIGRATION"]),
          "7": ("运行监督", ["OPERATION"]), "8": ("服务退出", ["EXIT"]),
          "4.2.1": ("规划准备", ["PLANNING"]), "4.2.2": ("服务获取", ["ACQUISITION_MIGRATION"]),
          "4.2.3": ("运行监督", ["OPERATION"]), "4.2.4": ("服务退出", ["EXIT"])}
MODELS = {"2": ["PRIVATE"], "3": ["COMMUNITY"], "4": ["PUBLIC"]}

HEADING = re.compile(r"^([4-8](?:\.[0-9]+){0,2})\s+(\S.*?)\s*$")
BULLET = re.compile(r"^\s*-\s+(\S.*?)\s*$")

# item (clause-path) -> roles, where the subject rule cannot see them
ROLE_OVERRIDES = {
    "4.3.1-2": [PR], "4.3.1-2-1": [PR], "4.3.1-2-2": [PR], "4.3.1-2-3": [PR], "4.3.1-2-4": [PR],
    "4.3.2-2": [CU], "4.3.2-2-1": [CU], "4.3.2-2-2": [CU], "4.3.2-2-3": [CU], "4.3.2-2-4": [CU],
    "4.3-1": [CU, PR], "4.3-1-1": [PR], "4.3-1-2": [CU],
    "4.1-1-1": [CU, PR], "4.1-1-2": [CU, PR], "4.1-1-3": [CU, PR], "4.1-1-4": [CU, PR], "4.1-1-5": [CU, PR],
    "4.1.4-1": [PR], "4.1.5-1": [PR, CU], "4.2-1": [CU], "4.1-1": [CU, PR],
    "4.1.2-1": [CU, PR], "4.1.3-1": [CU, PR], "7.4.1-1": [CU], "8.1-1": [CU, PR],
    # issue 59: 6.1 "委托方选择受托方时，应考虑但不限于以下服务能力：" — each criterion is the customer's to apply; those on the
    # 受托方's offering bind the provider too
    "6.1-4-1": [CU, PR], "6.1-4-2": [CU, PR], "6.1-4-3": [CU, PR], "6.1-4-7": [CU, PR], "6.1-4-8": [CU, PR],
}
# items that state no duty (issue 59): 4.2 "证券期货机构应用云计算技术的过程可分为四个阶段：" with the four phase names and 4.3
# "云服务安全管理的主要角色包括：" with the two role names only name phases and roles; kept as informative text, no plan lists them
NATURE = {k: "DEFINITION" for k in ("4.2-1", "4.2-1-1", "4.2-1-2", "4.2-1-3", "4.2-1-4", "4.3-1", "4.3-1-1", "4.3-1-2")}
# who a clause addresses when an item names no subject
CLAUSE_DEFAULT = {"5": [CU], "7.4.2": [CU], "7.4.3": [PR], "8": [CU]}
INVENTORY = {
    "8.1.3-3-1": {
        "category": "DATA_FILES",
        "fields": [
            {"key": "fileName", "name": "文件名称", "nameEn": "File name"},
            {"key": "description", "name": "数据文件内容的描述", "nameEn": "Description of the file's content"},
            {"key": "storageFormat", "name": "存储格式", "nameEn": "Storage format"},
            {"key": "fileSize", "name": "文件大小", "nameEn": "File size"},
            {"key": "classification", "name": "类型", "nameEn": "Type", "values": ["敏感", "公开"]},
        ],
        "contents": ["解密方法和密钥", "技术资料或转换工具"],
    },
    "8.1.3-3-2": {
        "category": "PROGRAM_CODE", "fields": [],
        "contents": ["可执行程序", "源代码", "功能描述", "设计文档", "开发及运行环境描述", "维护手册", "用户使用手册"],
    },
    "8.1.3-3-3": {"category": "OTHER_DATA", "fields": [], "contents": ["云服务的委托方行为习惯统计", "网络流量统计"]},
    "8.1.3-3-4": {"category": "DOCUMENTS", "fields": [],
                  "contents": ["委托方使用云服务过程中提供给受托方的各种文档资料", "双方共同完成的涉及委托方的相关资料"]},
}


# (original, corrected, note): recorded on every item whose text contains the original
CORRECTIONS = [
    ("外部 and 内部", "外部和内部", "conversion residue: English 'and' for 和"),
    ("信息安全管理体系统认证", "信息安全管理体系认证", "stray character"),
    ("应云计算平台拟承载", "根据云计算平台拟承载", "missing 根据 (compare 6.3.3)"),
    ("其安全能力应满足受托方要求", "其安全能力应满足委托方要求", "受托方 for 委托方: the assignee's capability must meet the client's requirements"),
]


def subject_roles(text):
    # an item whose first subject is one party may go on to bind the other in a further clause
    # ("委托方应对受托方开展信息安全评估，受托方应提供……"): both are bound
    if text.startswith("委托方") or text.startswith("在采用云服务时，委托方"):
        return [CU, PR] if re.search(r"[，。；]受托方应", text) else [CU]
    if text.startswith("受托方"):
        return [PR, CU] if re.search(r"[，。；]委托方应", text) else [PR]
    if re.match(r"^(合同|服务水平协议|保密协议)应", text):
        return [CU, PR]
    if re.match(r"^(私有云|行业云|公共云)(应|不应|的运行)", text):
        return [PR]
    if "委托方应" in text:
        return [CU]
    if "受托方应" in text:
        return [PR]
    return None


def node(rid, kind, clause, item, parent, title, text, line):
    return {
        "id": rid, "kind": kind, "clause": clause, "item": item, "sourceLabel": None,
        "numberingReconstructed": item is not None, "parent": parent, "title": title, "titleEn": None,
        "text": text, "textEn": None, "phaseInStandard": None, "phases": [], "roles": [],
        "layer": None, "deploymentModels": [], "bold": False, "sourceLine": line,
    }


def build():
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    start = next(i for i, l in enumerate(lines) if l.strip() == "4 总体安全原则")
    end = next(i for i, l in enumerate(lines) if l.strip() == "参 考 文 献")
    reqs, by_id = [], {}
    clause = None
    paragraph = None  # last paragraph item of the clause (owner of following bullets)
    last = None
    counts = {}

    def add(r):
        reqs.append(r)
        by_id[r["id"]] = r
        return r

    for idx in range(start, end):
        raw = lines[idx]
        line = raw.strip()
        if not line:
            continue
        h = HEADING.match(line)
        if h:
            clause = h.group(1)
            parent = None if "." not in clause else f"{CODE}-{clause.rsplit('.', 1)[0]}"
            last = add(node(f"{CODE}-{clause}", "SECTION", clause, None, parent, h.group(2), None, idx + 1))
            paragraph = None
            continue
        if last is not None and last["kind"] == "ITEM" and not re.search(r"[。；：;]$", last["text"]) \
                and not BULLET.match(raw):
            last["text"] += line
            continue
        if line.startswith("注："):
            last.setdefault("notes", []).append(line)
            continue
        b = BULLET.match(raw)
        if b and paragraph is not None:
            n = counts[paragraph["id"]] = counts.get(paragraph["id"], 0) + 1
            last = add(node(f"{paragraph['id']}-{n}", "ITEM", clause, f"{paragraph['item']}-{n}", paragraph["id"],
                            None, b.group(1), idx + 1))
            continue
        section_id = f"{CODE}-{clause}"
        n = counts[section_id] = counts.get(section_id, 0) + 1
        text = b.group(1) if b else line
        last = add(node(f"{section_id}-{n}", "ITEM", clause, str(n), section_id, None, text, idx + 1))
        paragraph = None if b else last

    for r in reqs:
        top = r["clause"].split(".")[0]
        key = next((k for k in (r["clause"][:5], top) if k in PHASES), None)
        if key:
            r["phaseInStandard"], r["phases"] = PHASES[key][0], PHASES[key][1]
        else:
            r["phases"] = ALL
        parts = r["clause"].split(".")
        if top in ("6", "7", "8") and len(parts) >= 2:
            r["deploymentModels"] = MODELS.get(parts[1], [])
        if "**" in r["text"] if r["text"] else False:
            r["bold"] = True
            r["text"] = r["text"].replace("**", "")
        if r["kind"] == "ITEM":
            key = f"{r['clause']}-{r['item']}"
            parent = by_id[r["parent"]]
            roles = ROLE_OVERRIDES.get(key)
            if roles is None and parent["kind"] == "ITEM" and re.search(
                    r"受托方承担以下责任和义务|要求受托方至少采取以下措施|数据清单的内容|合同应对特殊情况|服务水平协议应包括", parent["text"]):
                roles = [PR, CU]  # what the provider must do and the customer must require (contract, disposal, inventory)
            if roles is None:
                roles = subject_roles(r["text"])
            if roles is None:
                roles = parent["roles"] or None
            if roles is None and r["deploymentModels"] == ["PRIVATE"]:
                roles = [CU, PR]
            if roles is None:
                roles = next((CLAUSE_DEFAULT[k] for k in (r["clause"], top) if k in CLAUSE_DEFAULT), None)
            if roles and r["deploymentModels"] == ["PRIVATE"] and CU not in roles:
                roles = [CU] + roles  # a private cloud's provider and customer are the same institution
            r["roles"] = list(roles or [])
            if key in NATURE:
                r["nature"] = NATURE[key]
            if key in INVENTORY:
                r["exitInventory"] = INVENTORY[key]
            fixes = [{"field": "text", "original": o, "corrected": c, "note": n}
                     for o, c, n in CORRECTIONS if o in r["text"]]
            if fixes:
                r["corrections"] = fixes

    missing = []
    for r in reqs:
        if r["kind"] == "SECTION":
            r["titleEn"] = TITLES_EN.get(r["clause"])
            if not r["titleEn"]:
                missing.append(f"title\t{r['clause']}\t{r['title']}")
        else:
            r["textEn"] = EN.get(r["text"])
            if not r["textEn"]:
                missing.append(f"item\t{r['clause']}-{r['item']}\t{r['text']}")
            if not r["roles"]:
                missing.append(f"roles\t{r['clause']}-{r['item']}\t{r['text']}")
        if r.get("notes"):
            r["notes"] = [{"text": t, "textEn": EN.get(t)} for t in r["notes"]]
            missing += [f"note\t{r['id']}\t{n['text']}" for n in r["notes"] if not n["textEn"]]
    if missing:
        seen = set()
        for m in missing:
            t = m.split("\t", 2)[2]
            if (m.split("\t")[0], t) not in seen:
                print(m)
                seen.add((m.split("\t")[0], t))
        sys.exit(1)
    return {
        "formatVersion": 1,
        "standard": {
            "code": CODE,
            "title": "证券期货业云技术应用安全规范",
            "titleEn": "Specification for information security based on cloud technology of the securities and futures industry",
            "designation": "JR/T (送审稿) 证券期货业云技术应用安全规范 §4–§8",
            "sourceFile": "docs/standards/jrt-securities-futures-cloud-security-spec.txt",
            "phaseTerms": [{"term": t, "phases": p} for t, p in
                           [("规划准备", ["PLANNING"]), ("服务获取", ["ACQUISITION_MIGRATION"]),
                            ("运行监督", ["OPERATION"]), ("服务退出", ["EXIT"])]],
            "roleTerms": [{"term": "委托方", "roles": [CU]}, {"term": "受托方", "roles": [PR]},
                          {"term": "云服务客户", "roles": [CU]}, {"term": "云服务商", "roles": [PR]}],
            "notes": "Clauses 4–8 are catalogued. The draft has clause numbers but no item markers: paragraphs are "
                     "numbered in order within their clause and bullets within their paragraph (numberingReconstructed). "
                     "Deployment models follow the clause (x.2 私有云 PRIVATE, x.3 行业云 COMMUNITY, x.4 公共云 PUBLIC). "
                     "No requirement of the working copy is printed bold, so none is flagged.",
        },
        "requirements": reqs,
    }


if __name__ == "__main__":
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT} with {len(data['requirements'])} nodes", file=sys.stderr)
