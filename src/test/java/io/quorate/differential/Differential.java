package io.quorate.differential;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.engine.Reason;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ReferenceEvaluator;
import io.quorate.report.DecisionJson;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads a generated case, decides every transaction with the compiled engine and with the
 * reference evaluator, and compares the two decisions field by field.
 */
final class Differential {

    /** One transaction whose two decisions differ. */
    record Mismatch(PolicyCase policyCase, int index, Decision engine, Decision reference, List<String> fields) {

        String report() {
            return "the engine and the reference decide differently on " + String.join(", ", fields) + "\n"
                    + "--- policy.yaml\n" + policyCase.policyYaml()
                    + "--- transaction.yaml\n" + policyCase.transactionYaml().get(index)
                    + "--- engine\n" + DecisionJson.line(engine) + "\n"
                    + "--- reference\n" + DecisionJson.line(reference) + "\n";
        }
    }

    /** The fields compared, by their names in the decision format. */
    private static final Map<String, Function<Decision, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("decision", Decision::decision);
        FIELDS.put("reasons", d -> d.reasons().stream().map(Reason::code).toList());
        FIELDS.put("used_keys", Decision::usedKeys);
        FIELDS.put("unused_keys", Decision::unusedKeys);
        FIELDS.put("missing", Decision::missing);
        FIELDS.put("required", Decision::required);
        FIELDS.put("satisfied_by", Decision::satisfiedBy);
        FIELDS.put("weight", Decision::weight);
        FIELDS.put("threshold", Decision::threshold);
        FIELDS.put("account", Decision::account);
        FIELDS.put("action", Decision::action);
    }

    private static final Map<String, PreparedPolicy> COMPILED = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedPolicy> eldest) {
            return size() > 4;
        }
    };

    private Differential() {
    }

    static PolicySet load(PolicyCase c) {
        try {
            return PolicyLoader.load("policy.yaml", c.policyYaml());
        } catch (InputException e) {
            throw new AssertionError("generator bug: the generated policy does not load:\n" + render(e) + "\n" + c.policyYaml());
        }
    }

    static List<Transaction> transactions(PolicyCase c) {
        try {
            return TransactionLoader.load("transactions.yaml", c.transactionsFile());
        } catch (InputException e) {
            throw new AssertionError("generator bug: the generated transactions do not load:\n" + render(e) + "\n"
                    + c.transactionsFile());
        }
    }

    private static String render(InputException e) {
        return e.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
    }

    /** Shrinking revisits the same policy with fewer transactions: compile each policy text once. */
    static synchronized PreparedPolicy engine(String yaml, PolicySet policy) {
        return COMPILED.computeIfAbsent(yaml, y -> Quorate.prepare(policy));
    }

    /** Every transaction of the case whose decisions differ (empty when they all agree). */
    static List<Mismatch> compare(PolicyCase c) {
        PolicySet policy = load(c);
        List<Transaction> txs = transactions(c);
        PreparedPolicy engine = engine(c.policyYaml(), policy);
        ReferenceEvaluator reference = new ReferenceEvaluator(policy);
        List<Mismatch> out = new ArrayList<>();
        for (int i = 0; i < txs.size(); i++) {
            Decision e = engine.authorize(txs.get(i));
            Decision r = reference.authorize(txs.get(i));
            List<String> fields = differences(e, r);
            if (!fields.isEmpty()) out.add(new Mismatch(c, i, e, r, fields));
        }
        return out;
    }

    static List<String> differences(Decision engine, Decision reference) {
        List<String> out = new ArrayList<>();
        FIELDS.forEach((name, get) -> {
            if (!Objects.equals(get.apply(engine), get.apply(reference))) out.add(name);
        });
        return out;
    }
}
