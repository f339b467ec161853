package io.quorate.chain.ft4;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Drl;
import io.quorate.compile.Program;
import io.quorate.rules.ChainRules;
import io.quorate.rules.Condition;
import io.quorate.rules.Conditions;
import io.quorate.policy.Chain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** An FT4 auth descriptor's rule: its rules (time locks, op count), its flags, its signers and how many must sign. */
public final class Ft4DescriptorRules implements ChainRules<Ft4AuthorityCheck> {

    @Override
    public Chain chain() {
        return Chain.FT4;
    }

    @Override
    public List<String> drlFunctions() {
        return List.of(Ft4AuthorityCheck.class.getName() + ".comparison");
    }

    @Override
    public Class<Ft4AuthorityCheck> fact() {
        return Ft4AuthorityCheck.class;
    }

    @Override
    public List<Condition<Ft4AuthorityCheck>> conditions(CompiledPolicy policy, Program p) {
        List<Condition<Ft4AuthorityCheck>> conditions = new ArrayList<>();
        Ft4Rule rules = rulesOf(policy, p);
        if (rules != null) {
            Ft4Rule.Comparison[] comparisons = rules.comparisons().toArray(Ft4Rule.Comparison[]::new);
            conditions.add(new Condition<>(() -> Arrays.stream(comparisons)
                    .map(c -> "comparison(" + Drl.string(c.op()) + ", " + Drl.string(c.variable()) + ", " + c.value() + "L)")
                    .collect(Collectors.joining(", ", "rules(", ")")), c -> c.rules(comparisons)));
        }
        String[] flags = p.flags().stream().sorted().toArray(String[]::new);
        conditions.add(new Condition<>(() -> Conditions.strings("flags", flags), c -> c.flags(flags)));
        long required = p.threshold();
        var signers = p.entries();
        conditions.add(new Condition<>(() -> Conditions.call("signers", required, signers), c -> c.signers(required, signers)));
        return conditions;
    }

    /** The descriptor's rules (time locks, op count), or null. */
    static Ft4Rule rulesOf(CompiledPolicy policy, Program p) {
        return Ft4Layout.descriptor((Ft4Account) policy.account(p.account()).source(), p.name()).rules();
    }
}
