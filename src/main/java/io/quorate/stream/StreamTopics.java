package io.quorate.stream;

/**
 * The topics a topology reads and writes. {@code policy} is the compacted policy topic, or null
 * when the policy comes from files.
 */
public record StreamTopics(String input, String output, String deadLetters, String policy) {

    public StreamTopics {
        if (input == null || output == null || deadLetters == null) throw new IllegalArgumentException("a topic name is missing");
    }
}
