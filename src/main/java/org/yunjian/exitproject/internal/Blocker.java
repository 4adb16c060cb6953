package org.yunjian.exitproject.internal;



/**
 * One thing that still stands between an exit project and its certificate: a message code
 * ({@code exitproject.blocker.<code>} on the page) and its arguments.
 */
public record Blocker(String code, Object... args) {

    public String english() {
        return switch (code) {
            case "issued" -> "the certificate has been issued";
            case "phase" -> "the project is not in phase DELETION";
            case "checklist" -> "the GB/T 31167 9.1 checklist has open items";
            case "inventory" -> "the hand-over inventory is not approved";
            case "verification" -> "no clean verification run";
            case "authorisation" -> "no written deletion authorisation";
            case "deletion" -> "the deletion has not been recorded";
            case "storage" -> "object storage " + args[0] + " is not confirmed empty: the check of " + args[1] + " found "
                    + args[2] + " current objects, " + args[3] + " non-current versions, " + args[4]
                    + " delete markers, " + args[5] + " unfinished uploads";
            default -> throw new IllegalStateException(code);
        };
    }
}
