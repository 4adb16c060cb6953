package org.yunjian.exitproject.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.yunjian.crypto.Sm3;
import org.yunjian.documents.PdfRenderer;
import org.yunjian.exit.CanonicalJson;
import org.yunjian.exit.DeletionCertificate;
import org.yunjian.exitproject.internal.Records.CertificateInfo;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.shared.Text;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the deletion certificate from an exit project's records (docs/deletion-certificate.md): the canonical
 * JSON document signed with the platform's SM2 key, and the PDF for people with the same facts, the JSON's SM3
 * and its signature.
 */
@Component
class CertificateBuilder {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ExitProjectService.ZONE);

    private final CertificateKeys keys;
    private final Parties parties;
    private final PdfRenderer pdf;
    private final JsonMapper json = JsonMapper.builder().build();

    CertificateBuilder(CertificateKeys keys, Parties parties, PdfRenderer pdf) {
        this.keys = keys;
        this.parties = parties;
        this.pdf = pdf;
    }

    String publicKeyPem() {
        return keys.publicKeyPem();
    }

    CertificateInfo issue(ExitProjectService.ProjectView v, Instant now) {
        UUID certificateId = UUID.randomUUID();
        byte[] file = DeletionCertificate.sign(safe(content(v, certificateId, now)), keys.pair().getPrivate(),
                keys.pair().getPublic());
        return new CertificateInfo(v.project().id(), certificateId, v.access().user().username(), now,
                new String(file, StandardCharsets.UTF_8), Sm3.hex(file));
    }

    Map<String, Object> content(ExitProjectService.ProjectView v, UUID certificateId, Instant now) {
        CloudSystem s = v.access().system();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", certificateId.toString());
        c.put("title", "数据删除证明 Deletion certificate");
        c.put("issuedAt", now.toString());
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("name", v.access().user().username());
        issuer.put("organization", v.access().user().organizationId() == null ? "platform"
                : org(v.access().user().organizationId()));
        c.put("issuer", issuer);
        c.put("project", Map.of("id", v.project().id().toString(), "name", v.project().name()));
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("id", s.id().toString());
        system.put("name", s.name());
        system.put("deploymentModel", s.deploymentModel().name());
        system.put("serviceModel", s.serviceModel().name());
        system.put("protectionLevel", s.protectionLevel());
        c.put("system", system);
        Map<String, Object> partyMap = new LinkedHashMap<>();
        partyMap.put("customer", org(s.customerId()));
        partyMap.put("provider", s.providerId() == null ? null : org(s.providerId()));
        List<Object> agents = new ArrayList<>();
        s.agents().forEach(a -> {
            Map<String, Object> m = org(a.organizationId());
            m.put("role", a.role().name());
            agents.add(m);
        });
        partyMap.put("agents", agents);
        c.put("parties", partyMap);
        List<String> standards = new ArrayList<>(List.of("GB/T 31167-2014 9.1-9.4", "JR/T 8.1.3"));
        if (v.privateCloud()) {
            standards.add("JR/T 8.2.2");
        }
        c.put("standards", standards);
        c.put("scope", v.authorisation().map(a -> a.data().scope()).orElse(null));
        List<Object> checklist = new ArrayList<>();
        v.checklist().forEach(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("item", "GB/T 31167-2014 9.1 " + i.key());
            m.put("requirement", i.requirementId());
            m.put("status", i.status().name());
            m.put("note", i.note());
            m.put("by", i.updatedBy());
            m.put("at", i.updatedAt() == null ? null : i.updatedAt().toString());
            checklist.add(m);
        });
        c.put("checklist", checklist);
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("approvedBy", v.project().inventoryApprovedBy());
        approval.put("approvedAt", v.project().inventoryApprovedAt().toString());
        approval.put("providerKey", v.project().providerKeyFingerprint());
        c.put("inventoryApproval", approval);
        c.put("manifests", entries(v.manifests()));
        c.put("inventoryItems", entries(v.items()));
        c.put("verificationRuns", entries(v.verifications()));
        c.put("authorisation", v.authorisation().map(this::entry).orElse(null));
        c.put("deletionPlan", v.plan().map(this::entry).orElse(null));
        c.put("deletion", v.deletion().map(this::entry).orElse(null));
        c.put("sanitisations", entries(v.sanitisations()));
        c.put("deviceDisposals", entries(v.disposals()));
        c.put("storageChecks", entries(v.storageChecks()));
        return c;
    }

    /**
     * The content with every string (member names too) passed through {@link Text#safe}: a record stored with a
     * character UTF-8 cannot encode (a lone surrogate) or that a document should not carry (NUL, controls,
     * noncharacters) is attested with U+FFFD in its place, before signing, so the certificate is issued and
     * verifies offline (docs/deletion-certificate.md, "Characters").
     */
    @SuppressWarnings("unchecked")
    static <T> T safe(T value) {
        if (value instanceof String s) {
            return (T) Text.safe(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(Text.safe((String) k), safe(v)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(safe(v)));
            return (T) out;
        }
        return value;
    }

    private Map<String, Object> org(UUID id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.toString());
        parties.findOrganization(id).ifPresent(o -> {
            m.put("name", o.name());
            m.put("creditCode", o.creditCode().toString());
        });
        return m;
    }

    private List<Object> entries(List<? extends Entry<?>> list) {
        return list.stream().<Object>map(this::entry).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> entry(Entry<?> e) {
        Map<String, Object> m = new LinkedHashMap<>(json.convertValue(e.data(), LinkedHashMap.class));
        m.put("recordId", e.id().toString());
        m.put("recordedBy", e.recordedBy());
        m.put("recordedAt", e.recordedAt().toString());
        return m;
    }

    // --- PDF

    @SuppressWarnings("unchecked")
    byte[] pdf(CertificateInfo info) {
        Map<String, Object> doc = CanonicalJson.parseObject(info.document());
        Map<String, Object> c = (Map<String, Object>) doc.get("certificate");
        Map<String, Object> sig = (Map<String, Object>) doc.get("signature");
        Html h = new Html();
        h.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>数据删除证明"
                + "</title><style>@page { size: A4; margin: 18mm 16mm; } body { font-size: 10pt; } h1 { font-size: 18pt; "
                + "text-align: center; } h2 { font-size: 12pt; margin-top: 12pt; border-bottom: 1px solid #999; } "
                + "table { width: 100%; border-collapse: collapse; } th, td { border: 1px solid #999; padding: 2pt 4pt; "
                + "vertical-align: top; text-align: left; word-wrap: break-word; } th { background: #eee; } .mono { font-size: 8pt; "
                + "word-wrap: break-word; } td.k { width: 28%; background: #f6f6f6; }</style></head><body>");
        h.el("h1", "数据删除证明");
        h.el("p", "Deletion certificate · 依据 GB/T 31167-2014 第 9 章（退出云计算服务）与 JR/T 数据清单、设备处置要求");
        Map<String, Object> system = (Map<String, Object>) c.get("system");
        Map<String, Object> parts = (Map<String, Object>) c.get("parties");
        Map<String, Object> issuer = (Map<String, Object>) c.get("issuer");
        h.raw("<table>");
        h.row("证明编号", c.get("id"));
        h.row("云系统", system.get("name") + "（" + system.get("deploymentModel") + " · " + system.get("serviceModel")
                + " · 等保 " + system.get("protectionLevel") + " 级）");
        h.row("云服务客户", name(parts.get("customer")));
        h.row("云服务商", name(parts.get("provider")));
        h.row("删除范围", c.get("scope"));
        h.row("签发时间", shown(c.get("issuedAt")));
        h.row("签发人", issuer.get("name") + " · " + name(issuer.get("organization")));
        h.raw("</table>");

        h.el("h2", "退出检查清单（GB/T 31167-2014 9.1）");
        h.table(List.of("条款", "状态", "说明", "记录人"), (List<Object>) c.get("checklist"),
                m -> Arrays.asList(m.get("item"), status(m.get("status")), m.get("note"), m.get("by")));
        Map<String, Object> approval = (Map<String, Object>) c.get("inventoryApproval");
        h.el("h2", "移交数据清单（已由客户评审批准：" + approval.get("approvedBy") + "，" + shown(approval.get("approvedAt")) + "）");
        h.table(List.of("清单文件", "SM3", "文件数", "字节", "敏感文件", "签名"), (List<Object>) c.get("manifests"),
                m -> Arrays.asList(m.get("fileName"), m.get("fileSm3"), m.get("files"), m.get("bytes"), m.get("sensitiveFiles"),
                        "SM2 " + m.get("signature")));
        h.table(List.of("类别", "名称", "说明", "类型"), (List<Object>) c.get("inventoryItems"),
                m -> Arrays.asList(m.get("category"), m.get("name"), m.get("description"), m.get("sensitivity")));
        h.el("h2", "完整性核验（GB/T 31167-2014 9.3）");
        h.table(List.of("核验对象", "结果", "应有", "一致", "缺失/多余/不一致/不可读", "核验报告 SM3 → 所核验清单 SM3"),
                (List<Object>) c.get("verificationRuns"), m -> {
                    Map<String, Object> t = (Map<String, Object>) m.get("totals");
                    return Arrays.asList(m.get("target"), Boolean.TRUE.equals(m.get("clean")) ? "通过" : "未通过", t.get("expected"),
                            t.get("ok"), t.get("missing") + " / " + t.get("extra") + " / "
                                    + (((Number) t.get("sizeMismatch")).longValue()
                                    + ((Number) t.get("hashMismatch")).longValue()) + " / " + t.get("unreadable"),
                            m.get("reportSm3") + " → " + (m.get("manifestSm3") == null ? "—" : m.get("manifestSm3")));
                });
        h.el("h2", "删除授权、方案与记录（GB/T 31167-2014 9.4 a、b）");
        h.raw("<table>");
        Map<String, Object> auth = (Map<String, Object>) c.get("authorisation");
        h.row("书面授权", auth.get("signatory") + "，" + auth.get("authorisedOn") + "，文号 "
                + (auth.get("reference") == null ? "—" : auth.get("reference")));
        h.row("保留期至", auth.get("retainUntil"));
        Map<String, Object> plan = (Map<String, Object>) c.get("deletionPlan");
        h.row("删除方案", plan.get("method") + "（计划 " + plan.get("plannedOn") + "）");
        Map<String, Object> del = (Map<String, Object>) c.get("deletion");
        h.row("删除日期", del.get("deletedOn"));
        h.row("删除方式", del.get("method"));
        h.row("备份", del.get("backups"));
        h.row("操作人 / 见证人", del.get("operator") + " / " + del.get("witness"));
        h.row("结果", del.get("result"));
        h.raw("</table>");
        List<Object> storage = (List<Object>) c.get("storageChecks");
        if (storage != null && !storage.isEmpty()) {
            h.el("h2", "对象存储删除核查（yunjian exit check-deleted）");
            h.table(List.of("桶 / 前缀", "核查时间", "结果", "当前对象 / 非当前版本 / 删除标记 / 未完成上传", "报告 SM3"), storage,
                    m -> {
                        Map<String, Object> t = (Map<String, Object>) m.get("totals");
                        return Arrays.asList("s3://" + m.get("bucket") + "/" + m.get("prefix"), shown(m.get("checkedAt")),
                                Boolean.TRUE.equals(m.get("empty")) ? "已清空" : "仍有残留 " + m.get("remaining") + " 项",
                                t.get("current") + " / " + t.get("nonCurrent") + " / " + t.get("deleteMarkers") + " / "
                                        + t.get("multipartUploads"), m.get("reportSm3"));
                    });
        }
        h.el("h2", "介质清理记录（GB/T 31167-2014 9.4 c）");
        h.table(List.of("介质", "类型", "曾存敏感信息", "方式", "后续用途", "操作人 / 见证人", "日期", "结果"),
                (List<Object>) c.get("sanitisations"), m -> Arrays.asList(m.get("mediumId"), m.get("mediumType"),
                        Boolean.TRUE.equals(m.get("heldSensitive")) ? "是" : "否", method(m.get("method")),
                        nextUse(m.get("nextUse")), m.get("operator") + " / " + m.get("witness"), m.get("date"),
                        m.get("result")));
        List<Object> disposals = (List<Object>) c.get("deviceDisposals");
        if (!disposals.isEmpty()) {
            h.el("h2", "设备迁移和废弃（JR/T 8.2.2）");
            h.table(List.of("设备", "位置", "处置", "敏感信息清除", "参与人员", "残余信息检查", "日期"), disposals,
                    m -> Arrays.asList(m.get("deviceId") + " " + m.get("deviceType"), m.get("location"), m.get("action"),
                            m.get("sanitisation"), m.get("participants"), m.get("residualCheck"), m.get("date")));
        }
        h.el("h2", "电子签名");
        h.raw("<table>");
        h.row("JSON 文件 SM3", info.sm3());
        h.row("签名算法", sig.get("algorithm") + "（SM2 用户标识 " + sig.get("userId") + "）");
        h.row("签名密钥 SM3 指纹", sig.get("signer"));
        h.raw("</table>");
        h.raw("<p class=\"mono\">签名值：" + HtmlUtils.htmlEscape(String.valueOf(sig.get("value"))) + "</p>");
        h.el("p", "机器可读的 JSON 证明与平台公钥可从云鉴下载，离线核验：yunjian exit verify-certificate 证明.json "
                + "--pubkey 平台公钥.pem。本 PDF 仅供阅读，以签名的 JSON 为准。");
        h.raw("</body></html>");
        return pdf.render(h.toString(), new PdfRenderer.Metadata("数据删除证明 " + system.get("name"),
                String.valueOf(issuer.get("name")), "Deletion certificate " + c.get("id")));
    }

    private static Object name(Object o) {
        return o instanceof Map<?, ?> m ? (m.get("name") == null ? m.get("id") : m.get("name")) : o;
    }

    private static String shown(Object iso) {
        return iso == null ? "—" : SHOWN.format(Instant.parse(String.valueOf(iso))) + "（北京时间）";
    }

    private static String status(Object s) {
        return switch (String.valueOf(s)) {
            case "DONE" -> "已完成";
            case "NOT_APPLICABLE" -> "不适用";
            default -> "未完成";
        };
    }

    static String method(Object m) {
        return switch (String.valueOf(m)) {
            case "CLEAR" -> "清除 Clear";
            case "PURGE" -> "净化 Purge";
            case "DESTROY" -> "销毁 Destroy";
            default -> String.valueOf(m);
        };
    }

    private static String nextUse(Object u) {
        return switch (String.valueOf(u)) {
            case "NONE" -> "不再使用";
            case "SENSITIVE_DATA" -> "仅存放敏感信息";
            case "PUBLIC_DATA" -> "可存放公开信息";
            default -> String.valueOf(u);
        };
    }

    /** A tiny XHTML writer: every text is escaped. */
    private static final class Html {
        private final StringBuilder b = new StringBuilder();

        void raw(String s) {
            b.append(s);
        }

        void el(String tag, Object text) {
            b.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag).append('>');
        }

        void row(String key, Object value) {
            b.append("<tr><td class=\"k\">").append(esc(key)).append("</td><td>").append(esc(value)).append("</td></tr>");
        }

        @SuppressWarnings("unchecked")
        void table(List<String> heads, List<Object> rows, java.util.function.Function<Map<String, Object>, List<Object>> cells) {
            if (rows.isEmpty()) {
                el("p", "（无）");
                return;
            }
            b.append("<table><tr>");
            heads.forEach(x -> b.append("<th>").append(esc(x)).append("</th>"));
            b.append("</tr>");
            for (Object r : rows) {
                b.append("<tr>");
                for (Object cell : cells.apply((Map<String, Object>) r)) {
                    b.append("<td class=\"cell\">").append(esc(cell)).append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</table>");
        }

        private static String esc(Object o) {
            return o == null ? "—" : HtmlUtils.htmlEscape(String.valueOf(o), "UTF-8");
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}
