package org.iisdiag.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.iisdiag.TestPack;
import org.iisdiag.engine.FileDigests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the pack while its identity (the report's tool line) is still being worked out. */
class DiagnosticianLoadingTest {
    @TempDir
    Path cache;

    @Test
    void theReportCarriesTheToolLineCompletedWhileThePackLoaded() throws Exception {
        CompletableFuture<String> tool = new CompletableFuture<>();
        Diagnostician.Loading loading = Diagnostician.start(TestPack.rules(), TestPack.kb(), tool, cache, new FileDigests());
        tool.complete("iisdiag test, rule pack under test");
        Diagnostician d = loading.await();
        assertThat(d.diagnose(TestPack.cases().resolve("classic-asp-errors"), "classic").tool())
                .isEqualTo("iisdiag test, rule pack under test");
    }

    @Test
    void anIdentityThatFailedFailsTheAwaitRatherThanHangingIt() {
        CompletableFuture<String> tool = new CompletableFuture<>();
        Diagnostician.Loading loading = Diagnostician.start(TestPack.rules(), TestPack.kb(), tool, cache, new FileDigests());
        tool.completeExceptionally(new IllegalStateException("hash failed"));
        assertThatThrownBy(loading::await).isInstanceOf(CompletionException.class).hasRootCauseMessage("hash failed");
    }
}
