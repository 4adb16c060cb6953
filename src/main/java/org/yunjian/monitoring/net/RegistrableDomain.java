package org.yunjian.monitoring.net;

import java.net.IDN;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name a registrant holds, to which a host belongs: {@code www.example.gov.cn} → {@code example.gov.cn},
 * {@code www.example.com} → {@code example.com}. This is not the public suffix list: it knows the second-level
 * domains under {@code .cn} that government and public websites use ({@code gov.cn}, {@code com.cn}, {@code org.cn},
 * {@code net.cn}, {@code edu.cn}, {@code ac.cn}) and treats every other top-level domain as registrable directly
 * beneath it; a provincial name such as {@code bj.cn}, or a suffix of another country's registry ({@code co.uk}),
 * gives the wrong answer. Held in ASCII (an internationalised name in its {@code xn--} form), lower case.
 */
public record RegistrableDomain(String name) {

    private static final Set<String> SECOND_LEVEL = Set.of("gov.cn", "com.cn", "org.cn", "net.cn", "edu.cn", "ac.cn");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LABEL = Pattern.compile("[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public RegistrableDomain {
        if (name == null || !wellFormed(name) || name.split("\\.").length < 2) {
            throw new IllegalArgumentException("RegistrableDomain: " + name);
        }
    }

    /** The registrable domain of {@code host}; empty for an address literal, a single label or a malformed name. */
    public static Optional<RegistrableDomain> of(String host) {
        String ascii;
        try {
            String h = host == null ? "" : host.strip();
            if (h.endsWith(".")) {
                h = h.substring(0, h.length() - 1);
            }
            ascii = IDN.toASCII(h, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAName) {
            return Optional.empty();
        }
        if (!wellFormed(ascii)) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.");
        int keep =
                labels.length >= 2 && SECOND_LEVEL.contains(labels[labels.length - 2] + "." + labels[labels.length - 1])
                        ? 3
                        : 2;
        if (labels.length < keep) {
            return Optional.empty();
        }
        return Optional.of(new RegistrableDomain(
                String.join(".", Arrays.copyOfRange(labels, labels.length - keep, labels.length))));
    }

    @Override
    public String toString() {
        return name;
    }

    private static boolean wellFormed(String ascii) {
        if (ascii.isEmpty() || ascii.length() > 253) {
            return false;
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // a top-level label is never all digits: an IPv4 literal is not a domain
        return TOP_LABEL.matcher(labels[labels.length - 1]).matches();
    }
}
