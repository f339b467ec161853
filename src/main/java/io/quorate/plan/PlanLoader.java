package io.quorate.plan;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.diag.SourceLocation;
import io.quorate.policy.Account;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.NamedKey;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Context;
import io.quorate.yaml.Expect;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.Suggest;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a change plan against the policy set it changes. Every problem is collected with its
 * file, line and column before giving up, so one run shows them all.
 */
public final class PlanLoader {

    static final String UNKNOWN_OP = "unknown-operation";
    static final String UNKNOWN_ACCOUNT = "unknown-account";
    static final String WRONG_CHAIN = "operation-of-another-chain";
    static final String SPLIT_DEPLOY = "split-deploy";
    static final String DUPLICATE_ID = "duplicate-step-id";

    private static final List<String> COMMON = PlanForm.COMMON.names();

    private PlanLoader() {
    }

    public static Plan load(Path file, PolicySet policy) throws InputException {
        try {
            return load(file.toString(), Files.readString(file, StandardCharsets.UTF_8), policy);
        } catch (IOException e) {
            throw new InputException(List.of(Diagnostic.error("unreadable-file", SourceLocation.ofFile(file.toString()),
                    "cannot read the plan: " + e.getMessage(), "check the path")));
        }
    }

    /** The {@code policy:} a plan names (relative to the plan's folder), or null when it names none. */
    public static Path policyOf(Path file) throws InputException {
        List<Diagnostic> problems = new ArrayList<>();
        YamlMapping root = root(file, problems);
        if (!problems.isEmpty()) throw new InputException(problems);
        if (root == null || root.get("policy") == null) return null;
        String text = new Expect(problems).string(root.get("policy"), "`policy`");
        if (text == null) throw new InputException(problems);
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(text) : parent.resolve(text).normalize();
    }

    private static YamlMapping root(Path file, List<Diagnostic> problems) {
        try {
            YamlNode node = YamlReader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), problems).orElse(null);
            return node instanceof YamlMapping m ? m : null;
        } catch (IOException e) {
            problems.add(Diagnostic.error("unreadable-file", SourceLocation.ofFile(file.toString()), "cannot read the plan: " + e.getMessage(), null));
            return null;
        }
    }

    public static Plan load(String file, String content, PolicySet policy) throws InputException {
        return load(file, content, policy, true);
    }

    /** {@code signed} false: the steps' signers are not known, and their authorization is not checked (a diff's steps). */
    static Plan load(String file, String content, PolicySet policy, boolean signed) throws InputException {
        List<Diagnostic> problems = new ArrayList<>();
        Expect x = new Expect(problems);
        YamlNode node = YamlReader.read(file, content, problems).orElse(null);
        if (node == null) {
            if (problems.isEmpty()) x.error(Expect.MISSING_FIELD, SourceLocation.ofFile(file), "the plan is empty", "write `quorate: 1` and `steps:`");
            throw new InputException(problems);
        }
        YamlMapping root = x.mapping(node, "plan");
        if (root == null) throw new InputException(problems);
        x.onlyFields(root, "plan", PlanForm.TOP);
        YamlNode version = x.required(root, PlanForm.TOP, "quorate", "plan");
        if (version != null) x.integer(version, "`quorate`", new IntRange(1, 1, "the format version"));
        return plan(x, file, root, policy, signed);
    }

    /**
     * A plan written inside another file (a policy test case): {@code account}, {@code keys} and
     * {@code steps} only, checked against {@code policy}; its expectation stays with the case.
     */
    public static Plan load(String file, YamlMapping inline, PolicySet policy) throws InputException {
        List<Diagnostic> problems = new ArrayList<>();
        Expect x = new Expect(problems);
        x.onlyFields(inline, "plan", List.of("keys", "account", "steps"));
        return plan(x, file, inline, policy, true);
    }

    private static Plan plan(Expect x, String file, YamlMapping root, PolicySet policy, boolean signed) throws InputException {
        List<Diagnostic> problems = x.diagnostics();
        List<NamedKey> planKeys = PolicyLoader.namedKeys(x, root.get("keys"), Expect.DUPLICATE_KEY);
        List<NamedKey> allKeys = new ArrayList<>(policy.keys());
        allKeys.addAll(planKeys);
        PolicySet start = new PolicySet(policy.accounts(), allKeys, policy.revision(), policy.suppressions());
        PlanKeys keys = new PlanKeys(KeyDirectory.of(start));
        // the policy it names is read by policyOf; here its type is checked, as the schema does, whoever gave the policy
        if (root.get("policy") != null) x.string(root.get("policy"), "`policy`");
        String defaultAccount = root.get("account") == null ? null : x.string(root.get("account"), "`account`");
        List<Operation> operations = new ArrayList<>();
        List<YamlNode> steps = x.list(x.required(root, PlanForm.TOP, "steps", "plan"), "`steps`");
        Set<String> ids = new HashSet<>();
        Set<String> closedDeploys = new HashSet<>();
        String openDeploy = null;
        for (int i = 0; i < steps.size(); i++) {
            Step step = step(x, steps.get(i), i + 1, defaultAccount, ids, signed);
            if (step == null) continue;
            if (step.deploy() != null && !step.deploy().equals(openDeploy) && closedDeploys.contains(step.deploy())) {
                x.error(SPLIT_DEPLOY, step.node().get("deploy").at(), "step " + step.label() + ": deploy `" + step.deploy()
                        + "` was interrupted by other steps", "keep the calls of one deploy together");
            }
            if (openDeploy != null && !openDeploy.equals(step.deploy())) closedDeploys.add(openDeploy);
            openDeploy = step.deploy();
            Operation op = operation(x, step, start, keys);
            if (op != null) operations.add(op);
        }
        PlanExpectation expected = expectation(x, root.get("expect"));
        if (!problems.isEmpty()) {
            problems.sort(Diagnostic.BY_LOCATION);
            throw new InputException(problems);
        }
        return new Plan(file, start, operations, expected);
    }

    private static Step step(Expect x, YamlNode node, int index, String defaultAccount, Set<String> ids, boolean signed) {
        String context = "step " + index;
        YamlMapping m = x.mapping(node, context);
        if (m == null) return null;
        String op = x.string(x.required(m, PlanForm.COMMON, "op", context), context + ": `op`");
        if (op == null) return null;
        ChainSteps chain = ChainStepsRegistry.forOp(op);
        if (chain == null) {
            String suggestion = Suggest.didYouMean(op, ChainStepsRegistry.ops());
            x.error(UNKNOWN_OP, m.get("op").at(), context + ": unknown operation `" + op + "`",
                    suggestion != null ? suggestion : "see the operations in docs/plans.md");
            return null;
        }
        String id = m.get("id") == null ? null : x.string(m.get("id"), context + ": `id`");
        if (id != null && !ids.add(id)) {
            x.error(DUPLICATE_ID, m.get("id").at(), context + ": step id `" + id + "` is used twice", "give every step its own id");
        }
        String account = m.get("account") == null ? defaultAccount : x.string(m.get("account"), context + ": `account`");
        if (account == null) {
            x.error(Expect.MISSING_FIELD, m.at(), context + ": missing field `account`", "give the step an `account:`, or the plan a default `account:`");
            return null;
        }
        List<String> signatures = signed ? x.strings(m.get("signatures"), context + ": `signatures`") : null;
        Context ctx = StepContexts.read(x, m.get("context"), context + ": `context`");
        String deploy = optional(x, m, "deploy", context);
        String authorization = m.get("authorization") == null ? null : authorization(x, m.get("authorization"), context + ": `authorization`");
        String descriptor = optional(x, m, "auth_descriptor", context);
        return new Step(index, id, op, account, signatures, ctx, deploy, authorization, descriptor, m);
    }

    /**
     * An EOS declared authorization: {@code account@permission}, {@code {actor, permission}}, or a
     * list of them, kept as {@code a@p,b@q} (native actions take exactly one; the chain's check says so).
     */
    private static String authorization(Expect x, YamlNode node, String context) {
        if (node instanceof io.quorate.yaml.YamlSequence seq) {
            List<String> all = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                String one = authorization(x, item, context);
                if (one == null) return null;
                all.add(one);
            }
            return all.isEmpty() ? null : String.join(",", all);
        }
        if (node instanceof YamlMapping m) {
            x.onlyFields(m, context, PlanForm.ACTOR_PERMISSION);
            String actor = x.string(x.required(m, PlanForm.ACTOR_PERMISSION, "actor", context), context + ": `actor`");
            String permission = x.string(x.required(m, PlanForm.ACTOR_PERMISSION, "permission", context), context + ": `permission`");
            return actor == null || permission == null ? null : actor + "@" + permission;
        }
        return x.string(node, context);
    }

    private static String optional(Expect x, YamlMapping m, String field, String context) {
        return m.get(field) == null ? null : x.string(m.get(field), context + ": `" + field + "`");
    }

    private static Operation operation(Expect x, Step step, PolicySet start, PlanKeys keys) {
        String context = "step " + step.label();
        Account account = start.account(step.account());
        YamlNode at = step.node().get("account") != null ? step.node().get("account") : step.node();
        if (account == null) {
            String suggestion = Suggest.didYouMean(step.account(), start.accounts().keySet());
            x.error(UNKNOWN_ACCOUNT, at.at(), context + ": no account `" + step.account() + "` in the policy",
                    suggestion != null ? suggestion : "plans change accounts the policy declares");
            return null;
        }
        ChainSteps chain = ChainStepsRegistry.forOp(step.op());
        if (chain.chain() != account.chain()) {
            x.error(WRONG_CHAIN, step.node().get("op").at(), context + ": `" + step.op() + "` is not an operation of "
                    + account.chain().id() + " account `" + account.name() + "`", "use one of " + String.join(", ", new java.util.TreeSet<>(
                    ChainStepsRegistry.of(account.chain()).ops())));
            return null;
        }
        List<String> allowed = new ArrayList<>(COMMON);
        allowed.addAll(ChainStepsRegistry.fields(step.op()));
        x.onlyFields(step.node(), context, allowed);
        return chain.read(step, account, keys, x);
    }

    private static PlanExpectation expectation(Expect x, YamlNode node) {
        if (node == null) return null;
        YamlMapping m = x.mapping(node, "`expect`");
        if (m == null) return null;
        x.onlyFields(m, "`expect`", PlanForm.EXPECTED);
        String verdict = optional(x, m, "verdict", "`expect`");
        if (verdict != null && !List.of("safe", "unsafe", "rejected").contains(verdict)) {
            x.error(Expect.INVALID_VALUE, m.get("verdict").at(), "`expect`: `verdict` is `" + verdict + "`", "write safe, unsafe or rejected");
        }
        return new PlanExpectation(verdict, optional(x, m, "step", "`expect`"), optional(x, m, "error", "`expect`"),
                optional(x, m, "finding", "`expect`"));
    }
}
