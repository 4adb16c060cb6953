#!/usr/bin/env python3
"""Adds the duties that section lead-ins state as items of their section (run after the build_*.py generators;
idempotent: earlier lead-in items are replaced).

Some duties are stated only in the paragraph that introduces a list — the guide's 8.5 "云服务客户应……制定应急响应
预案，并定期演练" before "云服务客户的安全职责如下：", 7.3.4 回退方案 — so no item carried them and no workflow could
track them. Each was reviewed by hand against the source; the table below is that review:

- kept: a lead-in sentence that binds a party to an action no listed item states by itself
  (GB/T 31167 9.2–9.4; the guide's 6.3.1, 6.3.2, 6.3.4.5, 6.4, 6.5, 7.3.1, 7.3.2, 7.3.4, 7.3.5, 7.3.7, 7.4.2, 8.5,
  8.6, 9.3.4, 9.3.5). 6.3.1 (形成网站现状梳理报告), 7.3.5 (安全优化) and 7.4.2 (安全合规验收测评) were added after an
  audit (issue 36): their items list what the report covers and the customer's part in the work, but no item states
  the report, the optimisation or the acceptance test itself;
- left out: lead-ins that only introduce the contents of a document or a list ("合同内容应包括：", "服务水平协议
  （简称SLA）应包含的内容如下：", the monitoring lists of 8.4, "对……采取安全防范措施" summarising 8.3's items,
  T/CCIA's "……安全责任实施工作分工如下："); JR/T and the 等保 guide have no lead-in duties.

The item is ``<section>-0`` (``0`` sorts before the listed items a, b, … and is never a source label), flagged
``derivedFromLeadIn``; its text is the duty's sentences of the lead-in, verbatim (checked here against the
section's text and the source line), with an editorial English rendering; phases, layer and deployment models
are the section's, roles those the sentence binds.
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "src/main/resources/catalog"
CU, PR, TPA = "CUSTOMER", "PROVIDER", "THIRD_PARTY_ASSESSOR"
AGENTS = ["AGENT_WEBSITE_DEVELOPER", "AGENT_SYSTEM_INTEGRATOR", "AGENT_SECURITY_SERVICE"]

# section id -> (verbatim duty text from the lead-in, English, roles bound)
DUTIES = {
    "gbt31167-s9.json": {
        "GBT31167-9.2": ("应制订详细的移交清单",
                         "A detailed hand-over inventory shall be drawn up.", [CU]),
        "GBT31167-9.3": ("客户应对云服务商返还的数据完整性进行验证",
                         "The customer shall verify the integrity of the data returned by the provider.", [CU]),
        "GBT31167-9.4": ("客户退出云计算服务后，仍应要求云服务商安全处理客户数据，承担相关的责任和义务。",
                         "After exiting the cloud computing service the customer shall still require the provider to "
                         "handle customer data securely and to bear the related responsibilities and obligations.",
                         [CU, PR]),
    },
    "gov-website-guide.json": {
        "GOVWEB-6.3.1": ("在网站采用云计算服务之前，云服务客户需要对网站现有系统进行梳理，确定迁移的系统边界，形成网站现状梳理报告",
                         "Before the website adopts cloud computing services, the customer needs to survey the "
                         "website's existing systems, fix the boundary of the systems to be migrated and produce a "
                         "report on the website's current state.", [CU]),
        "GOVWEB-6.3.2": ("云服务客户应参照国家有关信息安全的法律、法规和相关标准，根据安全风险分析情况与现状梳理情况，"
                         "做好政府网站迁移至云决策分析",
                         "With reference to national information security laws, regulations and standards, and based "
                         "on the risk analysis and the survey, the customer shall make the decision analysis for moving "
                         "the website to the cloud.", [CU]),
        "GOVWEB-6.3.4.5": ("云服务客户根据以上分析形成需求报告",
                           "From the analysis above the customer forms a requirements report.", [CU]),
        "GOVWEB-6.4": ("云服务客户应主导规划设计网站的云迁移方案，可委托云服务代理商提供政府网站云迁移方案。",
                       "The customer shall lead the planning and design of the website's cloud migration plan and may "
                       "entrust an agent to provide it.", [CU] + AGENTS),
        "GOVWEB-6.5": ("云服务客户应根据网站定级情况、云服务商提供的标准安全服务、增值安全服务、接入方式等对云服务商进行选择，"
                       "根据云服务代理商提供的安全保障服务对云服务代理商进行选择",
                       "The customer shall select the provider according to the website's classification, the "
                       "provider's standard and value-added security services, access methods, etc., and select "
                       "agents according to the security assurance services they offer.", [CU]),
        "GOVWEB-7.3.1": ("将政府网站迁移至公有云前，云服务客户应协调各服务商做好相关准备，主要包括责任人和联系人、工具、产品、"
                         "服务及相关资源",
                         "Before moving the website to the public cloud, the customer shall coordinate the providers in "
                         "preparing responsible persons and contacts, tools, products, services and resources.",
                         [CU, PR] + AGENTS),
        "GOVWEB-7.3.2": ("云服务客户应牵头负责政府网站的迁移工作，各个服务提供商配合并对迁移工作进行指导协助。",
                         "The customer shall lead the migration of the website, with the providers cooperating, "
                         "guiding and assisting.", [CU, PR] + AGENTS),
        "GOVWEB-7.3.4": ("云服务客户应制定政府网站迁移失败的回退方案。",
                         "The customer shall draw up a rollback plan for a failed migration of the website.", [CU]),
        "GOVWEB-7.3.5": ("政府网站在云计算环境部署完成后，需对网站进行进一步的优化，云服务客户或委托具有相关能力的云服务代理商进行安全优化",
                         "Once the government website is deployed in the cloud environment it needs further "
                         "optimisation: the customer, or an agent with the relevant capability it entrusts, carries "
                         "out the security optimisation.", [CU] + AGENTS),
        "GOVWEB-7.3.7": ("云服务客户应组织相关服务商共同制定安全预案，预案应按照：统一领导、规范管理、明确责任、分级负责、"
                         "预防为主、加强监控几个原则进行制定。",
                         "The customer shall organise the providers concerned to draw up a security contingency plan "
                         "jointly, following the principles of unified leadership, standardised management, clear "
                         "responsibilities, graded handling, prevention first and strengthened monitoring.",
                         [CU, PR] + AGENTS),
        "GOVWEB-7.4.2": ("云服务客户或委托第三方评估机构进行安全合规验收测评，根据验收目标和范围，结合政府网站云迁移方案对实施情况进行安全评估",
                         "The customer, or a third-party assessor it entrusts, carries out the security compliance "
                         "acceptance test, assessing the implementation against the acceptance goals and scope and "
                         "the website's cloud migration plan.", [CU, TPA]),
        "GOVWEB-8.5": ("云服务客户应为迁移至公有云的政府网站制定应急响应预案，并定期演练，确保在紧急情况下重要信息资源的可用性。",
                       "The customer shall draw up an emergency response plan for the website moved to the public "
                       "cloud and drill it regularly, ensuring the availability of important information resources in "
                       "emergencies.", [CU]),
        "GOVWEB-8.6": ("云服务客户应定期对迁移到公有云的政府网站进行安全检查和评估，并根据检查结果进行安全改进。",
                       "The customer shall regularly inspect and assess the security of the website moved to the "
                       "public cloud and improve it based on the results.", [CU]),
        "GOVWEB-9.3.4": ("云服务客户应对云服务商返还的数据完整性进行验证",
                         "The customer shall verify the integrity of the data returned by the provider.", [CU]),
        "GOVWEB-9.3.5": ("云服务客户退出云计算服务后，仍应要求云服务商安全处理云服务客户数据，承担相关的责任义务，"
                         "云服务客户或委托第三方评估机构对数据删除过程进行监督。",
                         "After exiting the cloud service, the customer shall still require the provider to handle its "
                         "data securely and bear the related responsibilities; the customer, or a third-party assessor "
                         "it entrusts, supervises the deletion of the data.", [CU, PR, TPA]),
    },
}


def lead_in_item(section, text, text_en, roles, source_lines):
    if text not in section["text"]:
        raise SystemExit(f"{section['id']}: '{text}' is not in the section's lead-in")
    line = section.get("sourceLine")
    if line is not None:
        # the lead-in follows its heading: the first line at or after the section's that holds the text's start
        line = next((n for n in range(line, min(line + 6, len(source_lines) + 1))
                     if text[:12] in source_lines[n - 1]), None)
        if line is None:
            raise SystemExit(f"{section['id']}: the lead-in is not on the lines after the heading")
    item = {
        "id": section["id"] + "-0",
        "kind": "ITEM",
        "clause": section["clause"],
        "item": "0",
        "sourceLabel": None,
        "numberingReconstructed": False,
        "parent": section["id"],
        "title": None,
        "titleEn": None,
        "text": text,
        "textEn": text_en,
        "phaseInStandard": section.get("phaseInStandard"),
        "phases": section["phases"],
        "roles": roles,
        "layer": section.get("layer"),
        "deploymentModels": section["deploymentModels"],
        "bold": False,
        "derivedFromLeadIn": True,
        "sourceLine": line,
    }
    return {k: v for k, v in item.items() if k in section or k in ("roles", "derivedFromLeadIn", "item", "sourceLabel")}


def main():
    for file, duties in DUTIES.items():
        path = CATALOG / file
        doc = json.loads(path.read_text(encoding="utf-8"))
        source = (ROOT / doc["standard"]["sourceFile"]).read_text(encoding="utf-8").split("\n")
        requirements = [r for r in doc["requirements"] if not r.get("derivedFromLeadIn")]
        out = []
        for r in requirements:
            out.append(r)
            if r["id"] in duties:
                out.append(lead_in_item(r, *duties[r["id"]], source))
        missing = set(duties) - {r["id"] for r in requirements}
        if missing:
            raise SystemExit(f"{file}: no sections {sorted(missing)}")
        doc["requirements"] = out
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{file}: {len(duties)} lead-in duties")


if __name__ == "__main__":
    main()
