package org.yunjian.monitoring.probe;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * The checks that tell a personal number from any run of digits: a 居民身份证号码 after GB 11643-1999 (region, birth
 * date, ISO 7064 MOD 11-2 check character) and a bank card number after its Luhn check digit (ISO/IEC 7812-1).
 */
final class NumberChecks {

    /** The first two digits of a region code (GB/T 2260): the provinces, 71 台湾, 81 香港, 82 澳门. */
    private static final Set<Integer> PROVINCES = Set.of(
            11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
            62, 63, 64, 65, 71, 81, 82);

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** ISO 7064 MOD 11-2: the check character for a remainder 0…10 of the weighted sum. */
    private static final String CHECK_CHARACTERS = "10X98765432";

    private NumberChecks() {}

    /**
     * Whether 18 characters (17 digits and a digit or {@code X}) are a 身份证号: a known province, a birth date from
     * 1900-01-01 to {@code today}, and the right check character.
     */
    static boolean isResidentId(String id, LocalDate today) {
        if (id.length() != 18 || !PROVINCES.contains(Integer.parseInt(id.substring(0, 2)))) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
                return false;
            }
        } catch (DateTimeException impossible) {
            return false;
        }
        return Character.toUpperCase(id.charAt(17)) == residentIdCheck(id);
    }

    /** GB 11643-1999 6.2: Σ aᵢ·Wᵢ with Wᵢ = 2^(i−1) mod 11 for the 17 digits, counted from the check digit's place. */
    static char residentIdCheck(String id) {
        int sum = 0;
        int weight = 1;
        for (int i = 16; i >= 0; i--) {
            weight = weight * 2 % 11;
            sum += (id.charAt(i) - '0') * weight;
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The Luhn check over a run of digits: doubling every second digit from the right, the sum is a multiple of 10. */
    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
