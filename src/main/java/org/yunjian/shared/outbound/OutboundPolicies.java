package org.yunjian.shared.outbound;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The outbound address policy of each purpose, from the configuration: {@code yunjian.outbound.allowed-ranges} (name →
 * ranges) allows ranges for every purpose, {@code yunjian.outbound.monitoring.allowed-ranges}, {@code
 * yunjian.outbound.webhooks.allowed-ranges} and {@code yunjian.outbound.directories.allowed-ranges} for one. Nothing is allowed by default: private targets stay refused for
 * monitors and webhooks alike. A range that does not parse stops the start with its name and text.
 *
 * <p>The switches of earlier versions ({@code yunjian.monitoring.allow-private-addresses}, {@code
 * yunjian.notifications.allow-private-targets}) allowed every private network at once; they stop the start with a
 * message naming the setting that replaces them, so an upgrade does not silently change where the platform connects.
 */
@Component
public class OutboundPolicies {

    /** The purposes the platform connects for on a user's behalf. */
    public enum Purpose {
        MONITORING("monitoring"),
        WEBHOOKS("webhooks"),
        /** An organisation's OpenID Connect provider or LDAP server (directory sign-in, issue 57). */
        DIRECTORIES("directories");

        final String key;

        Purpose(String key) {
            this.key = key;
        }
    }

    private static final Bindable<Map<String, List<String>>> RANGES = Bindable.of(ResolvableType.forClassWithGenerics(
            Map.class,
            ResolvableType.forClass(String.class),
            ResolvableType.forClassWithGenerics(List.class, String.class)));

    private final Map<Purpose, OutboundPolicy> policies = new LinkedHashMap<>();

    public OutboundPolicies(Environment environment) {
        for (String old :
                List.of("yunjian.monitoring.allow-private-addresses", "yunjian.notifications.allow-private-targets")) {
            if (Boolean.parseBoolean(environment.getProperty(old, "false"))) {
                throw new IllegalStateException(old + " is no longer read: name the ranges the platform may reach in "
                        + "yunjian.outbound.monitoring.allowed-ranges or yunjian.outbound.webhooks.allowed-ranges "
                        + "(see docs/security.md, \"One outbound address policy\")");
            }
        }
        Binder binder = Binder.get(environment);
        Map<String, List<String>> everywhere = read(binder, "yunjian.outbound.allowed-ranges");
        for (Purpose p : Purpose.values()) {
            OutboundPolicy policy = OutboundPolicy.publicOnly(p.key);
            for (Map.Entry<String, List<String>> e : everywhere.entrySet()) {
                policy = allow(policy, "yunjian.outbound.allowed-ranges", e);
            }
            for (Map.Entry<String, List<String>> e : read(binder, "yunjian.outbound." + p.key + ".allowed-ranges")
                    .entrySet()) {
                policy = allow(policy, "yunjian.outbound." + p.key + ".allowed-ranges", e);
            }
            policies.put(p, policy);
        }
    }

    private static Map<String, List<String>> read(Binder binder, String property) {
        return binder.bind(property, RANGES).orElse(Map.of());
    }

    private static OutboundPolicy allow(OutboundPolicy policy, String property, Map.Entry<String, List<String>> e) {
        try {
            return policy.allowing(e.getKey(), e.getValue());
        } catch (IllegalArgumentException bad) {
            throw new IllegalStateException(property + "." + e.getKey() + ": " + bad.getMessage(), bad);
        }
    }

    public OutboundPolicy monitoring() {
        return policies.get(Purpose.MONITORING);
    }

    public OutboundPolicy webhooks() {
        return policies.get(Purpose.WEBHOOKS);
    }

    public OutboundPolicy directories() {
        return policies.get(Purpose.DIRECTORIES);
    }
}
