package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvtxExportTest {
    @Test
    void theHintExportsTheFileByItsOwnNameQuotedForPowerShell() {
        assertThat(EvtxExport.hint("logs/WEB01/System.evtx"))
                .contains("wevtutil qe 'System.evtx' /lf:true /f:RenderedXml | Out-File -Encoding utf8 'System.xml'",
                        "Get-WinEvent -Path '.\\System.evtx'");
        // a quote in the name is doubled, never ends the literal
        assertThat(EvtxExport.hint("it's.evtx")).contains("'it''s.evtx'", "'it''s.xml'");
    }
}
