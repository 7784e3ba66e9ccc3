package org.iisdiag.evidence.appcmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.TextReads;
import org.iisdiag.facts.AppPoolState;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.SiteState;
import org.junit.jupiter.api.Test;

class AppcmdListReaderTest {
    private final AppcmdListReader reader = new AppcmdListReader();

    private ReadReport read(String name, String text) throws IOException {
        return TextReads.read(reader, EvidenceKind.APPCMD_LISTING, name, text);
    }

    @Test
    void poolsAndSitesWithTheirStatesAmongPromptsAndOtherOutput() throws IOException {
        ReadReport r = read("state.txt", """
                PS C:\\> & $env:windir\\system32\\inetsrv\\appcmd.exe list apppool
                APPPOOL "DefaultAppPool" (MgdVersion:v4.0,MgdMode:Integrated,state:Started)
                APPPOOL "Node Pool" (MgdVersion:,MgdMode:Integrated,state:Stopped)
                PS C:\\> & $env:windir\\system32\\inetsrv\\appcmd.exe list site
                SITE "Default Web Site" (id:1,bindings:http/*:80:,https/*:443:,net.tcp/808:*,state:Started)
                SITE "Shop" (id:2,bindings:http/*:80:shop.contoso.com,state:Stopped)
                PS C:\\> & $env:windir\\system32\\inetsrv\\appcmd.exe list wp
                WP "4312" (applicationPool:DefaultAppPool)
                """);
        assertThat(r.lines()).isEqualTo(8);
        assertThat(r.rejected()).isZero();
        assertThat(reader.facts()).filteredOn(AppPoolState.class::isInstance).map(AppPoolState.class::cast)
                .extracting(p -> p.appPool() + "|" + p.state() + "|" + p.runtimeVersion() + "|" + p.pipelineMode() + "|" + p.stopped())
                .containsExactly("DefaultAppPool|Started|v4.0|Integrated|false", "Node Pool|Stopped||Integrated|true");
        assertThat(reader.facts()).filteredOn(SiteState.class::isInstance).map(SiteState.class::cast)
                .extracting(s -> s.site() + "|" + s.id() + "|" + s.bindings() + "|" + s.state())
                .containsExactly("Default Web Site|1|http/*:80:,https/*:443:,net.tcp/808:*|Started",
                        "Shop|2|http/*:80:shop.contoso.com|Stopped");
        AppPoolState node = (AppPoolState) reader.facts().get(1);
        assertThat(node.describe()).isEqualTo("appcmd shows application pool Node Pool Stopped (No Managed Code, Integrated)");
        assertThat(node.samples()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(3);
            assertThat(s.file()).isEqualTo("state.txt");
        });
    }

    @Test
    void theLastListingOfAPoolIsItsState() throws IOException {
        read("before.txt", "APPPOOL \"Shop\" (MgdVersion:v4.0,MgdMode:Integrated,state:Stopped)\n");
        read("after.txt", "APPPOOL \"Shop\" (MgdVersion:v4.0,MgdMode:Integrated,state:Started)\n");
        assertThat(reader.facts()).singleElement().isInstanceOfSatisfying(AppPoolState.class,
                p -> assertThat(p.stopped()).isFalse());
    }

    @Test
    void aListedPoolWithoutAStateIsRejectedWithItsLine() throws IOException {
        ReadReport r = read("pools.txt", """
                APPPOOL "Shop" (MgdVersion:v4.0,MgdMode:Integrated,state:Started)
                APPPOOL "Api" (MgdVersion:v4.0,MgdMode:Integrated)
                """);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("APPPOOL \"Api\" without a state");
        });
        assertThat(reader.facts()).hasSize(1);
    }
}
