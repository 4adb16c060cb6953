package org.yunjian.monitoring.probe;

import java.util.function.Predicate;

/**
 * Personal numbers made in the tests from their standards, independently of the code under test: 身份证号 after
 * GB 11643-1999 (weights 2^(17−i) mod 11, check characters 1 0 X 9 8 7 6 5 4 3 2) and card numbers after Luhn.
 */
public final class PersonalNumbersForTests {

    private PersonalNumbersForTests() {}

    static char checkCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** A 身份证号 with a correct check character: region, birth date, the first sequence number meeting {@code also}. */
    static String residentId(String region, String birth, Predicate<String> also) {
        for (int seq = 0; seq < 1000; seq++) {
            String first17 = region + birth + String.format("%03d", seq);
            String id = first17 + checkCharacter(first17);
            if (also.test(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no such number");
    }

    public static String residentId(String region, String birth) {
        return residentId(region, birth, id -> true);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The digits with the Luhn check digit appended. */
    static String withLuhnDigit(String digits) {
        for (char c = '0'; c <= '9'; c++) {
            if (luhn(digits + c)) {
                return digits + c;
            }
        }
        throw new IllegalStateException();
    }
}
