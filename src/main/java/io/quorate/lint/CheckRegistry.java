package io.quorate.lint;

import io.quorate.diag.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * The catalogue of lint checks: one rule of {@code checks.drl} per check, the rule's name its id
 * and its metadata ({@code @severity @category @summary @help}) the check's description. The rules
 * are built once per process, on first use.
 */
public final class CheckRegistry {

    static final String DRL = "io/quorate/lint/checks.drl";

    private record Built(KieBase base, Map<String, CheckInfo> checks) {
    }

    private static volatile Built built;

    private CheckRegistry() {
    }

    /** Every check, by id in alphabetical order. */
    public static List<CheckInfo> checks() {
        return List.copyOf(get().checks().values());
    }

    /** The check {@code id}, or null. */
    public static CheckInfo check(String id) {
        return get().checks().get(id);
    }

    static Map<String, CheckInfo> byId() {
        return get().checks();
    }

    static KieBase kieBase() {
        return get().base();
    }

    private static Built get() {
        Built b = built;
        if (b == null) {
            synchronized (CheckRegistry.class) {
                b = built;
                if (b == null) built = b = build();
            }
        }
        return b;
    }

    private static Built build() {
        String drl = read();
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.quorate.lint", "checks-" + UUID.randomUUID(), "1");
        KieFileSystem files = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        files.write("src/main/resources/" + DRL, drl);
        KieBuilder builder = ks.newKieBuilder(files).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("the lint checks do not build: " + builder.getResults()
                    .getMessages(Message.Level.ERROR).stream().map(Message::getText).collect(Collectors.joining("; ")));
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase base;
        try {
            base = container.getKieBase();
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
        Map<String, CheckInfo> checks = new LinkedHashMap<>();
        base.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .sorted(Comparator.comparing(Rule::getName))
                .forEach(r -> checks.put(r.getName(), info(r)));
        return new Built(base, java.util.Collections.unmodifiableMap(checks));
    }

    private static CheckInfo info(Rule rule) {
        Map<String, Object> m = rule.getMetaData();
        for (String field : List.of("severity", "category", "summary", "help")) {
            if (!(m.get(field) instanceof String)) {
                throw new IllegalStateException("check `" + rule.getName() + "` has no @" + field);
            }
        }
        Severity severity = Severity.valueOf(((String) m.get("severity")).toUpperCase(Locale.ROOT));
        return new CheckInfo(rule.getName(), severity, (String) m.get("category"), (String) m.get("summary"), (String) m.get("help"));
    }

    private static String read() {
        try (InputStream in = CheckRegistry.class.getClassLoader().getResourceAsStream(DRL)) {
            if (in == null) throw new IllegalStateException(DRL + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DRL, e);
        }
    }
}
