package org.yunjian.catalog;

import org.yunjian.shared.Labelled;

/** Responsibility layer, where the standard gives one (T/CCIA 004-2024 §6–§9). */
public enum Layer implements Labelled {
    MANAGEMENT,
    INFRASTRUCTURE,
    PLATFORM,
    SERVICE
}
