package io.quorate.rules;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Drl;
import io.quorate.compile.Program;
import io.quorate.chain.ft4.Ft4Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An FT4 auth descriptor's rule: its rules (time locks, op count), its flags, its signers and how many must sign. */
final class Ft4DescriptorRules implements ChainRules<Ft4AuthorityCheck> {

    @Override
    public Class<Ft4AuthorityCheck> fact() {
        return Ft4AuthorityCheck.class;
    }

    @Override
    public List<Condition<Ft4AuthorityCheck>> conditions(CompiledPolicy policy, Program p) {
        List<Condition<Ft4AuthorityCheck>> conditions = new ArrayList<>();
        if (p.rules() != null) {
            Ft4Rule.Comparison[] comparisons = p.rules().comparisons().toArray(Ft4Rule.Comparison[]::new);
            String drl = p.rules().comparisons().stream()
                    .map(c -> "comparison(" + Drl.string(c.op()) + ", " + Drl.string(c.variable()) + ", " + c.value() + "L)")
                    .collect(Collectors.joining(", ", "rules(", ")"));
            conditions.add(new Condition<>(drl, c -> c.rules(comparisons)));
        }
        String[] flags = p.flags().stream().sorted().toArray(String[]::new);
        conditions.add(new Condition<>(Conditions.strings("flags", flags), c -> c.flags(flags)));
        long required = p.threshold();
        var signers = p.entries();
        conditions.add(new Condition<>(Conditions.call("signers", required, signers), c -> c.signers(required, signers)));
        return conditions;
    }
}
