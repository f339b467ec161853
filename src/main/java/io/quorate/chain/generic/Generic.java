package io.quorate.chain.generic;

import io.quorate.analysis.ChainExpansion;
import io.quorate.analysis.Expanded;
import io.quorate.analysis.KeyTable;
import io.quorate.analysis.Problems;
import io.quorate.chains.ChainIds;
import io.quorate.chains.OnChainId;
import io.quorate.diag.SourceLocation;
import io.quorate.keys.KeyFormat;
import io.quorate.policy.Account;
import io.quorate.policy.AuthorityReader;
import io.quorate.policy.Chain;
import io.quorate.policy.ChainSyntax;
import io.quorate.policy.PolicySet;
import io.quorate.policy.Requirements;
import io.quorate.reference.ChainCheck;
import io.quorate.reference.ChainReference;
import io.quorate.yaml.Form;
import io.quorate.yaml.YamlMapping;
import java.util.List;
import java.util.function.Function;

/**
 * Generic weighted thresholds as registered with each layer. It is no chain's API, so it has no
 * importer, signature scheme or on-chain ids: signers are listed by key.
 */
public final class Generic implements ChainSyntax, ChainExpansion, ChainReference, ChainIds {

    @Override
    public Chain chain() {
        return Chain.GENERIC;
    }

    @Override
    public KeyFormat keyFormat() {
        return GenericKeys.FORMAT;
    }

    @Override
    public Form.Obj accountForm() {
        return GenericReader.FORM;
    }

    @Override
    public Account read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements) {
        return GenericReader.read(in, name, at, m, requirements);
    }

    @Override
    public Function<Account, Expanded> expander(PolicySet policy, KeyTable keys, Problems problems) {
        GenericExpansion expansion = new GenericExpansion(policy, keys, problems);
        return a -> expansion.expand((GenericAccount) a);
    }

    @Override
    public ChainCheck check(PolicySet policy) {
        return new GenericCheck(policy);
    }

    @Override
    public List<OnChainId> of(Account account) {
        return List.of();
    }
}
