package io.quorate.cli;

import io.quorate.lint.CheckRegistry;
import io.quorate.yaml.Suggest;
import java.util.List;

/** Messages for check ids the catalogue does not hold, with the id the user probably meant. */
final class CheckIds {

    private CheckIds() {
    }

    /** {@code unknown check `x`: did you mean `y`?}, or a pointer to the catalogue when nothing is close. */
    static String unknown(String id) {
        List<String> known = CheckRegistry.checks().stream().map(c -> c.id()).toList();
        String suggestion = Suggest.didYouMean(id, known);
        return "unknown check `" + id + "`: " + (suggestion == null ? "`quorate checks` lists them" : suggestion);
    }
}
