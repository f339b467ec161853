package io.quorate.stream;

import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Where a record came from: {@code topic-partition@offset}. It names the record in diagnostics,
 * gives a transaction without an {@code id} its default id, and is the decision's
 * {@code decision_id}: the same record always gets the same id, so a consumer can tell a replay
 * from a new decision.
 */
record RecordOrigin(String topic, int partition, long offset) {

    static RecordOrigin of(ProcessorContext<?, ?> context) {
        return context.recordMetadata()
                .map(m -> new RecordOrigin(m.topic(), m.partition(), m.offset()))
                .orElse(new RecordOrigin("unknown", -1, -1));
    }

    String name() {
        return topic + "-" + partition + "@" + offset;
    }
}
