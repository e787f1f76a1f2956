package io.ocmee.it.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The two-instance fixture: servers A and B, started once per test run and shared by every test
 * class that asks for a {@code Federation} parameter; stopped when the run ends. Tests must not
 * stop or restart them (use {@link OcmInstance#start} for a private instance).
 */
public final class Federation {

    private final OcmInstance a;
    private final OcmInstance b;

    private Federation(OcmInstance a, OcmInstance b) {
        this.a = a;
        this.b = b;
    }

    /**
     * @return server A
     */
    public OcmInstance a() {
        return a;
    }

    /**
     * @return server B
     */
    public OcmInstance b() {
        return b;
    }

    /** The JUnit extension that hands out the shared federation. */
    public static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Federation.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.create(Federation.class))
                    .getOrComputeIfAbsent("federation", key -> new Running(), Running.class)
                    .federation;
        }
    }

    /** Holder closed by JUnit at the end of the run. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {

        private final Federation federation;

        Running() {
            OcmInstance a = OcmInstance.start("a");
            OcmInstance b;
            try {
                b = OcmInstance.start("b");
            } catch (RuntimeException e) {
                a.close();
                throw e;
            }
            this.federation = new Federation(a, b);
        }

        @Override
        public void close() {
            federation.a.close();
            federation.b.close();
        }
    }
}
