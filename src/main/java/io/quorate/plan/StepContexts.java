package io.quorate.plan;

import io.quorate.transaction.Context;
import io.quorate.transaction.TransactionForm;
import io.quorate.yaml.Expect;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;

import java.time.Instant;

/** A step's {@code context:}, as transactions write it. */
final class StepContexts {

    private StepContexts() {
    }

    static Context read(Expect x, YamlNode node, String context) {
        if (node == null) return Context.EMPTY;
        YamlMapping m = x.mapping(node, context);
        if (m == null) return Context.EMPTY;
        x.onlyFields(m, context, TransactionForm.CONTEXT);
        Instant time = m.get("time") == null ? null : x.instant(m.get("time"), context + ": `time`");
        Long height = m.get("block_height") == null ? null : x.integer(m.get("block_height"), context + ": `block_height`", IntRange.NON_NEGATIVE);
        Long blockTime = m.get("block_time") == null ? null : x.integer(m.get("block_time"), context + ": `block_time`", IntRange.NON_NEGATIVE);
        Long ops = m.get("op_count") == null ? null : x.integer(m.get("op_count"), context + ": `op_count`", IntRange.NON_NEGATIVE);
        Long delay = m.get("delay_sec") == null ? null : x.integer(m.get("delay_sec"), context + ": `delay_sec`", IntRange.U32);
        return new Context(time, height, blockTime, ops, delay == null ? 0 : delay);
    }
}
