package io.quorate.testing;

import io.quorate.diag.SourceLocation;
import java.util.List;

/**
 * What a plan case says must hold: the summary verdict ({@code safe}, {@code unsafe} or
 * {@code rejected}) and, when given, each step's verdict in order ({@code ok}, {@code unsafe},
 * {@code rejected}); null fields are not compared.
 */
public record PlanExpected(String verdict, List<String> steps, SourceLocation at) {
}
