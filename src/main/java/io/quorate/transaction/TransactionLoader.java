package io.quorate.transaction;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.diag.SourceLocation;
import io.quorate.signatures.Evidence;
import io.quorate.signatures.NativeTransaction;
import io.quorate.signatures.SignatureEntry;
import io.quorate.yaml.Expect;
import io.quorate.yaml.InputLimits;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loads candidate transactions from YAML (or JSON): one transaction, a list of them, or
 * {@code {transactions: [...]}}. Signatures stay as written (key names or public keys); they are
 * resolved against a policy later. A transaction may instead carry real signatures: a
 * {@code digest} with signatures in the chain's format, or the chain's own signed transaction
 * ({@code hive_transaction}, {@code casper_deploy}), whose digest is computed here and verified
 * when a policy decides. Every problem is reported at once, as one {@link InputException}.
 */
public final class TransactionLoader {

    static final String UNSUPPORTED_FIELD = "unsupported-field";
    static final String CONFLICTING_FIELDS = "conflicting-fields";
    static final String INVALID_VALUE = Expect.INVALID_VALUE;
    static final String DUPLICATE_ID = "duplicate-id";
    static final String MISSING_FILE = "missing-file";
    static final String READ_ERROR = "read-error";
    static final String TOO_MANY_SIGNATURES = "too-many-signatures";

    /**
     * Signatures (or approvals) one transaction may carry. Every chain allows far fewer: Casper
     * at most 100 approvals per deploy, Hive's 64 KiB transaction limit fits under 1,000 signatures
     * of 65 bytes, and each EOS signature is checked against the transaction's CPU limit. The bound
     * keeps a file from asking for millions of signature recoveries.
     */
    public static final int MAX_SIGNATURES = 1000;

    private static final List<String> NATIVE = NativeTransaction.all().values().stream().map(NativeTransaction::field).toList();
    private static final String NEEDS_DIGEST_HELP =
            "add `digest: <hex of what was signed>`, or list the key names or public keys that signed";
    private static final List<String> ACTION_FIELDS = TransactionForm.ACTION.names();

    private TransactionLoader() {
    }

    private static NativeTransaction nativeOf(String field) {
        return NativeTransaction.all().values().stream().filter(n -> n.field().equals(field)).findFirst().orElseThrow();
    }

    public static List<Transaction> load(Path path) throws InputException {
        String name = path.toString();
        try {
            Diagnostic oversize = InputLimits.current().oversize(path, name);
            if (oversize != null) throw new InputException(List.of(oversize));
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
            x.onlyFields(m, "transaction file", TransactionForm.file(TransactionForm.transaction()));
            return x.list(m.get("transactions"), "`transactions`");
        }
        if (root instanceof YamlScalar s && s.isNull()) {
            x.error(Expect.MISSING_FIELD, root.at(), "the transaction file is empty", "write a transaction: `account`, `action`, `signatures`");
            return List.of();
        }
        return List.of(root);
    }

    /**
     * One transaction read from a node of another file (a policy test case builds it from a
     * template and a table row), its problems added to {@code x}; null when it cannot be read.
     */
    public static Transaction read(Expect x, YamlNode node, String defaultId) {
        return transaction(x, node, defaultId);
    }

    private static Transaction transaction(Expect x, YamlNode node, String defaultId) {
        YamlMapping m = x.mapping(node, "transaction `" + defaultId + "`");
        if (m == null) return null;
        String id = m.value("id") == null ? defaultId : x.string(m.get("id"), "transaction `" + defaultId + "`: `id`");
        if (id == null) id = defaultId;
        String c = "transaction `" + id + "`";
        x.onlyFields(m, c, TransactionForm.transaction());
        Evidence evidence = null;
        List<ActionRequest> actions;
        List<String> signatures = List.of();
        String nativeField = NATIVE.stream().filter(m::has).findFirst().orElse(null);
        if (nativeField != null) {
            List<String> others = new ArrayList<>(List.of("digest", "signatures"));
            others.addAll(NATIVE);
            for (String other : others) {
                YamlMapping.Entry e = m.entry(other);
                if (e != null && !other.equals(nativeField)) {
                    x.error(CONFLICTING_FIELDS, e.keyAt(), c + ": `" + other + "` next to `" + nativeField + "`",
                            "the signatures and digest come from `" + nativeField + "` itself");
                }
            }
            YamlMapping.Entry data = m.entry("data");
            if (data != null && !m.has("actions")) {
                x.error(CONFLICTING_FIELDS, data.keyAt(), c + ": `data` next to `" + nativeField + "`",
                        "what the action does is read from `" + nativeField + "` itself");
            }
            Native n = nativeTransaction(x, m, nativeField, c);
            evidence = n == null ? null : n.evidence;
            actions = n == null ? List.of() : nativeActions(x, m, n.actions, c);
        } else {
            for (NativeTransaction n : NativeTransaction.all().values()) {
                for (String companion : n.companionFields()) {
                    YamlMapping.Entry e = m.entry(companion);
                    if (e != null) x.error(UNSUPPORTED_FIELD, e.keyAt(), c + ": `" + companion + "` belongs to a `" + n.field() + "`", null);
                }
            }
            actions = actions(x, m, c);
            if (m.has("digest")) {
                byte[] digest = digest(x, m.get("digest"), c + ": `digest`");
                List<SignatureEntry> entries = signatureEntries(x, m.get("signatures"), c);
                if (digest != null) evidence = new Evidence(digest, entries, "digest");
            } else {
                signatures = signatures(x, m.get("signatures"), c);
            }
        }
        List<String> approvals = approvals(x, m.get("approvals"), c);
        List<String> approvedBy = bounded(x, x.list(m.get("approved_by"), c + ": `approved_by`"), m.get("approved_by"), c + ": `approved_by`")
                .stream().map(n -> x.string(n, c + ": `approved_by`")).filter(java.util.Objects::nonNull).toList();
        String descriptor = m.value("auth_descriptor") == null ? null : x.string(m.get("auth_descriptor"), c + ": `auth_descriptor`");
        Context context = m.value("context") == null ? Context.EMPTY : context(x, m.get("context"), c);
        Expectation expected = m.value("expect") == null ? null : expectation(x, m.get("expect"), c);
        return new Transaction(id, actions, signatures, approvals, descriptor, context, expected, m.at(), evidence, approvedBy);
    }

    /** What a native transaction gives: its digest and signatures, and the account and action of each operation. */
    private record Native(Evidence evidence, List<ActionRequest> actions) {
    }

    private static Native nativeTransaction(Expect x, YamlMapping m, String field, String c) {
        String nc = c + ": `" + field + "`";
        YamlNode node = m.get(field);
        if (x.mapping(node, nc) == null) return null;
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) plain(node);
        SourceLocation at = m.entry(field).keyAt();
        NativeTransaction kind = nativeOf(field);
        Map<String, String> companions = new java.util.HashMap<>();
        for (String companion : kind.companionFields()) {
            if (m.value(companion) == null) continue;
            String value = x.string(m.get(companion), c + ": `" + companion + "`");
            if (value == null) return null;
            companions.put(companion, value);
        }
        try {
            NativeTransaction.Parsed parsed = kind.parse(tree, companions);
            if (parsed.signatures().size() > MAX_SIGNATURES) {
                tooMany(x, node, nc + ": `" + (field.equals("casper_deploy") ? "approvals" : "signatures") + "`", parsed.signatures().size());
                return null;
            }
            List<ActionRequest> actions = new ArrayList<>();
            for (int i = 0; i < parsed.operations().size(); i++) {
                NativeTransaction.Operation o = parsed.operations().get(i);
                ActionData data = DataReader.of(x, o.data(), at, nc + ": operation " + (i + 1));
                actions.add(new ActionRequest(o.account(), o.action(), null, null, at, data));
            }
            return new Native(new Evidence(parsed.digest(), parsed.signatures(), field), actions);
        } catch (IllegalArgumentException e) {
            x.error(INVALID_VALUE, node.at(), nc + ": " + e.getMessage(), kind.help());
            return null;
        }
    }

    /** The native transaction's actions, with `account` and `action` replacing the derived ones where given. */
    private static List<ActionRequest> nativeActions(Expect x, YamlMapping m, List<ActionRequest> derived, String c) {
        if (m.has("actions")) return actions(x, m, c);
        String account = m.value("account") == null ? null : x.string(m.get("account"), c + ": `account`");
        String action = m.value("action") == null ? null : x.string(m.get("action"), c + ": `action`");
        String authorization = m.value("authorization") == null ? null : x.string(m.get("authorization"), c + ": `authorization`");
        List<ActionRequest> out = new ArrayList<>();
        for (ActionRequest a : derived) {
            ActionRequest r = new ActionRequest(account == null ? a.account() : account, action == null ? a.action() : action,
                    null, authorization, a.at(), a.data());
            if (!out.contains(r)) out.add(r);
        }
        if (out.isEmpty()) {
            x.error(Expect.MISSING_FIELD, m.at(), c + ": the transaction has no operation to authorize", "give `account` and `action`");
        }
        return out;
    }

    private static byte[] digest(Expect x, YamlNode node, String c) {
        String text = x.string(node, c);
        if (text == null) return null;
        String hex = text.startsWith("0x") ? text.substring(2) : text;
        try {
            byte[] digest = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
            if (digest.length == Evidence.DIGEST_LENGTH) return digest;
        } catch (IllegalArgumentException e) {
            // reported below
        }
        x.error(INVALID_VALUE, node.at(), c + ": `" + abbreviate(text) + "` is not a 32-byte digest in hex",
                "a digest is 64 hex characters: the SHA-256 the signers signed");
        return null;
    }

    private static List<SignatureEntry> signatureEntries(Expect x, YamlNode node, String c) {
        List<SignatureEntry> out = new ArrayList<>();
        List<YamlNode> items = bounded(x, x.list(node, c + ": `signatures`"), node, c + ": `signatures`");
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String sc = c + ": signature " + (i + 1);
            if (item instanceof YamlMapping sm) {
                x.onlyFields(sm, sc, TransactionForm.SIGNATURE);
                YamlNode signer = x.required(sm, TransactionForm.SIGNATURE, "signer", sc);
                YamlNode signature = x.required(sm, TransactionForm.SIGNATURE, "signature", sc);
                String signerText = signer == null ? null : x.string(signer, sc + ": `signer`");
                String signatureText = signature == null ? null : x.string(signature, sc + ": `signature`");
                if (signerText != null && signatureText != null) out.add(new SignatureEntry(signerText, signatureText));
                continue;
            }
            String s = x.string(item, sc);
            if (s != null) out.add(SignatureEntry.of(s));
        }
        return out;
    }

    /** A YAML node as a plain tree (maps, lists, scalar text, null), the shape the native serializers read. */
    private static Object plain(YamlNode node) {
        if (node instanceof YamlMapping m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (YamlMapping.Entry e : m.entries()) out.put(e.key(), plain(e.value()));
            return out;
        }
        if (node instanceof YamlSequence s) {
            List<Object> out = new ArrayList<>();
            for (YamlNode item : s.items()) out.add(plain(item));
            return out;
        }
        YamlScalar scalar = (YamlScalar) node;
        return scalar.isNull() ? null : scalar.text();
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
                x.onlyFields(a, ac, TransactionForm.ACTION);
                out.addAll(action(x, a, a.at(), ac));
            }
            return out;
        }
        YamlMapping.Entry actionEntry = m.entry("action");
        out.addAll(action(x, m, actionEntry == null ? m.at() : actionEntry.keyAt(), c));
        return out;
    }

    /**
     * One action, or one per declared permission when {@code authorization} lists several (an EOS
     * action may declare more than one; each must be satisfied).
     */
    private static List<ActionRequest> action(Expect x, YamlMapping m, SourceLocation at, String c) {
        YamlNode accountNode = x.required(m, "account", c);
        String account = accountNode == null ? null : x.string(accountNode, c + ": `account`");
        YamlNode actionNode = x.required(m, "action", c);
        String action = null;
        List<String> flags = null;
        if (actionNode instanceof YamlMapping am) {
            String fc = c + ": `action`";
            x.mapping(am, fc);
            x.onlyFields(am, fc, TransactionForm.FLAGS);
            YamlNode f = x.required(am, TransactionForm.FLAGS, "flags", fc);
            flags = f == null ? null : x.strings(f, fc + ": `flags`");
        } else if (actionNode != null) {
            action = x.string(actionNode, c + ": `action`");
        }
        YamlNode auth = m.value("authorization");
        List<String> authorizations = auth == null ? java.util.Collections.singletonList(null)
                : auth instanceof YamlSequence ? x.strings(auth, c + ": `authorization`")
                : List.of(java.util.Objects.requireNonNullElse(x.string(auth, c + ": `authorization`"), ""));
        ActionData data = m.value("data") == null ? null : DataReader.read(x, m.get("data"), c);
        if (account == null || action == null && flags == null) return List.of();
        List<ActionRequest> out = new ArrayList<>();
        for (String authorization : authorizations) out.add(new ActionRequest(account, action, flags, authorization, at, data));
        return out;
    }

    private static List<String> signatures(Expect x, YamlNode node, String c) {
        List<String> out = new ArrayList<>();
        List<YamlNode> items = bounded(x, x.list(node, c + ": `signatures`"), node, c + ": `signatures`");
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String sc = c + ": signature " + (i + 1);
            if (item instanceof YamlMapping) {
                x.error(Expect.MISSING_FIELD, item.at(), sc + ": a signature needs the `digest` it signs", NEEDS_DIGEST_HELP);
                continue;
            }
            String s = x.string(item, sc);
            if (s == null) continue;
            if (s.startsWith("SIG_")) {
                x.error(Expect.MISSING_FIELD, item.at(), sc + ": `" + abbreviate(s) + "` is a signature: it needs the `digest` it signs",
                        NEEDS_DIGEST_HELP);
                continue;
            }
            out.add(s);
        }
        return out;
    }

    /** The items, or none after reporting {@code too-many-signatures} when there are more than {@link #MAX_SIGNATURES}. */
    private static List<YamlNode> bounded(Expect x, List<YamlNode> items, YamlNode node, String c) {
        if (items.size() <= MAX_SIGNATURES) return items;
        tooMany(x, node, c, items.size());
        return List.of();
    }

    private static void tooMany(Expect x, YamlNode node, String c, int count) {
        x.error(TOO_MANY_SIGNATURES, node.at(), c + ": " + count + " signatures, more than the " + MAX_SIGNATURES
                + " a transaction may carry", "no chain accepts this many; split the file or check how it was made");
    }

    private static List<String> approvals(Expect x, YamlNode node, String c) {
        List<String> out = new ArrayList<>();
        List<YamlNode> items = bounded(x, x.list(node, c + ": `approvals`"), node, c + ": `approvals`");
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
        x.onlyFields(m, cc, TransactionForm.CONTEXT);
        Instant time = m.value("time") == null ? null : x.instant(m.get("time"), cc + ": `time`");
        Long blockHeight = number(x, m, "block_height", cc, IntRange.NON_NEGATIVE);
        Long blockTime = number(x, m, "block_time", cc, IntRange.NON_NEGATIVE);
        Long opCount = number(x, m, "op_count", cc, IntRange.NON_NEGATIVE);
        Long delay = number(x, m, "delay_sec", cc, TransactionForm.DELAY);
        Map<java.time.Duration, List<io.quorate.assets.Amount>> spent = m.value("spent") == null ? Map.of()
                : DataReader.spent(x, m.get("spent"), cc);
        return new Context(time, blockHeight, blockTime, opCount, delay == null ? 0 : delay, spent);
    }

    private static Long number(Expect x, YamlMapping m, String field, String c, IntRange range) {
        return m.value(field) == null ? null : x.integer(m.get(field), c + ": `" + field + "`", range);
    }

    private static Expectation expectation(Expect x, YamlNode node, String c) {
        String ec = c + ": `expect`";
        if (node instanceof YamlMapping m) {
            x.mapping(m, ec);
            x.onlyFields(m, ec, TransactionForm.EXPECTED);
            YamlNode d = x.required(m, TransactionForm.EXPECTED, "decision", ec);
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
