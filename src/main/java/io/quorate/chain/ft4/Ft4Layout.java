package io.quorate.chain.ft4;

import io.quorate.compile.ChainLayout;
import io.quorate.compile.Entry;
import io.quorate.compile.Layout;
import io.quorate.compile.Program;
import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import java.util.HashSet;
import java.util.List;

/** FT4 auth descriptors: their signers (each counts once), signatures required and flags. */
public final class Ft4Layout implements ChainLayout {

    @Override
    public Chain chain() {
        return Chain.FT4;
    }

    @Override
    public List<String> authorityNames(Account account) {
        return ((Ft4Account) account).descriptors().stream().map(AuthDescriptor::name).toList();
    }

    @Override
    public Program program(Account account, String name, Layout layout) {
        AuthDescriptor d = descriptor((Ft4Account) account, name);
        List<Entry> signers = d.signers().stream().map(signer -> layout.key(signer, 1)).toList();
        return layout.program(name, d.required(), signers, -1, null, new HashSet<>(d.flags()));
    }

    static AuthDescriptor descriptor(Ft4Account account, String name) {
        return account.descriptors().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }
}
