package org.yunjian.monitoring;

/**
 * What a monitor checks, after the guide's 8.4.1 (each alert is of one kind): 可用性 (8.4.1.2), 篡改 and 有害信息
 * (8.4.1.3), 暗链 and 挂马 (8.4.1.4), 隐私泄露, the certificate, 域名及IP合规性 (8.4.1.2 b) and dead links.
 */
public enum CheckKind implements org.yunjian.shared.Labelled {
    /** The page answers, with the expected status and keyword, in time (8.4.1.2, 8.4.1.5). */
    AVAILABILITY,
    /** The page's text or resources differ from the approved baseline outside its dynamic regions (8.4.1.3 b). */
    TAMPERING,
    /** A link or frame hidden from the reader, or pointing outside the allowed domains (暗链). */
    HIDDEN_LINK,
    /** A script loaded from a host that is not allowed (挂马). */
    MALICIOUS_SCRIPT,
    /** A word of the organisation's list in the page or a linked attachment (8.4.1.3 a). */
    HARMFUL_CONTENT,
    /** A 身份证号, mobile number or bank card number in the page or a linked attachment. */
    PRIVACY_LEAK,
    /** The page answers, but slower than the monitor's threshold in several probes in a row (8.4.1.5). */
    LATENCY,
    /** The certificate: expiry, chain, host name, protocol versions. */
    TLS,
    /** The domain's records against the approved IP list and regions; registration expiry (8.4.1.2 b). */
    DNS,
    /** A link on a monitored page that no longer answers. */
    DEAD_LINK,
    /**
     * Another site's domain a monitored page links to whose registration has expired, expires soon or does not exist
     * (外链域名过期: a lapsed name registered by a squatter still answers, with gambling or fraud).
     */
    EXTERNAL_DOMAIN;

    /**
     * The typical incidents of T/CCIA 004-2024 table B.1 (catalog ids) most likely behind an alert of this kind, most
     * likely first; empty for the kinds that open no supervision incident. Table B.1 names breaches of duty, not
     * symptoms: it has no row "page tampered with" or "service unavailable", so these are the rows whose breach
     * commonly causes one. Tampering: credentials lost or leaked through the customer's maintenance (B.14), risks
     * notified by the provider or others not handled (B.15), behaviour logs too thin to trace it (B.16).
     * Unavailability: the platform misconfigured (B.12), the cloud service not chosen for the system's grade (B.7),
     * notified risks not handled (B.15), a node unable to meet the backup requirements (B.4).
     */
    public java.util.List<String> likelyIncidents() {
        return switch (this) {
            case TAMPERING -> java.util.List.of("TCCIA004-B-14", "TCCIA004-B-15", "TCCIA004-B-16");
            case AVAILABILITY -> java.util.List.of("TCCIA004-B-12", "TCCIA004-B-7", "TCCIA004-B-15", "TCCIA004-B-4");
            default -> java.util.List.of();
        };
    }

    /**
     * Whether the provider is told of an alert of this kind when it is not tasked with it: 政府网站云计算服务安全指南
     * 7.3.7 b) 1) has the customer report tampering and a paralysed site "立即向云服务商…报告" ({@link AlertAddressees}).
     */
    public boolean toldToProvider() {
        return this == TAMPERING || this == AVAILABILITY;
    }

    /**
     * Whether handling an alert of this kind follows the guide's emergency steps ({@link EmergencyStep}): 7.3.7 b) 1)
     * "网站出现非法信息或内容被篡改…" — tampering, and harmful content (非法信息).
     */
    public boolean emergency() {
        return this == TAMPERING || this == HARMFUL_CONTENT;
    }

    /** Whether an alert of this kind may open a supervision incident (issue 38: tampering and availability). */
    public boolean opensIncident() {
        return !likelyIncidents().isEmpty();
    }
}
