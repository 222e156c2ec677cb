package dev.fonte.widget;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Skips each browser test, naming what is missing, where Debian's Chromium (or, for tests marked
 * {@link Axe.Needed}, axe-core) is not installed. Per test, not per class, so that surefire counts every one of them
 * as skipped and prints why.
 */
final class BrowserCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("checked per test");
        }
        Optional<String> missing = Browser.missing();
        if (missing.isEmpty() && context.getRequiredTestMethod().isAnnotationPresent(Axe.Needed.class)) {
            missing = Axe.missing();
        }
        return missing.map(reason -> {
            tellTheConsole(context.getRequiredTestClass().getSimpleName() + ": " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }).orElseGet(() -> ConditionEvaluationResult.enabled("Chromium is installed"));
    }

    /**
     * Says once per class and reason why tests are skipped, on the process's own standard error: surefire sends
     * System.err of tests to a file (redirectTestOutputToFile), but shows what a forked JVM writes there natively.
     */
    private static void tellTheConsole(String line) {
        if (TOLD.add(line)) {
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            err.println("SKIPPED " + line);
        }
    }

    private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();
}
