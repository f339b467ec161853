package io.quorate.policy.conditions;

import io.quorate.assets.Amount;
import io.quorate.assets.Period;
import io.quorate.diag.SourceLocation;

/**
 * {@code spent: {period, over}}: holds when what the account already spent in the asset over the
 * period, plus this action's amount, is strictly greater than {@code over}.
 */
public record SpentLimit(Period period, Amount over, SourceLocation at) {
}
