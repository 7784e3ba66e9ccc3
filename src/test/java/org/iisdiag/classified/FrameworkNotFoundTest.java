package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameworkNotFoundTest {
    @Test
    void hostfxrsWordsNameTheMissingFrameworkAndVersionInEitherLayout() {
        String older = "It was not possible to find any compatible framework version\n"
                + "The framework 'Microsoft.AspNetCore.App', version '8.0.0' (x64) was not found.\n"
                + "  - The following frameworks were found:\n      6.0.36 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]";
        // .NET 6 and later: the framework on a line of its own under "You must install or update .NET"
        String dotnet6 = "You must install or update .NET to run this application.\n\nApp: D:\\Sites\\Portal\\Portal.dll\n"
                + "Architecture: x64\nFramework: 'Microsoft.AspNetCore.App', version '9.0.0' (x64)\n"
                + ".NET location: C:\\Program Files\\dotnet\\\n";
        assertThat(FrameworkNotFound.named(older)).isEqualTo("Microsoft.AspNetCore.App 8.0.0");
        assertThat(FrameworkNotFound.version(older)).isEqualTo("8.0.0");
        assertThat(FrameworkNotFound.named(dotnet6)).isEqualTo("Microsoft.AspNetCore.App 9.0.0");
        assertThat(FrameworkNotFound.version(dotnet6)).isEqualTo("9.0.0");
        assertThat(FrameworkNotFound.version("The specified framework 'Microsoft.NETCore.App', version '3.0.0' was not found."))
                .isEqualTo("3.0.0");
    }

    @Test
    void otherTextNamesNothing() {
        assertThat(FrameworkNotFound.named("Unable to locate application dependencies.")).isEmpty();
        assertThat(FrameworkNotFound.version(null)).isEmpty();
    }
}
