package org.yunjian.catalog;

/**
 * What an item of a standard states. Most items state a duty; a few of the government-website guide's describe a risk
 * (5.2.1 a)–g): "政府网站迁移到云面临的安全风险") or define a role (5.3: "参与这四个阶段的云计算服务的主要角色及关系如下"); some
 * only name the phases or the roles (JR/T 4.2 "证券期货机构应用云计算技术的过程可分为四个阶段：" with its four names, JR/T 4.3
 * "云服务安全管理的主要角色包括：受托方；委托方。", the guide's 5.4 ¶1 "政府网站采用云计算服务的过程可分为四个阶段："). The catalog
 * keeps those verbatim like every other item, as informative text, but nobody can complete or accept them: a plan leaves
 * them out, and the risks seed a migration plan's risk register instead.
 */
public enum ItemNature {
    /** The item binds a party to do or refrain from something. */
    DUTY,
    /** The item describes a risk the standard names. */
    RISK,
    /** The item defines a role or term, or lists the names of the phases or roles. */
    DEFINITION
}
