package io.quorate.conditions;

/** A membership a rule states: the check's {@code field} ({@code to} or {@code from}) in, or not in, the list fact {@code list}. */
record ListJoin(boolean in, String list, String field) {

    String drl() {
        return (in ? "" : "not ") + "ConditionList( name == " + io.quorate.compile.Drl.string(list) + ", lists($c." + field + ") )";
    }

    String value(ConditionCheck c) {
        return field.equals("to") ? c.getTo() : c.getFrom();
    }
}
