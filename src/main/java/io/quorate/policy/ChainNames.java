package io.quorate.policy;

/** The account and permission names each chain accepts. */
public final class ChainNames {

    public static final String INVALID_NAME = "invalid-name";
    public static final String EOS_RULE = "eos names are 1 to 12 characters of a-z, 1-5 and `.`, not ending in `.`";
    public static final String HIVE_RULE = "hive account names are 3 to 16 characters: dot-separated parts of at least 3 "
            + "characters of a-z, 0-9 and `-`, each starting with a letter";

    private ChainNames() {
    }

    public static boolean isEosName(String s) {
        if (s == null || s.isEmpty() || s.length() > 12 || s.endsWith(".")) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '1' && c <= '5' || c == '.')) return false;
        }
        return true;
    }

    public static boolean isHiveName(String s) {
        if (s == null || s.length() < 3 || s.length() > 16) return false;
        for (String part : s.split("\\.", -1)) {
            if (part.length() < 3 || part.charAt(0) < 'a' || part.charAt(0) > 'z' || part.endsWith("-") || part.contains("--")) {
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
