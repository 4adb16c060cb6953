package org.yunjian.party;

import org.yunjian.shared.Labelled;

/** 重要程度 of a 测评对象 as the report template grades it: 关键, 重要, 一般. Display name: {@code enum.AssetImportance.*}. */
public enum AssetImportance implements Labelled {
    KEY,
    IMPORTANT,
    GENERAL
}
