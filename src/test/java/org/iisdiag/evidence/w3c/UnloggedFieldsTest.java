package org.iisdiag.evidence.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iisdiag.evidence.Fixtures.iis;
import static org.iisdiag.evidence.Fixtures.text;

import org.iisdiag.evidence.ReadReport;
import org.junit.jupiter.api.Test;

class UnloggedFieldsTest {
    private static final String TRIMMED = "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
            + "#Date: 2025-09-18 08:00:08\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port c-ip cs-host"
            + " sc-status sc-substatus sc-bytes cs-bytes X-Forwarded-For\n"
            + "2025-09-18 08:41:31 10.40.2.13 POST /api/checkout/confirm - 443 10.40.0.5 shop.example 500 0 1208 2210 86.123.44.16\n"
            + "2025-09-18 08:41:35 10.40.2.13 GET / - 443 10.40.0.6 shop.example 200 0 18233 610 86.123.44.17\n";

    @Test
    void aLayoutWithoutWin32AndTimeTakenSaysWhatItCannotShowAndWhichFlagsLogThem() throws Exception {
        ReadReport r = iis(new IisLogAggregator(), "u_ex25091808_x.log", "W3SVC2", text(TRIMMED));

        assertThat(r.notes()).singleElement().asString()
                .contains("2 entries without sc-win32-status", "2 entries without time-taken", "time-taken is not logged")
                .contains("Add Win32Status, TimeTaken to the site's logFile logExtFileFlags")
                .doesNotContain("sc-substatus");
    }

    @Test
    void theDefaultLayoutHasNothingToSay() throws Exception {
        String full = "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method cs-uri-stem"
                + " cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n"
                + "2025-01-09 10:00:00 10.0.0.10 GET / - 443 - 10.0.0.5 Mozilla/5.0 - 200 0 0 12\n";

        assertThat(iis(new IisLogAggregator(), "u_ex250109.log", "W3SVC1", text(full)).notes()).isEmpty();
    }

    @Test
    void eachFileIsNotedForItsOwnEntriesOnly() throws Exception {
        IisLogAggregator agg = new IisLogAggregator();
        iis(agg, "a.log", "W3SVC2", text(TRIMMED));
        String noSubstatus = "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time cs-uri-stem sc-status"
                + " sc-win32-status time-taken\n2025-09-18 09:00:00 /x 404 2 3\n";

        assertThat(iis(agg, "b.log", "W3SVC2", text(noSubstatus)).notes()).singleElement().asString()
                .startsWith("1 entries without sc-substatus").contains("Add HttpSubStatus to")
                .doesNotContain("time-taken is not logged");
    }
}
