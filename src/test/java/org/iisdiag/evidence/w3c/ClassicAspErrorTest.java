package org.iisdiag.evidence.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iisdiag.evidence.Fixtures.iis;
import static org.iisdiag.evidence.Fixtures.text;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.ClassicAspError;
import org.iisdiag.facts.IisStatusCount;
import org.junit.jupiter.api.Test;

class ClassicAspErrorTest {
    private static final String HEADER = "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
            + "#Date: 2025-01-09 00:00:00\n#Fields: " + "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken" + "\n";

    private static String line(String time, String stem, String query, String status) {
        return "2025-01-09 " + time + " 10.0.0.10 GET " + stem + " " + query + " 80 - 10.0.0.5 "
                + "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) http://intranet/orders.asp " + status + " 46\n";
    }

    @Test
    void aggregatesAspErrorsFromTheQueryBySitePageLineAndCode() throws IOException {
        String log = HEADER
                + line("09:00:01", "/orders/view.asp", "id=5|12|800a01a8|Object_required:_'rs'", "500 0 0")
                + line("09:00:02", "/default.asp", "-", "200 0 0")
                + line("09:05:07", "/orders/view.asp", "id=9|12|800a01a8|Object_required:_'rs'", "500 0 0")
                + line("09:03:00", "/orders/view.asp", "id=7|12|800a01a8|Object_required:_'rs'", "500 100 0")
                + line("09:10:00", "/reports/monthly.asp", "|-|ASP_0113|Script_timed_out", "500 100 0")
                + line("09:11:00", "/login.asp", "user=bob&password=hunter2|31|80040e4d|[Microsoft][ODBC_SQL_Server_Driver]"
                        + "[SQL_Server]Login_failed_for_user_'web'.", "500 100 0")
                + line("09:11:30", "/reports/export.asp", "from=2025-01-01|0|ASP_0251_:_80004005|Response_Buffer_Limit_Exceeded",
                        "500 0 0")                                                    // an ASP engine error with its HRESULT
                + line("09:12:00", "/search.asp", "q=a|b", "200 0 0")             // a '|' in an ordinary query
                + line("09:12:01", "/search.asp", "q=a|b|c|d", "200 0 0")         // three '|' but no line number
                + line("09:12:02", "/search.asp", "q=|1|not+a+code|x", "200 0 0"); // code with a '+'
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "W3SVC1/u_ex250109.log", "W3SVC1", text(log));
        assertThat(r.rejected()).isZero();
        assertThat(r.entries()).isEqualTo(10);

        List<ClassicAspError> errors = agg.classicAspErrors();
        assertThat(errors).extracting(e -> e.page() + ":" + e.line() + ":" + e.code() + " x" + e.count()).containsExactly(
                "/login.asp:31:80040e4d x1", "/orders/view.asp:12:800a01a8 x3", "/reports/export.asp:0:ASP_0251_:_80004005 x1",
                "/reports/monthly.asp:0:ASP_0113 x1");
        assertThat(errors.get(2).description()).isEqualTo("Response Buffer Limit Exceeded");
        ClassicAspError required = errors.get(1);
        assertThat(required.site()).isEqualTo("W3SVC1");
        assertThat(required.description()).isEqualTo("Object required: 'rs'");
        assertThat(required.status()).isEqualTo(500);
        assertThat(required.firstSeen()).isEqualTo(Instant.parse("2025-01-09T09:00:01Z"));
        assertThat(required.lastSeen()).isEqualTo(Instant.parse("2025-01-09T09:05:07Z"));
        assertThat(required.samples()).extracting(s -> s.location())
                .containsExactly("W3SVC1/u_ex250109.log:5", "W3SVC1/u_ex250109.log:7", "W3SVC1/u_ex250109.log:8");
        assertThat(required.occurrences()).isEqualTo(3);
        assertThat(required.describe()).isEqualTo("3 x Classic ASP error 800a01a8 'Object required: 'rs'' in"
                + " /orders/view.asp line 12 on W3SVC1, 2025-01-09T09:00:01Z to 2025-01-09T09:05:07Z");

        ClassicAspError timeout = errors.get(3);
        assertThat(timeout.line()).isZero();
        assertThat(timeout.description()).isEqualTo("Script timed out");
        assertThat(timeout.describe()).contains("line -");

        ClassicAspError login = errors.get(0);
        assertThat(login.description()).isEqualTo("[Microsoft][ODBC SQL Server Driver][SQL Server]Login failed for user 'web'.");
        assertThat(login.samples()).singleElement().satisfies(s -> assertThat(s.text()).doesNotContain("hunter2"));

        // the ordinary aggregation is unchanged: ASP lines still count as 500.0 / 500.100
        assertThat(agg.statusCounts()).extracting(IisStatusCount::code, IisStatusCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("200.0", 4L),
                        org.assertj.core.groups.Tuple.tuple("500.0", 3L),
                        org.assertj.core.groups.Tuple.tuple("500.100", 3L));
    }

    @Test
    void sameErrorOnTwoSitesIsTwoFacts() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        iis(agg, "W3SVC2/u_ex250109.log", "W3SVC2", text(HEADER + line("09:00:01", "/a.asp", "|4|800a000d|Type_mismatch:_'CInt'", "500 100 0")));
        iis(agg, "W3SVC1/u_ex250109.log", "W3SVC1", text(HEADER + line("09:00:02", "/a.asp", "|4|800a000d|Type_mismatch:_'CInt'", "500 100 0")));
        assertThat(agg.classicAspErrors()).extracting(ClassicAspError::site).containsExactly("W3SVC1", "W3SVC2");
        assertThat(agg.classicAspErrors()).allSatisfy(e -> assertThat(e.description()).isEqualTo("Type mismatch: 'CInt'"));
    }

    @Test
    void withoutACsUriQueryFieldNothingIsLookedFor() throws IOException {
        String log = "#Fields: date time cs-uri-stem sc-status sc-substatus\n2025-01-09 09:00:01 /a.asp|1|800a01a8|x 500 100\n";
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "u.log", "", text(log));
        assertThat(r.entries()).isEqualTo(1);
        assertThat(agg.classicAspErrors()).isEmpty();
    }

    @Test
    void distinctErrorsBeyondTheCapFoldIntoOneKeyWithANote() throws IOException {
        StringBuilder log = new StringBuilder(HEADER);
        int n = IisLogAggregator.MAX_ASP_KEYS + 50;
        for (int i = 0; i < n; i++) {
            log.append(line(String.format("09:%02d:%02d", i / 60 % 60, i % 60), "/p" + i + ".asp", "|" + (i + 1) + "|800a01a8|Object_required", "500 100 0"));
        }
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "u.log", "W3SVC1", text(log.toString()));
        List<ClassicAspError> errors = agg.classicAspErrors();
        assertThat(errors).hasSize(IisLogAggregator.MAX_ASP_KEYS + 1);
        assertThat(agg.foldedClassicAspErrors()).isEqualTo(50);
        ClassicAspError other = errors.stream().filter(e -> e.page().equals(IisLogAggregator.OTHER_ASP)).findFirst().orElseThrow();
        assertThat(other.count()).isEqualTo(50);
        assertThat(other.site()).isEqualTo(IisLogAggregator.OTHER_SITE);
        assertThat(errors.stream().mapToLong(ClassicAspError::count).sum()).isEqualTo(n);
        assertThat(r.notes()).anySatisfy(note -> assertThat(note).startsWith("more than 1000 distinct Classic ASP errors"));
    }
}
