package io.quorate.chain.ft4;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorate.analysis.ChainExpansion;
import io.quorate.analysis.Expanded;
import io.quorate.analysis.KeyTable;
import io.quorate.analysis.Problems;
import io.quorate.chains.ChainIds;
import io.quorate.chains.OnChainId.Kind;
import io.quorate.chains.OnChainId;
import io.quorate.chains.imports.ChainImport;
import io.quorate.chains.imports.ImportProblem;
import io.quorate.chains.imports.Json;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Chromia FT4 as registered with each layer: its syntax, analysis, reference check, importer and ids. */
public final class Ft4 implements ChainSyntax, ChainExpansion, ChainReference, ChainImport, ChainIds {

    @Override
    public Chain chain() {
        return Chain.FT4;
    }

    @Override
    public KeyFormat keyFormat() {
        return Ft4Keys.FORMAT;
    }

    @Override
    public String withArticle() {
        return "an ft4";
    }

    @Override
    public Form.Obj accountForm() {
        return Ft4Reader.FORM;
    }

    @Override
    public Account read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements) {
        return Ft4Reader.read(in, name, at, m, requirements);
    }

    @Override
    public Function<Account, Expanded> expander(PolicySet policy, KeyTable keys, Problems problems) {
        Ft4Expansion expansion = new Ft4Expansion(keys);
        return a -> expansion.expand((Ft4Account) a);
    }

    @Override
    public ChainCheck check(PolicySet policy) {
        return new Ft4Check(policy);
    }

    /** Descriptors come in several answers (all descriptors, the main one), so the account is written once all are read. */
    @Override
    public Run begin(PolicyDraft draft) {
        Ft4Import ft4 = new Ft4Import();
        return new Run() {
            @Override
            public void read(Json root) {
                ft4.read(root);
            }

            @Override
            public void finish(List<ImportProblem> warnings) {
                ft4.emit(draft, warnings);
            }
        };
    }

    @Override
    public JsonNode notation(String text) {
        try {
            return GtvText.parse(text);
        } catch (GtvText.SyntaxError e) {
            boolean gtv = text.contains("x\"") || text.matches("(?s)\\[\\s*\"[^\"]*\"\\s*:.*");
            if (gtv) throw new IllegalArgumentException("not JSON nor chr's GTV notation: " + e.getMessage());
            return null;
        }
    }

    @Override
    public List<OnChainId> of(Account account) {
        Ft4Account ft4 = (Ft4Account) account;
        String name = ft4.name();
        List<OnChainId> out = new ArrayList<>();
        if (ft4.accountId() != null) {
            out.add(new OnChainId(name, name, Kind.ACCOUNT_ID, ft4.accountId().toUpperCase(Locale.ROOT)));
        } else {
            ft4.descriptors().stream().filter(AuthDescriptor::main).findFirst().ifPresent(main -> out.add(
                    new OnChainId(name, name, Kind.ACCOUNT_ID_IF_REGISTERED_WITH_MAIN, Ft4Ids.accountId(main.signers()))));
        }
        for (AuthDescriptor d : ft4.descriptors()) {
            out.add(new OnChainId(name + "@" + d.name(), name, Kind.AUTH_DESCRIPTOR_ID, Ft4Ids.descriptorId(d)));
        }
        return out;
    }

    /** Hex as FT4 prints ids: upper case, without {@code 0x} or the {@code x"…"} of Rell. */
    @Override
    public String comparable(String text) {
        String t = text.trim();
        if (t.startsWith("x\"") && t.endsWith("\"")) t = t.substring(2, t.length() - 1);
        if (t.startsWith("0x") || t.startsWith("0X")) t = t.substring(2);
        return t.toUpperCase(Locale.ROOT);
    }

    @Override
    public List<String> authoritiesNamedById(Account account) {
        return ((Ft4Account) account).descriptors().stream().map(AuthDescriptor::name).toList();
    }
}
