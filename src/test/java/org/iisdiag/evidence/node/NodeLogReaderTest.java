package org.iisdiag.evidence.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.NodeProcessError;
import org.junit.jupiter.api.Test;

class NodeLogReaderTest {
    private final NodeLogReader reader = new NodeLogReader();

    private ReadReport read(String name, String text) throws IOException {
        ReadReport report = new ReadReport(name, EvidenceKind.NODE_LOG);
        reader.read(name, "", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), report);
        return report;
    }

    @Test
    void aNativeAddonBuiltForAnotherNodeVersionNamesItsPackageCodeVersionAndAppFolder() throws IOException {
        ReadReport r = read("iisnode/WEB01-6180-stderr-1764054762118.txt", """
                node:internal/modules/cjs/loader:1586
                  return process.dlopen(module, path.toNamespacedPath(filename));
                                 ^

                Error: The module '\\\\?\\D:\\sites\\api\\node_modules\\bcrypt\\lib\\binding\\napi-v3\\bcrypt_lib.node'
                was compiled against a different Node.js version using
                NODE_MODULE_VERSION 108. This version of Node.js requires
                NODE_MODULE_VERSION 127. Please try re-compiling or re-installing
                the module (for instance, using `npm rebuild` or `npm install`).
                    at Module._extensions..node (node:internal/modules/cjs/loader:1586:18)
                    at Object.<anonymous> (D:\\sites\\api\\node_modules\\bcrypt\\bcrypt.js:6:16) {
                  code: 'ERR_DLOPEN_FAILED'
                }

                Node.js v22.11.0
                """);
        assertThat(r.lines()).isEqualTo(15);
        assertThat(reader.facts()).singleElement().isInstanceOfSatisfying(NodeProcessError.class, e -> {
            assertThat(e.error()).startsWith("Error: The module '\\\\?\\D:\\sites\\api\\node_modules\\bcrypt")
                    .contains("NODE_MODULE_VERSION 108. This version of Node.js requires NODE_MODULE_VERSION 127.");
            assertThat(e.code()).isEqualTo("ERR_DLOPEN_FAILED");
            assertThat(e.module()).isEqualTo("bcrypt");
            assertThat(e.nodeVersion()).isEqualTo("v22.11.0");
            assertThat(e.appFolder()).isEqualTo("D:\\sites\\api");
            assertThat(e.samples()).singleElement().satisfies(s -> assertThat(s.line()).isEqualTo(5));
        });
    }

    @Test
    void aMissingModuleAndTheSameErrorInTwoFilesAggregate() throws IOException {
        String text = """
                Error: Cannot find module '@contoso/config'
                Require stack:
                - D:\\sites\\catalog\\app.js
                    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)
                    at Object.<anonymous> (D:\\sites\\catalog\\app.js:3:17) {
                  code: 'MODULE_NOT_FOUND'
                }
                """;
        read("iisnode/A-1-stderr-1764054762118.txt", text);
        read("iisnode/A-2-stderr-1764054799999.txt", text);
        assertThat(reader.facts()).singleElement().isInstanceOfSatisfying(NodeProcessError.class, e -> {
            assertThat(e.error()).isEqualTo("Error: Cannot find module '@contoso/config' Require stack: - D:\\sites\\catalog\\app.js");
            assertThat(e.code()).isEqualTo("MODULE_NOT_FOUND");
            assertThat(e.module()).isEqualTo("@contoso/config");
            assertThat(e.appFolder()).isEqualTo("D:\\sites\\catalog");
            assertThat(e.files()).isEqualTo(2);
        });
    }

    @Test
    void outputWithoutAnErrorMakesNoFactAndSecretsAreRedacted() throws IOException {
        ReadReport r = read("iisnode/A-1-stdout-1764054762118.txt", "listening on \\\\.\\pipe\\abc\nconnected to db\n");
        assertThat(reader.facts()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.contains("no error line"));
        read("iisnode/A-2-stderr-1764054762118.txt", "Error: login failed for Server=db;Password=hunter2;\n");
        assertThat(reader.facts()).singleElement().isInstanceOfSatisfying(NodeProcessError.class,
                e -> assertThat(e.error()).doesNotContain("hunter2"));
    }

    @Test
    void packageOfAPathOrName() {
        assertThat(NodeLogReader.packageOf("D:\\app\\node_modules\\a\\node_modules\\sharp\\build\\x.node")).isEqualTo("sharp");
        assertThat(NodeLogReader.packageOf("D:/app/node_modules/@scope/pkg/lib/x.node")).isEqualTo("@scope/pkg");
        assertThat(NodeLogReader.packageOf("express/lib/router")).isEqualTo("express");
        assertThat(NodeLogReader.packageOf("./config/settings")).isEqualTo("./config/settings");
    }
}
