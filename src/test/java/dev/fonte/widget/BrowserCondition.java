package dev.fonte.widget;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Optional;

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
            System.err.println("SKIPPED " + context.getDisplayName() + ": " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }).orElseGet(() -> ConditionEvaluationResult.enabled("Chromium is installed"));
    }
}
