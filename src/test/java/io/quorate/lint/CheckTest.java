package io.quorate.lint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a test as the unsafe (finding expected) or safe (no finding) example of a check. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface CheckTest {

    String value();

    boolean unsafe();
}
