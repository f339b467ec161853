package io.quorate.lint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quorate.diag.Severity;
import io.quorate.diag.SourceLocation;
import io.quorate.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubRendererTest {

    static List<String> lines(String out) {
        return out.lines().toList();
    }

    @Test
    void there_is_one_command_per_unsuppressed_finding() {
        List<String> lines = lines(new GithubRenderer().render(Reports.sample()));
        assertEquals(3, lines.size());
        assertFalse(lines.stream().anyMatch(l -> l.contains("weak-owner")));
    }

    @Test
    void an_error_names_file_line_column_and_check() {
        assertEquals("::error file=policies/treasury.yaml,line=7,col=7,title=single-key-authority::"
                        + "account `treasury`: authority `active`: key `k2` alone satisfies threshold 1"
                        + "%0Ahelp: raise the threshold or give each key less weight",
                GithubRenderer.command(Reports.singleKey()));
    }

    @Test
    void info_is_a_notice_and_line_zero_names_the_file_only() {
        assertEquals("::notice file=policies/treasury.yaml,title=key-reuse::key `k1` is used by `treasury` and `vault`"
                        + "%0Ahelp: use a separate key per account",
                GithubRenderer.command(Reports.keyReuse()));
    }

    @Test
    void a_warning_is_a_warning() {
        assertEquals("::warning file=a.yaml,line=3,col=4,title=weak-owner::account `vault`: authority `owner`: m",
                GithubRenderer.command(Reports.warningAt("a.yaml", "m")));
    }

    @Test
    void properties_escape_percent_newlines_colons_and_commas() {
        Finding f = new Finding("weak-owner", Severity.WARNING, "security", "vault", "owner", "m", null,
                new SourceLocation("dir\\odd: a,b 100%\r\n.yaml", 3, 4), false, null);
        assertEquals("::warning file=dir/odd%3A a%2Cb 100%25%0D%0A.yaml,line=3,col=4,title=weak-owner::m",
                GithubRenderer.command(f));
    }

    @Test
    void the_message_escapes_percent_and_newlines_but_keeps_colons_and_commas() {
        String out = GithubRenderer.command(Reports.warningAt("a.yaml", "50% of keys: a, b\r\nline two"));
        assertEquals("::warning file=a.yaml,line=3,col=4,title=weak-owner::account `vault`: authority `owner`: 50%25 of keys: a, b%0D%0Aline two", out);
        assertEquals(1, lines(out).size());
    }

    @Test
    void a_report_without_findings_prints_nothing() {
        assertEquals("", new GithubRenderer().render(Reports.empty()));
    }
}
