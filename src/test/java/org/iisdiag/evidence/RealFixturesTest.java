package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.iisdiag.evidence.Fixtures.resource;

import java.io.IOException;

import org.iisdiag.evidence.httperr.HttpErrAggregator;
import org.iisdiag.evidence.w3c.IisLogAggregator;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.IisStatusCount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Log samples written by others (Elastic Beats IIS module test data, see fixtures/real/NOTICE.md). */
class RealFixturesTest {

    @ParameterizedTest
    @CsvSource({"beats-iis-access-test-ipv6zone.log, 1", "beats-iis-access-full.log, 1",
            "beats-iis-access-test-iis-7.5.log, 4"})
    void everyLineOfTheCleanIisSamplesParses(String file, long entries) throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = Fixtures.iis(agg, file, "W3SVC9", resource("real/" + file));
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(entries);
        assertThat(agg.statusCounts().stream().mapToLong(IisStatusCount::count).sum()).isEqualTo(entries);
    }

    @Test
    void theBeatsAccessSampleParsesWholeItsTwoLinesOfAnotherLayoutByTheirShape() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = Fixtures.iis(agg, "test.log", "", resource("real/beats-iis-access-test.log"));
        // lines 16 and 17 have the 15 fields of the IIS default layout under a #Fields that lists 22
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(5);
        assertThat(r.notes()).singleElement().asString().startsWith("2 lines that no #Fields directive describes")
                .contains("layout iis-default").contains("the first at line 16");
        // three header blocks with different layouts: s-sitename appears from the second one on, and
        // s-computername from the third, so that entry is counted for its server
        assertThat(agg.statusCounts())
                .extracting(IisStatusCount::server, IisStatusCount::site, IisStatusCount::status, IisStatusCount::count)
                .containsExactly(tuple("", "", 200, 1L), tuple("", "", 401, 1L), tuple("", "", 404, 1L),
                        tuple("", "W3SVC1", 200, 1L), tuple("MACHINE-NAME", "W3SVC1", 200, 1L));
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 404).singleElement()
                .satisfies(c -> assertThat(c.samples()).extracting(s -> s.line()).containsExactly(17L));
    }

    @Test
    void theIis75SampleCountsItsErrorAndIpv6Lines() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        Fixtures.iis(agg, "7.5.log", "W3SVC1", resource("real/beats-iis-access-test-iis-7.5.log"));
        assertThat(agg.statusCounts()).extracting(c -> c.code() + " " + c.win32() + " x" + c.count())
                .containsExactly("200.0 0 x3", "404.4 2 x1");
        assertThat(agg.statusCounts().get(1).topUris()).extracting(u -> u.uri()).containsExactly("/");
    }

    @ParameterizedTest
    @CsvSource({"beats-iis-error-test.log, 4", "beats-iis-error-ipv6_zone_id.log, 1"})
    void everyLineOfTheHttpErrSamplesParses(String file, long entries) throws IOException {
        HttpErrAggregator agg = new HttpErrAggregator();
        ReadReport r = Fixtures.httpErr(agg, file, resource("real/" + file));
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(entries);
        assertThat(agg.counts().stream().mapToLong(HttpErrCount::count).sum()).isEqualTo(entries);
    }

    @Test
    void theBeatsHttpErrSampleYieldsItsReasons() throws IOException {
        HttpErrAggregator agg = new HttpErrAggregator();
        Fixtures.httpErr(agg, "error.log", resource("real/beats-iis-error-test.log"));
        assertThat(agg.counts()).extracting(HttpErrCount::reason, HttpErrCount::status).containsExactly(
                tuple("ConnLimit", 503), tuple("Hostname", 400), tuple("Timer_MinBytesPerSecond", 0),
                tuple("Version_N/S", 505));
    }
}
