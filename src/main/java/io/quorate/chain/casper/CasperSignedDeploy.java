package io.quorate.chain.casper;

import io.quorate.policy.Chain;
import io.quorate.signatures.NativeTransaction;
import java.util.List;
import java.util.Map;

/** A signed Casper deploy given as {@code casper_deploy}: its hash is what the approvals sign. */
public final class CasperSignedDeploy implements NativeTransaction {

    @Override
    public Chain chain() {
        return Chain.CASPER;
    }

    @Override
    public String field() {
        return "casper_deploy";
    }

    @Override
    public String help() {
        return "give the deploy as casper-client writes it";
    }

    @Override
    public Parsed parse(Map<String, Object> tree, Map<String, String> companions) {
        CasperDeploy.Parsed deploy = CasperDeploy.parse(tree);
        return new Parsed(deploy.hash(), deploy.approvals(), List.of(new Operation(deploy.account(), "deploy", deploy.transfer())));
    }
}
