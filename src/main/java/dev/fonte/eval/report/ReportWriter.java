package dev.fonte.eval.report;

import dev.fonte.eval.run.EvalRun;

import java.io.IOException;
import java.io.Writer;

/** Writes a run in one format (console table, JSON, Markdown, JUnit XML). */
public interface ReportWriter {

    void write(EvalRun run, Writer out) throws IOException;
}
