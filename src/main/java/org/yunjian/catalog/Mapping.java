package org.yunjian.catalog;

/**
 * A typed cross-reference between requirements of different standards that ask for the same thing.
 *
 * @param topic     what the requirements are about, e.g. {@code EXIT_DATA_RETURN}
 * @param rationale   one line on why the relation holds (editorial, English)
 * @param rationaleZh the same line in Chinese
 */
public record Mapping(
        RequirementId from, RequirementId to, Relation relation, String topic, String rationale, String rationaleZh) {

    /** The rationale in {@code locale}'s language: English for English, else Chinese. */
    public String rationale(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? rationale : rationaleZh;
    }

    /** How {@code from} relates to {@code to}. */
    public enum Relation {
        /** The same obligation, whatever the wording. */
        EQUAL,
        /** Meeting {@code to} meets {@code from}: {@code to} demands at least as much. */
        SUBSET,
        /** They overlap; each demands something the other does not. */
        INTERSECTS
    }

    /** The other end of the mapping, seen from {@code id}. */
    public RequirementId other(RequirementId id) {
        return from.equals(id) ? to : from;
    }
}
