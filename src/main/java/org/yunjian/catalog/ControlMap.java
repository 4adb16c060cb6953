package org.yunjian.catalog;

import java.util.Locale;

/**
 * One reviewed relation between a control of another catalog (NIST SP 800-53 rev 5) and an item of a Chinese standard,
 * as an OSCAL 1.2 mapping entry states it: the control is the source, the item the target.
 *
 * @param controlId    the other catalog's control id, normalised ({@link ForeignControls#normalise}: {@code ac-2.1})
 * @param item         the Chinese item it relates to
 * @param relationship how the control's effective requirements relate to the item's
 * @param confidence   how sure the reviewer is, 0–100
 * @param rationale    why the relation holds (English)
 * @param rationaleZh  the same in Chinese
 * @param gap          what one demands that the other does not (English); empty for {@code EQUIVALENT_TO}
 * @param gapZh        the same in Chinese
 */
public record ControlMap(
        String controlId,
        RequirementId item,
        Relationship relationship,
        int confidence,
        String rationale,
        String rationaleZh,
        String gap,
        String gapZh) {

    public ControlMap {
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence " + confidence);
        }
    }

    /** The rationale in {@code locale}'s language: English for English, else Chinese. */
    public String rationale(Locale locale) {
        return "en".equals(locale.getLanguage()) ? rationale : rationaleZh;
    }

    /** The gap in {@code locale}'s language. */
    public String gap(Locale locale) {
        return "en".equals(locale.getLanguage()) ? gap : gapZh;
    }

    /** OSCAL 1.2's relationship values (mapping model, {@code relationship}), source = the control, target = the item. */
    public enum Relationship {
        EQUIVALENT_TO("equivalent-to"),
        EQUAL_TO("equal-to"),
        SUBSET_OF("subset-of"),
        SUPERSET_OF("superset-of"),
        INTERSECTS_WITH("intersects-with");

        private final String oscal;

        Relationship(String oscal) {
            this.oscal = oscal;
        }

        /** The token OSCAL writes. */
        public String oscal() {
            return oscal;
        }

        /** The value for an OSCAL token; {@link IllegalArgumentException} for any other. */
        public static Relationship ofOscal(String token) {
            for (Relationship r : values()) {
                if (r.oscal.equals(token)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("relationship " + token);
        }
    }
}
