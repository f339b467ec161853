package io.quorate.server;

import io.quorate.diag.Diagnostic;
import io.quorate.policy.PolicySet;
import io.quorate.policy.conditions.AccountConditions;
import io.quorate.policy.conditions.ConditionRule;
import io.quorate.policy.conditions.SpentLimit;
import io.quorate.spending.Periods;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy served with a spending store may not limit spending over a longer period than the
 * store keeps ({@code --spending-retention}): once spends older than the retention are pruned,
 * such a rule could never be told what was spent and would deny every matching action. The
 * policy is refused when it loads (at start, and on every reload, when the previous one keeps
 * serving), so the mistake shows at once rather than days later.
 */
final class RetentionCheck {

    static final String CODE = "spent-period-beyond-retention";

    private RetentionCheck() {
    }

    /** One error per {@code spent} rule of {@code policy} whose period is longer than {@code retention}. */
    static List<Diagnostic> check(PolicySet policy, Duration retention) {
        List<Diagnostic> out = new ArrayList<>();
        for (AccountConditions set : policy.conditions().sets()) {
            for (ConditionRule r : set.rules()) {
                SpentLimit spent = r.when().spent();
                if (spent == null || spent.period().duration().compareTo(retention) <= 0) continue;
                String accounts = String.join("`, `", policy.conditions().accountsUsing(set));
                out.add(Diagnostic.error(CODE, spent.at() != null ? spent.at() : r.at(), "condition `" + r.name() + "` (account `" + accounts
                        + "`) limits spending over `" + spent.period() + "`, longer than the spending this server keeps (`--spending-retention "
                        + Periods.format(retention) + "`)", "start the server with `--spending-retention` of at least `" + spent.period()
                        + "`, or shorten the rule's period"));
            }
        }
        return out;
    }
}
