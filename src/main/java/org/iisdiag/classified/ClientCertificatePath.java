package org.iisdiag.classified;

import java.util.Collection;
import java.util.Locale;

import org.iisdiag.facts.AccessConfig;
import org.iisdiag.facts.RecordEquality;
import org.iisdiag.facts.SiteDefinition;
import org.iisdiag.conclusions.Target;

/**
 * Where a site asks clients for a certificate, in the terms the fixes need: the site, the configuration path
 * the access setting covers ("Site" or "Site/upload", what appcmd and a {@code <location>} take) and the
 * HTTP.sys certificate entry of the site's HTTPS binding as {@code netsh http ... sslcert} names it: its key
 * ("hostnameport" or "ipport") and endpoint ("host:443", "0.0.0.0:443"). Any part the case cannot name is "".
 */
public record ClientCertificatePath(String site, String path, String bindingKey, String bindingEndpoint) {

    /**
     * For an access setting that applies to {@code target}: a {@code <location>} of applicationHost.config names its
     * site first ("Portal/upload"); a web.config's own level or location is relative to the target's site.
     */
    public static ClientCertificatePath of(Collection<?> sites, AccessConfig access, Target target) {
        String location = access.locationPath().strip();
        String first = location.split("/", 2)[0].strip();
        for (Object o : sites) {
            if (o instanceof SiteDefinition s && !first.isEmpty() && s.name().equalsIgnoreCase(first)) {
                return at(s.name(), location, SiteBindings.httpsBinding(sites, s.name()));
            }
        }
        String site = target.siteName();
        if (site.isEmpty()) {
            return at("", "", SiteBindings.httpsBinding(sites, ""));
        }
        String path = location.isEmpty() || location.equals(".") ? site : site + "/" + location;
        return at(site, path, SiteBindings.httpsBinding(sites, site));
    }

    /**
     * Whether {@code site} is one the access setting can be about: the site its {@code <location>} names first,
     * the target's site, or, when neither names one, any site with an HTTPS binding.
     */
    public static boolean concerns(SiteDefinition site, AccessConfig access, Target target) {
        String first = access.locationPath().strip().split("/", 2)[0].strip();
        if (!first.isEmpty() && site.name().equalsIgnoreCase(first)) {
            return true;
        }
        if (!target.siteName().isEmpty()) {
            return site.name().equalsIgnoreCase(target.siteName());
        }
        return site.bindings().stream().anyMatch(b -> b.toLowerCase(Locale.ROOT).startsWith("https/"));
    }

    /**
     * The netsh entry of a bindingInformation "ip:port:host": a binding with a host name is usually an SNI binding,
     * listed by host and port; one without by address and port, "*" being 0.0.0.0. Both "" for "".
     */
    static ClientCertificatePath at(String site, String path, String binding) {
        int last = binding.lastIndexOf(':');
        int before = last <= 0 ? -1 : binding.lastIndexOf(':', last - 1);
        if (before < 0) {
            return new ClientCertificatePath(site, path, "", "");
        }
        String ip = binding.substring(0, before).strip();
        String port = binding.substring(before + 1, last).strip();
        String host = binding.substring(last + 1).strip().toLowerCase(Locale.ROOT);
        if (!host.isEmpty()) {
            return new ClientCertificatePath(site, path, "hostnameport", host + ":" + port);
        }
        return new ClientCertificatePath(site, path, "ipport", (ip.isEmpty() || ip.equals("*") ? "0.0.0.0" : ip) + ":" + port);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
