package org.yunjian.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogLoadException;

/** Reads catalog files from a Spring resource location; used at startup and by tests. */
public final class CatalogLoading {

    /** Where the shipped catalog lives. */
    public static final String DEFAULT_LOCATION = "classpath*:catalog/";

    static final String SCHEMA = "catalog.schema.json";

    private CatalogLoading() {}

    public static Catalog fromClasspath() {
        return from(DEFAULT_LOCATION);
    }

    /**
     * Loads every {@code *.json} under {@code location} except the schema (which comes from the classpath),
     * then the cross-references in {@code location/mappings/*.json}.
     */
    public static Catalog from(String location) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        String base = location.endsWith("/") ? location : location + "/";
        try {
            Resource schema = resolver.getResource("classpath:catalog/" + SCHEMA);
            List<Resource> resources = new ArrayList<>(Arrays.asList(resolver.getResources(base + "*.json")));
            resources.removeIf(r -> SCHEMA.equals(r.getFilename()));
            resources.sort(Comparator.comparing(Resource::getFilename));
            if (resources.isEmpty()) {
                throw new CatalogLoadException(base, 0, "$", org.yunjian.shared.Msg.of("catalog.error.noFiles"));
            }
            List<CatalogLoader.Source> sources = new ArrayList<>();
            for (Resource r : resources) {
                sources.add(source(r));
            }
            List<Resource> mappingResources =
                    new ArrayList<>(Arrays.asList(resolver.getResources(base + "mappings/*.json")));
            mappingResources.sort(Comparator.comparing(Resource::getFilename));
            List<CatalogLoader.Source> mappings = new ArrayList<>();
            for (Resource r : mappingResources) {
                mappings.add(source(r));
            }
            List<Resource> all = new ArrayList<>(resources);
            all.addAll(mappingResources);
            CatalogLoader loader =
                    shipped(schema, all) ? CatalogLoader.forShippedFiles() : new CatalogLoader(source(schema));
            return loader.load(sources, mappings);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog files: " + base, e);
        }
    }

    /**
     * Whether every file lies in the application's own catalog directory (where the schema comes from): those the
     * build checked against the schema. A file from anywhere else — {@code yunjian.catalog.location}, another jar
     * on the class path — has every file checked.
     */
    private static boolean shipped(Resource schema, List<Resource> files) throws IOException {
        String url = schema.getURL().toString();
        String own = url.substring(0, url.length() - SCHEMA.length());
        for (Resource r : files) {
            if (!r.getURL().toString().startsWith(own)) {
                return false;
            }
        }
        return true;
    }

    private static CatalogLoader.Source source(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new CatalogLoader.Source(resource.getFilename(), in.readAllBytes());
        }
    }
}
