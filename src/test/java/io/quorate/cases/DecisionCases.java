package io.quorate.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quorate.engine.Authorizer;
import io.quorate.engine.Decision;
import io.quorate.engine.Reason;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The decision cases every test suite shares: {@code src/test/resources/cases/<chain>/*.yaml}, each a
 * policy and a list of transactions with the decision expected for them. Only the fields an
 * expectation gives are checked.
 */
public final class DecisionCases {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DecisionCases() {
    }

    /** One transaction of a case file with what it must decide. */
    public record Case(String file, String name, PolicySet policy, Transaction transaction, JsonNode expect) {
        public String displayName() {
            return file + ": " + name;
        }
    }

    /** Every case of every file, in file then declaration order. */
    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (Path file : files()) {
            cases.addAll(load(file));
        }
        return cases;
    }

    /** One dynamic test per case, named by file and case, running {@code check} with the authorizer built for its policy. */
    public static Stream<DynamicTest> tests(Function<PolicySet, Authorizer> authorizerFor) {
        return all().stream().map(c -> DynamicTest.dynamicTest(c.displayName(),
                () -> check(authorizerFor.apply(c.policy()), c)));
    }

    static List<Path> files() {
        try {
            URL root = DecisionCases.class.getClassLoader().getResource("cases");
            if (root == null) throw new IllegalStateException("no `cases` directory on the test class path");
            try (Stream<Path> walk = Files.walk(Paths.get(root.toURI()))) {
                return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the decision cases", e);
        }
    }

    static List<Case> load(Path file) {
        String label = file.getParent().getFileName() + "/" + file.getFileName();
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode doc = YAML.readTree(in);
            PolicySet policy = PolicyLoader.load(label, YAML.writeValueAsString(doc.get("policy")));
            List<Case> out = new ArrayList<>();
            for (JsonNode c : doc.get("cases")) {
                String name = c.get("name").asText();
                List<Transaction> txs = TransactionLoader.load(label + ": " + name,
                        YAML.writeValueAsString(c.get("transaction")));
                if (txs.size() != 1) throw new IllegalStateException("case `" + name + "` must hold one transaction");
                Transaction tx = txs.get(0);
                out.add(new Case(label, name, policy, tx, c.get("expect")));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("case file " + label + " does not load: " + e.getMessage(), e);
        }
    }

    /** Asserts every field the case's expectation gives. */
    public static void check(Authorizer authorizer, Case c) {
        Decision d = authorizer.authorize(c.transaction());
        JsonNode e = c.expect();
        String where = c.displayName() + ": ";
        if (e == null) return;
        if (e.has("decision")) assertEquals(e.get("decision").asText(), d.decision().label(), where + "decision " + d);
        if (e.has("reasons")) {
            assertEquals(strings(e.get("reasons")), d.reasons().stream().map(Reason::code).toList(),
                    where + "reasons " + d.reasons());
        }
        if (e.has("used_keys")) assertEquals(strings(e.get("used_keys")), d.usedKeys(), where + "used_keys");
        if (e.has("unused_keys")) assertEquals(strings(e.get("unused_keys")), d.unusedKeys(), where + "unused_keys");
        if (e.has("missing")) {
            List<List<String>> missing = new ArrayList<>();
            for (JsonNode set : e.get("missing")) missing.add(strings(set));
            assertEquals(missing, d.missing(), where + "missing");
        }
        if (e.has("required")) assertEquals(text(e.get("required")), d.required(), where + "required");
        if (e.has("satisfied_by")) assertEquals(text(e.get("satisfied_by")), d.satisfiedBy(), where + "satisfied_by");
        if (e.has("weight")) assertEquals(e.get("weight").asLong(), d.weight(), where + "weight");
        if (e.has("threshold")) assertEquals(e.get("threshold").asLong(), d.threshold(), where + "threshold");
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) out.add(n.asText());
        return out;
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.asText();
    }
}
