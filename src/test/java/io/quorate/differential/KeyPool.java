package io.quorate.differential;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The few keys one generated policy uses (so signatures often overlap its authorities): Keyring
 * indexes, some of them named in the file's {@code keys:} section, each written in a random spelling
 * of its chain wherever it appears.
 */
final class KeyPool {

    enum Kind { EOS, HIVE, CASPER, FT4, GENERIC }

    private static final List<String> NAMES = List.of("ann", "ben", "cleo", "dov", "eva", "finn", "gus", "hana");

    final Kind kind;
    final List<Integer> indexes = new ArrayList<>();
    final List<String> names = new ArrayList<>();

    KeyPool(Kind kind, Genes g, int min, int max) {
        this.kind = kind;
        int size = g.between(min, max);
        Set<Integer> chosen = new LinkedHashSet<>();
        int start = g.below(16);
        for (int i = 0; chosen.size() < size; i++) chosen.add((start + i * (1 + g.below(3))) % 24);
        indexes.addAll(chosen);
        for (int i = 0; i < indexes.size(); i++) names.add(g.chance(60) ? NAMES.get(i) : null);
    }

    int size() {
        return indexes.size();
    }

    /** The {@code keys:} section entries, {@code name: "spelling"}, or an empty string. */
    String keysSection(Genes g) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            if (names.get(i) == null) continue;
            if (sb.isEmpty()) sb.append("keys:\n");
            sb.append("  ").append(names.get(i)).append(": ").append(Yaml.q(raw(indexes.get(i), g))).append('\n');
        }
        return sb.toString();
    }

    /** Pool key {@code i} as a policy or a transaction writes it: its name or one of its spellings. */
    String ref(int i, Genes g) {
        String name = names.get(i);
        return name != null && !g.chance(25) ? name : raw(indexes.get(i), g);
    }

    /** A key outside the pool (Keyring index {@code >= 24}), always raw. */
    String stranger(int n, Genes g) {
        return raw(24 + n, g);
    }

    /** Keyring key {@code k} in a random spelling of the chain. */
    String raw(int k, Genes g) {
        return switch (kind) {
            case EOS -> g.chance(50) ? Keyring.eosK1(k) : Keyring.eosLegacy(k);
            case HIVE -> Keyring.hive(k);
            case CASPER -> g.chance(40) ? Keyring.casperHash(k) : Keyring.casperTagged(k);
            case FT4 -> Keyring.ft4(k);
            case GENERIC -> "gk-" + k;
        };
    }

    /** Distinct pool positions, each with probability {@code percent}. */
    List<Integer> subset(Genes g, int percent) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) if (g.chance(percent)) out.add(i);
        return out;
    }
}
