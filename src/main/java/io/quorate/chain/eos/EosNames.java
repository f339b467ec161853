package io.quorate.chain.eos;

/** The names Antelope accepts for accounts, permissions, contracts and actions. */
final class EosNames {

    static final String RULE = "eos names are 1 to 12 characters of a-z, 1-5 and `.`, not ending in `.`";

    private EosNames() {
    }

    static boolean isName(String s) {
        if (s == null || s.isEmpty() || s.length() > 12 || s.endsWith(".")) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '1' && c <= '5' || c == '.')) return false;
        }
        return true;
    }
}
