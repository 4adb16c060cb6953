package org.yunjian.procurement;

/** The migration decision of a needs analysis (the guide's 迁移至云决策, JR/T 5.2.2): migrate, not, or part of it. */
public enum MigrationDecision {
    MIGRATE,
    PARTLY,
    DO_NOT_MIGRATE
}
