package org.yunjian.responsibility;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.Msg;

/**
 * What the latest completed 等保 assessment of a cloud platform concluded, item by item, for the provider's
 * leveraged-authorization package (issue 60). Implemented where assessments are known (the inheritance module); the
 * package goes without results where no implementation or no completed assessment exists. Callers check access first.
 */
public interface PlatformResults {

    /** The results of the system's latest completed assessment; empty when it has none. */
    Optional<Results> of(UUID systemId);

    /**
     * @param assessment  the assessment's name
     * @param completedOn the day it was completed, in the user's zone
     * @param verdicts    the verdict of every item that has one, by catalog item
     */
    record Results(String assessment, LocalDate completedOn, Map<RequirementId, Verdict> verdicts) {}

    /** A verdict: its token for machines ({@code compliant}) and its label for people. */
    record Verdict(String token, Msg label) {}
}
