package io.multitune.testing.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences the in-process broker's INFO logging (~1,200 lines per start) whatever the slf4j backend is.
 *
 * <p>Kafka logs through slf4j. Under {@code @QuarkusTest} slf4j goes to JBoss LogManager, which is the
 * {@code java.util.logging} manager, so JUL levels apply; with slf4j-jdk14 the same. With a log4j2 backend
 * (log4j-slf4j2-impl; log4j-core comes with kafka-server) the levels are set through log4j's Configurator, and
 * slf4j-simple reads system properties. Each of these is tried; the ones not on the classpath are skipped.
 */
final class BrokerLogging {
    /** The logger categories the broker writes to. */
    static final List<String> CATEGORIES = List.of("kafka", "org.apache.kafka", "state.change.logger");

    /** JUL only keeps weak references to loggers: hold them, or the levels are lost when they are collected. */
    private static final List<Logger> HELD = new ArrayList<>();

    private BrokerLogging() {
    }

    static synchronized void quiet() {
        for (String category : CATEGORIES) {
            // slf4j-simple, if that is the backend (read when its first logger is made).
            System.setProperty("org.slf4j.simpleLogger.log." + category, "warn");
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            HELD.add(logger);
        }
        if (slf4jBackend().startsWith("org.apache.logging.")) {
            CATEGORIES.forEach(BrokerLogging::setLog4jLevel);
        }
    }

    /** The class name of slf4j's logger factory; read after the slf4j-simple properties are set. */
    private static String slf4jBackend() {
        try {
            return org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName();
        } catch (LinkageError e) {
            return "";
        }
    }

    private static void setLog4jLevel(String category) {
        try {
            Class<?> levelClass = Class.forName("org.apache.logging.log4j.Level");
            Object warn = levelClass.getField("WARN").get(null);
            Class<?> configurator = Class.forName("org.apache.logging.log4j.core.config.Configurator");
            configurator.getMethod("setLevel", String.class, levelClass).invoke(null, category, warn);
        } catch (ClassNotFoundException | LinkageError e) {
            // log4j-core is not on the classpath: nothing logs through it.
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A log4j without this API, or a log4j-api bridged elsewhere: the other mechanisms apply.
        }
    }
}
