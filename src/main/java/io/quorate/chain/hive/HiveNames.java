package io.quorate.chain.hive;

/**
 * The account names Hive accepts: its own {@code check_account_name} (libraries/protocol: the rule once named {@code is_valid_account_name}):
 * 3 to 16 characters; parts between dots of at least 3, each starting with a letter, ending with a
 * letter or digit, with letters, digits and {@code -} between (so {@code --} is allowed).
 */
final class HiveNames {

    static final String RULE = "hive account names are 3 to 16 characters: dot-separated parts of at least 3 "
            + "characters of a-z, 0-9 and `-`, each starting with a letter and ending with a letter or digit";

    private HiveNames() {
    }

    static boolean isName(String s) {
        if (s == null || s.length() < 3 || s.length() > 16) return false;
        for (String part : s.split("\\.", -1)) {
            if (part.length() < 3 || part.charAt(0) < 'a' || part.charAt(0) > 'z' || part.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) return false;
            }
        }
        return true;
    }
}
