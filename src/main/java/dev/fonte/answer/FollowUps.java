package dev.fonte.answer;

import dev.fonte.answer.extractive.CapitalisedWords;
import dev.fonte.answer.extractive.Fact;
import dev.fonte.answer.extractive.FactFinder;
import dev.fonte.answer.extractive.QuestionReader;
import dev.fonte.language.FactKind;
import dev.fonte.language.Language;
import dev.fonte.language.Languages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a follow-up question against the previous turn without a language model: a short question that leans on
 * what came before ("E l'anno scorso?", "And who invested in it?", by its language's cues) is completed with the
 * previous question's words, minus those the follow-up replaces (a new time replaces the old one, a new name the old
 * name). When the previous question asked who or which one, the name its answer gave is what the follow-up speaks of
 * ("Who chairs the Fed?" ... "How old is he?"). The result is bounded, however long the conversation.
 */
final class FollowUps {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** A capitalised word after the first, with what an apostrophe or a hyphen joins to it: a name ("Dell'Orco"). */
    private static final Pattern NAME = Pattern.compile("(?<=\\s)\\p{Lu}[\\p{L}\\p{N}]*(?:[-'’][\\p{L}\\p{N}]+)*");
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    /** The kinds of question whose answer is a name: the next question may speak of that name. */
    private static final Set<FactKind> NAMING = Set.of(FactKind.PERSON, FactKind.ORGANIZATION);

    private final ConversationConfiguration config;
    /** Words that are no name when capitalised at a sentence's start, in any language a cited span may be in. */
    private final Set<String> notNames;
    private final Map<String, FactFinder> finders = new ConcurrentHashMap<>();

    FollowUps(ConversationConfiguration config, Languages languages) {
        this.config = config;
        Set<String> words = new HashSet<>();
        languages.all().forEach(l -> words.addAll(l.functionWords()));
        this.notNames = Set.copyOf(words);
    }

    /**
     * The standalone form of {@code question}: itself, or itself completed with the previous turn (its standalone
     * question, and the name its answer gave when the follow-up speaks of it).
     */
    String resolve(String question, ConversationMemory.LastTurn previous, Language language) {
        if (previous == null || !isFollowUp(question, language)) {
            return question;
        }
        String referent = referent(question, previous, language);
        String carried = referent.isEmpty() ? previous.standaloneQuestion()
                : answered(previous.standaloneQuestion(), referent, language);
        if (speaksOfTime(question, language)) {
            carried = withoutTimes(carried, language);
        }
        if (NAME.matcher(question).find()) {
            carried = NAME.matcher(carried).replaceAll(" ");
        }
        carried = carried.replaceAll("[?!.]", " ").replaceAll("\\s+", " ").strip();
        return bounded(question.strip() + " " + carried);
    }

    /**
     * The previous question with the name its answer gave in place of the words that asked for it: "Who is the chair
     * of the Fed?" answered with Jerome Powell is "Jerome Powell chair of the Fed". Its question words (and their
     * verb) are not what the follow-up asks, and a word cut by the asking words is dropped whole.
     */
    private static String answered(String previous, String referent, Language language) {
        QuestionReader.Asking asking = QuestionReader.asking(previous, language);
        if (asking.start() < 0) {
            return referent + " " + previous;
        }
        int start = asking.start();
        while (start > 0 && !Character.isWhitespace(previous.charAt(start - 1))) {
            start--;
        }
        int end = asking.end();
        while (end < previous.length() && Character.isLetterOrDigit(previous.charAt(end))) {
            end++;
        }
        return previous.substring(0, start) + " " + referent + " " + previous.substring(end);
    }

    boolean isFollowUp(String question, Language language) {
        long words = WORD.matcher(question).results().count();
        // after an opening mark ("¿Y desde dónde habló?") or a quote
        String q = question.substring(CapitalisedWords.leadingEnd(question));
        boolean leans = startsWith(language.followUp().openers().matcher(q)) || language.followUp().references().in(q);
        return words <= config.followUpWords() && (leans || bare(q, language))
                || words <= config.followUpAlwaysWords();
    }

    /**
     * Whether a question asks for a fact and says nothing of what it is about: one word at most beside the language's
     * function words, and no name ("Over how many days?", "Dove si era svolta?", "Chi l'ha diretto?").
     */
    private static boolean bare(String question, Language language) {
        if (NAME.matcher(question).find() || QuestionReader.asking(question, language).start() < 0) {
            return false;
        }
        long content = WORD.matcher(question).results()
                .filter(w -> !language.functionWords().contains(w.group().toLowerCase(Locale.ROOT)))
                .count();
        return content <= 1;
    }

    /**
     * The name the previous answer gave, when the previous question asked who or which one and the follow-up, naming
     * no one itself, speaks of it: by a pronoun ("How old is he?") or by asking something else of the same subject
     * ("¿Y desde dónde habló?"). A follow-up that asks who again asks of the previous question's subject ("And who
     * voted against?"), not of its answer. Empty when there is none.
     */
    private String referent(String question, ConversationMemory.LastTurn previous, Language language) {
        String before = previous.standaloneQuestion();
        if (previous.said().isEmpty() || NAME.matcher(question).find()
                || !NAMING.contains(QuestionReader.asking(before, language).kind())) {
            return "";
        }
        FactKind asks = QuestionReader.asking(question, language).kind();
        boolean pronoun = language.followUp().references().in(question);
        if (!pronoun && (asks == FactKind.NONE || asks == FactKind.DEFINITION || NAMING.contains(asks))) {
            return "";
        }
        return answeredName(previous.said(), before, language);
    }

    /**
     * The name a cited text gives in answer to a question: of its names that the question does not already say, the
     * one standing nearest to the question's own words ("the chair of the Fed, Jerome Powell").
     */
    private String answeredName(String said, String question, Language language) {
        Set<String> asked = new HashSet<>();
        WORD.matcher(question).results().map(r -> r.group().toLowerCase(Locale.ROOT)).forEach(asked::add);
        Set<String> opening = new HashSet<>();
        Matcher first = WORD.matcher(said);
        if (first.find() && !notNames.contains(first.group().toLowerCase(Locale.ROOT))) {
            // a cited sentence often opens with its subject
            opening.add(first.group().toLowerCase(Locale.ROOT));
        }
        FactFinder finder = finders.computeIfAbsent(language.code(), c -> new FactFinder(language, notNames));
        List<Fact> facts = finder.find(said, opening);
        Set<Integer> places = new HashSet<>();
        // a place ends with its name ("Texas", "rada di Porticello")
        facts.stream().filter(f -> f.type() == Fact.Type.PLACE).forEach(f -> places.add(f.end()));
        List<int[]> anchors = new ArrayList<>();
        Matcher w = WORD.matcher(said);
        while (w.find()) {
            String word = w.group().toLowerCase(Locale.ROOT);
            if (asked.contains(word) && !notNames.contains(word)) {
                anchors.add(new int[] {w.start(), w.end()});
            }
        }
        if (anchors.isEmpty()) {
            // a cited text that shares no word with the question does not tell which of its names answers it
            return "";
        }
        String best = "";
        int nearest = Integer.MAX_VALUE;
        for (Fact f : facts) {
            if (f.type() != Fact.Type.NAME || places.contains(f.end())) {
                continue;
            }
            String name = f.text();
            List<String> own = WORD.matcher(CapitalisedWords.withoutPossessives(name)).results().map(r -> r.group())
                    .filter(x -> !asked.contains(x.toLowerCase(Locale.ROOT))).toList();
            if (own.isEmpty()) {
                continue;
            }
            // a name holding a word of the question is the one it asks about: "Fed Chair Jerome Powell"
            int distance = anchors.stream().mapToInt(a -> Math.max(0, Math.max(a[0] - f.end(), f.start() - a[1])))
                    .min().orElseThrow();
            if (distance < nearest) {
                nearest = distance;
                best = String.join(" ", own);
            }
        }
        return best;
    }

    private static boolean startsWith(Matcher m) {
        return m.find() && m.start() == 0;
    }

    private static boolean speaksOfTime(String text, Language language) {
        Language.TimeWords t = language.time();
        return YEAR.matcher(text).find() || t.thisYear().in(text) || t.lastYear().in(text) || t.nextYear().in(text)
                || t.months().in(text) || t.words().in(text);
    }

    private static String withoutTimes(String text, Language language) {
        Language.TimeWords t = language.time();
        String out = YEAR.matcher(text).replaceAll(" ");
        for (var p : java.util.List.of(t.thisYear(), t.lastYear(), t.nextYear(), t.months(), t.words(), t.since())) {
            out = p.matcher(out).replaceAll(" ");
        }
        return out;
    }

    /** At most the configured number of words: the new question first, then as much of what it carries as fits. */
    private String bounded(String standalone) {
        Matcher m = WORD.matcher(standalone);
        int count = 0;
        while (m.find()) {
            if (++count > config.maxStandaloneWords()) {
                return standalone.substring(0, m.start()).strip();
            }
        }
        return standalone;
    }
}
