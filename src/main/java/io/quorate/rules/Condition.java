package io.quorate.rules;

import java.util.function.Supplier;
import org.drools.model.functions.Predicate1;

/**
 * One condition of an authority's rule: the DRL a reviewer reads and the predicate that runs,
 * made together from the same constants so they cannot say different things. The text is written
 * only when the rules are rendered, so building many rules writes none.
 */
public record Condition<T extends AuthorityCheck>(Supplier<String> text, Predicate1<T> test) {

    public String drl() {
        return text.get();
    }
}
