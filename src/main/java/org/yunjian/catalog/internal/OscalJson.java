package org.yunjian.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import org.yunjian.catalog.internal.OscalModel.Catalog;
import org.yunjian.catalog.internal.OscalModel.Control;
import org.yunjian.catalog.internal.OscalModel.Group;
import org.yunjian.catalog.internal.OscalModel.Param;
import org.yunjian.catalog.internal.OscalModel.Part;
import org.yunjian.catalog.internal.OscalModel.Prop;

/** OSCAL catalog JSON: a deterministic writer (2-space indentation, fixed key order) and a reader of valid documents. */
final class OscalJson {

    private OscalJson() {}

    // ---- reading (the document has passed the schema) ----

    static Catalog read(JsonNode doc) {
        JsonNode c = doc.get("catalog");
        JsonNode m = c.get("metadata");
        return new Catalog(
                c.get("uuid").asString(),
                m.get("title").asString(),
                m.get("published").asString(),
                m.get("last-modified").asString(),
                m.get("version").asString(),
                m.get("oscal-version").asString(),
                props(m),
                params(c),
                list(c, "controls").stream().map(OscalJson::control).toList(),
                list(c, "groups").stream().map(OscalJson::group).toList());
    }

    private static List<JsonNode> list(JsonNode n, String field) {
        return n.get(field).items();
    }

    private static List<Prop> props(JsonNode n) {
        return list(n, "props").stream()
                .map(p -> new Prop(
                        p.get("name").asString(),
                        p.get("ns").asString(),
                        p.get("value").asString(),
                        p.get("class").asString()))
                .toList();
    }

    private static List<Param> params(JsonNode n) {
        return list(n, "params").stream()
                .map(p -> {
                    JsonNode select = p.get("select");
                    return new Param(
                            p.get("id").asString(),
                            p.get("label").asString(),
                            list(p, "guidelines").stream()
                                    .map(g -> g.get("prose").asString())
                                    .toList(),
                            list(p, "values").stream().map(JsonNode::asString).toList(),
                            select.isNull() ? null : select.get("how-many").asString(),
                            select.isNull()
                                    ? null
                                    : list(select, "choice").stream()
                                            .map(JsonNode::asString)
                                            .toList());
                })
                .toList();
    }

    private static Group group(JsonNode g) {
        return new Group(
                g.get("id").asString(),
                g.get("class").asString(),
                g.get("title").asString(),
                params(g),
                props(g),
                list(g, "parts").stream().map(OscalJson::part).toList(),
                list(g, "groups").stream().map(OscalJson::group).toList(),
                list(g, "controls").stream().map(OscalJson::control).toList());
    }

    private static Control control(JsonNode c) {
        return new Control(
                c.get("id").asString(),
                c.get("class").asString(),
                c.get("title").asString(),
                params(c),
                props(c),
                list(c, "parts").stream().map(OscalJson::part).toList(),
                list(c, "controls").stream().map(OscalJson::control).toList());
    }

    private static Part part(JsonNode p) {
        return new Part(
                p.get("id").asString(),
                p.get("name").asString(),
                p.get("ns").asString(),
                p.get("title").asString(),
                props(p),
                p.get("prose").asString(),
                list(p, "parts").stream().map(OscalJson::part).toList());
    }

    // ---- writing ----

    static String write(Catalog c) {
        Out o = new Out();
        o.open(null, '{');
        o.open("catalog", '{');
        o.field("uuid", c.uuid());
        o.open("metadata", '{');
        o.field("title", c.title());
        o.field("published", c.published());
        o.field("last-modified", c.lastModified());
        o.field("version", c.version());
        o.field("oscal-version", c.oscalVersion());
        props(o, c.props());
        o.close('}');
        params(o, c.params());
        if (!c.controls().isEmpty()) {
            o.open("controls", '[');
            c.controls().forEach(x -> control(o, x));
            o.close(']');
        }
        if (!c.groups().isEmpty()) {
            o.open("groups", '[');
            c.groups().forEach(x -> group(o, x));
            o.close(']');
        }
        o.close('}');
        o.close('}');
        return o.toString();
    }

    private static void props(Out o, List<Prop> props) {
        if (props.isEmpty()) {
            return;
        }
        o.open("props", '[');
        for (Prop p : props) {
            o.open(null, '{');
            o.field("name", p.name());
            o.field("ns", p.ns());
            o.field("value", p.value());
            o.close('}');
        }
        o.close(']');
    }

    private static void params(Out o, List<Param> params) {
        if (params.isEmpty()) {
            return;
        }
        o.open("params", '[');
        for (Param p : params) {
            o.open(null, '{');
            o.field("id", p.id());
            o.field("label", p.label());
            if (!p.guidelines().isEmpty()) {
                o.open("guidelines", '[');
                for (String g : p.guidelines()) {
                    o.open(null, '{');
                    o.field("prose", g);
                    o.close('}');
                }
                o.close(']');
            }
            if (!p.values().isEmpty()) {
                o.open("values", '[');
                p.values().forEach(o::item);
                o.close(']');
            }
            if (p.isSelection()) {
                o.open("select", '{');
                o.field("how-many", p.howMany());
                if (!p.choices().isEmpty()) {
                    o.open("choice", '[');
                    p.choices().forEach(o::item);
                    o.close(']');
                }
                o.close('}');
            }
            o.close('}');
        }
        o.close(']');
    }

    private static void parts(Out o, List<Part> parts) {
        if (parts.isEmpty()) {
            return;
        }
        o.open("parts", '[');
        for (Part p : parts) {
            o.open(null, '{');
            o.field("id", p.id());
            o.field("name", p.name());
            o.field("ns", p.ns());
            o.field("title", p.title());
            props(o, p.props());
            o.field("prose", p.prose());
            parts(o, p.parts());
            o.close('}');
        }
        o.close(']');
    }

    private static void group(Out o, Group g) {
        o.open(null, '{');
        o.field("id", g.id());
        o.field("class", g.clazz());
        o.field("title", g.title());
        params(o, g.params());
        props(o, g.props());
        parts(o, g.parts());
        if (!g.groups().isEmpty()) {
            o.open("groups", '[');
            g.groups().forEach(x -> group(o, x));
            o.close(']');
        }
        if (!g.controls().isEmpty()) {
            o.open("controls", '[');
            g.controls().forEach(x -> control(o, x));
            o.close(']');
        }
        o.close('}');
    }

    private static void control(Out o, Control c) {
        o.open(null, '{');
        o.field("id", c.id());
        o.field("class", c.clazz());
        o.field("title", c.title());
        params(o, c.params());
        props(o, c.props());
        parts(o, c.parts());
        if (!c.controls().isEmpty()) {
            o.open("controls", '[');
            c.controls().forEach(x -> control(o, x));
            o.close(']');
        }
        o.close('}');
    }

    /** A tiny pretty-printing JSON writer; null fields are left out. */
    private static final class Out {
        private final StringBuilder sb = new StringBuilder();
        private final List<Boolean> first = new ArrayList<>();

        private void indent() {
            sb.append("  ".repeat(first.size()));
        }

        private void comma() {
            if (!first.isEmpty()) {
                int last = first.size() - 1;
                if (!first.get(last)) {
                    sb.append(',');
                }
                first.set(last, false);
                sb.append('\n');
                indent();
            }
        }

        void open(String name, char bracket) {
            comma();
            if (name != null) {
                string(name);
                sb.append(": ");
            }
            sb.append(bracket);
            first.add(true);
        }

        void close(char bracket) {
            boolean empty = first.remove(first.size() - 1);
            if (!empty) {
                sb.append('\n');
                indent();
            }
            sb.append(bracket);
            if (first.isEmpty()) {
                sb.append('\n');
            }
        }

        void field(String name, String value) {
            if (value == null) {
                return;
            }
            comma();
            string(name);
            sb.append(": ");
            string(value);
        }

        /** A string element of the array being written. */
        void item(String value) {
            comma();
            string(value);
        }

        private void string(String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (ch < 0x20) {
                            sb.append(String.format("\\u%04x", (int) ch));
                        } else {
                            sb.append(ch);
                        }
                    }
                }
            }
            sb.append('"');
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
