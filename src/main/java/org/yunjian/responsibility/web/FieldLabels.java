package org.yunjian.responsibility.web;

import java.util.Map;

/**
 * The label (message key) each form of the responsibility pages shows for its fields. A refused form's field errors
 * head the page, far from the form: each names its field from these ({@code templates/web/field-errors.html}).
 */
final class FieldLabels {

    /** The matrix page's "record an agreement" form; its errors also name the form (its section). */
    static final Map<String, String> AGREEMENT = Map.of(
            "name", "responsibility.page.agreement.name",
            "partyA", "responsibility.page.agreement.partyA",
            "partyB", "responsibility.page.agreement.partyB",
            "clauses", "responsibility.page.agreement.clauses",
            "signedOn", "responsibility.page.agreement.signedOn",
            "supervisionClause", "responsibility.page.agreement.supervisionClause",
            "accountabilityClause", "responsibility.page.agreement.accountabilityClause",
            "customerConsentOn", "responsibility.page.agreement.customerConsentOn");

    static final String AGREEMENT_SECTION = "responsibility.page.agreement.add";

    /** The matrix page's "record the client's permission" form (JR/T 7.3, 7.4.3). */
    static final Map<String, String> CONSENT = Map.of(
            "agreement", "responsibility.page.consent.agreement",
            "customerConsentOn", "responsibility.page.agreement.customerConsentOn");

    static final String CONSENT_SECTION = "responsibility.page.consent.title";

    /** An applicability question's answer (issue 36). */
    static final Map<String, String> QUESTION = Map.of("answer", "responsibility.page.questions.answer");

    static final String QUESTION_SECTION = "responsibility.page.questions";

    /** The matrix page's "approve an exception" form (issue 36: the "原则上" rules of §5). */
    static final Map<String, String> EXCEPTION = Map.of(
            "check", "responsibility.page.exception.check",
            "duty", "responsibility.page.exception.duty",
            "organisation", "responsibility.page.exception.organisation",
            "reason", "responsibility.page.exception.reason");

    static final String EXCEPTION_SECTION = "responsibility.page.exception.add";

    /** A row's "hand on the work" form (errors name the assignment's chain: {@code assignments[0].chain[1].to}). */
    static final Map<String, String> HAND_ON = Map.of(
            "to", "responsibility.row.to",
            "agreement", "responsibility.row.agreement",
            "clause", "responsibility.row.clause",
            "accountable", "responsibility.row.accountable",
            "chain", "responsibility.row.chain",
            "handedOverOn", "responsibility.row.handedOverOn");

    /** The Annex A role assistant's form. */
    static final Map<String, String> PARTICIPANT = Map.of(
            "behaviours", "responsibility.assistant.behaviours",
            "roles", "responsibility.assistant.override",
            "reason", "responsibility.assistant.reason");

    /** The liability lookup's search form. */
    static final Map<String, String> LIABILITY = Map.of(
            "q", "responsibility.liability.search",
            "category", "responsibility.liability.category");

    private FieldLabels() {}
}
