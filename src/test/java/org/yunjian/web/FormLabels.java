package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Checks a page's field labels (field → message key, as its controller gives them to {@code web/field-errors})
 * against its template: every form of the page is one the caller names, every field a person fills in on it has a
 * label ("" declares a field refused otherwise than by a field error), and every label is a key the page shows, in
 * both languages' bundles.
 */
public final class FormLabels {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\sname=\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\\stype=\"([^\"]+)\"");
    private static final Pattern FORM_ATTR = Pattern.compile("\\sth:form=\"([^\"]+)\"");

    private static Properties zh;
    private static Properties en;

    private FormLabels() {}

    /**
     * {@code forms}: a text that only the opening tag of each form of {@code template} holds (its id, or the start of
     * a computed id) → the labels of that form's fields (empty for a form with no field a person fills in). Fails
     * when the template has a form none names, or a form field without its label.
     */
    public static void assertLabelled(String template, Map<String, Map<String, String>> forms) {
        String html = read("templates/" + template + ".html");
        Map<String, Set<String>> fields = fields(html, forms.keySet());
        fields.forEach((marker, names) -> {
            Map<String, String> labels = forms.get(marker);
            assertThat(labels.keySet())
                    .as("%s, form %s: every field has its label", template, marker)
                    .containsAll(names);
            labels.forEach((field, key) -> {
                if (key.isEmpty()) {
                    return; // refused otherwise than by a field error (its own alert, the form's section)
                }
                assertThat(html.contains("#{" + key + "}")
                                || html.contains("#{" + key + "(")
                                || html.contains("'" + key + "'"))
                        .as("%s: the label of %s (%s) is one the page shows", template, field, key)
                        .isTrue();
                assertThat(bundle(false).getProperty(key))
                        .as("%s → %s (zh-CN)", field, key)
                        .isNotBlank();
                assertThat(bundle(true).getProperty(key))
                        .as("%s → %s (en)", field, key)
                        .isNotBlank();
            });
        });
    }

    /** As {@link #assertLabelled(String, Map)} for a page whose forms share one map of labels. */
    public static void assertEveryFormLabelled(String template, Map<String, String> labels) {
        assertLabelled(template, Map.of("<form", labels));
    }

    /** The fields a person fills in, per form (by its marker): named statically, not hidden; a form not named fails. */
    static Map<String, Set<String>> fields(String html, Set<String> markers) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        markers.forEach(m -> out.put(m, new LinkedHashSet<>()));
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String tag = form.group();
            String marker = markers.stream().filter(tag::contains).findFirst().orElse(null);
            assertThat(marker)
                    .as("a form of the page without its labels: %s", tag)
                    .isNotNull();
            int end = html.indexOf("</form>", form.end());
            Matcher field = FIELD.matcher(html.substring(form.end(), end < 0 ? html.length() : end));
            while (field.find()) {
                add(out.get(marker), field.group());
            }
        }
        // fields outside their form, tied to it by th:form (a table's row check boxes)
        Matcher field = FIELD.matcher(html);
        while (field.find()) {
            Matcher f = FORM_ATTR.matcher(field.group());
            if (f.find()) {
                String marker = markers.stream()
                        .filter(f.group(1)::contains)
                        .findFirst()
                        .orElse(null);
                assertThat(marker)
                        .as("a field of a form without its labels: %s", field.group())
                        .isNotNull();
                add(out.get(marker), field.group());
            }
        }
        return out;
    }

    private static void add(Set<String> names, String tag) {
        Matcher type = TYPE.matcher(tag);
        Matcher name = NAME.matcher(tag);
        if (name.find() && !(type.find() && type.group(1).equalsIgnoreCase("hidden"))) {
            names.add(name.group(1));
        }
    }

    private static String read(String path) {
        try (InputStream in = FormLabels.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Properties bundle(boolean english) {
        if (zh == null) {
            zh = new Properties();
            en = new Properties();
            try {
                for (Resource r :
                        new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties")) {
                    Properties target = r.getFilename().endsWith("_en.properties") ? en : zh;
                    try (InputStream in = r.getInputStream()) {
                        target.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return english ? en : zh;
    }
}
