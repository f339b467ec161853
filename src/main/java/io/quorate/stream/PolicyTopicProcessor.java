package io.quorate.stream;

import io.quorate.diag.InputException;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted policy topic on every instance (a global store, so each instance sees
 * every partition). A record is one complete policy file: its key is the file name, which
 * takes part in the revision as a file's path does, its value the YAML. The record is compiled
 * before it replaces the policy in the slot; one that does not load is logged and the previous
 * revision keeps deciding. On start the topic is read from the beginning before any decision,
 * so an instance decides with the latest revision from its first record.
 */
final class PolicyTopicProcessor implements Processor<String, String, Void, Void> {

    static final String STORE = "quorate-policy";
    private static final Logger LOG = LoggerFactory.getLogger(PolicyTopicProcessor.class);

    private final PolicySlot slot;
    private KeyValueStore<String, String> store;
    private ProcessorContext<Void, Void> context;

    PolicyTopicProcessor(PolicySlot slot) {
        this.slot = slot;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
        String origin = context.recordMetadata().map(m -> m.topic() + "@" + m.offset()).orElse("policy topic");
        if (record.key() == null) {
            LOG.warn("policy record at {} has no key: ignored (the key is the policy file name)", origin);
            return;
        }
        if (record.value() == null) {
            // A tombstone retires a file name; the policy in use stays until another revision arrives.
            store.delete(record.key());
            return;
        }
        store.put(record.key(), record.value());
        try {
            PolicySet source = PolicyLoader.load(record.key(), record.value());
            if (slot.install(source)) {
                LOG.info("policy {} installed from {}: {} accounts", source.revision(), origin, source.accounts().size());
            }
        } catch (InputException e) {
            PolicyReloadLog.rejected(LOG, origin, e.diagnostics(), slot.current());
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            PolicyReloadLog.failed(LOG, origin, e, slot.current());
        }
    }
}
