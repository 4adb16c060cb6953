package org.yunjian.responsibility.internal.liability;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.yunjian.shared.Labelled;

/**
 * The categories of table B.1 (T/CCIA 004-2024 Annex B), so a category can be filtered by and shown in the reader's
 * language. Which printed category is which constant is data ({@code responsibility/annex-b-categories.properties});
 * the display name (bundle key {@code enum.IncidentCategory.<CONSTANT>}) is the standard's wording.
 */
public enum IncidentCategory implements Labelled {
    /** 通用-安全组织及人员 */
    ORGANISATION_AND_STAFF,
    /** 基础设施层-机房选址及建设安全 */
    SITE_AND_CONSTRUCTION,
    /** 基础设施层-物理设备安全 */
    PHYSICAL_EQUIPMENT,
    /** 平台层-云计算平台研发与规划 */
    PLATFORM_DEVELOPMENT,
    /** 平台层-云计算平台配置 */
    PLATFORM_CONFIGURATION,
    /** 服务层 */
    SERVICE_LAYER;

    static final String NAMES = "responsibility/annex-b-categories.properties";
    private static final Map<String, IncidentCategory> BY_PRINTED = load();

    /**
     * The category of a category as printed, whatever the table's line breaks left in it ("通用 -安全组织 及人员").
     *
     * @throws IllegalArgumentException for a category the table does not have
     */
    public static IncidentCategory ofPrinted(String printed) {
        IncidentCategory c = BY_PRINTED.get(compact(printed));
        if (c == null) {
            throw new IllegalArgumentException("category: " + printed);
        }
        return c;
    }

    /** The printed text without the spaces and dashes of the table's line breaks, lower case. */
    static String compact(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\-]+", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, IncidentCategory> load() {
        Properties p = new Properties();
        try (InputStream in = IncidentCategory.class.getClassLoader().getResourceAsStream(NAMES)) {
            if (in == null) {
                throw new IllegalStateException("missing " + NAMES);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(NAMES, e);
        }
        Map<String, IncidentCategory> out = new HashMap<>();
        for (String code : p.stringPropertyNames()) {
            out.put(compact(p.getProperty(code)), valueOf(code));
        }
        return out;
    }
}
