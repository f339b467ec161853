package io.quorate.plan;

import static io.quorate.yaml.Form.listOf;
import static io.quorate.yaml.Form.obj;
import static io.quorate.yaml.Form.optional;
import static io.quorate.yaml.Form.required;
import static io.quorate.yaml.Form.text;
import static io.quorate.yaml.Form.whole;

import io.quorate.policy.AccountWeight;
import io.quorate.policy.AuthorityReader;
import io.quorate.policy.PolicyForm;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.Validity;
import io.quorate.policy.WaitWeight;
import io.quorate.yaml.Expect;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an authority a step writes (`{threshold, keys, accounts, waits, parent, valid}`, as in
 * policies) into the policy model, in the form its chain gives ({@link Form}). Only the range of
 * each number is checked here: whether the chain accepts the authority is the chain's judgement,
 * reported as its error.
 */
public final class PlanAuthorities {

    /**
     * How one chain's steps write an authority: the fields it takes beyond threshold, keys and
     * accounts ({@code waits}, {@code parent}, {@code valid}), the range of a weight, the field an
     * account entry names its account in, and what an entry names after its {@code @}
     * ({@code refNoun}; null when entries name whole accounts).
     */
    public record Form(Chain chain, List<String> extraFields, IntRange weight, String refField, String refNoun) {

        public Form {
            extraFields = List.copyOf(extraFields);
        }

        /** The fields of an authority in this form: what {@link #read} accepts. */
        public io.quorate.yaml.Form.Obj fields() {
            List<io.quorate.yaml.Form.Field> f = new ArrayList<>();
            f.add(required("threshold", whole(IntRange.U32), "the weight the entries that sign must reach"));
            f.add(optional("keys", listOf(AuthorityReader.keyWeightForm(weight)), "keys and their weights"));
            io.quorate.yaml.Form.Text ref = refNoun == null ? text("an account name")
                    : text("`account@" + refNoun + "`");
            f.add(optional("accounts", listOf(obj("another account and its weight",
                    required(refField, ref, "the account"),
                    required("weight", whole(weight), "its weight"))), "other accounts and their weights"));
            if (extraFields.contains("waits")) {
                f.add(optional("waits", listOf(obj("a delay and its weight",
                        required("seconds", whole(IntRange.U32), "the delay in seconds"),
                        required("weight", whole(weight), "its weight"))), "delays and their weights"));
            }
            if (extraFields.contains("parent")) {
                f.add(optional("parent", text("an authority of the account"), "the authority above this one"));
            }
            if (extraFields.contains("valid")) {
                f.add(optional("valid", PolicyForm.VALIDITY, "when the authority counts"));
            }
            return obj(chain.id() + " authority", f);
        }
    }


    private PlanAuthorities() {
    }

    public static Authority read(Expect x, PlanKeys keys, Form form, YamlNode node, String name, String parent, String context) {
        YamlMapping m = x.mapping(node, context);
        if (m == null) return null;
        Chain chain = form.chain();
        io.quorate.yaml.Form.Obj fields = form.fields();
        x.onlyFields(m, context, fields);
        IntRange weight = form.weight();
        Long threshold = x.integer(x.required(m, fields, "threshold", context), context + ": `threshold`", IntRange.U32);
        boolean ok = threshold != null;
        List<KeyWeight> keyWeights = new ArrayList<>();
        for (YamlNode k : x.list(m.get("keys"), context + ": `keys`")) {
            YamlMapping km = x.mapping(k, context + ": key");
            if (km == null) { ok = false; continue; }
            x.onlyFields(km, context + ": key", List.of("key", "weight"));
            KeyRef ref = keys.resolve(x, chain, x.required(km, "key", context + ": key"), context + ": key");
            Integer w = x.integerInt(x.required(km, "weight", context + ": key"), context + ": key weight", weight);
            if (ref == null || w == null) { ok = false; continue; }
            keyWeights.add(new KeyWeight(ref, w, km.at()));
        }
        List<AccountWeight> accounts = new ArrayList<>();
        String refField = form.refField();
        for (YamlNode a : x.list(m.get("accounts"), context + ": `accounts`")) {
            YamlMapping am = x.mapping(a, context + ": account");
            if (am == null) { ok = false; continue; }
            x.onlyFields(am, context + ": account", List.of(refField, "weight"));
            String ref = x.string(x.required(am, refField, context + ": account"), context + ": `" + refField + "`");
            Integer w = x.integerInt(x.required(am, "weight", context + ": account"), context + ": account weight", weight);
            if (ref == null || w == null) { ok = false; continue; }
            int at = ref.indexOf('@');
            if (form.refNoun() == null || at < 0) {
                if (form.refNoun() != null) {
                    x.error(Expect.INVALID_VALUE, am.get(refField).at(), context + ": `" + ref + "` names no " + form.refNoun(),
                            "write `account@" + form.refNoun() + "`");
                    ok = false;
                    continue;
                }
                accounts.add(new AccountWeight(ref, null, w, am.at()));
            } else {
                accounts.add(new AccountWeight(ref.substring(0, at), ref.substring(at + 1), w, am.at()));
            }
        }
        List<WaitWeight> waits = new ArrayList<>();
        for (YamlNode wn : x.list(m.get("waits"), context + ": `waits`")) {
            YamlMapping wm = x.mapping(wn, context + ": wait");
            if (wm == null) { ok = false; continue; }
            x.onlyFields(wm, context + ": wait", List.of("seconds", "weight"));
            Long s = x.integer(x.required(wm, "seconds", context + ": wait"), context + ": wait seconds", IntRange.U32);
            Integer w = x.integerInt(x.required(wm, "weight", context + ": wait"), context + ": wait weight", weight);
            if (s == null || w == null) { ok = false; continue; }
            waits.add(new WaitWeight(s, w, wm.at()));
        }
        String declaredParent = parent;
        if (m.get("parent") != null) declaredParent = x.string(m.get("parent"), context + ": `parent`");
        Validity valid = null;
        if (m.get("valid") != null) {
            YamlMapping vm = x.mapping(m.get("valid"), context + ": `valid`");
            if (vm != null) {
                x.onlyFields(vm, context + ": `valid`", PolicyForm.VALIDITY);
                valid = new Validity(vm.get("from") == null ? null : x.instant(vm.get("from"), context + ": `from`"),
                        vm.get("until") == null ? null : x.instant(vm.get("until"), context + ": `until`"));
            }
        }
        if (!ok) return null;
        return new Authority(name, threshold, keyWeights, accounts, waits, declaredParent, valid, m.at());
    }
}
