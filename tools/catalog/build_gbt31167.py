#!/usr/bin/env python3
"""One-off generator of src/main/resources/catalog/gbt31167-s9.json (provenance; the JSON is the source of truth).

The working copy (docs/standards/gbt-31167-2014-s9-exit.md) lost the standard's list markers: its
a) b) c) items became 1. 2. 3., and the sub-items 1) 2) 3) of 9.4 c) were renumbered 4. 5. 6. in
the same list. Items get their letters back (numberingReconstructed) and an item whose text ends
with '：' ("涉及以下方面：") takes the remaining items of its clause as numbered sub-items.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "docs/standards/gbt-31167-2014-s9-exit.md"
OUT = ROOT / "src/main/resources/catalog/gbt31167-s9.json"

CU, PR = "CUSTOMER", "PROVIDER"
PL, AM, EX = "PLANNING", "ACQUISITION_MIGRATION", "EXIT"

TITLES_EN = {
    "9": "Exiting cloud computing services",
    "9.1": "Exit requirements",
    "9.2": "Determining the scope of data hand-over",
    "9.3": "Verifying data integrity",
    "9.4": "Secure deletion of data",
}
LEADS_EN = {
    "9.1": "Contract expiry or other reasons may lead the customer to exit a cloud computing service or to migrate data and business systems to another cloud computing platform. Exiting is a complex process; the customer needs to attend to the following steps:",
    "9.2": "Data migrated out of the cloud computing platform includes not only the data and materials the customer handed to the provider, but also the data and related documentation produced or collected while the customer's business systems ran on the platform, such as data files, program code, manuals, technical materials and operation logs. A detailed hand-over inventory shall be drawn up, containing:",
    "9.3": "The customer shall verify the integrity of the data returned by the provider; to obtain the data completely the customer shall take the following measures:",
    "9.4": "After exiting the cloud computing service the customer shall still require the provider to handle customer data securely and to bear the related responsibilities and obligations. The customer shall take the following measures:",
}

# clause-item -> (English, roles, phases)
ITEMS = {
    "9.1-a": ("When signing the contract, agree in advance on the exit conditions and on the responsibilities and obligations of the customer and the provider at exit, and negotiate with the provider the interfaces and plan for migrating data and business systems out of the cloud computing platform.", [CU, PR], [AM, EX]),
    "9.1-b": ("During exit, require the provider to return the customer's data completely.", [CU, PR], [EX]),
    "9.1-c": ("While migrating data and business systems back to the customer's data centre or to another cloud computing platform, meet the business's availability and continuity requirements, e.g. by running the old and the newly deployed business systems in parallel for a period.", [CU], [EX]),
    "9.1-d": ("Promptly revoke the provider's physical and electronic access rights to customer resources.", [CU], [EX]),
    "9.1-e": ("Remind the provider of the responsibilities and obligations it still bears after the customer has exited, such as confidentiality requirements.", [CU, PR], [EX]),
    "9.1-f": ("After exiting, ensure that the provider retains the data as required or erases it completely.", [CU, PR], [EX]),
    "9.1-g": ("To change provider, first carry out the provider-selection activities to determine a new provider and sign a contract; exit the original service only after the migration is complete.", [CU], [PL, AM, EX]),
    "9.2-a": ("Data files. Each data file shall state its file name, a description of its content, storage format, file size, check value and type (sensitive or public). Require the provider to supply decryption methods and keys so that encrypted files can be handed over, and technical documentation or conversion tools so that files in non-generic formats can be handed over.", [CU, PR], [EX]),
    "9.2-b": ("Program code. For functions or business systems customised for the customer, state in the contract or other agreements whether executables, source code and technical documentation are handed over; this may cover executables, source code, functional descriptions, design documents, descriptions of the development and runtime environments, maintenance manuals and user manuals.", [CU, PR], [AM, EX]),
    "9.2-c": ("Other data. According to prior agreement and negotiation, determine what other data is handed over, including data collected and compiled while the customer's business ran, such as statistics on customer behaviour and network traffic characteristics of the cloud service.", [CU, PR], [EX]),
    "9.2-d": ("Documents. All documentation the customer gave the provider while using the service, and material concerning the customer that both parties produced together.", [CU, PR], [EX]),
    "9.3-a": ("Require the provider to return the customer's data completely according to the hand-over inventory, paying particular attention to historical and archived data.", [CU, PR], [EX]),
    "9.3-b": ("Supervise the provider's return of customer data and verify that the returned data is valid: decrypt and verify encrypted data; restore and verify data in proprietary formats with tools.", [CU], [EX]),
    "9.3-c": ("Data validity and integrity may be verified through the business system, e.g. by deploying the data and business system on the new platform and running them.", [CU], [EX]),
    "9.4-a": ("After exit, require the provider to store customer data securely for a period as the contract requires.", [CU, PR], [EX]),
    "9.4-b": ("By written authorisation, require the provider to delete the customer's data and all backups.", [CU, PR], [EX]),
    "9.4-c": ("Require the provider to dispose securely of the storage media that held customer data, covering the following:", [CU, PR], [EX]),
    "9.4-c-1": ("Sanitise media before reuse; media that cannot be sanitised shall be physically destroyed.", [PR], [EX]),
    "9.4-c-2": ("Require the provider to record the media sanitisation process, and supervise the process.", [CU, PR], [EX]),
    "9.4-c-3": ("Media that stored sensitive information shall not be used to store public information after sanitisation.", [PR], [EX]),
}

INVENTORY = {
    "9.2-a": {
        "category": "DATA_FILES",
        "fields": [
            {"key": "fileName", "name": "文件名称", "nameEn": "File name"},
            {"key": "description", "name": "数据文件内容的描述", "nameEn": "Description of the file's content"},
            {"key": "storageFormat", "name": "存储格式", "nameEn": "Storage format"},
            {"key": "fileSize", "name": "文件大小", "nameEn": "File size"},
            {"key": "checksum", "name": "校验值", "nameEn": "Check value"},
            {"key": "classification", "name": "类型", "nameEn": "Type", "values": ["敏感", "公开"]},
        ],
        "contents": ["解密方法与密钥", "技术资料或转换工具"],
    },
    "9.2-b": {
        "category": "PROGRAM_CODE",
        "fields": [],
        "contents": ["可执行程序", "源代码", "功能描述", "设计文档", "开发及运行环境描述", "维护手册", "用户使用手册"],
    },
    "9.2-c": {
        "category": "OTHER_DATA",
        "fields": [],
        "contents": ["云计算服务的客户行为习惯统计", "网络流量特征"],
    },
    "9.2-d": {
        "category": "DOCUMENTS",
        "fields": [],
        "contents": ["客户使用云计算服务过程中提供给云服务商的各种文档资料", "双方共同完成的涉及客户的相关资料"],
    },
}

HEADING = re.compile(r"^(#+)\s*([0-9.]*)\s*(.*?)\s*$")
ITEM = re.compile(r"^([0-9]+)\.\s+(.*?)\s*$")
FOOTNOTE = re.compile(r"^\[\^([0-9]+)\]:\s*(.*?)\s*$")


def node(rid, kind, clause, item, label, parent, title, title_en, text, text_en, roles, phases, line):
    return {
        "id": rid, "kind": kind, "clause": clause, "item": item, "sourceLabel": label,
        "numberingReconstructed": item is not None, "parent": parent,
        "title": title, "titleEn": title_en, "text": text, "textEn": text_en,
        "phaseInStandard": "退出服务", "phases": phases, "roles": roles,
        "layer": None, "deploymentModels": [], "bold": False, "sourceLine": line,
    }


def build():
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    footnotes = {}
    for line in lines:
        m = FOOTNOTE.match(line)
        if m:
            footnotes[m.group(1)] = m.group(2)
    reqs = []
    clause = None
    letter = None
    parent_item = None
    sub = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if not line.strip() or FOOTNOTE.match(line):
            continue
        h = HEADING.match(line)
        if h and line.startswith("#"):
            if len(h.group(1)) == 1:
                reqs.append(node("GBT31167-9", "SECTION", "9", None, None, None, h.group(3), TITLES_EN["9"],
                                 None, None, [CU], [EX], number))
            else:
                clause = h.group(2)
                reqs.append(node(f"GBT31167-{clause}", "SECTION", clause, None, None, "GBT31167-9", h.group(3),
                                 TITLES_EN[clause], None, None, [CU], [EX], number))
                letter, parent_item, sub = None, None, 0
            continue
        i = ITEM.match(line)
        if i:
            text = i.group(2)
            if parent_item is not None:
                sub += 1
                item = f"{parent_item}-{sub}"
                parent = f"GBT31167-{clause}-{parent_item}"
            else:
                letter = "a" if letter is None else chr(ord(letter) + 1)
                item = letter
                parent = f"GBT31167-{clause}"
            key = f"{clause}-{item}"
            en, roles, phases = ITEMS.pop(key)
            r = node(f"GBT31167-{key}", "ITEM", clause, item, f"{i.group(1)}.", parent, None, None,
                     text, en, roles, phases, number)
            marks = re.findall(r"\[\^([0-9]+)\]", text)
            if marks:
                r["footnotes"] = [{"mark": f"[^{m}]", "text": footnotes[m]} for m in marks]
            if key in INVENTORY:
                r["exitInventory"] = INVENTORY[key]
            reqs.append(r)
            if text.endswith("："):
                parent_item = item
            continue
        # lead-in paragraph of the current clause
        section = next(r for r in reqs if r["id"] == f"GBT31167-{clause}")
        assert section["text"] is None, line
        section["text"] = line
        section["textEn"] = LEADS_EN[clause]
    assert not ITEMS, ITEMS.keys()
    return {
        "formatVersion": 1,
        "standard": {
            "code": "GBT31167",
            "title": "信息安全技术 云计算服务安全指南",
            "titleEn": "Information security techniques — Security guide of cloud computing services (§9 Exiting cloud services)",
            "designation": "GB/T 31167-2014 §9",
            "sourceFile": "docs/standards/gbt-31167-2014-s9-exit.md",
            "phaseTerms": [{"term": "退出服务", "phases": [EX]}],
            "roleTerms": [{"term": "客户", "roles": [CU]}, {"term": "云服务商", "roles": [PR]}],
            "notes": "Only §9 is catalogued. The working copy numbers list items 1., 2., …; the catalog restores the "
                     "standard's a), b), … and the sub-items 1), 2), 3) of 9.4 c) (numberingReconstructed). Roles "
                     "name both the customer (who must require) and the provider (who must act) where an item binds both.",
        },
        "requirements": reqs,
    }


if __name__ == "__main__":
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT} with {len(data['requirements'])} nodes", file=sys.stderr)
