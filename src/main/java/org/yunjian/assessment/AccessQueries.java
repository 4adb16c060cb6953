package org.yunjian.assessment;

/** {@link Access}'s visibility rule as a SQL condition, for queries that filter assessments in the database. */
final class AccessQueries {

    /** Everything (a system administrator). */
    static final String ALL = """
            1 = 1""";
    /** Nothing (neither a business user of an organisation nor a system administrator). */
    static final String NONE = """
            1 = 0""";
    /** The assessment alias, the system alias twice: the caller's organisation {@code :accessOrg} takes part. */
    private static final String TAKES_PART = """
            (%s.assessor_org_id = :accessOrg OR %s.customer_id = :accessOrg OR %s.provider_id = :accessOrg)""";

    private AccessQueries() {}

    static String takesPart(String assessment, String system) {
        return TAKES_PART.formatted(assessment, system, system);
    }
}
