#!/usr/bin/env python3
"""One-off generator of src/main/resources/catalog/gov-website-guide.json (provenance; the JSON is the source of truth).

The working copy (docs/standards/gov-website-cloud-security-guide.txt) lost its clause numbers and some
headings. Reconstruction, chapter by chapter (docs/standards/README.md: 概述 → 5, 规划准备 → 6,
部署迁移 → 7, 运行管理 → 8, 退出服务 → 9):

- The residue before headings is Word's list numbering and decodes exactly: '0. X' is a second-level
  clause; 'N. X' is a third-level clause whose parent is the N-th second-level clause of the document
  (counting from 0: 5.1 = 0, 5.2 = 1 … 9.3 = 22); '0.N.k.m X' is a fourth-level clause m under the
  (k+1)-th child of second-level clause N. The numbers seen (1, 5, 6, 9, 11, 12, 15, 17, 21, 22) fix
  the count of second-level clauses per chapter: 4, 6, 4, 6, 3.
- A line starting with a space is where a heading was lost. A lost heading before 'N. X' is the
  second-level clause N; a lost heading before a paragraph is a new clause at the level the residue
  count requires (6.4, 6.5 and 7.4 are second-level; the others are third-level siblings).
  The chapter headings 部署迁移 and 运行管理 and their 概述 / 安全职责 clauses are lost too; their titles
  come from README.md and from the parallel chapters 6 and 9 (titleSource).
- 7.4 is placed at line 241 ('在该阶段…', the trial-run stage): the one judgement the residue leaves open.
- In a clause, a paragraph directly followed by a) / 1) items is their lead-in (the clause's text when it
  opens the clause); other paragraphs are items numbered in order.
All numbering is reconstructed. The guide covers public cloud (§1), so every item is PUBLIC.
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gov_en import EN, TITLES_EN  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "docs/standards/gov-website-cloud-security-guide.txt"
OUT = ROOT / "src/main/resources/catalog/gov-website-guide.json"
CODE = "GOVWEB"

CU, PR, TPA = "CUSTOMER", "PROVIDER", "THIRD_PARTY_ASSESSOR"
DEV, SI, SEC = "AGENT_WEBSITE_DEVELOPER", "AGENT_SYSTEM_INTEGRATOR", "AGENT_SECURITY_SERVICE"
AGENTS = [DEV, SI, SEC]
CHAPTERS = {"5": ("概述", None, ["PLANNING", "ACQUISITION_MIGRATION", "OPERATION", "EXIT"]),
            "6": ("规划准备", "规划准备", ["PLANNING"]),
            "7": ("部署迁移", "部署迁移", ["ACQUISITION_MIGRATION"]),
            "8": ("运行管理", "运行管理", ["OPERATION"]),
            "9": ("退出服务", "退出服务", ["EXIT"])}
LEVEL2_COUNTS = [("5", 4), ("6", 6), ("7", 4), ("8", 6), ("9", 3)]
LEVEL2 = [f"{c}.{i}" for c, n in LEVEL2_COUNTS for i in range(1, n + 1)]  # global index -> clause
LOST = {  # line -> (clause, title, titleSource) for headings the working copy lost
    175: [("7", "部署迁移", "docs/standards/README.md"), ("7.1", "概述", "parallel clauses 6.1 and 9.1")],
    176: [("7.2", "安全职责", "parallel clauses 6.2 and 9.2")],
    252: [("8", "运行管理", "docs/standards/README.md"), ("8.1", "概述", "parallel clauses 6.1 and 9.1")],
    253: [("8.2", "安全职责", "parallel clauses 6.2 and 9.2")],
    241: [("7.4", None, None)],
}
# lines where a lost heading precedes a paragraph, and that heading's level (the residue count fixes 6.4, 6.5)
LOST_PARAGRAPH_LEVEL = {147: 2, 151: 2, 221: 3, 222: 3, 225: 3, 230: 3, 246: 3, 250: 3}
SUBJECTS = [("云服务代理商", AGENTS), ("云代理服务商", AGENTS), ("系统集成商", [SI]), ("网站开发商", [DEV]),
            ("安全服务商", [SEC]), ("第三方评估机构", [TPA]), ("云服务客户", [CU]), ("云服务商", [PR])]
SECTION_ROLES = {"8.4.2.1": [PR], "8.4.2.2": AGENTS}
ROLE_SECTIONS = {"云服务客户": [CU], "云服务商": [PR], "云服务代理商": AGENTS, "第三方评估机构": [TPA]}
# 6.6.1-c "应要求云服务商与云服务代理商在合同中声明……": the customer requires (CU), provider and agents declare
ROLE_OVERRIDES = {
    "5.3-1": [CU, PR] + AGENTS + [TPA], "5.3-2": [CU], "5.3-3": [PR], "5.3-4": AGENTS, "5.3-4-a": [DEV],
    "5.3-4-b": [SI], "5.3-4-c": [SEC], "5.3-5": [TPA], "6.2.3-c": AGENTS,
    "5.4-1": [CU], "5.4-2": [CU], "5.4-3": [CU, PR] + AGENTS, "5.4-4": [CU, PR] + AGENTS, "5.4-5": [CU, PR],
    "5.1-1": [CU, PR] + AGENTS, "6.6.1-c": [CU, PR] + AGENTS, "7.3.3-1": [CU, PR] + AGENTS, "7.3.4-a": [PR, SI],
    "7.3.4-b": [CU, PR, SI], "7.4.3-1": [PR] + AGENTS, "7.4.3-2": [CU], "6.6.3-1": [CU, PR] + AGENTS,
    "6.5-a": [CU], "6.5-b": [CU], "6.5-a-3": [PR], "6.5-a-4": [PR], "6.5-b-1": [SI], "6.5-b-2": [DEV], "6.5-b-3": [SEC],
    "9.2.4-b": [TPA],
}
# 5.4-2…5 each describe one phase of the lifecycle ("退出服务阶段，云服务客户应要求云服务商履行相关责任和义务……"): the
# phase it describes, not all four (5.4-1, the list's lead-in, names all four)
PHASE_OVERRIDES = {"5.4-2": ["PLANNING"], "5.4-3": ["ACQUISITION_MIGRATION"], "5.4-4": ["OPERATION"],
                   "5.4-5": ["EXIT"]}
# items that state no duty: 5.2.1 a)–g) describe the risks of moving a website to the cloud ("政府网站迁移到云面临的安全
# 风险"), 5.3 describes the roles ("参与这四个阶段的云计算服务的主要角色及关系如下"). The catalog keeps them (verbatim,
# searchable, mapped) but marks their nature, so a plan does not ask anyone to complete and accept them; the risks
# seed the migration plan's risk register instead.
NATURE = {"5.2.1": "RISK", "5.3": "DEFINITION"}
# issue 59: 5.4 ¶1 "政府网站采用云计算服务的过程可分为四个阶段：" only names the phases (¶2–¶5 state duties)
NATURE_ITEMS = {"5.4-1": "DEFINITION"}
CORRECTIONS = [("环境的安全。。", "环境的安全。", "duplicated full stop"),
               ("云服务商与系统集成商应配合", "云服务商与系统集成商配合", "duplicated 应 after 应要求")]

RESIDUE_L2 = re.compile(r"^0\.\s+(\S.*?)\s*$")
RESIDUE_L3 = re.compile(r"^([1-9][0-9]*)\.\s+(\S.*?)\s*$")
RESIDUE_L4 = re.compile(r"^0\.([0-9]+)\.([0-9]+)\.([0-9]+)\s+(\S.*?)\s*$")
ITEM = re.compile(r"^([a-z]|[0-9]+)[)）]\s*(.*?)\s*$")


def node(rid, kind, clause, item, label, parent, title, text, line):
    return {"id": rid, "kind": kind, "clause": clause, "item": item, "sourceLabel": label,
            "numberingReconstructed": True, "parent": parent, "title": title, "titleEn": None, "text": text,
            "textEn": None, "phaseInStandard": None, "phases": [], "roles": [], "layer": None,
            "deploymentModels": ["PUBLIC"], "bold": False, "sourceLine": line}


def build():
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    start = next(i for i, l in enumerate(lines) if l.strip() == "概述")
    reqs, by_id = [], {}
    chapter_titles = {"概述": "5", "规划准备": "6", "退出服务": "9"}
    level2_seen = {c: 0 for c, _ in LEVEL2_COUNTS}
    children = {}
    state = {"clause": None, "chapter": None}

    def add(r):
        assert r["id"] not in by_id, r["id"]
        reqs.append(r)
        by_id[r["id"]] = r
        return r

    def open_clause(clause, title, label, line, title_source=None):
        parent = None if "." not in clause else f"{CODE}-{clause.rsplit('.', 1)[0]}"
        r = add(node(f"{CODE}-{clause}", "SECTION", clause, None, label, parent, title, None, line))
        if title_source:
            r["titleSource"] = title_source
        state["clause"] = clause
        state["items"] = []  # stack of (level, node)
        state["pending_lead"] = None
        return r

    def new_level2(line, title, label):
        chapter = state["chapter"]
        level2_seen[chapter] += 1
        return open_clause(f"{chapter}.{level2_seen[chapter]}", title, label, line)

    def new_level3(parent_clause, line, title, label):
        n = children[parent_clause] = children.get(parent_clause, 0) + 1
        return open_clause(f"{parent_clause}.{n}", title, label, line)

    def add_item(marker, text, line, label):
        """Stack entries are (level, node, kind): paragraphs 0, letters 1, numbers 1 or 2 (2 under a letter)."""
        clause = state["clause"]
        stack = state["items"]
        if marker is None:
            stack.clear()
            level, kind = 0, "paragraph"
        elif marker.isalpha():
            level, kind = 1, "letter"
            while stack and stack[-1][0] >= 1:
                stack.pop()
        else:
            under_letter = any(k == "letter" for _, _, k in stack)
            level, kind = (2 if under_letter else 1), "number"
            while stack and stack[-1][0] >= level:
                stack.pop()
        owner = stack[-1][1] if stack else None
        if marker is None:
            n = state.setdefault("paragraphs", {}).setdefault(clause, 0) + 1
            state["paragraphs"][clause] = n
            path = str(n)
        else:
            path = marker if owner is None else f"{owner['item']}-{marker}"
        parent = owner["id"] if owner else f"{CODE}-{clause}"
        r = add(node(f"{CODE}-{clause}-{path}", "ITEM", clause, path, label, parent, None, text, line))
        stack.append((level, r, kind))
        return r

    for idx in range(start, len(lines)):
        number = idx + 1
        raw = lines[idx]
        line = raw.strip()
        if not line or line.startswith("图"):
            continue
        lost_heading = raw.startswith(" ") or raw.startswith("\u3000")
        if line in chapter_titles:
            state["chapter"] = chapter_titles[line]
            open_clause(state["chapter"], line, None, number)
            continue
        for clause, title, source in LOST.get(number, []):
            if clause.count(".") == 0:
                state["chapter"] = clause
                open_clause(clause, title, None, number, source)
            elif clause.count(".") == 1:
                level2_seen[state["chapter"]] += 1
                assert f"{state['chapter']}.{level2_seen[state['chapter']]}" == clause, clause
                open_clause(clause, title, None, number, source)
            else:
                new_level3(clause.rsplit(".", 1)[0], number, title, None)
        if number in LOST and number not in (175, 252, 241):
            lost_heading = False
        if number in (175, 252):
            lost_heading = False  # the paragraph is the 概述 clause's text, opened above
        if number == 241:
            new_level3("7.4", number, None, None)
            lost_heading = False
        m4 = RESIDUE_L4.match(line)
        m2 = RESIDUE_L2.match(line)
        m3 = RESIDUE_L3.match(line)
        if m4:
            l2 = LEVEL2[int(m4.group(1))]
            parent = f"{l2}.{int(m4.group(2)) + 1}"
            assert f"{CODE}-{parent}" in by_id, (number, parent)
            open_clause(f"{parent}.{m4.group(3)}", m4.group(4), line.split()[0], number)
            children[parent] = int(m4.group(3))
            continue
        if m2 and len(m2.group(1)) <= 20 and not re.search(r"[。；，]", m2.group(1)):
            new_level2(number, m2.group(1), "0.")
            continue
        if m3 and len(m3.group(2)) <= 20 and not re.search(r"[。；，]", m3.group(2)):
            l2 = LEVEL2[int(m3.group(1))]
            if f"{CODE}-{l2}" not in by_id:
                assert lost_heading, (number, l2)
                level2_seen[state["chapter"]] += 1
                assert f"{state['chapter']}.{level2_seen[state['chapter']]}" == l2, (number, l2)
                open_clause(l2, None, None, number)
            new_level3(l2, number, m3.group(2), f"{m3.group(1)}.")
            continue
        if lost_heading:
            assert number in LOST_PARAGRAPH_LEVEL, (number, line)
            if LOST_PARAGRAPH_LEVEL[number] == 2:
                new_level2(number, None, None)
            else:
                current = state["clause"]
                new_level3(".".join(current.split(".")[:2]), number, None, None)
        it = ITEM.match(line)
        if it:
            add_item(it.group(1), it.group(2), number, line[: it.start(2)].strip())
            continue
        # paragraph: lead-in of following items, or an item itself (decided after the next line)
        section = by_id[f"{CODE}-{state['clause']}"]
        nxt = next((l.strip() for l in lines[idx + 1:] if l.strip()), "")
        if ITEM.match(nxt) and section["text"] is None and not state["items"]:
            section["text"] = line
        else:
            add_item(None, line, number, None)

    # roles, phases, titles
    for r in reqs:
        chapter = r["clause"].split(".")[0]
        title, phase_term, phases = CHAPTERS[chapter]
        r["phaseInStandard"] = phase_term
        r["phases"] = ["ACQUISITION_MIGRATION"] if r["clause"].startswith("5.2") else phases
        if r["kind"] != "ITEM":
            continue
        key = f"{r['clause']}-{r['item']}"
        r["phases"] = PHASE_OVERRIDES.get(key, r["phases"])
        if r["clause"] in NATURE:
            r["nature"] = NATURE[r["clause"]]
        if key in NATURE_ITEMS:
            r["nature"] = NATURE_ITEMS[key]
        roles = ROLE_OVERRIDES.get(key)
        if roles is None:
            head = re.sub(r"^(若|在|如)", "", r["text"])
            roles = next((list(v) for k, v in SUBJECTS if head.startswith(k)), None)
        if roles is None:
            parent = by_id[r["parent"]]
            if parent["kind"] == "ITEM":
                roles = parent["roles"]
        if roles is None:
            section = by_id[f"{CODE}-{r['clause']}"]
            roles = SECTION_ROLES.get(r["clause"]) or ROLE_SECTIONS.get(section["title"] or "")
            if roles is None:
                lead = section["text"] or ""
                roles = next((list(v) for k, v in SUBJECTS if k in lead.split("的安全职责")[0][:12]), None) \
                    if "安全职责" in lead else None
        if roles is None:
            roles = [CU]  # the guide addresses the customer (引言) unless a clause names another role
        r["roles"] = list(roles)
        fixes = [{"field": "text", "original": o, "corrected": c, "note": n} for o, c, n in CORRECTIONS if o in r["text"]]
        if fixes:
            r["corrections"] = fixes

    missing = []
    for r in reqs:
        if r["kind"] == "SECTION":
            r["titleEn"] = TITLES_EN.get(r["clause"])
            if not r["titleEn"]:
                missing.append(f"title\t{r['clause']}\t{r['title']}")
            if r["text"]:
                r["textEn"] = EN.get(r["text"])
                if not r["textEn"]:
                    missing.append(f"lead\t{r['clause']}\t{r['text']}")
        else:
            r["textEn"] = EN.get(r["text"])
            if not r["textEn"]:
                missing.append(f"item\t{r['clause']}-{r['item']}\t{r['text']}")
    if missing:
        print("\n".join(missing))
        sys.exit(1)
    return {
        "formatVersion": 1,
        "standard": {
            "code": CODE,
            "title": "信息安全技术　政府网站云计算服务安全指南",
            "titleEn": "Information security technology — Security guide for government websites using cloud computing services",
            "designation": "GB/T 38249 (draft) §5–§9",
            "sourceFile": "docs/standards/gov-website-cloud-security-guide.txt",
            "phaseTerms": [{"term": t, "phases": p} for _, t, p in CHAPTERS.values() if t],
            "roleTerms": [{"term": "云服务客户", "roles": [CU]}, {"term": "云服务商", "roles": [PR]},
                          {"term": "云服务代理商", "roles": AGENTS}, {"term": "网站开发商", "roles": [DEV]},
                          {"term": "系统集成商", "roles": [SI]}, {"term": "安全服务商", "roles": [SEC]},
                          {"term": "第三方评估机构", "roles": [TPA]}],
            "notes": "Clauses 5–9 are catalogued. The working copy lost all clause numbers and several headings; "
                     "numbers are reconstructed from the chapter map in README.md and by decoding the list-numbering "
                     "residue (see tools/catalog/build_gov.py and docs/catalog.md). Untitled clauses are those whose "
                     "heading is lost. Every item applies to public cloud (§1 scope).",
        },
        "requirements": reqs,
    }


if __name__ == "__main__":
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT} with {len(data['requirements'])} nodes", file=sys.stderr)
