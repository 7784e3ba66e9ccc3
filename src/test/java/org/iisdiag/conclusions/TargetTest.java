package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iisdiag.conclusions.Target.Scope;
import org.junit.jupiter.api.Test;

/** One identity for what a conclusion is about: how it is shown, cut to an action's scope, and compared. */
class TargetTest {
    private static final Target FULL = new Target("WEB02", 3, "Shop", "/api", "ShopPool");

    @Test
    void describeNamesWhatIsKnownAndOnlyThat() {
        assertThat(FULL.describe()).isEqualTo("site Shop (W3SVC3), application /api, pool ShopPool on server WEB02");
        assertThat(new Target("", 3, "", "", "").describe()).isEqualTo("site W3SVC3");
        assertThat(new Target("", -1, "Shop", "", "").describe()).isEqualTo("site Shop");
        // the root application is the site itself
        assertThat(new Target("", 3, "Shop", "/", "ShopPool").describe()).isEqualTo("site Shop (W3SVC3), pool ShopPool");
        assertThat(new Target("", -1, "", "", "ShopPool").describe()).isEqualTo("pool ShopPool");
        assertThat(Target.CASE.describe()).isEqualTo("the server");
        assertThat(new Target("WEB02", -1, "", "", "").describe()).isEqualTo("the server on server WEB02");
    }

    @Test
    void siteLabelAndHasSite() {
        assertThat(FULL.siteLabel()).isEqualTo("W3SVC3");
        assertThat(Target.CASE.siteLabel()).isEmpty();
        assertThat(Target.CASE.hasSite()).isFalse();
        assertThat(new Target("", -1, "Shop", "", "").hasSite()).as("a name without an id").isTrue();
        assertThat(new Target("", 0, "", "", "").hasSite()).as("site id 0 is a real id").isTrue();
    }

    @Test
    void atScopeKeepsOnlyWhatTheActionIsAbout() {
        assertThat(FULL.at(Scope.SERVER)).isEqualTo(new Target("WEB02", -1, "", "", ""));
        assertThat(FULL.at(Scope.SITE)).isEqualTo(new Target("WEB02", 3, "Shop", "", ""));
        assertThat(FULL.at(Scope.APP)).isSameAs(FULL);
        assertThat(FULL.at(Scope.POOL)).isEqualTo(new Target("WEB02", -1, "", "", "ShopPool"));
        // a site-scoped action about a pool whose site is unknown keeps the pool, so two pools stay apart
        assertThat(new Target("", -1, "", "", "ShopPool").at(Scope.SITE)).isEqualTo(new Target("", -1, "", "", "ShopPool"));
        // a pool-scoped action without a pool stays about the site
        assertThat(new Target("", 3, "Shop", "/api", "").at(Scope.POOL)).isEqualTo(new Target("", 3, "Shop", "/api", ""));
        // two applications of one pool become one pool-scoped instance
        Target other = new Target("WEB02", 4, "Admin", "/", "ShopPool");
        assertThat(other.at(Scope.POOL)).isEqualTo(FULL.at(Scope.POOL));
        assertThat(other.at(Scope.SITE)).isNotEqualTo(FULL.at(Scope.SITE));
    }

    @Test
    void scopeKeysFromTheCatalog() {
        assertThat(Scope.fromKey(" pool ")).isEqualTo(Scope.POOL);
        assertThat(Scope.fromKey("Server")).isEqualTo(Scope.SERVER);
        assertThatThrownBy(() -> Scope.fromKey("farm")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coversWhenEveryNamedPartAgrees() {
        assertThat(Target.CASE.covers(FULL)).as("case-wide knowledge holds everywhere").isTrue();
        assertThat(new Target("", 3, "", "", "").covers(FULL)).isTrue();
        assertThat(new Target("", 3, "shop", "", "shoppool").covers(FULL)).as("names compare ignoring case").isTrue();
        assertThat(new Target("", 4, "", "", "").covers(FULL)).isFalse();
        assertThat(new Target("WEB01", -1, "", "", "").covers(FULL)).as("another server").isFalse();
        assertThat(new Target("", -1, "", "/admin", "").covers(FULL)).isFalse();
        assertThat(FULL.covers(Target.CASE)).as("specific knowledge does not hold for the whole case").isFalse();
    }

    @Test
    void agreesWhenNoPartBothNameDiffers() {
        Target site = new Target("WEB02", 3, "", "", "");
        Target pool = new Target("", -1, "", "", "ShopPool");
        assertThat(site.agrees(pool)).as("one names the site, the other the pool").isTrue();
        assertThat(pool.agrees(site)).isTrue();
        assertThat(site.covers(pool) || pool.covers(site)).as("where neither covers the other").isFalse();
        assertThat(FULL.agrees(new Target("", 3, "SHOP", "/API", ""))).as("names compare ignoring case").isTrue();
        assertThat(site.agrees(new Target("", 4, "", "", "ShopPool"))).as("another site").isFalse();
        assertThat(site.agrees(new Target("WEB03", 3, "", "", ""))).as("another server").isFalse();
        assertThat(FULL.agrees(new Target("", 3, "", "", "OtherPool"))).as("another pool").isFalse();
        assertThat(FULL.agrees(new Target("", 3, "", "/admin", ""))).as("another application").isFalse();
        assertThat(Target.CASE.agrees(FULL)).isTrue();
    }

    @Test
    void keyIdentifiesEveryPart() {
        assertThat(FULL.key()).isEqualTo("WEB02|3|Shop|/api|ShopPool");
        assertThat(Target.CASE.key()).isEqualTo("|-1|||");
        assertThat(new Target("", 3, "", "", "").key()).isNotEqualTo(new Target("", -1, "", "", "3").key());
    }
}
