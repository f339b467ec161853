package io.quorate.rules;

import org.drools.model.functions.Predicate1;

/**
 * One condition of an authority's rule: the DRL a reviewer reads and the predicate that runs,
 * made together from the same constants so they cannot say different things.
 */
public record Condition<T extends AuthorityCheck>(String drl, Predicate1<T> test) {
}
