package org.yunjian.monitoring.probe;

/**
 * One occurrence of a listed word in a text: the {@code word} as the list writes it, the {@code offset} (in UTF-16
 * characters) where the text has it, and about {@value WordMatcher#CONTEXT} characters of {@code context} either side,
 * with line breaks as spaces and every personal number in it masked ({@link PrivacyScanner#masked(String)}).
 */
public record WordMatch(String word, int offset, String context) {}
