package io.quorate.rules;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Drl;
import io.quorate.compile.Entry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders built rules as DRL that reads as the policy: each rule matches the check aimed at its
 * authority and states the authority's conditions with their constants. The classic DRL compiler
 * builds this text into rules that decide as the executable ones do (a test holds them to it).
 */
final class DrlRenderer {

    private DrlRenderer() {
    }

    static String render(CompiledPolicy policy, List<AuthorityRule<?>> rules, int shardSize) {
        StringBuilder drl = new StringBuilder(256 + rules.size() * 240);
        drl.append("package ").append(RuleBase.PACKAGE).append(";\n\n");
        Set<String> facts = new LinkedHashSet<>();
        rules.forEach(r -> facts.add(r.fact().getName()));
        facts.forEach(f -> drl.append("import ").append(f).append(";\n"));
        for (String function : List.of("key", "account", "delay")) {
            drl.append("import function ").append(Entry.class.getName()).append('.').append(function).append(";\n");
        }
        for (ChainRules<?> chain : RuleBase.chains()) {
            chain.drlFunctions().forEach(f -> drl.append("import function ").append(f).append(";\n"));
        }
        drl.append("\n// policy revision ").append(policy.source().revision()).append('\n')
                .append("// one rule per authority: it judges the check aimed at its authority (target: the authority's number)\n")
                .append("// and states the authority; entries are key(number, name, weight), account(reference, name, weight)\n")
                .append("// and delay(seconds, weight), in the order the chain visits them; a rule that fires grants its check\n");
        int shards = (int) ((rules.size() + (long) shardSize - 1) / shardSize);
        if (shards > 1) {
            drl.append("// built as ").append(shards).append(" rule bases of up to ").append(shardSize)
                    .append(" authorities each, in the order below; a check goes to the rule base of its target\n");
        }
        String account = null;
        for (int i = 0; i < rules.size(); i++) {
            AuthorityRule<?> r = rules.get(i);
            if (shards > 1 && i % shardSize == 0) {
                drl.append("\n// rule base ").append(i / shardSize + 1).append(" of ").append(shards).append(": targets ")
                        .append(i).append(" to ").append(Math.min(rules.size(), i + shardSize) - 1).append('\n');
                account = null;
            }
            if (!r.program().accountName().equals(account)) {
                account = r.program().accountName();
                drl.append("\n// ").append(r.program().chain().id()).append(" account ").append(Drl.comment(account)).append('\n');
                for (String note : RuleBase.chainRules(r.program().chain()).notes(policy.account(account).source())) {
                    drl.append("//   ").append(Drl.comment(note)).append('\n');
                }
            }
            drl.append("rule ").append(Drl.string(r.name())).append("\nwhen\n    $c : ")
                    .append(r.fact().getSimpleName()).append("( target == ").append(r.program().id());
            for (Condition<?> c : r.conditions()) drl.append(",\n            ").append(c.drl());
            drl.append(" )\nthen\n    // granted\nend\n");
        }
        return drl.toString();
    }
}
