package io.quorate.chain.eos;

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

/** Antelope (EOS and its kin) as registered with each layer: its syntax, analysis, reference check, importer and ids. */
public final class Eos implements ChainSyntax, ChainExpansion, ChainReference, ChainImport, ChainIds {

    @Override
    public Chain chain() {
        return Chain.EOS;
    }

    @Override
    public KeyFormat keyFormat() {
        return EosKeys.FORMAT;
    }

    @Override
    public String withArticle() {
        return "an eos";
    }

    @Override
    public Form.Obj accountForm() {
        return EosReader.FORM;
    }

    @Override
    public Account read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements) {
        return EosReader.read(in, name, at, m, requirements);
    }

    @Override
    public Function<Account, Expanded> expander(PolicySet policy, KeyTable keys, Problems problems) {
        EosExpansion expansion = new EosExpansion(policy, keys, problems);
        return a -> expansion.expand((EosAccount) a);
    }

    @Override
    public ChainCheck check(PolicySet policy) {
        return new EosCheck(policy);
    }

    /** Antelope rejects a transaction with a signature it did not need, so one key signing twice is an error. */
    @Override
    public boolean rejectsDuplicateSignatures() {
        return true;
    }

    @Override
    public Run begin(PolicyDraft draft) {
        return root -> EosImport.read(root, draft);
    }

    @Override
    public List<OnChainId> of(Account account) {
        return List.of(new OnChainId(account.name(), account.name(), OnChainId.Kind.ACCOUNT_NAME, account.name()));
    }
}
