package io.quorate.format;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts by lines ({@code diff -u}, three lines of context), as {@code patch} and code review tools read it. */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;
    private static final long MAX_TABLE = 4_000_000L;

    private UnifiedDiff() {
    }

    private record Op(char kind, String line) {
    }

    /** The diff from {@code before} to {@code after}, empty when they are equal. */
    public static String of(String fromName, String toName, String before, String after) {
        if (before.equals(after)) return "";
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<Op> ops = ops(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(fromName).append('\n').append("+++ ").append(toName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < ops.size()) {
                if (ops.get(end).kind != ' ') lastChange = end;
                else if (end - lastChange > 2 * CONTEXT) break;
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            hunk(ops, start, end, out);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(List<Op> ops, int start, int end, StringBuilder out) {
        int aLine = 1;
        int bLine = 1;
        for (int k = 0; k < start; k++) {
            if (ops.get(k).kind != '+') aLine++;
            if (ops.get(k).kind != '-') bLine++;
        }
        int aCount = 0;
        int bCount = 0;
        for (int k = start; k < end; k++) {
            if (ops.get(k).kind != '+') aCount++;
            if (ops.get(k).kind != '-') bCount++;
        }
        out.append("@@ -").append(range(aLine, aCount)).append(" +").append(range(bLine, bCount)).append(" @@\n");
        for (int k = start; k < end; k++) out.append(ops.get(k).kind).append(ops.get(k).line).append('\n');
    }

    private static String range(int line, int count) {
        if (count == 0) return (line - 1) + ",0";
        return count == 1 ? String.valueOf(line) : line + "," + count;
    }

    /** Common prefix and suffix first, then a longest common subsequence of what is left (all of it replaced when too large). */
    private static List<Op> ops(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) prefix++;
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) suffix++;
        List<Op> out = new ArrayList<>();
        for (int k = 0; k < prefix; k++) out.add(new Op(' ', a.get(k)));
        List<String> am = a.subList(prefix, a.size() - suffix);
        List<String> bm = b.subList(prefix, b.size() - suffix);
        if ((long) (am.size() + 1) * (bm.size() + 1) > MAX_TABLE) {
            for (String l : am) out.add(new Op('-', l));
            for (String l : bm) out.add(new Op('+', l));
        } else {
            int[][] lcs = new int[am.size() + 1][bm.size() + 1];
            for (int x = am.size() - 1; x >= 0; x--) {
                for (int y = bm.size() - 1; y >= 0; y--) {
                    lcs[x][y] = am.get(x).equals(bm.get(y)) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < am.size() || y < bm.size()) {
                if (x < am.size() && y < bm.size() && am.get(x).equals(bm.get(y))) {
                    out.add(new Op(' ', am.get(x++)));
                    y++;
                } else if (x < am.size() && (y == bm.size() || lcs[x + 1][y] >= lcs[x][y + 1])) {
                    out.add(new Op('-', am.get(x++)));
                } else {
                    out.add(new Op('+', bm.get(y++)));
                }
            }
        }
        for (int k = a.size() - suffix; k < a.size(); k++) out.add(new Op(' ', a.get(k)));
        return out;
    }
}
