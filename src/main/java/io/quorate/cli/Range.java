package io.quorate.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a numeric option accepts, inclusive; on a list option, every element. Checked once
 * for every command by {@link Ranges} before the command runs, so a wrong number is a usage error
 * (exit 2, one line) rather than a failure deep inside the command.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Range {

    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    /** True when {@link #min} itself is not allowed (a duration that must be above zero). */
    boolean aboveMin() default false;
}
