package io.quorate.differential;

import java.util.List;
import java.util.stream.Collectors;

/** Writing generated policies and transactions as YAML text (every string double-quoted). */
final class Yaml {

    private Yaml() {
    }

    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    static String list(List<String> quoted) {
        return "[" + String.join(", ", quoted) + "]";
    }

    static String strings(List<String> raw) {
        return list(raw.stream().map(Yaml::q).collect(Collectors.toList()));
    }
}
