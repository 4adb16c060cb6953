package org.yunjian.monitoring.probe;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Whether a reader can see an element, from what the page declares ({@link PageStyles}) on it and its ancestors — the
 * ways 暗链 are hidden: {@code display:none}, {@code visibility:hidden} (the nearest declaration wins, as CSS inherits
 * it), absolute or fixed positioning at an offset of -500px or less, a zero width or height with {@code
 * overflow:hidden} (a zero-sized frame needs no overflow), a font size of 1px or less (the nearest declaration wins),
 * {@code opacity:0}, a text colour equal to the background colour behind it, the {@code hidden} attribute. A link
 * holding an image is not hidden by its font size or colour: the image shows.
 */
final class Visibility {

    /** Why an element cannot be seen; each has its message {@code monitoring.page.hidden.reason.<NAME>}. */
    enum Reason {
        DISPLAY_NONE,
        VISIBILITY_HIDDEN,
        OFF_SCREEN,
        ZERO_SIZE,
        TINY_FONT,
        TRANSPARENT,
        SAME_COLOUR,
        HIDDEN_ATTRIBUTE;

        String key() {
            return "monitoring.page.hidden.reason." + name();
        }
    }

    /** Why, and the evidence: the element that hides it and the declaration, e.g. {@code <div.ad> display:none}. */
    record Hidden(Reason reason, String evidence) {}

    static final double OFF_SCREEN_PX = -500;
    static final double TINY_FONT_PX = 1;

    private static final Pattern LENGTH =
            Pattern.compile("(-?(?:\\d+\\.?\\d*|\\.\\d+))(px|pt|em|rem|in|cm|mm|%|vw|vh)?");

    private final PageStyles styles;

    Visibility(PageStyles styles) {
        this.styles = styles;
    }

    /** Why {@code e} cannot be seen, or empty when nothing the page declares hides it. */
    Optional<Hidden> hidden(Element e) {
        String visibility = null;
        Element visibilityAt = null;
        String fontSize = null;
        Element fontSizeAt = null;
        String color = null;
        Element colorAt = null;
        String background = null;
        for (Element x = e; x != null; x = x.parent()) {
            Map<String, String> s = styles.declared(x);
            if (x.hasAttr("hidden")) {
                return found(Reason.HIDDEN_ATTRIBUTE, x, "hidden");
            }
            if ("none".equals(s.get("display"))) {
                return found(Reason.DISPLAY_NONE, x, "display:none");
            }
            Double opacity = number(s.get("opacity"));
            if (opacity != null && opacity <= 0.01) {
                return found(Reason.TRANSPARENT, x, "opacity:" + s.get("opacity"));
            }
            String position = s.get("position");
            if ("absolute".equals(position) || "fixed".equals(position)) {
                for (String side : new String[] {"left", "top", "right", "bottom"}) {
                    Double px = pixels(s.get(side));
                    if (px != null && px <= OFF_SCREEN_PX) {
                        return found(Reason.OFF_SCREEN, x, "position:" + position + ";" + side + ":" + s.get(side));
                    }
                }
            }
            Optional<Hidden> zero = zeroSize(x, s, x == e);
            if (zero.isPresent()) {
                return zero;
            }
            if (visibility == null && s.containsKey("visibility")) {
                visibility = s.get("visibility");
                visibilityAt = x;
            }
            if (fontSize == null && s.containsKey("font-size")) {
                fontSize = s.get("font-size");
                fontSizeAt = x;
            }
            if (color == null && s.containsKey("color")) {
                color = Colours.normalise(s.get("color"));
                colorAt = x;
            }
            if (background == null) {
                background = Colours.background(s);
            }
        }
        if ("hidden".equals(visibility) || "collapse".equals(visibility)) {
            return found(Reason.VISIBILITY_HIDDEN, visibilityAt, "visibility:" + visibility);
        }
        boolean showsAnImage = !e.select("img").isEmpty();
        if (!showsAnImage && fontSize != null && isTiny(fontSize)) {
            return found(Reason.TINY_FONT, fontSizeAt, "font-size:" + fontSize);
        }
        if (!showsAnImage && "transparent".equals(color)) {
            return found(Reason.TRANSPARENT, colorAt, "color:transparent");
        }
        if (!showsAnImage && color != null && color.equals(background)) {
            return found(Reason.SAME_COLOUR, colorAt, "color:" + color + ";background:" + background);
        }
        return Optional.empty();
    }

    private static Optional<Hidden> zeroSize(Element x, Map<String, String> s, boolean itself) {
        boolean frame = itself && (x.nameIs("iframe") || x.nameIs("frame"));
        for (String side : new String[] {"width", "height"}) {
            Double px = pixels(s.get(side));
            String attribute = x.attr(side).strip();
            boolean zeroStyle = px != null && px == 0;
            boolean zeroAttribute = frame && (attribute.equals("0") || attribute.equals("0px"));
            String overflow =
                    s.getOrDefault("overflow", s.getOrDefault("overflow-" + (side.equals("width") ? "x" : "y"), ""));
            if ((zeroStyle && (frame || overflow.equals("hidden"))) || zeroAttribute) {
                String evidence = zeroAttribute ? side + "=\"" + attribute + "\"" : side + ":" + s.get(side);
                return found(Reason.ZERO_SIZE, x, evidence + (frame ? "" : ";overflow:hidden"));
            }
        }
        return Optional.empty();
    }

    private static boolean isTiny(String fontSize) {
        Matcher m = LENGTH.matcher(fontSize);
        if (!m.matches()) {
            return false;
        }
        double value = Double.parseDouble(m.group(1));
        if (value == 0) {
            return true;
        }
        Double px = pixels(fontSize);
        return px != null && px <= TINY_FONT_PX && !isRelative(m.group(2));
    }

    private static boolean isRelative(String unit) {
        return unit != null && (unit.equals("em") || unit.equals("%") || unit.equals("rem"));
    }

    /** A CSS length in CSS pixels (1em = 16px, as browsers default), or null for none, a percentage or no length. */
    static Double pixels(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = LENGTH.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            return n == 0 ? 0.0 : null;
        }
        return switch (unit) {
            case "px" -> n;
            case "pt" -> n * 4 / 3;
            case "em", "rem" -> n * 16;
            case "in" -> n * 96;
            case "cm" -> n * 96 / 2.54;
            case "mm" -> n * 96 / 25.4;
            default -> n == 0 ? 0.0 : null;
        };
    }

    private static Double number(String value) {
        if (value == null) {
            return null;
        }
        try {
            String v = value.strip();
            return v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100 : Double.parseDouble(v);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Optional<Hidden> found(Reason reason, Element at, String declaration) {
        return Optional.of(new Hidden(reason, describe(at) + " " + declaration));
    }

    /** {@code <div#id.class>}: enough to find the element in the page's source. */
    static String describe(Element e) {
        StringBuilder s = new StringBuilder("<").append(e.normalName());
        if (!e.id().isEmpty()) {
            s.append('#').append(e.id());
        }
        for (String c : e.classNames()) {
            s.append('.').append(c);
        }
        return s.append('>').toString();
    }
}
