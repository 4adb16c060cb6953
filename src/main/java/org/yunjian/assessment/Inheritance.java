package org.yunjian.assessment;

import java.time.LocalDate;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;

/**
 * The rules of inherited test items (docs/modules/assessment.md, "Inherited items"). Only an item wholly on the
 * provider's side ({@link ItemSide#CLOUD_PLATFORM}) can be inherited; the source — a completed assessment of the
 * provider's cloud platform or an uploaded conclusion — must be dated within {@link #VALIDITY_MONTHS} months
 * (等保 level 3 systems are assessed yearly) and not in the future; an inherited item's verdict is the source's and
 * is not recorded again until the inheritance is withdrawn.
 */
public final class Inheritance {

    /** A 等保 level-3 system is assessed once a year: a source older than this is stale. */
    public static final int VALIDITY_MONTHS = 12;

    private Inheritance() {}

    /** Whether an item on {@code side} can be inherited at all. */
    public static boolean inheritable(ItemSide side) {
        return side == ItemSide.CLOUD_PLATFORM;
    }

    /** 409 {@code item-not-inheritable}, naming the item, unless it is a cloud-platform item. */
    public static void requireInheritable(String requirementId, ItemSide side) {
        if (!inheritable(side)) {
            throw new ConflictException(
                    "item-not-inheritable",
                    "assessment.inherit.error.side",
                    requirementId,
                    Msg.of(side),
                    Msg.of(ItemSide.CLOUD_PLATFORM));
        }
    }

    /** Whether a source dated {@code sourceDate} may be inherited from on {@code today}. */
    public static boolean fresh(LocalDate sourceDate, LocalDate today) {
        return !sourceDate.isAfter(today)
                && !sourceDate.plusMonths(VALIDITY_MONTHS).isBefore(today);
    }

    /** 409 {@code source-stale} (older than the window) or {@code source-in-future}; {@code source} names it. */
    public static void requireFresh(LocalDate sourceDate, LocalDate today, Msg source) {
        if (sourceDate.isAfter(today)) {
            throw new ConflictException(
                    "source-in-future", "assessment.inherit.error.future", source, Formats.date(sourceDate));
        }
        if (!fresh(sourceDate, today)) {
            throw new ConflictException(
                    "source-stale",
                    "assessment.inherit.error.stale",
                    source,
                    Formats.date(sourceDate),
                    VALIDITY_MONTHS,
                    Formats.date(sourceDate.plusMonths(VALIDITY_MONTHS)));
        }
    }

    /** 409 {@code item-inherited}: an inherited item's verdict comes from its source. */
    public static void requireNotInherited(boolean inherited, String requirementId) {
        if (inherited) {
            throw new ConflictException("item-inherited", "assessment.inherit.error.inherited", requirementId);
        }
    }
}
