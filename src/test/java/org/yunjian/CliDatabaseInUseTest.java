package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.yunjian.backup.BackupMessages;

/** A CLI command started while a server holds the embedded database is told so, with where to go instead. */
class CliDatabaseInUseTest {

    @Test
    void recognisesH2DatabaseHeldByAnotherProcessDeepInTheStartupFailure() {
        Exception lockedFile = DbException.get(ErrorCode.DATABASE_ALREADY_OPEN_1, "/srv/yunjian/db/yunjian").getSQLException();
        RuntimeException startup = new IllegalStateException("Failed to start bean 'flyway'",
                new RuntimeException("Unable to obtain connection", lockedFile));
        assertThat(Application.databaseInUse(startup)).isTrue();
        assertThat(Application.databaseInUse(new IllegalStateException("another failure",
                DbException.get(ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1, "x").getSQLException()))).isFalse();
    }

    @Test
    void pointsToTheServersBackupEndpointAndPageInBothLanguages() {
        assertThat(new BackupMessages(Locale.ENGLISH).get("backup.cli.database-in-use"))
                .contains("running Yunjian server", "POST /api/backups", "Backups page");
        assertThat(new BackupMessages(Locale.SIMPLIFIED_CHINESE).get("backup.cli.database-in-use"))
                .contains("运行中的云鉴服务器", "POST /api/backups", "备份");
    }
}
