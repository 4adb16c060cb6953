#!/usr/bin/env python3
"""One-off generator of src/main/resources/catalog/mlps2-cloud-l3.json.

Provenance only: the committed JSON is the catalog's source of truth. This script shows how its
verbatim Chinese fields were cut out of docs/standards/mlps2-cloud-extension-level3-assessment-guide.txt
and where the editorial attributes (English, assessed side, phases, corrections) came from.
Re-running it reproduces the committed file byte for byte (CatalogCompletenessTest checks the
result, not this script).

Control-point assignment: the guide is a table flattened to lines, and in two places the
control-point label landed on a later row of its group (数据备份恢复 on item b, 云服务商选择 on
item c). Items are therefore grouped by their letter runs (a new control point starts at an
unlettered row or at a row lettered "a"), and each group takes the one label found on any of its
rows. Groups are matched in order against the structure of GB/T 22239-2019 §8.2 (level 3).
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "docs/standards/mlps2-cloud-extension-level3-assessment-guide.txt"
OUT = ROOT / "src/main/resources/catalog/mlps2-cloud-l3.json"

SECTIONS = [
    ("8.2.1", "安全物理环境", "Physical environment security"),
    ("8.2.2", "安全通信网络", "Communication network security"),
    ("8.2.3", "安全区域边界", "Area boundary security"),
    ("8.2.4", "安全计算环境", "Computing environment security"),
    ("8.2.5", "安全管理中心", "Security management centre"),
    ("8.2.6", "安全建设管理", "Security construction management"),
    ("8.2.7", "安全运维管理", "Security operation and maintenance management"),
]

# GB/T 22239-2019 §8.2, level 3: clause, control point, English, number of items (0 = one unlettered item)
CONTROL_POINTS = [
    ("8.2.1.1", "基础设施位置", "Infrastructure location"),
    ("8.2.2.1", "网络架构", "Network architecture"),
    ("8.2.3.1", "访问控制", "Access control"),
    ("8.2.3.2", "入侵防范", "Intrusion prevention"),
    ("8.2.3.3", "安全审计", "Security audit"),
    ("8.2.4.1", "身份鉴别", "Identification and authentication"),
    ("8.2.4.2", "访问控制", "Access control"),
    ("8.2.4.3", "入侵防范", "Intrusion prevention"),
    ("8.2.4.4", "镜像和快照保护", "Image and snapshot protection"),
    ("8.2.4.5", "数据完整性和保密性", "Data integrity and confidentiality"),
    ("8.2.4.6", "数据备份恢复", "Data backup and recovery"),
    ("8.2.4.7", "剩余信息保护", "Residual information protection"),
    ("8.2.5.1", "集中管控", "Centralised management and control"),
    ("8.2.6.1", "云服务商选择", "Cloud service provider selection"),
    ("8.2.6.2", "供应链管理", "Supply chain management"),
    ("8.2.7.1", "云计算环境管理", "Cloud computing environment management"),
]

P, C, B = "CLOUD_PLATFORM", "CUSTOMER_SYSTEM", "BOTH"
OP, PL, AM, EX = "OPERATION", "PLANNING", "ACQUISITION_MIGRATION", "EXIT"

# clause-item -> (English rendering of the 安全要求, assessed side, normalised phases)
EDITORIAL = {
    "8.2.1.1": ("Ensure that the cloud computing infrastructure is located within the territory of China.", P, [OP]),
    "8.2.2.1-a": ("Ensure that the cloud computing platform does not host business application systems whose security protection level is higher than its own.", B, [OP]),
    "8.2.2.1-b": ("Isolate the virtual networks of different cloud service customers from one another.", P, [OP]),
    "8.2.2.1-c": ("Be able to provide security mechanisms such as communication transmission, boundary protection and intrusion prevention according to the business needs of cloud service customers.", P, [OP]),
    "8.2.2.1-d": ("Enable cloud service customers to set security policies themselves according to their business needs, including defining access paths, selecting security components and configuring security policies.", P, [OP]),
    "8.2.2.1-e": ("Provide open interfaces or open security services that allow cloud service customers to connect third-party security products or to choose third-party security services on the cloud computing platform.", P, [OP]),
    "8.2.3.1-a": ("Deploy access control mechanisms at virtualised network boundaries and set access control rules.", B, [OP]),
    "8.2.3.1-b": ("Deploy access control mechanisms and set access control rules at the boundaries between network areas of different security levels.", B, [OP]),
    "8.2.3.2-a": ("Be able to detect network attacks launched by cloud service customers and record the attack type, attack time, attack traffic and the like.", P, [OP]),
    "8.2.3.2-b": ("Be able to detect network attacks against virtual network nodes and record the attack type, attack time, attack traffic and the like.", P, [OP]),
    "8.2.3.2-c": ("Be able to detect abnormal traffic between virtual machines and hosts and between virtual machines.", P, [OP]),
    "8.2.3.2-d": ("Raise an alarm when network attacks or abnormal traffic are detected.", B, [OP]),
    "8.2.3.3-a": ("Audit the privileged commands executed by the provider or by cloud service customers during remote administration, including at least virtual machine deletion and virtual machine restart.", B, [OP]),
    "8.2.3.3-b": ("Ensure that the cloud service provider's operations on cloud service customers' systems and data can be audited by the cloud service customers.", P, [OP]),
    "8.2.4.1": ("When devices in the cloud computing platform are administered remotely, establish mutual authentication between the management terminal and the cloud computing platform.", B, [OP]),
    "8.2.4.2-a": ("Ensure that access control policies migrate with a virtual machine when it is migrated.", P, [OP]),
    "8.2.4.2-b": ("Allow cloud service customers to set access control policies between different virtual machines.", B, [OP]),
    "8.2.4.3-a": ("Be able to detect failures of resource isolation between virtual machines and raise an alarm.", P, [OP]),
    "8.2.4.3-b": ("Be able to detect unauthorised creation or re-activation of virtual machines and raise an alarm.", P, [OP]),
    "8.2.4.3-c": ("Be able to detect malicious code infection and its spread between virtual machines and raise an alarm.", P, [OP]),
    "8.2.4.4-a": ("Provide hardened operating system images or an operating system hardening service for important business systems.", P, [OP]),
    "8.2.4.4-b": ("Provide integrity verification of virtual machine images and snapshots to prevent malicious tampering with virtual machine images.", P, [OP]),
    "8.2.4.4-c": ("Use cryptographic or other technical means to prevent unauthorised access to sensitive data that may exist in virtual machine images and snapshots.", P, [OP]),
    "8.2.4.5-a": ("Ensure that cloud service customer data, users' personal information and the like are stored within China; any transfer abroad shall follow the relevant national regulations.", B, [OP]),
    "8.2.4.5-b": ("Ensure that the cloud service provider or third parties hold management rights over cloud service customer data only with the customer's authorisation.", B, [OP]),
    "8.2.4.5-c": ("Use check codes or cryptographic techniques to ensure the integrity of important data during virtual machine migration, and take the necessary recovery measures when a loss of integrity is detected.", P, [OP]),
    "8.2.4.5-d": ("Support cloud service customers in deploying key management solutions so that they can encrypt and decrypt their data themselves.", B, [OP]),
    "8.2.4.6-a": ("The cloud service customer shall keep a local backup of its business data.", C, [OP]),
    "8.2.4.6-b": ("Provide the ability to query where cloud service customer data and its backups are stored.", P, [OP]),
    "8.2.4.6-c": ("The provider's cloud storage service shall keep several usable replicas of cloud service customer data, with consistent content across replicas.", P, [OP]),
    "8.2.4.6-d": ("Provide technical means for cloud service customers to migrate business systems and data to other cloud computing platforms or to local systems, and assist in completing the migration.", P, [AM, EX]),
    "8.2.4.7-a": ("Ensure that memory and storage space used by virtual machines are completely cleared when reclaimed (residual information).", P, [OP, EX]),
    "8.2.4.7-b": ("When a cloud service customer deletes business application data, the cloud computing platform shall delete all replicas in cloud storage (residual information).", P, [OP, EX]),
    "8.2.5.1-a": ("Be able to manage, schedule and allocate physical and virtual resources uniformly according to policy.", P, [OP]),
    "8.2.5.1-b": ("Ensure that cloud computing platform management traffic is separated from cloud service customer business traffic.", P, [OP]),
    "8.2.5.1-c": ("According to the division of duties between the cloud service provider and the cloud service customer, collect the audit data of the parts each controls and carry out each party's own centralised audit.", B, [OP]),
    "8.2.5.1-d": ("According to the division of duties between the cloud service provider and the cloud service customer, centrally monitor the operating status of the parts each controls, including virtualised networks, virtual machines and virtualised security devices.", B, [OP]),
    "8.2.6.1-a": ("Select a secure and compliant cloud service provider whose cloud computing platform provides the security protection capability of the level required by the business application systems it hosts.", C, [PL]),
    "8.2.6.1-b": ("Specify in the service level agreement the content of each cloud service and its concrete technical indicators.", C, [AM]),
    "8.2.6.1-c": ("Specify in the service level agreement the cloud service provider's rights and responsibilities, including management scope, division of duties, access authorisation, privacy protection, code of conduct and liability for breach.", C, [AM]),
    "8.2.6.1-d": ("Specify in the service level agreement that, when the service contract expires, the cloud service customer's data is provided in full and the related data is committed to be cleared from the cloud computing platform.", C, [AM, EX]),
    "8.2.6.1-e": ("Sign a confidentiality agreement with the selected cloud service provider requiring it not to disclose cloud service customer data.", C, [AM]),
    "8.2.6.2-a": ("Ensure that the selection of suppliers complies with the relevant national regulations.", P, [AM, OP]),
    "8.2.6.2-b": ("Ensure that supply-chain security incident information or security threat information is communicated to cloud service customers in time.", P, [OP]),
    "8.2.6.2-c": ("Communicate important supplier changes to cloud service customers in time, assess the security risks brought by the changes and take measures to control them.", P, [OP]),
    "8.2.7.1-a": ("The operation and maintenance location of the cloud computing platform shall be within China; operation and maintenance of a domestic cloud computing platform from abroad shall follow the relevant national regulations.", P, [OP]),
}

# (clause-item, field, original, corrected, note)
CORRECTIONS = [
    ("8.2.3.2-a", "text", "攻击时时间", "攻击时间", "duplicated character"),
    ("8.2.3.2-a", "mlps.criteria.compliant", "攻击时时间", "攻击时间", "duplicated character"),
    ("8.2.3.1-b", "mlps.interpretation", "运行环境交更", "运行环境变更", "交 for 变"),
    ("8.2.4.2-a", "mlps.testMethod.text", "访谈管管理员", "访谈管理员", "duplicated character"),
    ("8.2.4.2-b", "mlps.testMethod.text", "不同虚拟间", "不同虚拟机间", "missing character"),
    ("8.2.4.3-b", "mlps.testMethod.text", "访资管理员", "访谈管理员", "资 for 谈"),
    ("8.2.4.4-a", "mlps.interpretation", "云平台 and 云用户", "云平台和云用户", "conversion residue: English 'and' for 和"),
    ("8.2.4.4-b", "mlps.expectedEvidence", "ESC", "ECS", "Elastic Compute Service"),
    ("8.2.4.4-b", "mlps.criteria.compliant", "ESC", "ECS", "Elastic Compute Service"),
    ("8.2.4.4-b", "mlps.criteria.nonCompliant", "ESC", "ECS", "Elastic Compute Service"),
    ("8.2.4.5-a", "text", "用户个人大信息", "用户个人信息", "stray character"),
    ("8.2.5.1-b", "mlps.testMethod.text", "云服条客户", "云服务客户", "条 for 务"),
    ("8.2.5.1-b", "mlps.interpretation", "网管量", "网管流量", "missing character"),
    ("8.2.6.1-b", "mlps.testMethod.text", "云服务内容 and 需提供", "云服务内容和需提供", "conversion residue: English 'and' for 和"),
    ("8.2.6.2-c", "mlps.testMethod.text", "云服务户", "云服务客户", "missing character"),
]

LETTER = re.compile(r"^([a-z])\)\s*")
STEP = re.compile(r"(?<![0-9(])([0-9])\)")
CRITERION = re.compile(r"(部分符合情况|不符合情况|符合情况)\s*[:：]\s*")
CRITERION_KEYS = {"符合情况": "compliant", "部分符合情况": "partiallyCompliant", "不符合情况": "nonCompliant"}


def step_types(text):
    types = []
    interview = "访谈" in text or "访资" in text
    if interview:
        types.append("INTERVIEW")
    # 检测 is the method (检测云服务客户是否……) only outside an interview; in "访谈……是否具备……的检测功能" it is
    # what the interview asks about (8.2.3.2-a and -c step 1 are pure 访谈)
    if any(k in text for k in ("核查", "检查", "查看", "查阅", "核实")) or ("检测" in text and not interview):
        types.append("EXAMINE")
    if "测试" in text:
        types.append("TEST")
    return types or ["EXAMINE"]


def split_steps(cell):
    marks = list(STEP.finditer(cell))
    if not marks:
        return [{"number": None, "text": cell.strip(), "types": step_types(cell)}]
    steps = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(cell)
        text = cell[m.end():end].strip()
        steps.append({"number": int(m.group(1)), "text": text, "types": step_types(text)})
    return steps


def split_criteria(cell):
    marks = list(CRITERION.finditer(cell))
    assert marks and marks[0].start() == 0, cell
    out = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(cell)
        out[CRITERION_KEYS[m.group(1)]] = cell[m.end():end].strip()
    return out


def rows():
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    header_seen = False
    for number, line in enumerate(lines, start=1):
        cells = line.split("\t")
        if len(cells) != 6:
            continue
        if not header_seen:
            assert cells[0] == "控制点", line
            header_seen = True
            continue
        yield number, cells


def groups():
    current = None
    for number, cells in rows():
        m = LETTER.match(cells[1])
        letter = m.group(1) if m else None
        if letter in (None, "a"):
            current = {"label": None, "rows": []}
            yield current
        else:
            expected = chr(ord(current["rows"][-1]["letter"]) + 1)
            assert letter == expected, (number, letter, expected)
        if cells[0].strip():
            assert current["label"] is None, ("two labels in one group", number)
            current["label"] = cells[0].strip()
        current["rows"].append({"line": number, "letter": letter, "cells": cells,
                                "text": cells[1][m.end():] if m else cells[1]})


def build():
    gs = list(groups())
    assert len(gs) == len(CONTROL_POINTS), len(gs)
    requirements = []
    for clause, title, title_en in SECTIONS:
        section = node(f"MLPS-L3-{clause}", "SECTION", clause, None, None, None, title, title_en)
        section["titleSource"] = "GB/T 22239-2019"
        requirements.append(section)
    for group, (clause, title, title_en) in zip(gs, CONTROL_POINTS):
        assert group["label"] == title, (group["label"], title)
        section = clause.rsplit(".", 1)[0]
        section_title = next(t for c, t, _ in SECTIONS if c == section)
        unlettered = len(group["rows"]) == 1 and group["rows"][0]["letter"] is None
        if not unlettered:
            requirements.append(node(f"MLPS-L3-{clause}", "CONTROL_POINT", clause, None, None,
                                     f"MLPS-L3-{section}", title, title_en,
                                     line=min(r["line"] for r in group["rows"] if r["cells"][0].strip())))
        for row in group["rows"]:
            key = clause if row["letter"] is None else f"{clause}-{row['letter']}"
            text_en, side, phases = EDITORIAL.pop(key)
            cells = row["cells"]
            roles = {"CLOUD_PLATFORM": ["PROVIDER"], "CUSTOMER_SYSTEM": ["CUSTOMER"], "BOTH": ["PROVIDER", "CUSTOMER"]}[side]
            item = node(f"MLPS-L3-{key}", "ITEM", clause, row["letter"],
                        None if row["letter"] is None else f"{row['letter']})",
                        f"MLPS-L3-{section}" if unlettered else f"MLPS-L3-{clause}",
                        title if unlettered else None, title_en if unlettered else None,
                        text=row["text"], text_en=text_en, phases=phases, roles=roles, line=row["line"])
            item["mlps"] = {
                "area": section_title,
                "controlPoint": title,
                "controlPointLabelOnRow": bool(cells[0].strip()),
                "requirement": row["text"],
                "interpretation": cells[2],
                "testMethod": {"text": cells[3], "steps": split_steps(cells[3])},
                "expectedEvidence": cells[4],
                "criteria": split_criteria(cells[5]),
                "assessedSide": side,
            }
            item["corrections"] = [
                {"field": f, "original": o, "corrected": c, "note": n}
                for k, f, o, c, n in CORRECTIONS if k == key
            ]
            requirements.append(item)
    assert not EDITORIAL, EDITORIAL.keys()
    return {
        "formatVersion": 1,
        "standard": {
            "code": "MLPS-L3",
            "title": "云计算安全拓展要求 (S3A3G3) 作业指导书",
            "titleEn": "MLPS 2.0 cloud computing security extension requirements (S3A3G3, level 3): assessment work instructions",
            "designation": "GB/T 22239-2019 §8.2 第三级 云计算安全扩展要求",
            "sourceFile": "docs/standards/mlps2-cloud-extension-level3-assessment-guide.txt",
            "phaseTerms": [],
            "roleTerms": [
                {"term": "云服务商", "roles": ["PROVIDER"]},
                {"term": "云服务客户", "roles": ["CUSTOMER"]},
            ],
            "notes": "Clause numbers and section titles follow GB/T 22239-2019 §8.2 (level 3); the guide itself "
                     "carries only control-point labels, so every clause number is reconstructed. Assessed side, "
                     "roles and normalised phases are editorial: the guide gives no lifecycle phase.",
        },
        "requirements": requirements,
    }


def node(rid, kind, clause, item, label, parent, title, title_en, text=None, text_en=None,
         phases=None, roles=None, line=None):
    return {
        "id": rid,
        "kind": kind,
        "clause": clause,
        "item": item,
        "sourceLabel": label,
        "numberingReconstructed": True,
        "parent": parent,
        "title": title,
        "titleEn": title_en,
        "text": text,
        "textEn": text_en,
        "phaseInStandard": None,
        "phases": phases or [],
        "roles": roles or [],
        "layer": None,
        "deploymentModels": [],
        "bold": False,
        "sourceLine": line,
    }


if __name__ == "__main__":
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT} with {len(data['requirements'])} nodes", file=sys.stderr)
