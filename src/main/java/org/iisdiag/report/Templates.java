package org.iisdiag.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import freemarker.core.OutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;

/**
 * The FreeMarker set-up of one report format: templates from {@code org/iisdiag/report/templates} in
 * the jar, auto-escaping forced for the format (a string can only reach the output escaped; only a
 * markup value made in Java, like the timeline's SVG, is written as it is), no class instantiation or
 * API access from a template, errors thrown rather than printed, and a fixed locale and time zone so
 * the same report gives the same bytes.
 */
final class Templates {
    private final Configuration config;
    private final String name;

    Templates(OutputFormat format, String name, Map<String, TemplateModel> functions) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_35);
        c.setClassForTemplateLoading(Templates.class, "templates");
        c.setDefaultEncoding("UTF-8");
        c.setOutputFormat(format);
        c.setAutoEscapingPolicy(Configuration.FORCE_AUTO_ESCAPING_POLICY);
        c.setRecognizeStandardFileExtensions(false);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        // the view is records: their components read as properties (d.title), and no other method is reachable
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        c.setObjectWrapper(wrapper.build());
        functions.forEach(c::setSharedVariable);
        this.config = c;
        this.name = name;
    }

    /** Loads and parses the template into the configuration's cache; a failure is left for {@link #render}. */
    void prepare() {
        try {
            config.getTemplate(name);
        } catch (IOException e) {
            // render meets it again and reports it
        }
    }

    /** The template applied to {@code model}. */
    String render(Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            config.getTemplate(name).process(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            // a template error is a bug of this version, not a problem of the case
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalStateException("report template " + name + ": " + (root == e ? "" : root + "; ") + e.getMessage(), e);
        }
        return out.toString();
    }
}
