package org.yunjian.catalog;

/**
 * What an item of a standard states. Most items state a duty; a few of the government-website guide's describe a risk
 * (5.2.1 a)–g): "政府网站迁移到云面临的安全风险") or define a role (5.3: "参与这四个阶段的云计算服务的主要角色及关系如下"). The
 * catalog keeps those verbatim like every other item, but nobody can complete or accept them: a plan leaves them out,
 * and the risks seed a migration plan's risk register instead.
 */
public enum ItemNature {
    /** The item binds a party to do or refrain from something. */
    DUTY,
    /** The item describes a risk the standard names. */
    RISK,
    /** The item defines a role or term. */
    DEFINITION
}
