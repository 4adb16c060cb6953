package org.yunjian.responsibility;

import org.yunjian.shared.Labelled;

/**
 * What an organisation does on a cloud service, as T/CCIA 004-2024 Annex A lists it to determine roles. The
 * constants are the distinct behaviours of tables A.1–A.3; which printed name is which constant is data
 * ({@code responsibility/annex-a-behaviours.properties}); which role a behaviour makes is read from the tables
 * ({@link RoleAssistant}). The display name (bundle key {@code enum.Behaviour.<CONSTANT>}) is the standard's name.
 */
public enum Behaviour implements Labelled {
    /** 提供云服务 */
    PROVIDE_CLOUD_SERVICE,
    /** 选择云计算平台软件 */
    SELECT_PLATFORM_SOFTWARE,
    /** 管理云计算平台运维 */
    MANAGE_PLATFORM_OM,
    /** 控制底层硬件 */
    CONTROL_UNDERLYING_HARDWARE,
    /** 决定云服务安全能力 */
    DECIDE_SECURITY_CAPABILITY,
    /** 提供云计算平台软件 */
    PROVIDE_PLATFORM_SOFTWARE,
    /** 提供运维服务 */
    PROVIDE_OM_SERVICE,
    /** 提供安全服务 */
    PROVIDE_SECURITY_SERVICE,
    /** 提供物理机房 */
    PROVIDE_MACHINE_ROOM,
    /** 提供物理服务器 */
    PROVIDE_PHYSICAL_SERVERS,
    /** 使用云服务 */
    USE_CLOUD_SERVICE
}
