package io.quorate.rules;

import java.util.UUID;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/** Builds DRL text with Drools' classic compiler (DRL parser, MVEL and ECJ), as a reviewer's copy would be built. */
public final class ClassicDrl {

    private ClassicDrl() {
    }

    public static KieBase build(String drl) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.quorate.rendered", "policy-" + UUID.randomUUID(), "1");
        KieFileSystem files = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        files.write("src/main/resources/io/quorate/rules/policy/policy.drl", drl);
        KieBuilder builder = ks.newKieBuilder(files).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new AssertionError("the rendered DRL does not build: " + builder.getResults()
                    .getMessages(Message.Level.ERROR).stream().map(Message::getText).collect(Collectors.joining("; ")) + "\n" + drl);
        }
        try {
            return ks.newKieContainer(releaseId).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }
}
