package org.yunjian.inheritance;

import java.time.Instant;
import java.util.UUID;

/** Where an inherited item's verdict comes from. */
public record InheritedResponse(SourceResponse source, UUID sourceItemId, String markedBy, Instant markedAt) {
    public static InheritedResponse of(Inheritances.Inherited i) {
        return i == null
                ? null
                : new InheritedResponse(SourceResponse.of(i.source()), i.sourceItemId(), i.markedBy(), i.markedAt());
    }
}
