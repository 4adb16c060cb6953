package org.yunjian.demo;

/** Names and credentials of the demo accounts; shown on the login page in demo mode only. */
public final class DemoData {

    public static final String PASSWORD = "Yunjian-Demo-2026";

    public static final String SYSTEM_ADMIN = "sysadmin";
    public static final String SECURITY_ADMIN = "secadmin";
    public static final String AUDIT_ADMIN = "auditor";
    public static final String CUSTOMER_USER = "customer";
    public static final String PROVIDER_USER = "provider";
    public static final String INTEGRATOR_USER = "integrator";
    public static final String SECURITY_SERVICE_USER = "secservice";
    public static final String ASSESSOR_USER = "assessor";

    /** Base32 TOTP secrets of the demo administrators (demo only: production secrets are enrolled per person). */
    public static final String SYSTEM_ADMIN_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    public static final String SECURITY_ADMIN_TOTP = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
    public static final String AUDIT_ADMIN_TOTP = "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK";

    private DemoData() {
    }
}
