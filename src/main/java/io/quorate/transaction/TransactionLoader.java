package io.quorate.transaction;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.diag.SourceLocation;
import io.quorate.yaml.Expect;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlReader;
import io.quorate.yaml.YamlScalar;
import io.quorate.yaml.YamlSequence;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads candidate transactions from YAML (or JSON): one transaction, a list of them, or
 * {@code {transactions: [...]}}. Signatures stay as written (key names or public keys); they are
 * resolved against a policy later. Every problem is reported at once, as one {@link InputException}.
 */
public final class TransactionLoader {

    static final String UNSUPPORTED_FIELD = "unsupported-field";
    static final String CONFLICTING_FIELDS = "conflicting-fields";
    static final String INVALID_VALUE = Expect.INVALID_VALUE;
    static final String DUPLICATE_ID = "duplicate-id";
    static final String MISSING_FILE = "missing-file";
    static final String READ_ERROR = "read-error";

    private static final List<String> FIELDS = List.of("id", "account", "action", "authorization", "auth_descriptor",
            "signatures", "approvals", "context", "actions", "expect",
            "digest", "hive_transaction", "casper_deploy");
    private static final List<String> NOT_YET = List.of("digest", "hive_transaction", "casper_deploy");
    private static final String NOT_YET_MESSAGE = "signature verification is not supported yet: list the keys that signed";
    private static final String NOT_YET_HELP = "write `signatures: [alice, bob]` with the key names or public keys that signed";
    private static final List<String> ACTION_FIELDS = List.of("account", "action", "authorization");
    private static final List<String> CONTEXT_FIELDS = List.of("time", "block_height", "block_time", "op_count", "delay_sec");
    private static final IntRange DELAY = IntRange.U32.as("delays are u32 seconds");

    private TransactionLoader() {
    }

    public static List<Transaction> load(Path path) throws InputException {
        String name = path.toString();
        try {
            return load(name, Files.readString(path, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw failure(READ_ERROR, name, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw failure(Files.exists(path) ? READ_ERROR : MISSING_FILE, name,
                    Files.exists(path) ? "the file cannot be read" : "no such file");
        }
    }

    /** The transactions in {@code content}; {@code fileName} names the file in locations and default ids. */
    public static List<Transaction> load(String fileName, String content) throws InputException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Expect x = new Expect(diagnostics);
        List<Transaction> out = new ArrayList<>();
        Optional<YamlNode> parsed = YamlReader.read(fileName, content, diagnostics);
        if (parsed.isPresent()) {
            List<YamlNode> items = items(x, parsed.get());
            Map<String, SourceLocation> ids = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Transaction t = transaction(x, items.get(i), fileName + "#" + (i + 1));
                if (t == null) continue;
                SourceLocation first = ids.putIfAbsent(t.id(), t.at());
                if (first != null) {
                    x.error(DUPLICATE_ID, t.at(), "transaction `" + t.id() + "`: the id is already used at line " + first.line(),
                            "give each transaction its own `id`");
                }
                out.add(t);
            }
        }
        if (!diagnostics.isEmpty()) throw new InputException(diagnostics);
        return out;
    }

    private static InputException failure(String code, String file, String message) {
        return new InputException(List.of(Diagnostic.error(code, SourceLocation.ofFile(file), message, null)));
    }

    private static List<YamlNode> items(Expect x, YamlNode root) {
        if (root instanceof YamlSequence seq) return seq.items();
        if (root instanceof YamlMapping m && m.has("transactions")) {
            x.mapping(m, "transaction file");
            x.onlyFields(m, "transaction file", List.of("transactions"));
            return x.list(m.get("transactions"), "`transactions`");
        }
        if (root instanceof YamlScalar s && s.isNull()) {
            x.error(Expect.MISSING_FIELD, root.at(), "the transaction file is empty", "write a transaction: `account`, `action`, `signatures`");
            return List.of();
        }
        return List.of(root);
    }

    private static Transaction transaction(Expect x, YamlNode node, String defaultId) {
        YamlMapping m = x.mapping(node, "transaction `" + defaultId + "`");
        if (m == null) return null;
        String id = m.value("id") == null ? defaultId : x.string(m.get("id"), "transaction `" + defaultId + "`: `id`");
        if (id == null) id = defaultId;
        String c = "transaction `" + id + "`";
        x.onlyFields(m, c, FIELDS);
        for (String field : NOT_YET) {
            YamlMapping.Entry e = m.entry(field);
            if (e != null) x.error(UNSUPPORTED_FIELD, e.keyAt(), c + ": `" + field + "`: " + NOT_YET_MESSAGE, NOT_YET_HELP);
        }
        List<ActionRequest> actions = actions(x, m, c);
        List<String> signatures = signatures(x, m.get("signatures"), c);
        List<String> approvals = approvals(x, m.get("approvals"), c);
        String descriptor = m.value("auth_descriptor") == null ? null : x.string(m.get("auth_descriptor"), c + ": `auth_descriptor`");
        Context context = m.value("context") == null ? Context.EMPTY : context(x, m.get("context"), c);
        Expectation expected = m.value("expect") == null ? null : expectation(x, m.get("expect"), c);
        return new Transaction(id, actions, signatures, approvals, descriptor, context, expected, m.at());
    }

    private static List<ActionRequest> actions(Expect x, YamlMapping m, String c) {
        List<ActionRequest> out = new ArrayList<>();
        if (m.has("actions")) {
            for (String single : ACTION_FIELDS) {
                YamlMapping.Entry e = m.entry(single);
                if (e != null) {
                    x.error(CONFLICTING_FIELDS, e.keyAt(), c + ": `" + single + "` next to `actions`",
                            "put `" + single + "` inside each entry of `actions`");
                }
            }
            List<YamlNode> items = x.list(m.get("actions"), c + ": `actions`");
            if (items.isEmpty() && m.get("actions") instanceof YamlSequence) {
                x.error(Expect.MISSING_FIELD, m.get("actions").at(), c + ": `actions` is empty", "list at least one action");
            }
            for (int i = 0; i < items.size(); i++) {
                String ac = c + ": action " + (i + 1);
                YamlMapping a = x.mapping(items.get(i), ac);
                if (a == null) continue;
                x.onlyFields(a, ac, ACTION_FIELDS);
                ActionRequest r = action(x, a, a.at(), ac);
                if (r != null) out.add(r);
            }
            return out;
        }
        YamlMapping.Entry actionEntry = m.entry("action");
        ActionRequest r = action(x, m, actionEntry == null ? m.at() : actionEntry.keyAt(), c);
        if (r != null) out.add(r);
        return out;
    }

    private static ActionRequest action(Expect x, YamlMapping m, SourceLocation at, String c) {
        YamlNode accountNode = x.required(m, "account", c);
        String account = accountNode == null ? null : x.string(accountNode, c + ": `account`");
        YamlNode actionNode = x.required(m, "action", c);
        String action = null;
        List<String> flags = null;
        if (actionNode instanceof YamlMapping am) {
            String fc = c + ": `action`";
            x.mapping(am, fc);
            x.onlyFields(am, fc, List.of("flags"));
            YamlNode f = x.required(am, "flags", fc);
            flags = f == null ? null : x.strings(f, fc + ": `flags`");
        } else if (actionNode != null) {
            action = x.string(actionNode, c + ": `action`");
        }
        String authorization = m.value("authorization") == null ? null : x.string(m.get("authorization"), c + ": `authorization`");
        if (account == null || action == null && flags == null) return null;
        return new ActionRequest(account, action, flags, authorization, at);
    }

    private static List<String> signatures(Expect x, YamlNode node, String c) {
        List<String> out = new ArrayList<>();
        List<YamlNode> items = x.list(node, c + ": `signatures`");
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String sc = c + ": signature " + (i + 1);
            if (item instanceof YamlMapping) {
                x.error(UNSUPPORTED_FIELD, item.at(), sc + ": " + NOT_YET_MESSAGE, NOT_YET_HELP);
                continue;
            }
            String s = x.string(item, sc);
            if (s == null) continue;
            if (s.startsWith("SIG_")) {
                x.error(UNSUPPORTED_FIELD, item.at(), sc + ": `" + abbreviate(s) + "` is a signature: " + NOT_YET_MESSAGE, NOT_YET_HELP);
                continue;
            }
            out.add(s);
        }
        return out;
    }

    private static List<String> approvals(Expect x, YamlNode node, String c) {
        List<String> out = new ArrayList<>();
        List<YamlNode> items = x.list(node, c + ": `approvals`");
        for (int i = 0; i < items.size(); i++) {
            String s = x.string(items.get(i), c + ": approval " + (i + 1));
            if (s == null) continue;
            int at = s.indexOf('@');
            if (at <= 0 || at == s.length() - 1 || s.indexOf('@', at + 1) >= 0) {
                x.error(INVALID_VALUE, items.get(i).at(), c + ": approval `" + s + "` is not of the form `actor@permission`",
                        "for example `partner11111@active`");
                continue;
            }
            out.add(s);
        }
        return out;
    }

    private static Context context(Expect x, YamlNode node, String c) {
        String cc = c + ": `context`";
        YamlMapping m = x.mapping(node, cc);
        if (m == null) return Context.EMPTY;
        x.onlyFields(m, cc, CONTEXT_FIELDS);
        Instant time = m.value("time") == null ? null : x.instant(m.get("time"), cc + ": `time`");
        Long blockHeight = number(x, m, "block_height", cc, IntRange.NON_NEGATIVE);
        Long blockTime = number(x, m, "block_time", cc, IntRange.NON_NEGATIVE);
        Long opCount = number(x, m, "op_count", cc, IntRange.NON_NEGATIVE);
        Long delay = number(x, m, "delay_sec", cc, DELAY);
        return new Context(time, blockHeight, blockTime, opCount, delay == null ? 0 : delay);
    }

    private static Long number(Expect x, YamlMapping m, String field, String c, IntRange range) {
        return m.value(field) == null ? null : x.integer(m.get(field), c + ": `" + field + "`", range);
    }

    private static Expectation expectation(Expect x, YamlNode node, String c) {
        String ec = c + ": `expect`";
        if (node instanceof YamlMapping m) {
            x.mapping(m, ec);
            x.onlyFields(m, ec, List.of("decision", "reasons"));
            YamlNode d = x.required(m, "decision", ec);
            String decision = d == null ? null : decision(x, d, ec + ": `decision`");
            List<String> reasons = x.strings(m.get("reasons"), ec + ": `reasons`");
            return decision == null ? null : new Expectation(decision, reasons);
        }
        String decision = decision(x, node, ec);
        return decision == null ? null : new Expectation(decision, List.of());
    }

    private static String decision(Expect x, YamlNode node, String c) {
        String text = x.string(node, c);
        if (text == null) return null;
        if (!text.equals("allow") && !text.equals("deny")) {
            x.error(INVALID_VALUE, node.at(), c + ": `" + text + "` is not a decision", "write `allow` or `deny`");
            return null;
        }
        return text;
    }

    private static String abbreviate(String s) {
        return s.length() <= 16 ? s : s.substring(0, 12) + "…";
    }
}
