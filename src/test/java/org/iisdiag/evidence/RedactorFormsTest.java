package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every form of secret issue 10's fuzzing found leaking, each masked, and prose left alone. */
class RedactorFormsTest {
    private final Redactor r = Redactor.DEFAULT;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "fragment token                | https://app.example/cb#access_token=PLANTa1&state=1",
            "encoded query                 | /x?next=%2Fhome%3Ftoken%3DPLANTa2%26y%3D1",
            "encoded ampersand             | /x?q=%26password%3DPLANTa3",
            "double-encoded                | /x?r=%253Fsig%253DPLANTa4%2526",
            "jwt name                      | /x?jwt=PLANTa5",
            "X-Amz-Signature               | /b?X-Amz-Credential=AK%2FPLANTa6&X-Amz-Signature=PLANTa7",
            "auth_token                    | /x?auth_token=PLANTa8",
            "session_id                    | /x?session_id=PLANTa9",
            "private_key                   | /x?private_key=PLANTb1",
            "pass                          | /x?user=a&pass=PLANTb2",
            "jsessionid path parameter     | /shop;jsessionid=PLANTb3?x=1",
            "userinfo in a referer         | https://bob:PLANTb4@intranet.example/page",
            "bearer in a user agent        | Mozilla/5.0+(compatible)+Bearer+PLANTb5xyz0123456789",
            "bearer in exception text      | Request failed: Authorization: Bearer PLANTb6-token.value",
            "basic credential              | Authorization: Basic dXNlcjpQTEFOVGI3",
            "connection string             | Login failed: Server=db;Database=x;User ID=sa;Password=PLANT b8;Encrypt=true",
            "Pwd                           | Server=db;Uid=sa;Pwd=PLANTb9;",
            "AccountKey                    | DefaultEndpointsProtocol=https;AccountName=st;AccountKey=PLANTc1==;",
            "SharedAccessSignature         | Endpoint=sb://x/;SharedAccessSignature=sv=2020&sig=PLANTc2",
            "--password value              | dotnet app.dll --password PLANTc3 --urls http://+:5000",
            "--password=value              | dotnet app.dll --password=PLANTc4",
            "/ApiKey:value                 | app.exe /ApiKey:PLANTc5",
            "--ApiKey value                | app.exe --ApiKey PLANTc6",
            "--db-password                 | app.exe --db-password PLANTc7",
            "--client-secret quoted        | app.exe --client-secret \"PLANT c8\"",
            "jwt anywhere                  | token in text eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJQTEFOVGM5In0.PLANTc9sig",
            "json password                 | {\"user\":\"a\",\"password\":\"PLANTd1\"}",
            "yaml-ish secret               | client_secret: PLANTd2",
            "X-Api-Key header              | X-Api-Key: PLANTd3",
            "after a bare percent (fuzz)   | --jwt-s%%%%password=PLANTd4%%%%",
            "glued to brackets (fuzz)      | [[[[X-Amz-Signature=PLANTd5[[[[",
            "glued bearer (fuzz)           | xBearer PLANTd6:PLANTd6.123",
            "glued option (fuzz)           | db--password PLANTd7;Database=x",
            "jwt missing its e (fuzz)      | \\yJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.PLANTd8",
            "second secret in a value      | Basic xBearer PLANTd9abcdef",
    })
    void masks(String form, String text) {
        String out = r.redact(text);
        assertThat(out).as(form).doesNotContain("PLANT").contains(Redactor.MASK);
    }

    @Test
    void keepsWhatIsNotASecret() {
        for (String prose : new String[] {"Basic authentication failed for user bob",
                "Bearer error=\"invalid_token\"", "Version=2.1.0.0, Culture=neutral, PublicKeyToken=null",
                "User ID=sa;Database=Orders", "zipcode=12345&monkey=1", "https://intranet.example/page?lang=en",
                "dotnet app.dll --urls http://+:5000 --environment Production", "C:\\inetpub\\wwwroot\\web.config ( 12)"}) {
            assertThat(r.redact(prose)).as(prose).isEqualTo(prose);
        }
        assertThat(r.redact("Server=db;User ID=sa;Password=x y;Encrypt=true")).isEqualTo("Server=db;User ID=sa;Password=***;Encrypt=true");
        assertThat(r.redact("https://bob:pw@host/p")).isEqualTo("https://bob:***@host/p");
    }

    /** Fuzz finding: an environment variable's name (a map key in AspNetCoreConfig) carried a secret. */
    @Test
    void factMapKeysAreRedactedToo() {
        java.util.Map<String, String> vars = java.util.Map.of("ASPNETCORE_MODULE_DEBUG;jsessionid=PLANTe1", "1");
        record WithMap(java.util.Map<String, String> vars) {
        }
        assertThat(FactRedaction.redactOne(new WithMap(vars)).toString()).doesNotContain("PLANT").contains("***");
    }

    @Test
    void aW3cLineKeepsItsFieldsWhenAQueryHasAPassword() {
        String line = "2025-01-09 10:00:00 GET /login password=PLANT 443 - 10.0.0.1 Mozilla/5.0+(Windows;+x) - 200 0 0 5";
        assertThat(r.redactW3cLine(line, -1))
                .isEqualTo("2025-01-09 10:00:00 GET /login password=*** 443 - 10.0.0.1 Mozilla/5.0+(Windows;+x) - 200 0 0 5");
    }

    @Test
    void tenMegabytesOfHostileTextTakeLessThanASecond() {
        String[] shapes = {"eyJ", ".eyJ", "a.eyJ", "a=", "%3F", "--key ", "https://a:b", "Bearer ", "password=", "x".repeat(100) + "@"};
        for (String shape : shapes) {
            r.redact(shape.repeat(1_000_000 / shape.length())); // warm up: the clock measures the scan, not the JIT
            String text = shape.repeat(10_000_000 / shape.length());
            org.iisdiag.evidence.hostile.ReaderTimingTest.withinASecond(shape, () -> r.redact(text));
        }
    }
}
