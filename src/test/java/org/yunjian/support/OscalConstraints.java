package org.yunjian.support;

import gov.nist.secauto.metaschema.core.configuration.DefaultConfiguration;
import gov.nist.secauto.metaschema.core.metapath.item.node.IDocumentNodeItem;
import gov.nist.secauto.metaschema.core.model.constraint.IConstraint;
import gov.nist.secauto.metaschema.core.model.validation.IValidationFinding;
import gov.nist.secauto.metaschema.core.model.validation.IValidationResult;
import gov.nist.secauto.metaschema.databind.IBindingContext;
import gov.nist.secauto.metaschema.databind.io.DeserializationFeature;
import gov.nist.secauto.metaschema.databind.io.IBoundLoader;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * NIST's liboscal-java checking an OSCAL document as {@code oscal-cli validate} does after the schema step: the
 * document is read into liboscal-java's bound model and every Metaschema constraint of its OSCAL model (allowed
 * values, cardinalities, uniqueness, indexes and references, expectations) is evaluated. The application runs the
 * same constraints on every upload ({@link org.yunjian.catalog.OscalSchemas#check}), never fetching what a document
 * links to; this test helper reports every finding as NIST states it (no finding downgraded) and can serve the
 * documents an export links to ({@code served}), so that the exports are checked in full.
 */
public final class OscalConstraints {

    private OscalConstraints() {}

    /**
     * The findings at warning level or above, one line each: {@code LEVEL path: message [constraint id]}; empty when
     * the document satisfies every constraint. {@code name} gives the file its extension ({@code .json}, {@code .xml}),
     * from which liboscal-java tells the format.
     */
    public static List<String> findings(String name, byte[] content) {
        return findings(name, content, Map.of());
    }

    /**
     * As {@link #findings(String, byte[])} for a document that references others by server-relative links
     * ({@code /api/catalog/standards/TCCIA004/oscal?format=json}): {@code served} gives each such link's content, as
     * the server that issued the document would answer it, so that constraints reaching into the referenced document
     * (an SSP's control ids against its imported catalog) are evaluated instead of failing to load it.
     */
    public static List<String> findings(String name, byte[] content, Map<String, byte[]> served) {
        try {
            Path dir = Scratch.directory("oscal-constraints");
            try {
                Path file = dir.resolve(name);
                Files.write(file, content);
                Map<String, URI> local = new HashMap<>();
                int n = 0;
                for (Map.Entry<String, byte[]> e : served.entrySet()) {
                    Path f = dir.resolve("served-" + (++n) + extension(e.getKey()));
                    Files.write(f, e.getValue());
                    local.put(e.getKey(), f.toUri());
                }
                IBindingContext context = OscalBindingContext.instance();
                IBoundLoader loader = context.newBoundLoader();
                loader.disableFeature(DeserializationFeature.DESERIALIZE_VALIDATE_CONSTRAINTS);
                loader.setUriResolver(uri -> local.entrySet().stream()
                        .filter(e -> uri.toString().endsWith(e.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(uri));
                IDocumentNodeItem document = loader.loadAsNodeItem(file.toUri());
                IValidationResult result = context.validate(document, loader, new DefaultConfiguration<>());
                return result.getFindings().stream()
                        .filter(f -> f.getSeverity().ordinal() >= IConstraint.Level.WARNING.ordinal())
                        .map(OscalConstraints::line)
                        .toList();
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String link) {
        return link.contains("format=xml") || link.endsWith(".xml") ? ".xml" : ".json";
    }

    private static String line(IValidationFinding f) {
        return f.getSeverity() + " " + f.getPath() + ": " + f.getMessage()
                + (f.getIdentifier() == null ? "" : " [" + f.getIdentifier() + "]");
    }
}
