package io.quorate.cli;

/** Output formats of the decision commands. */
enum OutputFormat {
    text, json
}
