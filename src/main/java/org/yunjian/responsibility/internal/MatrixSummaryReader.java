package org.yunjian.responsibility.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.MatrixSummaries;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.VersionStatus;
import org.yunjian.responsibility.internal.view.MatrixView;

/** {@link MatrixSummaries} over the current matrix version, with the same access rules as the matrix pages. */
@Component
class MatrixSummaryReader implements MatrixSummaries {

    private final ResponsibilityService service;

    MatrixSummaryReader(ResponsibilityService service) {
        this.service = service;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MatrixSummary> of(UUID systemId) {
        return service.findCurrent(systemId).map(MatrixSummaryReader::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MatrixSummary> approved(UUID systemId, java.time.Instant asOf) {
        if (service.findCurrent(systemId).isEmpty()) {
            return Optional.empty();
        }
        return service.versions(systemId).stream()
                .filter(r -> r.status() == VersionStatus.APPROVED
                        && r.approvedAt() != null
                        && (asOf == null || !r.approvedAt().isAfter(asOf)))
                .max(java.util.Comparator.comparingInt(MatrixRepository.VersionRow::version))
                .map(r -> summary(service.version(systemId, r.version())));
    }

    private static MatrixSummary summary(MatrixView v) {
        ResponsibilityMatrix m = v.matrix();
        List<MatrixRow> applicable =
                m.rows().stream().filter(MatrixRow::applicable).toList();
        List<Share> shares = m.participants().stream()
                .map(p -> new Share(p.organisation(), p.name(), p.roles(), (int) applicable.stream()
                        .filter(r -> r.assignments().stream()
                                .anyMatch(a -> a.accountable().organisation().equals(p.organisation())))
                        .count()))
                .toList();
        return new MatrixSummary(
                v.version().version(),
                v.approval().status(),
                applicable.size(),
                shares,
                v.version().approvedAt());
    }
}
