package dev.cnnbuild.test;

import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Keeps DJL's logging out of a consumer's test run, whatever SLF4J binding the consumer's tests have, without giving
 * them one: DJL's INFO lines (the libtorch it found, its thread counts) and the warning of {@code CudaUtils} on every
 * machine without a usable GPU ({@code Failed to detect GPU count: ...}) are left out; DJL's other warnings and errors
 * stay. A level the consumer set for {@code ai.djl} is kept, and system property {@value #VERBOSE_PROPERTY}
 * {@code =true} keeps DJL's logging as the binding has it.
 *
 * <ul>
 *   <li>no binding: SLF4J's own notice that it found none is not printed (the no-operation provider is named);</li>
 *   <li>{@code slf4j-simple}: the levels are set as its system properties, unless they are set;</li>
 *   <li>Logback and {@code slf4j-jdk14}: the levels are set on the loggers that have none of their own;</li>
 *   <li>other bindings (Log4j 2): configure logger {@code ai.djl} at {@code warn} in their configuration.</li>
 * </ul>
 *
 * <pre>{@code
 * QuietEngineLogging.apply();   // before the first DJL class logs; every way of loading a model calls it
 * }</pre>
 */
final class QuietEngineLogging {
    /** The system property that, set to {@code true}, keeps DJL's INFO lines and its GPU detection warning. */
    static final String VERBOSE_PROPERTY = "cnn.verbose";

    private static final String DJL = "ai.djl";
    private static final String CUDA_UTILS = "ai.djl.util.cuda.CudaUtils";
    private static final String SIMPLE_PREFIX = "org.slf4j.simpleLogger.log.";
    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";
    private static final String JUL_FACTORY = "org.slf4j.jul.JDK14LoggerFactory";
    /** Strong references: {@code java.util.logging} forgets the level of a logger nobody holds. */
    private static final Logger[] JUL_LOGGERS = {Logger.getLogger(DJL), Logger.getLogger(CUDA_UTILS)};

    private static boolean applied;

    private QuietEngineLogging() {}

    /** Quiets DJL's logging once per JVM; later calls do nothing. */
    static synchronized void apply() {
        if (applied) {
            return;
        }
        applied = true;
        if (Boolean.getBoolean(VERBOSE_PROPERTY)) {
            return;
        }
        if (System.getProperty("slf4j.provider") == null
                && !ServiceLoader.load(SLF4JServiceProvider.class).iterator().hasNext()) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            setUnlessSet("slf4j.internal.verbosity", "WARN");
        }
        setUnlessSet(SIMPLE_PREFIX + DJL, "warn");
        setUnlessSet(SIMPLE_PREFIX + CUDA_UTILS, "error");
        Object factory = LoggerFactory.getILoggerFactory();
        String factoryClass = factory.getClass().getName();
        if (LOGBACK_CONTEXT.equals(factoryClass)) {
            quietLogback(factory);
        } else if (JUL_FACTORY.equals(factoryClass)) {
            setUnlessSet(JUL_LOGGERS[0], Level.WARNING);
            setUnlessSet(JUL_LOGGERS[1], Level.SEVERE);
        }
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static void setUnlessSet(Logger logger, Level level) {
        if (logger.getLevel() == null) {
            logger.setLevel(level);
        }
    }

    /** Logback is the consumer's, not a dependency of ours: its level API is reached by reflection. */
    private static void quietLogback(Object context) {
        try {
            Class<?> levelClass = Class.forName(
                    "ch.qos.logback.classic.Level", true, context.getClass().getClassLoader());
            for (String[] logger : new String[][] {{DJL, "WARN"}, {CUDA_UTILS, "ERROR"}}) {
                Object target =
                        context.getClass().getMethod("getLogger", String.class).invoke(context, logger[0]);
                if (target.getClass().getMethod("getLevel").invoke(target) == null) {
                    target.getClass()
                            .getMethod("setLevel", levelClass)
                            .invoke(target, levelClass.getField(logger[1]).get(null));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a Logback whose API differs keeps its own levels: DJL logs as it configures
        }
    }
}
