package io.quorate.transaction;

import java.util.List;

/**
 * What an example records next to a transaction ({@code expect: allow}, or
 * {@code expect: {decision: deny, reasons: [unsatisfied-authority]}}), so examples double as tests.
 * {@code reasons} lists reason codes that must all appear; empty means "not checked".
 */
public record Expectation(String decision, List<String> reasons) {

    public Expectation {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
