package org.iisdiag.evidence.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.BindingRedirect;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.MachineKeyConfig;
import org.junit.jupiter.api.Test;

/** What a web.config's machineKey (never its keys) and binding redirects say. */
class MachineKeyAndBindingRedirectTest {
    private static final String KEY = "7F1A6C39E2B84D0F9A5C13E6B7D2480F1C9E3A5B7D6F8021C4E6A8B0D2F4A6C8";

    private static List<Object> read(String xml, ReadReport report) throws IOException {
        WebConfigReader reader = new WebConfigReader();
        reader.read("web.config", "", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), report);
        assertThat(report.failed()).isFalse();
        return reader.facts();
    }

    private static <T> List<T> of(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aGeneratedKeyIsToldFromAWrittenOneAndNoKeyIsKept() throws IOException {
        ReadReport report = new ReadReport("web.config", EvidenceKind.WEB_CONFIG);
        List<Object> facts = read("""
                <configuration>
                  <system.web>
                    <machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="%s" validation="SHA1" />
                  </system.web>
                </configuration>
                """.formatted(KEY), report);
        MachineKeyConfig k = of(facts, MachineKeyConfig.class).get(0);
        assertThat(k.validationKeyGenerated()).isTrue();
        assertThat(k.decryptionKeyGenerated()).isFalse();
        assertThat(k.generated()).isTrue();
        assertThat(k.validation()).isEqualTo("SHA1");
        assertThat(k.source()).isEqualTo("web.config:3");
        assertThat(facts.toString()).as("the key never enters a fact").doesNotContain(KEY);
        assertThat(k.describe()).contains("written out (value not read)").doesNotContain(KEY);

        List<Object> written = read("""
                <configuration><system.web><machineKey validationKey="%s" decryptionKey="%s" /></system.web></configuration>
                """.formatted(KEY, KEY), new ReadReport("web.config", EvidenceKind.WEB_CONFIG));
        assertThat(of(written, MachineKeyConfig.class).get(0).generated()).isFalse();
        List<Object> defaults = read("<configuration><system.web><machineKey /></system.web></configuration>",
                new ReadReport("web.config", EvidenceKind.WEB_CONFIG));
        assertThat(of(defaults, MachineKeyConfig.class).get(0).generated()).as("AutoGenerate is the default").isTrue();
    }

    @Test
    void eachDependentAssemblyGivesItsRedirect() throws IOException {
        List<Object> facts = read("""
                <configuration>
                  <runtime>
                    <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1">
                      <dependentAssembly>
                        <assemblyIdentity name="Newtonsoft.Json" publicKeyToken="30ad4fe6b2a6aeed" culture="neutral" />
                        <bindingRedirect oldVersion="0.0.0.0-12.0.0.0" newVersion="12.0.0.0" />
                      </dependentAssembly>
                      <dependentAssembly>
                        <assemblyIdentity name="System.Web.Mvc" publicKeyToken="31bf3856ad364e35" />
                        <bindingRedirect oldVersion="1.0.0.0-5.2.9.0" newVersion="5.2.9.0" />
                      </dependentAssembly>
                      <dependentAssembly>
                        <assemblyIdentity publicKeyToken="b77a5c561934e089" />
                      </dependentAssembly>
                    </assemblyBinding>
                  </runtime>
                </configuration>
                """, new ReadReport("web.config", EvidenceKind.WEB_CONFIG));
        assertThat(of(facts, BindingRedirect.class)).extracting(BindingRedirect::assembly, BindingRedirect::oldVersion,
                BindingRedirect::newVersion, BindingRedirect::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Newtonsoft.Json", "0.0.0.0-12.0.0.0", "12.0.0.0", "web.config:6"),
                org.assertj.core.groups.Tuple.tuple("System.Web.Mvc", "1.0.0.0-5.2.9.0", "5.2.9.0", "web.config:10"));
        assertThat(org.iisdiag.classified.BindingRedirects.of(facts, "newtonsoft.json").newVersion()).isEqualTo("12.0.0.0");
        assertThat(org.iisdiag.classified.BindingRedirects.of(facts, "Serilog")).isNull();
    }
}
