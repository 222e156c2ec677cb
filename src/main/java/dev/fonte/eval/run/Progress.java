package dev.fonte.eval.run;

/** Told as each case finishes, from the runner's worker threads. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total, result) -> { };

    void caseFinished(int done, int total, CaseResult result);
}
