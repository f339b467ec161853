package io.quorate.cli;

import io.quorate.chains.imports.Importer;
import io.quorate.diag.InputException;
import io.quorate.stream.DecisionTopology;
import io.quorate.stream.MetricsEndpoint;
import io.quorate.stream.PolicyFileWatch;
import io.quorate.stream.PolicySlot;
import io.quorate.stream.ScreenTopology;
import io.quorate.stream.StreamMetrics;
import io.quorate.stream.StreamRunner;
import io.quorate.stream.StreamTrust;
import io.quorate.stream.StreamSettings;
import io.quorate.stream.StreamTopics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stream", sortOptions = false,
        description = {"Decide a Kafka topic of transactions into a topic of decisions, or screen a topic of accounts.",
                "Transactions are keyed by account; with --screen, accounts are as a chain's API prints them. See docs/streams.md."},
        footer = {"", "Runs until SIGTERM or SIGINT, then finishes the records in hand, commits and leaves the group.",
                "Exit codes: 0 stopped, 2 bad options or a policy that does not load, 3 the stream failed."})
final class StreamCommand implements Callable<Integer> {

    /** The processing guarantee: exactly-once unless asked otherwise. */
    enum Guarantee {
        exactly_once(StreamsConfig.EXACTLY_ONCE_V2), at_least_once(StreamsConfig.AT_LEAST_ONCE);

        final String config;

        Guarantee(String config) {
            this.config = config;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka brokers (else bootstrap.servers from --config).")
    String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE", description = "Kafka Streams properties (security settings, client tuning); flags win over it.")
    Path config;

    @Option(names = "--application-id", paramLabel = "ID", description = "Consumer group and prefix of internal topics (default: quorate-decisions, or quorate-screening with --screen).")
    String applicationId;

    @Range(min = 1)
    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Stream threads in this instance (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--guarantee", paramLabel = "GUARANTEE", defaultValue = "exactly_once",
            description = "exactly_once (default) or at_least_once.")
    Guarantee guarantee;

    @Option(names = "--policy", paramLabel = "PATH", description = "Policy file or directory (repeatable), watched for changes.")
    List<Path> policy = List.of();

    @Option(names = "--policy-topic", paramLabel = "TOPIC", description = "Compacted topic of policy revisions, instead of --policy.")
    String policyTopic;

    @Option(names = "--screen", paramLabel = "CHAIN", description = "Screen accounts instead of deciding: eos, hive, casper or ft4.")
    String screen;

    @Option(names = "--input", paramLabel = "TOPIC", description = "Topic read (default: quorate-transactions, or quorate-accounts with --screen).")
    String input;

    @Option(names = "--output", paramLabel = "TOPIC", description = "Topic written (default: quorate-decisions, or quorate-screenings with --screen).")
    String output;

    @Option(names = "--dead-letter", paramLabel = "TOPIC", defaultValue = "quorate-dead-letters",
            description = "Topic of records that cannot be read, with the error (default: ${DEFAULT-VALUE}).")
    String deadLetter;

    @Option(names = "--trust-approvals", description = "Take a record's `approvals` and `approved_by` as given (only when every producer of the input topic checks them).")
    boolean trustApprovals;

    @Option(names = "--trust-context-time", description = "Decide at a record's `context.time` (only when every producer of the input topic stamps it; default: this processor's clock).")
    boolean trustContextTime;

    @Option(names = "--trust-context-spent", description = "Take a record's `context.spent` for spending limits (only when every producer of the input topic keeps the spending).")
    boolean trustContextSpent;

    @Range(min = 0, max = 65535)
    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve GET /metrics (Prometheus) on this port; 0 picks a free one.")
    Integer metricsPort;

    @Option(names = "--metrics-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address of /metrics (default: ${DEFAULT-VALUE}).")
    String metricsBind;

    @Range(min = 0)
    @Option(names = "--shutdown-timeout-ms", paramLabel = "MS", defaultValue = "30000", description = "How long shutdown waits to commit (default: ${DEFAULT-VALUE}).")
    long shutdownTimeoutMs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = problem();
        if (problem != null) return fail(err, problem);
        Properties settings;
        try {
            settings = StreamSettings.of(defaults(), config, flags());
        } catch (IOException e) {
            return fail(err, "`" + config + "`: cannot read the properties file: " + e.getMessage());
        }
        if (!settings.containsKey(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            return fail(err, "no brokers: give --bootstrap-servers or bootstrap.servers in --config");
        }
        StreamMetrics metrics = new StreamMetrics();
        PolicySlot slot = new PolicySlot();
        metrics.watch(slot);
        PolicyFileWatch watch = null;
        Topology topology;
        if (screen != null) {
            topology = ScreenTopology.build(new StreamTopics(or(input, "quorate-accounts"), or(output, "quorate-screenings"),
                    deadLetter, null), screen, metrics);
        } else {
            if (!policy.isEmpty()) {
                try {
                    watch = PolicyFileWatch.start(policy, slot, Duration.ofMillis(250));
                } catch (InputException e) {
                    Inputs.print(e.diagnostics(), err);
                    return fail(err, "the policy does not load: not starting");
                }
                out.println("quorate: deciding with policy " + slot.current().revision());
            }
            topology = DecisionTopology.build(new StreamTopics(or(input, "quorate-transactions"), or(output, "quorate-decisions"),
                    deadLetter, policyTopic), slot, metrics, new StreamTrust(trustApprovals, trustContextTime, trustContextSpent));
        }
        MetricsEndpoint endpoint = null;
        if (metricsPort != null) {
            try {
                endpoint = MetricsEndpoint.start(metricsBind, metricsPort, metrics);
            } catch (IOException e) {
                return fail(err, "cannot serve metrics on " + metricsBind + ":" + metricsPort + ": " + e.getMessage());
            }
            out.println("quorate: metrics on http://" + metricsBind + ":" + endpoint.port() + "/metrics");
        }
        StreamRunner runner;
        try {
            runner = StreamRunner.start(topology, settings, metrics);
        } catch (RuntimeException e) {
            return fail(err, "the stream cannot start: " + e.getMessage());
        }
        PolicyFileWatch watching = watch;
        MetricsEndpoint serving = endpoint;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close(Duration.ofMillis(shutdownTimeoutMs));
            if (watching != null) watching.close();
            if (serving != null) serving.close();
        }, "quorate-stream-shutdown"));
        out.println("quorate: " + (screen != null ? "screening " + screen + " accounts" : "deciding") + " as `"
                + settings.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "`");
        out.flush();
        boolean failed = runner.awaitStop();
        metrics.close();
        if (failed) {
            err.println("error: the stream stopped after a failure; see the log above");
            err.flush();
            return ExitCode.INTERNAL;
        }
        return ExitCode.OK;
    }

    private String problem() {
        if (screen != null && !Importer.chains().contains(screen)) {
            String suggestion = io.quorate.yaml.Suggest.didYouMean(screen, Importer.chains());
            return "--screen: cannot screen accounts of `" + screen + "`: expected one of " + String.join(", ", Importer.chains())
                    + (suggestion == null ? "" : " (" + suggestion + ")");
        }
        if (screen != null && (!policy.isEmpty() || policyTopic != null)) {
            return "--screen lints accounts and takes no policy: leave out --policy and --policy-topic";
        }
        if (screen == null && policy.isEmpty() == (policyTopic == null)) {
            return "give the policy either as files (--policy) or as a topic (--policy-topic), not both";
        }
        if (config != null && !Files.isReadable(config)) return "`" + config + "`: cannot read the properties file";
        return null;
    }

    /** What the command sets unless the properties file says otherwise. */
    private Map<String, String> defaults() {
        return Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads),
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee.config,
                StreamsConfig.APPLICATION_ID_CONFIG, or(applicationId, screen != null ? "quorate-screening" : "quorate-decisions"));
    }

    /** The settings given as flags, which win over the properties file. */
    private Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (given("--threads")) flags.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
        if (given("--guarantee")) flags.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee.config);
        flags.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        return flags;
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private static String or(String given, String fallback) {
        return given != null ? given : fallback;
    }

    private static int fail(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return ExitCode.BAD_INPUT;
    }
}
