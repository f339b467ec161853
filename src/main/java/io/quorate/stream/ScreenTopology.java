package io.quorate.stream;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

/**
 * Chain-wide screening: account configurations in (the chain API's JSON), one screening per
 * account out, keyed by account name; records that do not import go to the dead letters. It
 * keeps no state, so it spreads over as many instances as the input topic has partitions.
 */
public final class ScreenTopology {

    static final String SOURCE = "accounts";
    static final String SCREEN = "screen";
    static final String SCREENED = "screened";
    static final String DEAD_LETTERS = "dead-letters";

    private ScreenTopology() {
    }

    public static Topology build(StreamTopics topics, String format, StreamMetrics metrics) {
        Topology t = new Topology();
        t.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.input());
        t.addProcessor(SCREEN, () -> new ScreenProcessor(format, metrics), SOURCE);
        t.addSink(SCREENED, topics.output(), new StringSerializer(), new StringSerializer(), SCREEN);
        t.addSink(DEAD_LETTERS, topics.deadLetters(), new StringSerializer(), new StringSerializer(), SCREEN);
        return t;
    }
}
