package io.quorate.chain.hive;

import io.quorate.analysis.ChainExpansion;
import io.quorate.analysis.Expanded;
import io.quorate.analysis.KeyTable;
import io.quorate.analysis.Problems;
import io.quorate.chains.ChainIds;
import io.quorate.chains.OnChainId;
import io.quorate.chains.imports.ChainImport;
import io.quorate.chains.imports.PolicyDraft;
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

/** Hive as registered with each layer: its syntax, analysis, reference check, importer and ids. */
public final class Hive implements ChainSyntax, ChainExpansion, ChainReference, ChainImport, ChainIds {

    @Override
    public Chain chain() {
        return Chain.HIVE;
    }

    @Override
    public KeyFormat keyFormat() {
        return HiveKeys.FORMAT;
    }

    /** Hive's roles are fields of the account mapping itself. */
    @Override
    public List<String> authorityFields() {
        return List.of("owner", "active", "posting");
    }

    @Override
    public Form.Obj accountForm() {
        return HiveReader.FORM;
    }

    @Override
    public Account read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements) {
        return HiveReader.read(in, name, at, m, requirements);
    }

    @Override
    public Function<Account, Expanded> expander(PolicySet policy, KeyTable keys, Problems problems) {
        HiveExpansion expansion = new HiveExpansion(policy, keys, problems);
        return a -> expansion.expand((HiveAccount) a);
    }

    @Override
    public ChainCheck check(PolicySet policy) {
        return new HiveCheck(policy);
    }

    /** Hive rejects a transaction with a signature it did not need, so one key signing twice is an error. */
    @Override
    public boolean rejectsDuplicateSignatures() {
        return true;
    }

    @Override
    public Run begin(PolicyDraft draft) {
        return root -> HiveImport.read(root, draft);
    }

    @Override
    public List<OnChainId> of(Account account) {
        return List.of(new OnChainId(account.name(), account.name(), OnChainId.Kind.ACCOUNT_NAME, account.name()));
    }
}
