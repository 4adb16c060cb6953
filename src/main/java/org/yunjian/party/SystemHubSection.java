package org.yunjian.party;

import java.util.List;
import java.util.UUID;

/**
 * A part of a cloud system's page contributed by another module (its assessments, dashboards, exit projects…), so
 * that the system page is the hub of everything about the system while {@code party} knows none of those modules.
 * Implementations are Spring beans in the contributing module; the system page lists each section in
 * {@link #order()} and shows its links, or its empty text when it has none.
 */
public interface SystemHubSection {

    /** Message key of the section's heading. */
    String titleKey();

    /** Message key of the sentence shown when the section has no link for this system. */
    String emptyKey();

    /** Position on the page, smaller first. */
    default int order() {
        return 100;
    }

    /**
     * The links the current user may follow for a system the current user can see (the system page checks that
     * before asking): only what the user's own access rules allow, never another party's objects.
     */
    List<Link> links(UUID systemId);

    /**
     * One link: where it goes (an application path), its visible text (a name users gave, or a rendered message) and
     * a short note such as a status, already in the reader's language (may be empty).
     */
    record Link(String href, String text, String note, boolean named) {

        /** A link whose text is a rendered message. */
        public Link(String href, String text, String note) {
            this(href, text, note, false);
        }

        /** A link whose text is a name users gave: shown as entered, in either language (marked verbatim). */
        public static Link named(String href, String name, String note) {
            return new Link(href, name, note, true);
        }
    }
}
