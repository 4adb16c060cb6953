package org.yunjian.inheritance.web;

import org.yunjian.assessment.Verdict;

/** Builds the pages' package-private form records for tests in other packages. */
public class TestForms {

    public Object conclusion(String assessorName) {
        return new InheritancePages.ConclusionForm("", assessorName, "2026-10-01", Verdict.COMPLIANT, null);
    }
}
