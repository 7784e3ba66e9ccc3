package org.iisdiag.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SignInRedirectsTest {
    private static final String AUTHORIZE = "https://login.microsoftonline.com/72f988bf-0000/oauth2/v2.0/authorize"
            + "?client_id=1111&response_type=code%20id_token&redirect_uri=http%3A%2F%2Fportal.contoso.com%2Fsignin-oidc"
            + "&state=SECRETSTATE&nonce=SECRETNONCE";

    @Test
    void keepsTheRedirectUriWithoutItsQueryAndThePageScheme() {
        List<String> key = SignInRedirects.key("https://Portal.contoso.com/Account/SignIn?ReturnUrl=%2F", AUTHORIZE);
        assertThat(key).containsExactly("portal.contoso.com", "https", "login.microsoftonline.com",
                "http://portal.contoso.com/signin-oidc");
        assertThat(String.join(" ", key)).doesNotContain("SECRET", "client_id");
    }

    @Test
    void otherRedirectsAreNotSignInRedirects() {
        assertThat(SignInRedirects.key("https://portal.contoso.com/", "/Account/SignIn?ReturnUrl=%2F")).isNull();
        assertThat(SignInRedirects.key("https://portal.contoso.com/", "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=1"))
                .isNull(); // no redirect_uri
        assertThat(SignInRedirects.key("https://portal.contoso.com/", "https://idp.contoso.com/logout?redirect_uri=https%3A%2F%2Fx"))
                .isNull(); // not an authorization endpoint
        assertThat(SignInRedirects.key("not a url", AUTHORIZE)).isNull();
        assertThat(SignInRedirects.key("https://portal.contoso.com/", "https://idp/authorize?redirect_uri=%%bad")).isNull();
    }

    @Test
    void aDowngradeIsAnHttpsPageAskingToBeCalledBackOverHttp() {
        assertThat(new org.iisdiag.facts.SignInRedirect("portal.contoso.com", "https", "login.microsoftonline.com",
                "http://portal.contoso.com/signin-oidc", 1, null, null, List.of()).downgradesScheme()).isTrue();
        assertThat(new org.iisdiag.facts.SignInRedirect("portal.contoso.com", "http", "login.microsoftonline.com",
                "http://portal.contoso.com/signin-oidc", 1, null, null, List.of()).downgradesScheme()).isFalse();
        assertThat(new org.iisdiag.facts.SignInRedirect("portal.contoso.com", "https", "login.microsoftonline.com",
                "https://portal.contoso.com/signin-oidc", 1, null, null, List.of()).downgradesScheme()).isFalse();
    }
}
