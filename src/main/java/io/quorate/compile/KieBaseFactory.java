package io.quorate.compile;

import java.util.UUID;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/** Builds the KieBase from generated DRL, once per policy revision. */
final class KieBaseFactory {

    private KieBaseFactory() {
    }

    static KieBase build(String drl) {
        KieServices ks = KieServices.Factory.get();
        // A release id of its own per build, removed afterwards, so reloading policies never leaks modules.
        ReleaseId releaseId = ks.newReleaseId("io.quorate.generated", "policy-" + UUID.randomUUID(), "1");
        KieFileSystem files = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        files.write("src/main/resources/io/quorate/rules/policy.drl", drl);
        KieBuilder builder = ks.newKieBuilder(files).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            // Generated DRL that does not build is a defect of the compiler, never of the user's policy.
            throw new IllegalStateException("generated rules do not build: " + builder.getResults()
                    .getMessages(Message.Level.ERROR).stream().map(Message::getText).collect(Collectors.joining("; ")));
        }
        KieContainer container = ks.newKieContainer(releaseId);
        try {
            return container.getKieBase();
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }
}
