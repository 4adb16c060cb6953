package org.yunjian.notification.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The group-chat robots an organisation can send to, each with its own message format and signature:
 * <ul>
 *   <li>企业微信 group robot: {@code {"msgtype":"text","text":{"content":…}}} to its {@code …/webhook/send?key=…}
 *   address (the key in the address is the secret; no signature);</li>
 *   <li>钉钉 custom robot with 加签: {@code timestamp} (ms) and {@code sign} = URL-encoded Base64 of
 *   HmacSHA256(key = secret, data = timestamp + "\n" + secret) added to the address's query;</li>
 *   <li>飞书 custom robot with 签名校验 (optional): {@code timestamp} (s) and {@code sign} = Base64 of
 *   HmacSHA256(key = timestamp + "\n" + secret, data = empty) in the body beside {@code msg_type} and
 *   {@code content};</li>
 *   <li>a generic JSON webhook: the event as JSON, {@code X-Yunjian-Timestamp} (s) and {@code X-Yunjian-Signature}
 *   = {@code sha256=} hex HmacSHA256(key = secret, data = timestamp + "." + body).</li>
 * </ul>
 * The robots answer HTTP 200 with an error code in the body when they refuse; that counts as a failure.
 */
public enum RobotKind {
    WECOM(false, false),
    DINGTALK(true, true),
    FEISHU(false, true),
    GENERIC(true, true);

    public static final String TIMESTAMP_HEADER = "X-Yunjian-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Yunjian-Signature";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final boolean secretRequired;
    private final boolean secretAllowed;

    RobotKind(boolean secretRequired, boolean secretAllowed) {
        this.secretRequired = secretRequired;
        this.secretAllowed = secretAllowed;
    }

    public boolean secretRequired() {
        return secretRequired;
    }

    public boolean secretAllowed() {
        return secretAllowed;
    }

    /** One request to a robot: address, body and headers. */
    public record Request(String url, String body, Map<String, String> headers) {}

    /** What a robot message says: the text (already in the robot's language), the link and the event fields. */
    public record Message(
            String text, String link, String kind, String scope, java.util.UUID taskId, Instant openedAt) {}

    public Request request(String url, String secret, Message m, Instant now) {
        String text = m.text() + "\n" + m.link();
        ObjectNode body = JSON.createObjectNode();
        switch (this) {
            case WECOM -> {
                body.put("msgtype", "text");
                body.putObject("text").put("content", text);
                return new Request(url, JSON.writeValueAsString(body), Map.of());
            }
            case DINGTALK -> {
                long ts = now.toEpochMilli();
                String sign = URLEncoder.encode(
                        Base64.getEncoder()
                                .encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), ts + "\n" + secret)),
                        StandardCharsets.UTF_8);
                body.put("msgtype", "text");
                body.putObject("text").put("content", text);
                return new Request(
                        url + (url.contains("?") ? "&" : "?") + "timestamp=" + ts + "&sign=" + sign,
                        JSON.writeValueAsString(body),
                        Map.of());
            }
            case FEISHU -> {
                if (secret != null) {
                    long ts = now.getEpochSecond();
                    body.put("timestamp", Long.toString(ts));
                    body.put(
                            "sign",
                            Base64.getEncoder()
                                    .encodeToString(hmac((ts + "\n" + secret).getBytes(StandardCharsets.UTF_8), "")));
                }
                body.put("msg_type", "text");
                body.putObject("content").put("text", text);
                return new Request(url, JSON.writeValueAsString(body), Map.of());
            }
            default -> {
                body.put("event", "work.opened");
                body.put("taskId", String.valueOf(m.taskId()));
                body.put("scope", m.scope());
                body.put("kind", m.kind());
                body.put("text", m.text());
                body.put("link", m.link());
                body.put("openedAt", String.valueOf(m.openedAt()));
                String json = JSON.writeValueAsString(body);
                long ts = now.getEpochSecond();
                String signature = "sha256="
                        + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), ts + "." + json));
                return new Request(url, json, Map.of(TIMESTAMP_HEADER, Long.toString(ts), SIGNATURE_HEADER, signature));
            }
        }
    }

    /**
     * Whether the robot accepted the message, given a 2xx answer's body: 企业微信 and 钉钉 answer
     * {@code {"errcode":0}}, 飞书 {@code {"code":0}} (older robots {@code {"StatusCode":0}}); a generic webhook
     * accepts with any 2xx.
     */
    public boolean accepted(String responseBody) {
        if (this == GENERIC) {
            return true;
        }
        JsonNode n;
        try {
            n = JSON.readTree(responseBody == null || responseBody.isBlank() ? "{}" : responseBody);
        } catch (RuntimeException e) {
            return false;
        }
        String field = this == FEISHU ? (n.has("code") ? "code" : "StatusCode") : "errcode";
        return n.has(field) && n.get(field).asInt(-1) == 0;
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
