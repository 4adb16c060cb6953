package org.yunjian.demo;

import java.util.List;

/**
 * The demo installation: a government website moving to a public IaaS cloud. Names and credentials of
 * the demo accounts are shown on the login page in demo mode only.
 */
public final class DemoData {

    public static final String PASSWORD = "Yunjian-Demo-2026";

    public static final String SYSTEM_ADMIN = "sysadmin";
    public static final String SECURITY_ADMIN = "secadmin";
    /** A second 安全管理员, so that the two-person rule for administrators can be completed in the demo. */
    public static final String SECURITY_ADMIN2 = "secadmin2";

    public static final String AUDIT_ADMIN = "auditor";
    public static final String CUSTOMER_USER = "customer";
    /** A second person of the customer, who accepts the lifecycle duties the first one completed. */
    public static final String CUSTOMER_REVIEWER = "reviewer";

    public static final String PROVIDER_USER = "provider";
    /**
     * issue 57: an engineer of the provider assigned to the customer's portal alone (need to know): sees neither the
     * customer's other system nor the securities company's.
     */
    public static final String PROVIDER_ENGINEER = "engineer";

    public static final String INTEGRATOR_USER = "integrator";
    public static final String SECURITY_SERVICE_USER = "secservice";
    public static final String ASSESSOR_USER = "assessor";
    /** A second tester (测评人员) of the assessment body. */
    public static final String ASSESSOR2_USER = "assessor2";
    /** The assessment body's 审核人, who reviews the testers' items and sends them back or approves them. */
    public static final String ASSESSMENT_REVIEWER = "checker";
    /** The assessment body's 批准人, who approves (signs) the report. */
    public static final String ASSESSMENT_APPROVER = "approver";
    /** issue 36 jrtdemo: the securities company's person, customer of the 行业云 trading system. */
    public static final String SECURITIES_USER = "securities";

    /** Base32 TOTP secrets of the demo administrators (demo only: real secrets are enrolled per person). */
    public static final String SYSTEM_ADMIN_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public static final String SECURITY_ADMIN_TOTP = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
    public static final String SECURITY_ADMIN2_TOTP = "MNSWC3DBMRWWS3RSMNSWC3DBMRWWS3RS";
    public static final String AUDIT_ADMIN_TOTP = "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK";

    public static final Org CUSTOMER = new Org("示例市人民政府办公厅", "11110105000012343Q", "北京市", List.of("CUSTOMER"));
    public static final Org PROVIDER =
            new Org("示例政务云计算有限公司", "911101085512345672", "北京市", List.of("PROVIDER", "PARTNER_OM_SERVICE"));
    public static final Org INTEGRATOR = new Org(
            "示例系统集成有限公司",
            "913101156623456733",
            "上海市",
            List.of("AGENT_SYSTEM_INTEGRATOR", "AGENT_WEBSITE_DEVELOPER", "PARTNER_SOFTWARE", "PARTNER_OM_SERVICE"));
    public static final Org SECURITY_SERVICE = new Org(
            "示例网络安全技术有限公司",
            "9144030077345678X5",
            "广东省深圳市",
            List.of("AGENT_SECURITY_SERVICE", "PARTNER_SECURITY_SERVICE"));
    public static final Org HARDWARE =
            new Org("示例服务器制造有限公司", "91320594MA1234567R", "江苏省苏州市", List.of("PARTNER_HARDWARE"));
    public static final Org ASSESSOR =
            new Org("示例信息安全等级测评中心", "1210000040000123XC", "北京市", List.of("THIRD_PARTY_ASSESSOR"));

    /**
     * issue 36 jrtdemo: a securities company, customer of a 行业云 (community cloud) system of the demo provider, so that
     * JR/T 证券期货业云技术应用安全规范's periodic duties appear in a demo system's calendar.
     */
    public static final Org SECURITIES = new Org("示例证券股份有限公司", "91310115MA1FL2K8NA", "上海市", List.of("CUSTOMER"));

    public static final List<Org> ORGANIZATIONS =
            List.of(CUSTOMER, PROVIDER, INTEGRATOR, SECURITY_SERVICE, HARDWARE, ASSESSOR, SECURITIES);

    public static final String PORTAL_SYSTEM = "示例市人民政府门户网站";
    /** The demo website monitor on the portal's home page (the sample site the platform serves in demo mode). */
    public static final String PORTAL_MONITOR = "门户网站首页";

    public static final String SERVICE_SYSTEM = "示例市政务服务网上办事大厅";
    public static final String MIGRATION_ENGAGEMENT = "门户网站迁移上云（公有云 IaaS）";
    /** What the demo engagement is about (seed data, entered as a person would). */
    public static final String MIGRATION_DESCRIPTION = "将示例市人民政府门户网站从自建机房迁移至示例政务云公有云 IaaS，按政府网站云计算服务安全指南开展部署迁移阶段的安全工作。";
    /** The portal's operation on the cloud: who operates, secures and supplies it (T/CCIA 004-2024 roles). */
    public static final String OPERATION_ENGAGEMENT = "门户网站云上运行维护";

    public static final String OPERATION_DESCRIPTION =
            "门户网站迁移上云后的运行维护：示例系统集成有限公司承担运维服务，示例网络安全技术有限公司提供安全服务，示例服务器制造有限公司供应政务云物理服务器。";
    /**
     * The portal's 测评对象 (seed data, entered as a person would): type, name, version, 重要程度, note. Invented
     * product names and versions.
     */
    public static final List<Asset> PORTAL_ASSETS = List.of(
            new Asset("CLOUD_MANAGEMENT", "示例政务云云管理平台（控制台与开放接口）", "V5.2", "KEY", "云服务商负责运维，客户使用控制台管理本系统资源"),
            new Asset(
                    "SERVER_VM",
                    "门户网站 Web 服务器（云主机 4 台）",
                    "openEuler 22.03 LTS SP3 / Nginx 1.24",
                    "KEY",
                    "部署于北京可用区 A、B"),
            new Asset("SERVER_VM", "内容管理应用服务器（云主机 2 台）", "openEuler 22.03 LTS SP3 / Tomcat 9.0", "KEY", null),
            new Asset("DATABASE", "门户内容数据库（云数据库，主备）", "PostgreSQL 15.6", "KEY", "每日全量备份，保留 30 天"),
            new Asset("APPLICATION", "门户网站内容管理系统", "V3.8.2", "KEY", null),
            new Asset("SECURITY_DEVICE", "Web 应用防火墙（云 WAF）", "2024 版", "IMPORTANT", null),
            new Asset("SECURITY_DEVICE", "云防火墙与安全组", null, "IMPORTANT", "云服务商提供，客户配置策略"),
            new Asset("MIDDLEWARE", "运维堡垒机", "V3.2", "IMPORTANT", "由示例系统集成有限公司运维使用"),
            new Asset("NETWORK_DEVICE", "专有网络（VPC）虚拟交换机", null, "GENERAL", null),
            new Asset("DATA", "政务公开信息与公众留言数据", null, "IMPORTANT", "重要数据"));
    /**
     * issue 36 jrtdemo: the securities company's trading system on the demo provider's 行业云 (COMMUNITY deployment,
     * JR/T 6.3 / 7.3), 等保 level 3 on a level-3 platform.
     */
    public static final String SECURITIES_SYSTEM = "示例证券集中交易系统（行业云）";
    /** The clause of the securities system's contract that is its NDA (JR/T 6.3.4), as the contract review records it. */
    public static final String SECURITIES_NDA_REFERENCE = "保密协议第 2 条";

    public static final String REGION_SHANGHAI = "上海";
    public static final String REGION_BEIJING = "北京";
    public static final String REGION_TIANJIN = "天津";

    /** The provider's engineer whom the provider's administrator has invited (a pending invitation at first login). */
    public static final String INVITED_ENGINEER_EMAIL = "wang.gong@gov-cloud.example.cn";

    public static final String INVITED_ENGINEER_NAME = "王工（示例政务云运维工程师）";

    /** issue 57: the customer's pending participation request to the security agent, its message. */
    public static final String DEMO_REQUEST_MESSAGE = "请贵单位以安全服务商身份参与门户网站的运行维护，并指定承担人员。";

    /** The demo accounts: user name, display name, role, organisation (null for administrators), TOTP secret. */
    public static final List<Account> ACCOUNTS = List.of(
            new Account(SYSTEM_ADMIN, "演示系统管理员", "SYSTEM_ADMIN", null, SYSTEM_ADMIN_TOTP),
            new Account(SECURITY_ADMIN, "演示安全管理员", "SECURITY_ADMIN", null, SECURITY_ADMIN_TOTP),
            new Account(SECURITY_ADMIN2, "演示安全管理员（复核）", "SECURITY_ADMIN", null, SECURITY_ADMIN2_TOTP),
            new Account(AUDIT_ADMIN, "演示审计管理员", "AUDIT_ADMIN", null, AUDIT_ADMIN_TOTP),
            new Account(CUSTOMER_USER, "办公厅信息中心 张工", "USER", CUSTOMER, null),
            new Account(CUSTOMER_REVIEWER, "办公厅信息中心 刘主任", "USER", CUSTOMER, null),
            new Account(PROVIDER_USER, "政务云运营 李工", "USER", PROVIDER, null),
            new Account(PROVIDER_ENGINEER, "政务云运维 钱工", "USER", PROVIDER, null),
            new Account(INTEGRATOR_USER, "集成项目经理 王工", "USER", INTEGRATOR, null),
            new Account(SECURITY_SERVICE_USER, "安全服务 赵工", "USER", SECURITY_SERVICE, null),
            new Account(ASSESSOR_USER, "测评师 陈工", "USER", ASSESSOR, null),
            new Account(ASSESSOR2_USER, "测评师 孙工", "USER", ASSESSOR, null),
            new Account(ASSESSMENT_REVIEWER, "质量审核 周工", "USER", ASSESSOR, null),
            new Account(ASSESSMENT_APPROVER, "技术负责人 吴工", "USER", ASSESSOR, null),
            new Account(SECURITIES_USER, "证券信息技术部 郑工", "USER", SECURITIES, null));

    public record Org(String name, String creditCode, String region, List<String> roles) {}

    public record Asset(String type, String name, String version, String importance, String note) {}

    public record Account(String username, String displayName, String role, Org organization, String totpSecret) {}

    private DemoData() {}
}
