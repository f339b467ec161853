package io.quorate.stream;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Decisions as a stream: candidate transactions (JSON, keyed by account) in, decision JSON out
 * under the same key, records that cannot be read to the dead letters. With a policy topic, a
 * global store on every instance keeps the slot on its latest revision.
 */
public final class DecisionTopology {

    static final String SOURCE = "transactions";
    static final String DECIDE = "decide";
    static final String DECISIONS = "decisions";
    static final String DEAD_LETTERS = "dead-letters";
    static final String POLICY_SOURCE = "policy";
    static final String POLICY_UPDATE = "policy-update";

    private DecisionTopology() {
    }

    /** The topology trusting nothing on a record's word ({@link StreamTrust#NONE}). */
    public static Topology build(StreamTopics topics, PolicySlot slot, StreamMetrics metrics) {
        return build(topics, slot, metrics, StreamTrust.NONE);
    }

    public static Topology build(StreamTopics topics, PolicySlot slot, StreamMetrics metrics, StreamTrust trust) {
        Topology t = new Topology();
        t.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.input());
        t.addProcessor(DECIDE, () -> new DecideProcessor(slot, metrics, trust), SOURCE);
        t.addSink(DECISIONS, topics.output(), new StringSerializer(), new StringSerializer(), DECIDE);
        t.addSink(DEAD_LETTERS, topics.deadLetters(), new StringSerializer(), new StringSerializer(), DECIDE);
        if (topics.policy() != null) {
            t.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PolicyTopicProcessor.STORE),
                            Serdes.String(), Serdes.String())
                            .withLoggingDisabled(),
                    POLICY_SOURCE, new StringDeserializer(), new StringDeserializer(), topics.policy(), POLICY_UPDATE,
                    () -> new PolicyTopicProcessor(slot));
        }
        return t;
    }
}
