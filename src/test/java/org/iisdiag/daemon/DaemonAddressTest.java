package org.iisdiag.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A daemon answers only clients that would have run the same build with the same pack, cache and user. */
class DaemonAddressTest {
    private static final Path CACHE = Path.of("/home/u/.cache/iisdiag");

    private static DaemonAddress of(Map<String, String> env, Map<Object, Object> props, String code) {
        return DaemonAddress.of(env, props, CACHE, code);
    }

    @Test
    void sameBuildAndEnvironmentSameSocketElseAnother() {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/bin"));
        Map<Object, Object> props = new HashMap<>(Map.of("iisdiag.home", "/opt/iisdiag", "user.name", "u"));
        DaemonAddress base = of(env, props, "iisdiag.jar:1:2");
        assertThat(of(new HashMap<>(env), new HashMap<>(props), "iisdiag.jar:1:2")).isEqualTo(base);
        assertThat(base.socket().getParent()).isEqualTo(CACHE);
        assertThat(base.socket().getFileName().toString()).matches("daemon-[0-9a-f]{16}\\.sock");

        env.put("PATH", "/usr/bin"); // not read by a run
        assertThat(of(env, props, "iisdiag.jar:1:2")).isEqualTo(base);
        for (String v : DaemonAddress.VARIABLES) {
            Map<String, String> changed = new HashMap<>(env);
            changed.put(v, "x");
            assertThat(of(changed, props, "iisdiag.jar:1:2")).as(v).isNotEqualTo(base);
        }
        Map<Object, Object> otherHome = new HashMap<>(props);
        otherHome.put("iisdiag.home", "/opt/other");
        assertThat(of(env, otherHome, "iisdiag.jar:1:2")).isNotEqualTo(base);
        assertThat(of(env, props, "iisdiag.jar:1:3")).as("a rebuilt jar").isNotEqualTo(base);
    }

    @Test
    void theLogSitsBesideTheSocketAndLongPathsAreNotBound() {
        DaemonAddress a = new DaemonAddress(CACHE.resolve("daemon-0123456789abcdef.sock"));
        assertThat(a.log()).isEqualTo(CACHE.resolve("daemon-0123456789abcdef.log"));
        assertThat(a.bindable()).isTrue();
        assertThat(new DaemonAddress(Path.of("/" + "x".repeat(120) + ".sock")).bindable()).isFalse();
    }

    @Test
    void onlyAPlainDiagnoseIsServed() {
        assertThat(DaemonClient.serves(java.util.List.of("diagnose", "c", "--format=json", "-o", "r.html"))).isTrue();
        for (String[] args : new String[][] {{"diagnose"}, {"lint"}, {"test", "x"}, {"diagnose", "--kb=k", "c"},
                {"diagnose", "c", "--version"}, {"diagnose", "-h"}, {"diagnose", "--", "c"}}) {
            assertThat(DaemonClient.serves(java.util.List.of(args))).as(String.join(" ", args)).isFalse();
        }
    }
}
