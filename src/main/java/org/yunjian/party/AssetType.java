package org.yunjian.party;

import org.yunjian.shared.Labelled;

/**
 * What kind of 测评对象 an asset of a cloud system is, in the categories of the 等级测评报告's 测评对象 list
 * (物理机房, 网络设备, 安全设备, 服务器/存储设备, 终端, 系统管理软件, 业务应用系统, 数据资源, 密码产品 …) with the
 * cloud's own additions (虚拟机, 云管理平台). Display name: {@code enum.AssetType.*}.
 */
public enum AssetType implements Labelled {
    PHYSICAL_ROOM,
    NETWORK_DEVICE,
    SECURITY_DEVICE,
    SERVER_VM,
    STORAGE,
    TERMINAL,
    DATABASE,
    MIDDLEWARE,
    CLOUD_MANAGEMENT,
    APPLICATION,
    DATA,
    CRYPTO_PRODUCT,
    OTHER
}
