package dev.fonte.eval.report;

import dev.fonte.answer.Citation;
import dev.fonte.eval.run.CaseResult;
import dev.fonte.eval.run.TurnResult;

import java.util.List;

/**
 * What every report shows for a failed case: the question, the answer, its citations and what failed.
 *
 * @param outcome the decisive turn's outcome ({@code wrong-cited}, {@code missed}, ...)
 * @param failed  one line per failed assertion ({@code contains-any ["x"]: the answer contains none of ["x"]}) or the
 *               target's error
 */
record Failure(String caseId, String location, String question, String answer, String outcome, List<String> citations,
               List<String> failed) {

    static Failure of(CaseResult result) {
        TurnResult turn = result.decisiveTurn();
        List<String> failed = turn.error() != null
                ? List.of("no answer: " + turn.error())
                : turn.failures().stream().map(f -> f.assertion().describe() + ": " + f.verdict().detail()).toList();
        String answer = turn.reply() == null ? "" : turn.reply().answer().answer();
        List<String> citations = turn.reply() == null ? List.of()
                : turn.reply().answer().citations().stream().map(Failure::citation).toList();
        String question = result.turns().size() > 1
                ? "(turn " + result.turns().size() + ") " + turn.turn().question() : turn.turn().question();
        return new Failure(result.testCase().qualifiedId(), result.testCase().location(), question,
                answer == null ? "" : answer, turn.outcome().label(), citations, failed);
    }

    static String citation(Citation c) {
        return "[" + c.n() + "] \"" + c.text() + "\" (" + c.id() + ")";
    }
}
