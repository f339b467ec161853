package io.quorate.chain.casper;

import io.quorate.analysis.ChainExpansion;
import io.quorate.analysis.Expanded;
import io.quorate.analysis.KeyTable;
import io.quorate.analysis.Problems;
import io.quorate.chains.ChainIds;
import io.quorate.chains.OnChainId.Kind;
import io.quorate.chains.OnChainId;
import io.quorate.chains.imports.ChainImport;
import io.quorate.chains.imports.PolicyDraft;
import io.quorate.diag.SourceLocation;
import io.quorate.keys.KeyFormat;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.policy.Account;
import io.quorate.policy.AuthorityReader;
import io.quorate.policy.Chain;
import io.quorate.policy.ChainSyntax;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.PolicySet;
import io.quorate.policy.Requirements;
import io.quorate.reference.ChainCheck;
import io.quorate.reference.ChainReference;
import io.quorate.yaml.Form;
import io.quorate.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Casper as registered with each layer: its syntax, analysis, reference check, importer and ids. */
public final class Casper implements ChainSyntax, ChainExpansion, ChainReference, ChainImport, ChainIds {

    @Override
    public Chain chain() {
        return Chain.CASPER;
    }

    @Override
    public KeyFormat keyFormat() {
        return CasperKeys.FORMAT;
    }

    @Override
    public Form.Obj accountForm() {
        return CasperReader.FORM;
    }

    @Override
    public Account read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements) {
        return CasperReader.read(in, name, at, m, requirements);
    }

    @Override
    public Function<Account, Expanded> expander(PolicySet policy, KeyTable keys, Problems problems) {
        CasperExpansion expansion = new CasperExpansion(keys);
        return a -> expansion.expand((CasperAccount) a);
    }

    @Override
    public ChainCheck check(PolicySet policy) {
        return new CasperCheck(policy);
    }

    @Override
    public Run begin(PolicyDraft draft) {
        return root -> CasperImport.read(root, draft);
    }

    @Override
    public List<OnChainId> of(Account account) {
        CasperAccount casper = (CasperAccount) account;
        String name = casper.name();
        List<OnChainId> out = new ArrayList<>();
        if (casper.accountHash() != null) {
            out.add(new OnChainId(name, name, Kind.ACCOUNT_HASH, accountHash(casper.accountHash())));
        }
        for (KeyWeight k : casper.keys()) {
            out.add(new OnChainId(name + "@" + k.key().label(), name, Kind.KEY_ACCOUNT_HASH, accountHash(k.key().id())));
        }
        return out;
    }

    /** A public key or {@code account-hash-…} compares by its account hash. */
    @Override
    public String comparable(String text) {
        try {
            return accountHash(CasperKeys.decode(text));
        } catch (KeyFormatException e) {
            return null;
        }
    }

    /** {@code account-hash-…} of a Casper key's identity, which is its account hash. */
    private static String accountHash(KeyId id) {
        String canonical = id.canonical();
        return "account-hash-" + canonical.substring(canonical.indexOf(':') + 1);
    }
}
