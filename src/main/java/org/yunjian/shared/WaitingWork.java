package org.yunjian.shared;

import java.util.List;

/**
 * Work a module has waiting for the current user, listed on 我的待办 (/my-work) next to the assessment work: a module
 * contributes a bean; the page asks each for the caller's lines at request time, so a line disappears as soon as
 * the work is done.
 */
public interface WaitingWork {

    /** The bundle key of the section's heading on the page. */
    String titleKey();

    /** The lines waiting for the current user, in the request's language; empty when none. */
    List<Line> waiting();

    /** One line: where to act and what is waiting, already in the reader's language. */
    record Line(String href, String text) {
    }
}
