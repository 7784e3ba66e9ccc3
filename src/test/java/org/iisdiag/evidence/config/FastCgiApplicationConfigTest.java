package org.iisdiag.evidence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iisdiag.evidence.Fixtures.resource;

import java.io.IOException;
import java.util.List;

import org.iisdiag.classified.FastCgiTimeouts;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.FastCgiApplication;
import org.iisdiag.facts.TimeTakenRange;
import org.junit.jupiter.api.Test;

/** The FastCGI process pools of applicationHost.config and which of their time limits a failure's time-taken fits. */
class FastCgiApplicationConfigTest {

    private static List<FastCgiApplication> read() throws IOException {
        ApplicationHostConfigReader reader = new ApplicationHostConfigReader();
        String fixture = "fastcgi-applications.applicationHost.config";
        ReadReport report = new ReadReport(fixture, EvidenceKind.APPLICATION_HOST_CONFIG);
        reader.read(fixture, "", resource("config/" + fixture), report);
        assertThat(report.failed()).isFalse();
        assertThat(reader.facts().toString()).as("environment variable values are never read").doesNotContain("not-a-real-secret");
        return reader.facts().stream().filter(FastCgiApplication.class::isInstance).map(FastCgiApplication.class::cast).toList();
    }

    @Test
    void eachApplicationWithItsLimitsAndTheDefaultsItLeftUnset() throws IOException {
        List<FastCgiApplication> apps = read();
        assertThat(apps).extracting(FastCgiApplication::activityTimeout, FastCgiApplication::requestTimeout)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(30L, 600L), org.assertj.core.groups.Tuple.tuple(300L, 90L));
        assertThat(apps.get(0).defaulted(FastCgiTimeouts.ACTIVITY)).isTrue();
        assertThat(apps.get(0).defaulted(FastCgiTimeouts.REQUEST)).isFalse();
        assertThat(apps.get(0).servedBy("c:\\php\\PHP-CGI.exe")).isTrue();
        assertThat(apps.get(1).servedBy("E:\\apps\\reports\\venv\\Scripts\\python.exe|E:\\apps\\reports\\venv\\Lib\\site-packages\\wfastcgi.py")).isTrue();
        assertThat(apps.get(1).servedBy("E:\\apps\\reports\\venv\\Scripts\\python.exe")).as("arguments are part of the key").isFalse();
    }

    @Test
    void theTimeTakenNamesTheLimitOnlyWhenItFitsOneOfThem() throws IOException {
        List<FastCgiApplication> apps = read();
        assertThat(FastCgiTimeouts.limitReached(apps.get(0), new TimeTakenRange(3, 30047, 31208, 30500, null))).isEqualTo("activityTimeout");
        assertThat(FastCgiTimeouts.limitReached(apps.get(1), new TimeTakenRange(3, 90016, 90047, 90030, null))).isEqualTo("requestTimeout");
        assertThat(FastCgiTimeouts.limitReached(apps.get(1), new TimeTakenRange(2, 12016, 14004, 13010, null))).isEmpty();
        assertThat(FastCgiTimeouts.limitReached(apps.get(0), TimeTakenRange.NONE)).isEmpty();
        assertThat(FastCgiTimeouts.defaultLimitReached(new TimeTakenRange(2, 90019, 90044, 90030, null))).isEqualTo("requestTimeout");
        assertThat(FastCgiTimeouts.defaultLimitReached(new TimeTakenRange(2, 45037, 52911, 48974, null))).isEmpty();
    }
}
