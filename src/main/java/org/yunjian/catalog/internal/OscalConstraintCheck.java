package org.yunjian.catalog.internal;

import gov.nist.secauto.metaschema.core.configuration.DefaultConfiguration;
import gov.nist.secauto.metaschema.core.metapath.item.node.IDocumentNodeItem;
import gov.nist.secauto.metaschema.core.metapath.item.node.INodeItem;
import gov.nist.secauto.metaschema.core.model.IResourceLocation;
import gov.nist.secauto.metaschema.core.model.constraint.ConstraintValidationFinding;
import gov.nist.secauto.metaschema.core.model.constraint.IConstraint;
import gov.nist.secauto.metaschema.core.model.constraint.IIndexHasKeyConstraint;
import gov.nist.secauto.metaschema.core.model.validation.IValidationFinding;
import gov.nist.secauto.metaschema.databind.IBindingContext;
import gov.nist.secauto.metaschema.databind.io.DefaultBoundLoader;
import gov.nist.secauto.metaschema.databind.io.DeserializationFeature;
import gov.nist.secauto.metaschema.databind.io.Format;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import gov.nist.secauto.oscal.lib.model.Link;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.catalog.OscalSchemas.Problem;
import org.yunjian.shared.Msg;

/**
 * NIST's Metaschema constraints of an OSCAL model (allowed values, cardinalities, uniqueness, indexes and references,
 * expectations), evaluated by liboscal-java 5.2.0 as {@code oscal-cli validate} does after the schema step. The
 * document must have passed the schema step ({@link OscalValidation}): well-formed, within the nesting limit, no
 * DOCTYPE, valid against the schema.
 *
 * <p>Nothing an upload links to is ever fetched: the constraints reach other documents through Metapath's {@code doc()}
 * ({@code import-profile}, {@code import-ssp}, {@code import-ap}, a leveraged plan's link, back-matter rlinks), and
 * every such load is answered with an empty stand-in, never opened (no network, no file). The constraints that need
 * what the referenced document defines (its roles, parties, locations, properties, by-components) are then reported as
 * not checked, naming the reference. liboscal-java's URI resolver refuses anything besides, as a second guard.
 *
 * <p>Bounded: the schema step already bounds size and nesting; the evaluation runs on a worker thread of its own and
 * is abandoned after {@link #TIMEOUT}. liboscal-java's binding context (about a second to build) is built on the
 * first check, not at start.
 */
final class OscalConstraintCheck {

    /** Longest a document's constraints may take: NIST's 2 MB rev5 HIGH baseline takes 4-10 s, and over a minute on a
     * machine loaded six times over (docs/performance.md). */
    static final Duration TIMEOUT = Duration.ofSeconds(300);

    private static final String STAND_IN = """
            {"catalog":{"uuid":"00000000-0000-4000-8000-000000000000","metadata":{"title":"not available",
            "last-modified":"2000-01-01T00:00:00Z","version":"0","oscal-version":"1.1.3"}}}""";

    /** Two checks at a time at most: each holds its document's bound model in memory. */
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "oscal-constraints");
        t.setDaemon(true);
        return t;
    });

    private OscalConstraintCheck() {}

    /** The binding context, built on first use. */
    private static final class Context {
        static final IBindingContext INSTANCE = OscalBindingContext.instance();
    }

    /** Every constraint finding of {@code content}, sorted into refusing errors, warnings and what was not checked. */
    static OscalSchemas.Report check(OscalFormat format, byte[] content) {
        return check(format, content, TIMEOUT);
    }

    static OscalSchemas.Report check(OscalFormat format, byte[] content, Duration timeout) {
        Future<OscalSchemas.Report> run = WORKERS.submit(() -> evaluate(format, content));
        try {
            return run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return refused(Msg.of("catalog.error.constraintTimeout", timeout.toSeconds()));
        } catch (InterruptedException e) {
            run.cancel(true);
            Thread.currentThread().interrupt();
            return refused(Msg.of("catalog.error.constraintTimeout", timeout.toSeconds()));
        } catch (ExecutionException e) {
            // e.g. an import-profile naming a back-matter resource that is not there: liboscal-java stops evaluating;
            // the innermost cause names the problem ("FOER0000: A backmatter resource with the id '…' does not exist")
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return refused(Msg.of("catalog.error.constraintUnreadable", String.valueOf(cause.getMessage())));
        }
    }

    /** The first constraint an import breaks, with how many more there are: path and rule named. */
    static CatalogFileException refusal(String file, List<Problem> errors) {
        Problem p = errors.get(0);
        Msg problem =
                errors.size() == 1 ? p.message() : Msg.of("catalog.error.schema.more", p.message(), errors.size() - 1);
        return new CatalogFileException(file, p.line(), p.path(), problem);
    }

    /**
     * What does not refuse (the references not checked, then the warnings), rendered now in the reader's language: the
     * first {@code max}, then how many more.
     */
    static List<String> notices(OscalSchemas.Report report, int max) {
        List<Problem> all = new ArrayList<>(report.notChecked());
        all.addAll(report.warnings());
        List<String> out = new ArrayList<>();
        for (Problem p : all.subList(0, Math.min(all.size(), max))) {
            out.add(Msg.of("catalog.import.notice", p.path(), p.message()).text());
        }
        if (all.size() > max) {
            out.add(Msg.of("catalog.import.noticesMore", all.size() - max).text());
        }
        return List.copyOf(out);
    }

    private static OscalSchemas.Report refused(Msg message) {
        return new OscalSchemas.Report(List.of(new Problem("$", 0, message)), List.of(), List.of());
    }

    private static OscalSchemas.Report evaluate(OscalFormat format, byte[] content) throws IOException {
        IBindingContext context = Context.INSTANCE;
        Set<String> unavailable = new LinkedHashSet<>();
        DefaultBoundLoader loader = new StandInLoader(context, unavailable);
        loader.disableFeature(DeserializationFeature.DESERIALIZE_VALIDATE_CONSTRAINTS);
        loader.set(DeserializationFeature.DESERIALIZE_XML_ALLOW_ENTITY_RESOLUTION, false);
        loader.setUriResolver(uri -> {
            throw new IllegalStateException("not fetched: " + uri);
        });
        Format f = format == OscalFormat.XML ? Format.XML : Format.JSON;
        IDocumentNodeItem document = loader.loadAsNodeItem(
                f, new ByteArrayInputStream(content), URI.create("upload:/document." + format.extension()));
        List<? extends IValidationFinding> findings =
                context.validate(document, loader, new DefaultConfiguration<>()).getFindings();
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        int skipped = 0;
        for (IValidationFinding finding : findings) {
            if (finding.getKind() != IValidationFinding.Kind.FAIL
                    || finding.getSeverity().ordinal() < IConstraint.Level.WARNING.ordinal()) {
                continue;
            }
            if (!unavailable.isEmpty() && needsImports(finding)) {
                skipped++;
                continue;
            }
            Problem p = problem(finding);
            Msg tolerated = tolerated(finding);
            if (finding.getSeverity().ordinal() >= IConstraint.Level.ERROR.ordinal() && tolerated == null) {
                errors.add(p);
            } else {
                warnings.add(tolerated == null ? p : new Problem(p.path(), p.line(), tolerated));
            }
        }
        List<Problem> notChecked = new ArrayList<>();
        for (String uri : unavailable) {
            notChecked.add(new Problem(uri, 0, Msg.of("catalog.constraint.notChecked", uri, skipped)));
        }
        return new OscalSchemas.Report(List.copyOf(errors), List.copyOf(warnings), List.copyOf(notChecked));
    }

    private static Problem problem(IValidationFinding f) {
        IResourceLocation at = f.getLocation();
        int line = at == null ? 0 : Math.max(at.getLine(), 0);
        String rule = rule(f);
        Msg message = f.getSeverity().ordinal() >= IConstraint.Level.ERROR.ordinal()
                ? Msg.of("catalog.error.constraint", rule, f.getMessage())
                : Msg.of("catalog.warning.constraint", rule, f.getMessage());
        return new Problem(f.getPath() == null ? "$" : f.getPath(), line, message);
    }

    /** The constraint's id, else the index it refers to, else its kind (NIST leaves some constraints unnamed). */
    static String rule(IValidationFinding f) {
        if (f.getIdentifier() != null) {
            return f.getIdentifier();
        }
        if (f instanceof ConstraintValidationFinding c && !c.getConstraints().isEmpty()) {
            IConstraint constraint = c.getConstraints().get(0);
            if (constraint.getId() != null) {
                return constraint.getId();
            }
            if (constraint instanceof IIndexHasKeyConstraint k) {
                return "index-has-key " + k.getIndexName();
            }
            return constraint
                    .getType()
                    .name()
                    .toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-');
        }
        return "constraint";
    }

    /**
     * A reference into an index that the referenced documents feed (roles, parties, locations, properties the imported
     * profile or plan defines; the by-components of a leveraged plan): unknowable when they were not fetched.
     */
    private static boolean needsImports(IValidationFinding f) {
        if (f instanceof ConstraintValidationFinding c) {
            for (IConstraint constraint : c.getConstraints()) {
                if (constraint instanceof IIndexHasKeyConstraint k) {
                    String index = k.getIndexName();
                    return index.contains("imports") || index.contains("scoped") || index.contains("by-component");
                }
            }
        }
        return false;
    }

    /**
     * NIST's own published content breaks two error-level constraints in ways that do not make the document
     * ambiguous, so they are shown as warnings, not refused: a resolved baseline keeps the full catalog's
     * {@code related} links to controls the baseline does not include, and SP 800-53 rev4 still uses the deprecated
     * {@code depends-on} of a parameter and repeats one {@code incorporated-into} link. Every other error refuses.
     */
    private static Msg tolerated(IValidationFinding f) {
        if (!(f instanceof ConstraintValidationFinding c) || c.getConstraints().isEmpty()) {
            return null;
        }
        IConstraint constraint = c.getConstraints().get(0);
        INodeItem target = c.getTarget();
        Object value = target == null ? null : target.getValue();
        if (constraint instanceof IIndexHasKeyConstraint k
                && "catalog-groups-controls-parts".equals(k.getIndexName())
                && value instanceof Link link
                && "related".equals(link.getRel())) {
            return Msg.of("catalog.warning.relatedOutside", String.valueOf(link.getHref()));
        }
        String message = f.getMessage() == null ? "" : f.getMessage();
        if (message.equals("depends-on is deprecated")) {
            return Msg.of("catalog.warning.deprecated", rule(f), message);
        }
        if ("oscal-unique-link-in-context-location".equals(f.getIdentifier()) && value instanceof Link) {
            return Msg.of("catalog.warning.linkTwice", message);
        }
        return null;
    }

    /** Answers every document a constraint asks for with an empty stand-in, recording which: nothing is fetched. */
    private static final class StandInLoader extends DefaultBoundLoader {

        private final Set<String> asked;

        StandInLoader(IBindingContext context, Set<String> asked) {
            super(context);
            this.asked = asked;
        }

        @Override
        public IDocumentNodeItem loadAsNodeItem(URI uri) throws IOException {
            // as the upload wrote it: relative ("../profile.json") or server-relative ("/api/…") links come back
            // resolved against the stand-in base "upload:/document.json"
            String shown = uri.toString();
            if (shown.startsWith("upload:/.")) {
                shown = shown.substring("upload:/".length());
            } else if (shown.startsWith("upload:")) {
                shown = shown.substring("upload:".length());
            }
            synchronized (asked) {
                asked.add(shown);
            }
            return loadAsNodeItem(
                    Format.JSON,
                    new ByteArrayInputStream(STAND_IN.getBytes(StandardCharsets.UTF_8)),
                    URI.create("unavailable:/" + Integer.toHexString(shown.hashCode())));
        }
    }
}
