package dev.fonte.answer.extractive;

/**
 * When two stems are the same word. Light stemmers leave the forms of a word apart ("incontrato" and "incontro",
 * "investirà" and "investimento" keep different endings): two stems are one word when they share a start of at least
 * five letters that is most of the shorter one. A short stem is not stretched ("potenz" is not "potenzial").
 */
public final class Stems {

    private static final int MIN_PREFIX = 5;

    private Stems() {
    }

    public static boolean sameWord(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        int p = commonPrefix(shorter, longer);
        if (p < MIN_PREFIX || Character.isDigit(shorter.charAt(0))) {
            return false;
        }
        if (p == shorter.length()) {
            // one stem starts the other: it must be at least two thirds of it
            return shorter.length() * 3 >= longer.length() * 2;
        }
        // they part after a common start: it must be six letters and three quarters of the shorter
        return p >= MIN_PREFIX + 1 && p * 4 >= shorter.length() * 3;
    }

    static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
