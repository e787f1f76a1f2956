package io.ocmee.it.support;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment factory of the Arquillian tests: the module exactly as the embedded default
 * runs it (the single WAR built by {@code ocm-ear}), deployed as {@code ROOT.war} so that it serves
 * {@code /.well-known/ocm} at the root, plus the test classes that run inside it.
 */
public final class Deployments {

    private Deployments() {}

    /**
     * @param testClasses classes to add for in-container tests (the test class itself, helpers)
     * @return the module's WAR with those classes and AssertJ
     */
    public static WebArchive ocmModule(Class<?>... testClasses) {
        File war = new File(System.getProperty("ocm.micro.war"));
        WebArchive archive =
                ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                        .importFrom(war)
                        .as(WebArchive.class)
                        .addClasses(testClasses)
                        .addAsLibraries(jarOf(Assertions.class));
        return archive;
    }

    /**
     * @param deployed the URL Arquillian reports for a deployment
     * @return the same URL on 127.0.0.1: Payara Micro reports the machine's other address, while
     *     the server listens on loopback only
     */
    public static String loopback(java.net.URL deployed) {
        return "http://127.0.0.1:" + deployed.getPort();
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type, e);
        }
    }
}
