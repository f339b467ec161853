package io.quorate.chain.ft4;

import io.quorate.engine.ReasonCode;
import io.quorate.keys.KeyId;
import io.quorate.plan.ChainError;
import io.quorate.plan.ChainSteps;
import io.quorate.plan.DiffPlan;
import io.quorate.plan.Judge;
import io.quorate.plan.Operation;
import io.quorate.plan.PlanKeys;
import io.quorate.plan.Signed;
import io.quorate.plan.Step;
import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.policy.PolicySet;
import io.quorate.yaml.Expect;
import io.quorate.yaml.Form;
import io.quorate.yaml.YamlNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FT4's descriptor operations ({@code external/accounts/operations.rell},
 * {@code core/accounts/module.rell}): adding needs an {@code A} descriptor and the signatures of
 * every signer of the new one; replacing the main descriptor needs the current main one; a
 * descriptor may delete itself, an {@code A} descriptor any but the main one.
 */
public final class Ft4Steps implements ChainSteps {

    static final String MISSING_SIGNATURE = "MISSING SIGNATURE";
    static final int MAX_RULES = 8;
    static final List<String> ACCOUNT_FLAG = List.of("A");

    private static final Map<String, String> AUTH_ERRORS = Map.of(
            ReasonCode.UNSATISFIED_AUTHORITY, MISSING_SIGNATURE,
            ReasonCode.MISSING_FLAGS, "MISSING FLAGS",
            ReasonCode.UNKNOWN_DESCRIPTOR, "AUTH DESCRIPTOR NOT FOUND",
            ReasonCode.DESCRIPTOR_EXPIRED, "EXPIRED AUTH DESCRIPTOR",
            ReasonCode.DESCRIPTOR_NOT_YET_VALID, "INACTIVE AUTH DESCRIPTOR");

    @Override
    public Chain chain() {
        return Chain.FT4;
    }

    @Override
    public Map<String, List<Form.Field>> operations() {
        Form.Field descriptor = Form.required("descriptor", Form.named("ft4-step-descriptor", Ft4Descriptors.FORM), "the descriptor");
        Map<String, List<Form.Field>> f = new LinkedHashMap<>();
        f.put("add_auth_descriptor", List.of(descriptor));
        f.put("update_main_auth_descriptor", List.of(descriptor));
        f.put("delete_auth_descriptor", List.of(Form.required("descriptor", Form.text("a descriptor's name"), "the descriptor to delete")));
        f.put("delete_all_auth_descriptors_except_main", List.of());
        return f;
    }

    @Override
    public Operation read(Step step, Account account, PlanKeys keys, Expect x) {
        String context = "step " + step.label();
        Set<KeyId> signed = new HashSet<>();
        for (String s : step.signed() ? step.signatures() : List.<String>of()) {
            KeyId id = keys.id(Chain.FT4, s);
            if (id != null) signed.add(id);
        }
        switch (step.op()) {
            case "add_auth_descriptor", "update_main_auth_descriptor" -> {
                YamlNode node = x.required(step.node(), "descriptor", context);
                if (node == null) return null;
                boolean main = step.op().equals("update_main_auth_descriptor");
                AuthDescriptor d = Ft4Descriptors.read(x, keys, node, main, context + ": `descriptor`");
                return d == null ? null : new AddDescriptor(step, d, signed);
            }
            case "delete_auth_descriptor" -> {
                String name = x.string(x.required(step.node(), "descriptor", context), context + ": `descriptor`");
                return name == null ? null : new DeleteDescriptor(step, name);
            }
            default -> {
                return new DeleteDescriptor(step, null);
            }
        }
    }

    static Ft4Account account(PolicySet state, Step step) {
        return (Ft4Account) state.account(step.account());
    }

    static AuthDescriptor main(Ft4Account a) {
        return a.descriptors().stream().filter(AuthDescriptor::main).findFirst().orElse(null);
    }

    static AuthDescriptor named(Ft4Account a, String name) {
        return a.descriptors().stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    /** The main descriptor when it changed (or was renamed), then the others that went or changed, then the new or changed ones. */
    @Override
    public void diff(Account was, Account now, DiffPlan plan) {
        Ft4Account a = (Ft4Account) was;
        Ft4Account b = (Ft4Account) now;
        AuthDescriptor oldMain = main(a);
        AuthDescriptor newMain = main(b);
        if (newMain != null && (oldMain == null || !Ft4Descriptors.shape(oldMain).equals(Ft4Descriptors.shape(newMain))
                || !oldMain.name().equals(newMain.name()))) {
            Ft4Descriptors.write(plan, newMain, plan.step(b.name(), "update_main_auth_descriptor").putObject("descriptor"));
        }
        for (AuthDescriptor d : a.descriptors()) {
            if (d.main()) continue;
            AuthDescriptor after = named(b, d.name());
            if (after == null || after.main() || !Ft4Descriptors.shape(after).equals(Ft4Descriptors.shape(d))) {
                plan.step(b.name(), "delete_auth_descriptor").put("descriptor", d.name());
            }
        }
        for (AuthDescriptor d : b.descriptors()) {
            if (d.main()) continue;
            AuthDescriptor before = named(a, d.name());
            if (before == null || before.main() || !Ft4Descriptors.shape(before).equals(Ft4Descriptors.shape(d))) {
                Ft4Descriptors.write(plan, d, plan.step(b.name(), "add_auth_descriptor").putObject("descriptor"));
            }
        }
    }

    /** Authentication with {@code descriptor} (null: any) for {@code flags}, as the engine decides it. */
    static ChainError authenticate(Step step, PolicySet before, Judge judge, String descriptor, List<String> flags) {
        return Signed.error(judge.decide(before, Signed.transaction(step, null, flags, null, descriptor)), AUTH_ERRORS);
    }

    /** What FT4 refuses in a descriptor's own content (args and rules), or null. */
    static ChainError invalid(AuthDescriptor d) {
        if (d.signers().isEmpty()) return new ChainError("INVALID AUTH DESCRIPTOR", "descriptor `" + d.name() + "` has no signers");
        if (!d.multiSig() && d.signers().size() > 1) {
            return new ChainError("INVALID AUTH DESCRIPTOR", "single-sig descriptor `" + d.name() + "` has " + d.signers().size()
                    + " signers: give `signatures_required`");
        }
        if (d.multiSig() && (d.signaturesRequired() < 1 || d.signaturesRequired() > d.signers().size())) {
            return new ChainError("INVALID AUTH DESCRIPTOR", "descriptor `" + d.name() + "` requires " + d.signaturesRequired() + " of "
                    + d.signers().size() + " signatures: it must be between 1 and the number of signers");
        }
        if (d.rules() != null) {
            if (d.rules().comparisons().size() > MAX_RULES) {
                return new ChainError("TOO MANY RULES", "descriptor `" + d.name() + "` has " + d.rules().comparisons().size()
                        + " rules, more than " + MAX_RULES);
            }
            for (Ft4Rule.Comparison c : d.rules().comparisons()) {
                if (c.variable().equals("op_count") && !(c.op().equals("lt") && c.value() > 1 || c.op().equals("le") && c.value() > 0)) {
                    return new ChainError("INVALID RULE", "descriptor `" + d.name() + "`: op_count takes only `lt` above 1 or `le` above 0");
                }
            }
        }
        return null;
    }

    /**
     * FT4 refuses to add a descriptor whose rules have already expired: every comparison active
     * and one violated ({@code auth_descriptor_rule_validation.rell}). A variable the step's
     * context does not give cannot be judged, so it expires nothing; a new descriptor's op_count
     * is its first use, 1.
     */
    static boolean expired(AuthDescriptor d, io.quorate.transaction.Context c) {
        if (d.rules() == null) return false;
        boolean violated = false;
        for (Ft4Rule.Comparison r : d.rules().comparisons()) {
            Long now = r.variable().equals("op_count") ? Long.valueOf(1L) : r.current(c);
            if (now == null) return false;
            if (!r.isActive(now)) return false;
            violated |= !r.holds(now);
        }
        return violated;
    }

    /** add_auth_descriptor, or update_main_auth_descriptor when the descriptor is main. */
    private record AddDescriptor(Step step, AuthDescriptor descriptor, Set<KeyId> signed) implements Operation {

        @Override
        public ChainError authorize(PolicySet before, Judge judge) {
            Ft4Account a = account(before, step);
            ChainError e;
            if (descriptor.main()) {
                AuthDescriptor main = main(a);
                if (step.authDescriptor() != null && main != null && !step.authDescriptor().equals(main.name())) {
                    return new ChainError("MAIN AUTH DESCRIPTOR REQUIRED", "the main descriptor is replaced only with the current main one, `"
                            + main.name() + "`, not `" + step.authDescriptor() + "`");
                }
                e = authenticate(step, before, judge, main == null ? null : main.name(), List.of());
            } else {
                e = authenticate(step, before, judge, step.authDescriptor(), ACCOUNT_FLAG);
            }
            if (e != null) return e;
            for (KeyRef signer : descriptor.signers()) {
                if (!signed.contains(signer.id())) {
                    return new ChainError(MISSING_SIGNATURE, "every signer of a new descriptor signs: `" + signer.label() + "` did not");
                }
            }
            return null;
        }

        @Override
        public ChainError refusal(PolicySet before) {
            Ft4Account a = account(before, step);
            ChainError e = invalid(descriptor);
            if (e != null) return e;
            if (expired(descriptor, step.context())) {
                return new ChainError("EXPIRED AUTH DESCRIPTOR", "descriptor `" + descriptor.name() + "`'s rules can never hold again at this step's context");
            }
            if (descriptor.main()) {
                if (!descriptor.flags().containsAll(a.mandatoryFlags())) {
                    return new ChainError("MISSING MANDATORY FLAGS", "the main descriptor must carry " + a.mandatoryFlags() + ", `"
                            + descriptor.name() + "` has " + descriptor.flags());
                }
                if (descriptor.rules() != null) return new ChainError("RESTRICTED MAIN AUTH", "the main descriptor may have no rules");
            } else if (a.descriptors().size() >= a.maxDescriptors()) {
                return new ChainError("TOO MANY AUTH DESCRIPTORS", "the account already has " + a.descriptors().size() + " descriptors, the most it may");
            }
            AuthDescriptor same = named(a, descriptor.name());
            if (same != null && !(descriptor.main() && same.main())) {
                return new ChainError("DUPLICATE AUTH DESCRIPTOR", "the account already has a descriptor named `" + descriptor.name() + "`");
            }
            return null;
        }

        @Override
        public Account apply(PolicySet before) {
            Ft4Account a = account(before, step);
            List<AuthDescriptor> out = new ArrayList<>();
            for (AuthDescriptor d : a.descriptors()) if (!(descriptor.main() && d.main())) out.add(d);
            if (descriptor.main()) out.add(0, descriptor);
            else out.add(descriptor);
            return new Ft4Account(a.name(), a.maxDescriptors(), a.mandatoryFlags(), a.accountId(), out, a.requirements(), a.at());
        }

        @Override
        public List<String> touched() {
            return List.of(descriptor.name());
        }
    }

    /** delete_auth_descriptor, or delete_all_auth_descriptors_except_main when the name is null. */
    private record DeleteDescriptor(Step step, String name) implements Operation {

        @Override
        public ChainError authorize(PolicySet before, Judge judge) {
            Ft4Account a = account(before, step);
            AuthDescriptor main = main(a);
            if (name == null) {
                if (step.authDescriptor() != null && main != null && !step.authDescriptor().equals(main.name())) {
                    return new ChainError("MAIN AUTH DESCRIPTOR REQUIRED", "only the main descriptor `" + main.name() + "` may delete all others");
                }
                return authenticate(step, before, judge, main == null ? null : main.name(), ACCOUNT_FLAG);
            }
            String by = step.authDescriptor();
            if (by == null && named(a, name) != null && authenticate(step, before, judge, name, List.of()) == null) return null;
            if (name.equals(by)) return authenticate(step, before, judge, name, List.of());
            return authenticate(step, before, judge, by, ACCOUNT_FLAG);
        }

        @Override
        public ChainError refusal(PolicySet before) {
            Ft4Account a = account(before, step);
            if (name == null) return null;
            AuthDescriptor d = named(a, name);
            if (d == null) return new ChainError("AUTH DESCRIPTOR NOT FOUND", "the account has no descriptor `" + name + "`");
            if (d.main()) {
                return new ChainError("DELETE MAIN UNAUTHORIZED", "the main descriptor `" + name + "` cannot be deleted, only replaced");
            }
            return null;
        }

        @Override
        public Account apply(PolicySet before) {
            Ft4Account a = account(before, step);
            List<AuthDescriptor> out = a.descriptors().stream().filter(d -> name == null ? d.main() : !d.name().equals(name)).toList();
            return new Ft4Account(a.name(), a.maxDescriptors(), a.mandatoryFlags(), a.accountId(), out, a.requirements(), a.at());
        }

        @Override
        public List<String> touched() {
            return name == null ? List.of() : List.of(name);
        }
    }
}
