package org.yunjian.procurement;

import java.util.UUID;

/** The NDA's dates were recorded or changed on a system's contract review: the NDA renewal obligation follows them. */
public record NdaValidityRecorded(UUID systemId) {}
