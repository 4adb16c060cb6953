package org.yunjian.monitoring.probe;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSS colours in one form for comparing, {@code #rrggbb} in lower case: hex ({@code #fff}, {@code #ffffff}), {@code
 * rgb()}/{@code rgba()} and the basic named colours (CSS Color Level 4, section 6.1). A fully transparent colour is
 * {@code "transparent"}; any other form is unknown (null), so it is never taken as equal to another.
 */
final class Colours {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("black", "#000000"),
            Map.entry("white", "#ffffff"),
            Map.entry("red", "#ff0000"),
            Map.entry("green", "#008000"),
            Map.entry("blue", "#0000ff"),
            Map.entry("yellow", "#ffff00"),
            Map.entry("gray", "#808080"),
            Map.entry("grey", "#808080"),
            Map.entry("silver", "#c0c0c0"),
            Map.entry("maroon", "#800000"),
            Map.entry("purple", "#800080"),
            Map.entry("fuchsia", "#ff00ff"),
            Map.entry("lime", "#00ff00"),
            Map.entry("olive", "#808000"),
            Map.entry("navy", "#000080"),
            Map.entry("teal", "#008080"),
            Map.entry("aqua", "#00ffff"),
            Map.entry("orange", "#ffa500"));

    private static final Pattern HEX = Pattern.compile("#([0-9a-f]{3}|[0-9a-f]{6})");
    private static final Pattern RGB = Pattern.compile(
            "rgba?\\(\\s*(\\d{1,3})[\\s,]+(\\d{1,3})[\\s,]+(\\d{1,3})\\s*(?:[,/]\\s*([0-9.]+%?))?\\s*\\)");

    private Colours() {}

    /** {@code value} as {@code #rrggbb}, {@code "transparent"}, or null when not a colour this knows. */
    static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("transparent")) {
            return v;
        }
        if (NAMED.containsKey(v)) {
            return NAMED.get(v);
        }
        Matcher hex = HEX.matcher(v);
        if (hex.matches()) {
            String h = hex.group(1);
            return h.length() == 6
                    ? "#" + h
                    : "#" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        Matcher rgb = RGB.matcher(v);
        if (rgb.matches()) {
            String alpha = rgb.group(4);
            if (alpha != null && isZero(alpha.replace("%", ""))) {
                return "transparent";
            }
            return String.format("#%02x%02x%02x", channel(rgb.group(1)), channel(rgb.group(2)), channel(rgb.group(3)));
        }
        return null;
    }

    /** The background colour declared ({@code background-color}, or a colour in {@code background}), not transparent. */
    static String background(Map<String, String> declared) {
        String colour = normalise(declared.get("background-color"));
        if (colour == null && declared.containsKey("background")) {
            for (String token :
                    PageStyles.splitTopLevel(declared.get("background").replace(' ', ','), ',')) {
                colour = normalise(token);
                if (colour != null) {
                    break;
                }
            }
        }
        return "transparent".equals(colour) ? null : colour;
    }

    private static boolean isZero(String number) {
        try {
            return Double.parseDouble(number) == 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static int channel(String digits) {
        return Math.min(255, Integer.parseInt(digits));
    }
}
