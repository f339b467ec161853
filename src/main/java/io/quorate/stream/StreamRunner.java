package io.quorate.stream;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of a topology. The topologies catch every fault in a record, so an
 * exception that reaches Kafka Streams is the client's own (a fenced producer, a lost broker);
 * the instance then stops rather than retrying in a loop, and its partitions move to the other
 * instances, which resume from the last committed offsets. Closing is graceful: the current
 * records finish, the transaction commits and the group is left, so partitions move at once.
 */
public final class StreamRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamRunner.class);

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean failed;

    private StreamRunner(Topology topology, Properties settings, StreamMetrics metrics) {
        this.streams = new KafkaStreams(topology, settings);
        streams.setStateListener((now, before) -> {
            LOG.info("stream state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) running.countDown();
            if (now == KafkaStreams.State.ERROR) failed = true;
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) stopped.countDown();
        });
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed: {}", e.toString());
            failed = true;
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        if (metrics != null) metrics.bind(streams);
    }

    public static StreamRunner start(Topology topology, Properties settings, StreamMetrics metrics) {
        StreamRunner r = new StreamRunner(topology, settings, metrics);
        r.streams.start();
        return r;
    }

    /** True once the instance processes records (after the policy topic, if any, has been read). */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the instance stops; true when it stopped because of an error. */
    public boolean awaitStop() throws InterruptedException {
        stopped.await();
        return failed;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stops within {@code timeout}: records in hand finish, offsets and output commit, the group is left. */
    public void close(Duration timeout) {
        streams.close(CloseOptions.timeout(timeout).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        stopped.countDown();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
