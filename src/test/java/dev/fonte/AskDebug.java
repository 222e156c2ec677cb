package dev.fonte;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Question;
import dev.fonte.retrieval.IndexManager;
import io.micronaut.context.ApplicationContext;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Scratch: answers the questions of a file (one per line; "> " continues the conversation) with the engine's log. */
public final class AskDebug {
    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger("dev.fonte.answer.extractive")).setLevel(Level.DEBUG);
        try (ApplicationContext context = ApplicationContext.run(java.util.Map.of("fonte.corpus.path",
                System.getProperty("corpus", "corpus")))) {
            context.getBean(IndexManager.class).awaitReady(Duration.ofSeconds(120));
            AnswerService answers = context.getBean(AnswerService.class);
            List<String> lines = Files.readAllLines(Path.of(args[0]));
            String conversation = null;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                boolean follow = line.startsWith("> ");
                String q = follow ? line.substring(2) : line;
                System.out.println("\n=== " + q);
                Answer a = answers.answer(new Question(q, follow ? conversation : null));
                conversation = a.conversationId();
                System.out.println("--> " + a.answer());
            }
        }
    }
}
