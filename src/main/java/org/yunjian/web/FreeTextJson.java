package org.yunjian.web;

import org.springframework.stereotype.Component;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdScalarSerializer;

/**
 * Every string of every JSON request body passes {@link Text}'s rule for multi-line text before any controller
 * sees it: NUL and other controls (but TAB/LF/CR), lone surrogates ({@code "\ud800"}) and noncharacters are
 * refused with a 400 problem naming the field by its JSON path ({@code participants[0].role}). A new endpoint
 * is covered without doing anything; the stricter single-line rule for names is checked by each module where
 * it knows which fields are names. On the way out, every string is written through {@link Text#safe}, so a row
 * stored before the rule (or around it) is answered with U+FFFD in place of a character UTF-8 cannot carry,
 * never with a 500. Spring Boot registers this module with the application's JSON mapper.
 */
@Component
class FreeTextJson extends SimpleModule {

    FreeTextJson(TextRules rules) {
        super("yunjian-free-text");
        addDeserializer(String.class, new Checked(rules));
        addSerializer(String.class, new Safe());
    }

    /** Writes {@link Text#safe}'s form of a string: the same string unless it holds an unwritable character. */
    static final class Safe extends StdScalarSerializer<String> {

        Safe() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializationContext provider) throws JacksonException {
            gen.writeString(Text.safe(value));
        }
    }

    /** Not a {@code @JacksonStdImpl}, so collections of strings go through it too. */
    static final class Checked extends StdScalarDeserializer<String> {

        private final transient TextRules rules;

        Checked(TextRules rules) {
            super(String.class);
            this.rules = rules;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String field = Text.safe(path(p.streamReadContext()));
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            Text.violation(value, Text.Kind.LINES).ifPresent(v -> {
                throw new FieldErrors.ValidationException(field, rules.describe(field, v));
            });
            return value;
        }

        /** {@code a.b[2].c} for the value being read. */
        static String path(TokenStreamContext context) {
            StringBuilder b = new StringBuilder();
            for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inArray()) {
                    b.insert(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
                } else if (c.inObject() && c.currentName() != null) {
                    b.insert(0, (b.isEmpty() || b.charAt(0) == '[' ? "" : ".") + c.currentName());
                }
            }
            return b.isEmpty() ? "body" : b.toString();
        }
    }
}
