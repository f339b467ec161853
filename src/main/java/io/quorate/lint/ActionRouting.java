package io.quorate.lint;

import java.util.List;
import java.util.Set;

/**
 * Which of an account's authorities its chain lets act for an action, by the action's name: the
 * routing a chain's decider applies, for the checks that ask what an authority can be used for.
 * Conditions compare action names only by equality, so the names the rules mention and one name
 * for each other way the chain routes a name stand for every action.
 */
public interface ActionRouting {

    /**
     * Action names, one for each way the chain routes a name: names it knows, and for a class of
     * names it routes alike (an EOS contract's actions, a generic {@code *}) one name of it that is
     * not among {@code mentioned}. May hold null: a request that names no action (FT4 flags).
     */
    List<String> representatives(Set<String> mentioned);

    /** The authorities, as the lint facts name them, the chain lets act for {@code action} (null: a request by flags). */
    Set<String> actingFor(String action);

    /** A name starting with {@code prefix} that is none of {@code taken}. */
    static String fresh(String prefix, Set<String> taken) {
        String name = prefix + "other";
        for (int i = 2; taken.contains(name); i++) name = prefix + "other" + i;
        return name;
    }
}
