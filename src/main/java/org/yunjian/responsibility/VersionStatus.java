package org.yunjian.responsibility;

import org.yunjian.shared.Labelled;

/** A matrix version is a draft until both sides signed it off. Display name: {@code enum.VersionStatus.*}. */
public enum VersionStatus implements Labelled {
    DRAFT,
    APPROVED
}
