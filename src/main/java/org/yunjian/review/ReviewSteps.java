package org.yunjian.review;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.review.Reviews.Step;
import org.yunjian.review.internal.ReviewRepository;

/**
 * The review's steps of an assessment (submitted, sent back, approved, returned), oldest first, for the modules that
 * show or seal them (the report, the work queue); no access check: the caller has checked. The review's tables are
 * written only by {@link Reviews}.
 */
@Component
public class ReviewSteps {

    private final ReviewRepository repo;

    ReviewSteps(ReviewRepository repo) {
        this.repo = repo;
    }

    @Transactional(readOnly = true)
    public List<Step> steps(UUID assessmentId) {
        return repo.steps(assessmentId);
    }
}
