package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.AccessConfig;
import org.iisdiag.facts.SiteDefinition;
import org.junit.jupiter.api.Test;

class ClientCertificatePathTest {
    private static SiteDefinition site(String name, String... bindings) {
        return new SiteDefinition(1, name, List.of(bindings), "", false, "", 50, true, "applicationHost.config", List.of(),
                "applicationHost.config:1");
    }

    private static AccessConfig access(String file, String location) {
        return new AccessConfig("Ssl, SslNegotiateCert", true, false, file, location, List.of(), file + ":9");
    }

    @Test
    void anApplicationHostLocationNamesItsSiteAndPathAndTheSiteHttpsBindingNamesTheCertificateEntry() {
        List<Object> sites = List.of(site("Default Web Site", "http/*:80:"),
                site("Partner API", "http/*:80:api.example", "https/*:443:API.example"));
        ClientCertificatePath p = ClientCertificatePath.of(sites, access("applicationHost.config", "Partner API/upload"),
                Target.CASE);
        assertThat(p).isEqualTo(new ClientCertificatePath("Partner API", "Partner API/upload", "hostnameport", "api.example:443"));
        AccessConfig upload = access("applicationHost.config", "Partner API/upload");
        assertThat(sites.stream().filter(s -> ClientCertificatePath.concerns((SiteDefinition) s, upload, Target.CASE))
                .map(s -> ((SiteDefinition) s).name()).toList()).containsExactly("Partner API");
    }

    @Test
    void aWebConfigLevelIsRelativeToTheTargetSiteAndABindingWithoutHostIsListedByAddress() {
        List<Object> sites = List.of(site("Shop", "https/10.0.0.4:8443:"));
        Target shop = new Target("", 2, "Shop", "", "");
        assertThat(ClientCertificatePath.of(sites, access("web.config", ""), shop))
                .isEqualTo(new ClientCertificatePath("Shop", "Shop", "ipport", "10.0.0.4:8443"));
        assertThat(ClientCertificatePath.of(sites, access("web.config", "upload"), shop).path()).isEqualTo("Shop/upload");
        assertThat(ClientCertificatePath.at("Shop", "Shop", "*:443:")).isEqualTo(new ClientCertificatePath("Shop", "Shop", "ipport", "0.0.0.0:443"));
        assertThat(ClientCertificatePath.at("Shop", "Shop", "")).isEqualTo(new ClientCertificatePath("Shop", "Shop", "", ""));
    }

    @Test
    void withoutSiteOrConfigurationNothingIsNamed() {
        assertThat(ClientCertificatePath.of(List.of(), access("web.config", ""), Target.CASE))
                .isEqualTo(new ClientCertificatePath("", "", "", ""));
    }
}
