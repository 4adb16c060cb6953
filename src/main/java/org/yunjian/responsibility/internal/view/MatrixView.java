package org.yunjian.responsibility.internal.view;

import java.util.Map;
import org.yunjian.responsibility.Approval;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.internal.MatrixAccess;
import org.yunjian.responsibility.internal.MatrixDocument;
import org.yunjian.responsibility.internal.MatrixRepository.MatrixInfo;
import org.yunjian.responsibility.internal.MatrixRepository.SignOff;
import org.yunjian.responsibility.internal.MatrixRepository.VersionRow;

/** One version of a system's matrix as the caller sees it, with its sign-offs. */
public record MatrixView(
        MatrixAccess access,
        MatrixInfo info,
        VersionRow version,
        MatrixDocument document,
        ResponsibilityMatrix matrix,
        Map<SignOffSide, SignOff> signOffs) {

    public Approval approval() {
        return new Approval(signOffs.keySet());
    }

    public boolean current() {
        return version.version() == info.currentVersion();
    }
}
