package org.yunjian.security;

/**
 * What an API token may do with its owner's rights. Object-level authorisation stays the owner's: a token never
 * reaches more than its owner's role and relationships allow, it only narrows the methods.
 */
public enum ApiTokenScope {
    /** GET and HEAD only: reports, exports, dashboards for a pipeline that reads. */
    READ_ONLY,
    /** Every method the owner may call, except the interactive account steps (creating tokens, passwords, users). */
    READ_WRITE;

    /** Whether a request with this HTTP method is within the scope. */
    public boolean permits(String httpMethod) {
        return this == READ_WRITE
                || "GET".equals(httpMethod)
                || "HEAD".equals(httpMethod)
                || "OPTIONS".equals(httpMethod);
    }
}
