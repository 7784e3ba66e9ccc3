package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameworkNotFoundTest {
    @Test
    void hostfxrsWordsNameTheMissingFrameworkAndVersion() {
        String text = "It was not possible to find any compatible framework version\n"
                + "The framework 'Microsoft.AspNetCore.App', version '8.0.0' (x64) was not found.\n"
                + "  - The following frameworks were found:\n      6.0.36 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]";
        assertThat(FrameworkNotFound.named(text)).isEqualTo("Microsoft.AspNetCore.App 8.0.0");
        assertThat(FrameworkNotFound.version(text)).isEqualTo("8.0.0");
        assertThat(FrameworkNotFound.version("The specified framework 'Microsoft.NETCore.App', version '3.0.0' was not found."))
                .isEqualTo("3.0.0");
    }

    @Test
    void theLayoutOfDotNet6AndLaterNamesTheFrameworkOnItsOwnLine() {
        String text = "You must install or update .NET to run this application.\n\nApp: D:\\Sites\\Portal\\Portal.dll\n"
                + "Architecture: x64\nFramework: 'Microsoft.AspNetCore.App', version '9.0.0' (x64)\n"
                + ".NET location: C:\\Program Files\\dotnet\\\n";
        assertThat(FrameworkNotFound.named(text)).isEqualTo("Microsoft.AspNetCore.App 9.0.0");
        assertThat(FrameworkNotFound.version(text)).isEqualTo("9.0.0");
    }

    @Test
    void otherTextNamesNothing() {
        assertThat(FrameworkNotFound.named("Unable to locate application dependencies.")).isEmpty();
        assertThat(FrameworkNotFound.version(null)).isEmpty();
    }
}
