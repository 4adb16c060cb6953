package org.yunjian.responsibility;

import org.yunjian.shared.Labelled;

/**
 * Who signs off a matrix version: the customer and the cloud service provider must both approve it (issue 12;
 * T/CCIA 004-2024 §5 a): the two parties of the cloud service contract). Display name: {@code enum.SignOffSide.*}.
 */
public enum SignOffSide implements Labelled {
    CUSTOMER,
    PROVIDER
}
