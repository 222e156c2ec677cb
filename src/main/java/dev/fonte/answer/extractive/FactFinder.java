package dev.fonte.answer.extractive;

import dev.fonte.language.Dimension;
import dev.fonte.language.Language;
import dev.fonte.language.Phrases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the facts a text states, with its language's words: figures and their units (money, percentages, lengths,
 * durations... whatever the pack lists), times, names, places and reasons. Written once per language; the patterns
 * here are the shapes of numbers and names, which no language owns.
 */
public final class FactFinder {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\d+(?:[.,]\\d+)*(?![\\p{L}\\p{N}])");
    /** A figure with letters written onto it: a figure only when they are its unit ("1.5C", "10km"), not "2nd". */
    private static final Pattern ATTACHED = Pattern.compile("(?<![\\p{L}\\p{N}])\\d+(?:[.,]\\d+)*(?=\\p{L})");
    private static final Pattern YEAR = Pattern.compile("1[89]\\d{2}|20\\d{2}");
    /** Four digits that are a year before 1800 only after a word that says so ("nel 1538", "in 1163"). */
    private static final Pattern EARLY_YEAR = Pattern.compile("1[0-7]\\d{2}");
    private static final int LOOK_AHEAD = 60;
    /** A day number right before a month name: "12 marzo", "12th of March", "12 de marzo". */
    private static final Pattern DAY_BEFORE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:[0-3]?\\d)(?:st|nd|rd|th|°|º)?\\s+(?:\\p{L}{1,3}\\s+)?$");
    /** A day number right after a month name: "March 12". */
    private static final Pattern DAY_AFTER = Pattern.compile("\\s+[0-3]?\\d(?:st|nd|rd|th)?(?![\\p{N}])");
    /**
     * A time of day: "17:12", "7:25 a.m.", "17.12"; never the first digits of a longer figure ("2.000 scienziati" is
     * two thousand). Written with a point it is a time only after a clock word or before "a.m."/"p.m." (see
     * {@link #clock}), as it is also how a decimal is written ("1.48C", "5.25 percent").
     */
    private static final Pattern CLOCK = Pattern.compile(
            "(?<![\\p{N}.,:])(?:[01]?\\d|2[0-3])([:.])[0-5]\\d(?![\\p{N}])(?![.,:]\\d)(\\s*[ap]\\.?\\s?m\\.?)?");
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<![\\p{N}/.])[0-3]?\\d[/.-][01]?\\d[/.-](?:19|20)?\\d{2}(?![\\p{N}])");

    private final Language language;
    private final Phrases numberPhrases;
    private final Pattern numberWords;
    /** Figures with an ordinal suffix of the language ("20th"); null when it has none. */
    private final Pattern digitOrdinals;
    private final Set<String> notNames;

    /** @param notNames lowercase words that are never names even when capitalised (function words, stop words) */
    public FactFinder(Language language, Set<String> notNames) {
        this.language = language;
        this.numberPhrases = Phrases.of(language.numbers().words().keySet());
        this.numberWords = numberPhrases.matcher("").pattern();
        Phrases suffixes = language.numbers().ordinalSuffixes();
        this.digitOrdinals = suffixes.isEmpty() ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}.,])\\d{1,3}(?:" + suffixes.asList().stream().map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining("|")) + ")(?![\\p{L}\\p{N}])");
        this.notNames = notNames;
    }

    /**
     * @param documentNames lowercase words the text's document writes capitalised inside its sentences: a sentence's
     *                      first word is a name only when it is one of them ("Microsoft ha...", not "Dopo...")
     */
    public List<Fact> find(String text, Set<String> documentNames) {
        List<Fact> facts = new ArrayList<>();
        // the word lists are searched only in a text that holds one of their first words
        String folded = Phrases.folded(text);
        figures(text, folded, facts);
        ordinals(text, folded, facts);
        times(text, folded, facts);
        names(text, documentNames, facts);
        for (Pattern p : language.reasons()) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                facts.add(new Fact(Fact.Type.REASON, null, m.start(), m.end(), m.group(), false));
            }
        }
        for (Pattern p : language.statements()) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                facts.add(new Fact(Fact.Type.STATEMENT, null, m.start(), m.end(), m.group(), false));
            }
        }
        facts.sort(Comparator.comparingInt(Fact::start));
        return List.copyOf(facts);
    }

    /**
     * Places in a series, in digits with a suffix ("20th", "20°") or in words ("fourth"): "The title is Liverpool's
     * 20th" says how many titles Liverpool has won.
     */
    private void ordinals(String text, String folded, List<Fact> out) {
        Matcher words = matcher(language.numbers().ordinals(), text, folded);
        while (words.find()) {
            if (!fraction(text, words.start(), words.end())) {
                out.add(new Fact(Fact.Type.ORDINAL, null, words.start(), words.end(), words.group(), false));
            }
        }
        if (digitOrdinals != null) {
            Matcher digits = digitOrdinals.matcher(text);
            while (digits.find()) {
                out.add(new Fact(Fact.Type.ORDINAL, null, digits.start(), digits.end(), digits.group(), false));
            }
        }
    }

    /**
     * Whether an ordinal word is a fraction: after one of the pack's {@code numbers.fractionBefore} and before one of
     * its {@code numbers.fractionOf} ("un terzo dei seggi", "a third of the seats"), not "un terzo mandato".
     */
    private boolean fraction(String text, int start, int end) {
        Language.Numbers numbers = language.numbers();
        int before = start;
        while (before > 0 && Character.isWhitespace(text.charAt(before - 1))) {
            before--;
        }
        if (before == start || numbers.fractionBefore().endingAt(text, before, 8) < 0) {
            return false;
        }
        int after = end;
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        return after > end && numbers.fractionOf().matcher(text).region(after, text.length()).lookingAt();
    }

    /** Whether a word of the pack's {@code time.earlyYears} stands right before a figure ("eruzione del 1538"). */
    private boolean earlyYear(String text, int start) {
        int end = start;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end < start && language.time().earlyYears().endingAt(text, end, 16) >= 0;
    }

    /** Figures, in digits or words, each with the unit that follows it (or a currency symbol before it). */
    private void figures(String text, String folded, List<Fact> out) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        Matcher attached = ATTACHED.matcher(text);
        while (attached.find()) {
            Fact f = figure(text, attached.start(), attached.end());
            if (f.type() == Fact.Type.QUANTITY && f.end() > attached.end()) {
                spans.add(new int[] {attached.start(), attached.end()});
            }
        }
        // an article counts one of a unit ("within a year", "durante un año"), not in a rate ("30,000 a day",
        // "30,000 visitors a day", "several millimetres a day") or a frequency ("once a year")
        Matcher one = matcher(language.numbers().one(), text, folded);
        while (one.find()) {
            int before = one.start();
            while (before > 0 && Character.isWhitespace(text.charAt(before - 1))) {
                before--;
            }
            // a figure right before the article, or one word before it, or a unit right before it
            int wordStart = before;
            while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
                wordStart--;
            }
            int word = wordStart;
            while (word > 0 && word < before && Character.isWhitespace(text.charAt(word - 1))) {
                word--;
            }
            if (before > 0 && Character.isDigit(text.charAt(before - 1))
                    || word > 0 && word < before && Character.isDigit(text.charAt(word - 1))
                    || wordStart < before && unitAt(text, wordStart, before)
                    || language.time().every().endingAt(text, one.end(), 16) >= 0) {
                continue;
            }
            Fact f = figure(text, one.start(), one.end());
            if (f.type() == Fact.Type.QUANTITY && f.end() > one.end()) {
                spans.add(new int[] {one.start(), one.end()});
            }
        }
        Matcher w = numberPhrases.possibleIn(folded) ? numberWords.matcher(text) : NOTHING.matcher("");
        while (w.find()) {
            spans.add(new int[] {w.start(), w.end()});
        }
        // the longest figure starting at a place first: "1.55C" before the "1" of it that stands before a point
        spans.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> -s[1]));
        List<Fact> figures = new ArrayList<>();
        for (int[] span : spans) {
            Fact f = figure(text, span[0], span[1]);
            // a number word inside the unit of the figure before it is part of that unit ("13 per cento")
            if (figures.isEmpty() || f.start() >= figures.get(figures.size() - 1).end()) {
                figures.add(f);
            }
        }
        // two bare figures set against each other by a dash are a result ("beating New Zealand 12-11"), not a range,
        // and neither figure is a number of anything on its own (the 12 of "12-11" is no amount)
        for (int i = 0; i + 1 < figures.size(); i++) {
            Fact a = figures.get(i);
            Fact b = figures.get(i + 1);
            String between = text.substring(a.end(), b.start()).strip();
            if (a.type() == Fact.Type.NUMBER && b.type() == Fact.Type.NUMBER && !a.scaled() && !b.scaled()
                    && (between.equals("-") || between.equals("–")) && !YEAR.matcher(a.text()).matches()
                    && a.text().chars().allMatch(Character::isDigit) && b.text().chars().allMatch(Character::isDigit)) {
                out.add(new Fact(Fact.Type.RESULT, null, a.start(), b.end(), text.substring(a.start(), b.end()),
                        false));
                figures.remove(i + 1);
                figures.remove(i);
                i--;
            }
        }
        // a range takes its unit from its second figure: "tra 51 e 53 miliardi di dollari"
        for (int i = 0; i + 1 < figures.size(); i++) {
            Fact a = figures.get(i);
            Fact b = figures.get(i + 1);
            if (a.type() == Fact.Type.NUMBER && b.type() == Fact.Type.QUANTITY
                    && joinedAsRange(text, a.end(), b.start())) {
                figures.set(i, new Fact(Fact.Type.QUANTITY, b.dimension(), a.start(), b.end(),
                        text.substring(a.start(), b.end()), b.scaled()));
            }
        }
        // a figure in apposition to a name is an age ("Powell, 71, said", "Medvedev, 27 anni e alto..."), with or
        // without its unit: not how long something lasted (the patterns, tried at every position of the text, are
        // most of the cost of finding facts: not where there is no figure to be one)
        for (Pattern p : figures.isEmpty() ? List.<Pattern>of() : language.ages()) {
            Matcher age = p.matcher(text);
            while (age.find()) {
                for (int i = 0; i < figures.size(); i++) {
                    Fact f = figures.get(i);
                    boolean bare = f.type() == Fact.Type.NUMBER && f.end() == age.end(1);
                    boolean years = f.type() == Fact.Type.QUANTITY && f.dimension() == Dimension.DURATION;
                    if (f.start() == age.start(1) && (bare || years)) {
                        figures.set(i, new Fact(Fact.Type.QUANTITY, Dimension.AGE, f.start(), f.end(), f.text(),
                                false));
                    }
                }
            }
        }
        for (Fact f : figures) {
            // a year is a time, not a figure ("nel 2025"), unless a unit says otherwise
            if (f.type() == Fact.Type.NUMBER && !f.scaled() && (YEAR.matcher(f.text()).matches()
                    || EARLY_YEAR.matcher(f.text()).matches() && earlyYear(text, f.start()))) {
                out.add(new Fact(Fact.Type.TIME, null, f.start(), f.end(), f.text(), false));
            } else if (f.type() == Fact.Type.QUANTITY && f.dimension() == Dimension.DURATION
                    && repeats(text, f.start())) {
                // "every two weeks" says how often, not how long
                out.add(new Fact(Fact.Type.FREQUENCY, Dimension.DURATION, f.start(), f.end(), f.text(), false));
            } else {
                out.add(f);
            }
        }
    }

    /**
     * Whether a match of {@link #CLOCK} is a time of day: written with a colon, followed by "a.m."/"p.m.", or right
     * after one of the pack's clock words ("alle 18.07", "a las 9.30").
     */
    private boolean clock(String text, Matcher clock) {
        if (":".equals(clock.group(1)) || clock.group(2) != null) {
            return true;
        }
        int end = clock.end();
        if (end < text.length() && !Character.isWhitespace(text.charAt(end)) && !isPunctuation(text.charAt(end))) {
            // "1.55C": a unit written onto the figure
            return false;
        }
        int after = skipSpaces(text, end, text.length());
        for (Dimension d : Dimension.values()) {
            if (language.units().of(d).matcher(text).region(after, text.length()).lookingAt()) {
                // "at 4.75 percent"
                return false;
            }
        }
        int b = clock.start();
        while (b > 0 && Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        return language.time().clock().endingAt(text, b, 16) >= 0;
    }

    private static boolean isPunctuation(char c) {
        return ".,;:!?)]»\"'’".indexOf(c) >= 0;
    }

    /** Whether an "every" word stands right before a figure ("ogni due settimane"). */
    private boolean repeats(String text, int start) {
        int b = start;
        while (b > 0 && Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        return language.time().every().endingAt(text, b, 16) >= 0;
    }

    private boolean joinedAsRange(String text, int from, int to) {
        String between = text.substring(from, to).strip();
        return between.isEmpty() || between.equals("-") || between.equals("–")
                || language.numbers().range().contains(between);
    }

    private Fact figure(String text, int start, int end) {
        int limit = Math.min(text.length(), end + LOOK_AHEAD);
        // "32-year-old", "71-meter": a hyphen joins a figure to its unit as a space does
        int at = end < limit && text.charAt(end) == '-' ? end + 1 : skipSpaces(text, end, limit);
        boolean scaled = false;
        Matcher magnitude = language.numbers().magnitudes().matcher(text).region(at, limit);
        if (magnitude.lookingAt()) {
            scaled = true;
            at = skipSpaces(text, magnitude.end(), limit);
        }
        // a currency symbol before the figure makes it money whatever follows: "$65 billion", "€ 3", and a rate,
        // "$26,500 a year", is a price, not a duration
        int currency = currencyBefore(text, start);
        if (currency >= 0) {
            int factEnd = scaled ? magnitude.end() : end;
            return new Fact(Fact.Type.QUANTITY, Dimension.MONEY, currency, factEnd, text.substring(currency, factEnd),
                    scaled);
        }
        Matcher connector = language.units().connectors().matcher(text).region(at, limit);
        int afterConnector = connector.lookingAt() ? skipSpaces(text, connector.end(), limit) : -1;
        // the longest unit of any dimension: "300 chilometri orari" is a speed, "chilometri quadrati" an area
        Dimension dimension = null;
        int unitEnd = -1;
        for (Dimension d : Dimension.values()) {
            for (int from : new int[] {at, afterConnector}) {
                if (from < 0) {
                    continue;
                }
                Matcher unit = language.units().of(d).matcher(text).region(from, limit);
                if (unit.lookingAt() && unit.end() > unitEnd) {
                    dimension = d;
                    unitEnd = unit.end();
                }
            }
        }
        if (dimension != null) {
            return new Fact(Fact.Type.QUANTITY, dimension, start, unitEnd, text.substring(start, unitEnd), scaled);
        }
        int factEnd = scaled ? magnitude.end() : end;
        return new Fact(Fact.Type.NUMBER, null, start, factEnd, text.substring(start, factEnd), scaled);
    }

    /** Where a currency symbol stands right before a figure starting at {@code start} ("$65", "€ 3"), or -1. */
    private int currencyBefore(String text, int start) {
        int before = start;
        while (before > 0 && Character.isWhitespace(text.charAt(before - 1)) && start - before < 2) {
            before--;
        }
        Matcher money = language.units().of(Dimension.MONEY).matcher(text);
        for (int from = Math.max(0, before - 4); from < before; from++) {
            money.region(from, before);
            if (money.lookingAt() && money.end() == before && !Character.isLetter(text.charAt(from))) {
                return from;
            }
        }
        return -1;
    }

    private static int skipSpaces(String text, int from, int limit) {
        int i = from;
        while (i < limit && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Months (with a day, a date), weekdays and day words (dates), time words, relative years; "since" before one. */
    private void times(String text, String folded, List<Fact> out) {
        Language.TimeWords t = language.time();
        List<Fact> found = new ArrayList<>();
        Matcher months = matcher(t.months(), text, folded);
        while (months.find()) {
            Matcher before = DAY_BEFORE.matcher(text.substring(Math.max(0, months.start() - 12), months.start()));
            Matcher after = DAY_AFTER.matcher(text.substring(months.end(), Math.min(text.length(), months.end() + 6)));
            if (before.find()) {
                int start = months.start() - (before.end() - before.start());
                found.add(new Fact(Fact.Type.DATE, null, start, months.end(), text.substring(start, months.end()),
                        false));
            } else if (after.lookingAt()) {
                int end = months.end() + after.end();
                found.add(new Fact(Fact.Type.DATE, null, months.start(), end, text.substring(months.start(), end),
                        false));
            } else {
                found.add(new Fact(Fact.Type.TIME, null, months.start(), months.end(), months.group(), false));
            }
        }
        Matcher numeric = NUMERIC_DATE.matcher(text);
        while (numeric.find()) {
            found.add(new Fact(Fact.Type.DATE, null, numeric.start(), numeric.end(), numeric.group(), false));
        }
        Matcher clock = CLOCK.matcher(text);
        while (clock.find()) {
            if (clock(text, clock)) {
                found.add(new Fact(Fact.Type.TIME, null, clock.start(), clock.end(), clock.group(), false));
            }
        }
        for (Phrases p : List.of(t.weekdays(), t.days())) {
            Matcher m = matcher(p, text, folded);
            while (m.find()) {
                found.add(new Fact(Fact.Type.DATE, null, m.start(), m.end(), m.group(), false));
            }
        }
        for (Phrases p : List.of(t.words(), t.thisYear(), t.lastYear(), t.nextYear())) {
            Matcher m = matcher(p, text, folded);
            while (m.find()) {
                found.add(new Fact(Fact.Type.TIME, null, m.start(), m.end(), m.group(), false));
            }
        }
        out.addAll(found);
        List<Fact> times = new ArrayList<>(found);
        out.stream().filter(f -> f.type() == Fact.Type.TIME).forEach(times::add);
        Matcher since = matcher(t.since(), text, folded);
        while (since.find()) {
            int after = skipSpaces(text, since.end(), text.length());
            for (Fact time : times) {
                // "dal 2019", "since March 2020", "dall'inizio del 2023": a time within a few words
                if (time.start() >= after && time.start() - after <= 12) {
                    out.add(new Fact(Fact.Type.SINCE, null, since.start(), time.end(),
                            text.substring(since.start(), time.end()), false));
                    // "dal 2001 al 2013", "from May to July": a span of time says how long
                    int from = through(text, time, times);
                    int to = skipSpaces(text, from, text.length());
                    Matcher until = language.time().until().matcher(text).region(to, text.length());
                    if (to > from && until.lookingAt()) {
                        int next = skipSpaces(text, until.end(), text.length());
                        for (Fact end : times) {
                            if (end.start() >= next && end.start() - next <= 4) {
                                int last = through(text, end, times);
                                out.add(new Fact(Fact.Type.QUANTITY, Dimension.DURATION, since.start(), last,
                                        text.substring(since.start(), last), false));
                                break;
                            }
                        }
                    }
                    break;
                }
            }
        }
    }

    /** Whether a unit of any dimension stands between two places of a text ("millimetres" of "millimetres a day"). */
    private boolean unitAt(String text, int start, int end) {
        for (Dimension d : Dimension.values()) {
            Matcher unit = language.units().of(d).matcher(text).region(start, end);
            if (unit.lookingAt() && unit.end() == end) {
                return true;
            }
        }
        return false;
    }

    /** Where a time ends with the times written right after it: "May 2019" is one. */
    private static int through(String text, Fact time, List<Fact> times) {
        int end = time.end();
        for (boolean grew = true; grew; ) {
            grew = false;
            int next = skipSpaces(text, end, text.length());
            for (Fact t : times) {
                if (t.start() == next && t.end() > end) {
                    end = t.end();
                    grew = true;
                }
            }
        }
        return end;
    }

    /** A matcher of a word list over a text, or one that finds nothing when the text holds none of its first words. */
    private static Matcher matcher(Phrases phrases, String text, String folded) {
        return phrases.possibleIn(folded) ? phrases.matcher(text) : NOTHING.matcher("");
    }

    private static final Pattern NOTHING = Pattern.compile("(?!)");

    /**
     * Capitalised words and runs of them ("Mark Zuckerberg"), but not a capitalised function word opening the
     * sentence, nor month and weekday names; a name right after a place preposition is a place as well.
     */
    private void names(String text, Set<String> documentNames, List<Fact> out) {
        Matcher m = CapitalisedWords.CAPITALISED.matcher(text);
        int runStart = -1;
        int runEnd = -1;
        List<int[]> runs = new ArrayList<>();
        int opens = CapitalisedWords.leadingEnd(text);
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            // only punctuation and spaces before it
            boolean opening = m.start() <= opens;
            // an acronym is a name even when its letters spell a function word ("lo studio Clarity AD")
            boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
            // a function word capitalised inside a sentence may open a name ("New York", "La Repubblica")
            if (notNames.contains(lower) && !acronym && (opening || !opensName(text, m.end()))
                    || language.time().months().contains(lower)
                    || language.time().weekdays().contains(lower) || opening && !documentNames.contains(bare(word))) {
                continue;
            }
            if (runStart >= 0 && (text.substring(runEnd, m.start()).isBlank()
                    || NUMBER_IN_NAME.matcher(text.substring(runEnd, m.start())).matches())) {
                runEnd = m.end();
                continue;
            }
            if (runStart >= 0) {
                runs.add(new int[] {runStart, runEnd});
            }
            runStart = m.start();
            runEnd = m.end();
        }
        if (runStart >= 0) {
            runs.add(new int[] {runStart, runEnd});
        }
        Phrases prepositions = language.placePrepositions();
        for (int[] run : runs) {
            String name = text.substring(run[0], run[1]);
            out.add(new Fact(Fact.Type.NAME, null, run[0], run[1], name, false));
            // "in Texas", and the elided "nell'Ohio"
            int before = backOverSpacesAndElisions(text, run[0]);
            // "at the Stade de France": one article may stand between
            int article = language.placeArticles().endingAt(text, before, 6);
            if (article >= 0) {
                before = article;
                while (before > 0 && Character.isWhitespace(text.charAt(before - 1))) {
                    before--;
                }
            }
            if (prepositions.endingAt(text, before, 12) >= 0) {
                out.add(new Fact(Fact.Type.PLACE, null, run[0], run[1], name, false));
                continue;
            }
            int noun = placeOf(text, before);
            if (noun >= 0) {
                out.add(new Fact(Fact.Type.PLACE, null, noun, run[1], text.substring(noun, run[1]), false));
            }
        }
    }

    /**
     * Whether a place preposition that puts something inside a place ({@link Language#placeWithin()}) stands before a
     * position, one article allowed between ("in Catarroja", "nella rada di Porticello", "in the United Kingdom").
     */
    static boolean within(String text, int at, Language language) {
        int before = backOverSpacesAndElisions(text, at);
        int article = language.placeArticles().endingAt(text, before, 6);
        if (article >= 0) {
            before = backOverSpacesAndElisions(text, article);
        }
        return language.placeWithin().endingAt(text, before, 12) >= 0;
    }

    /** Where the spaces and elision marks that end just before {@code at} start ("nell'" of "nell'Ohio"). */
    private static int backOverSpacesAndElisions(String text, int at) {
        int i = at;
        while (i > 0 && (Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == '\''
                || text.charAt(i - 1) == '’')) {
            i--;
        }
        return i;
    }

    /** The most words a place's common noun may take before its name ("in un centro commerciale di"). */
    private static final int PLACE_NOUN_WORDS = 3;

    /**
     * Where the common noun of a place starts whose name follows {@code end} ("nella rada di Porticello", "in the
     * port of Piraeus"): a joining word ends there, after a few lowercase words that a place preposition opens, with
     * only an article or a determiner between ("in un centro commerciale di Marghera"; not "in spagnolo alla diocesi
     * di Chiclayo"). -1 when there is none.
     */
    private int placeOf(String text, int end) {
        int of = language.placeOf().endingAt(text, end, 8);
        if (of < 0) {
            return -1;
        }
        // walking back from the joining word: the noun's words, then its article or determiner, then the preposition
        int at = of;
        int noun = -1;
        int words = 0;
        boolean determiner = false;
        while (true) {
            int space = backOverSpacesAndElisions(text, at);
            if (noun >= 0 && language.placePrepositions().endingAt(text, space, 12) >= 0) {
                return noun;
            }
            int start = space;
            while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                start--;
            }
            if (start == space || space == at || !Character.isLowerCase(text.charAt(start))) {
                return -1;
            }
            String word = text.substring(start, space).toLowerCase(Locale.ROOT);
            if (language.functionWords().contains(word)) {
                if (noun < 0 || determiner) {
                    return -1;
                }
                determiner = true;
            } else if (determiner || ++words > PLACE_NOUN_WORDS) {
                return -1;
            } else {
                noun = start;
            }
            at = start;
        }
    }

    /** A figure standing between two capitalised words of one name: "East 72nd Street", "Route 4 Bridge". */
    private static final Pattern NUMBER_IN_NAME = Pattern.compile(" \\p{N}+(?:\\p{Ll}{1,2}|[ªº])? ");

    /**
     * Whether a capitalised word that is a function word elsewhere opens a name: another capitalised word, not one
     * of them either, follows it after one space ("New York", "La Repubblica", "Le Monde").
     */
    private boolean opensName(String text, int end) {
        if (end >= text.length() || text.charAt(end) != ' ') {
            return false;
        }
        Matcher next = CapitalisedWords.CAPITALISED.matcher(text).region(end + 1, text.length());
        return next.lookingAt() && !notNames.contains(next.group().toLowerCase(Locale.ROOT))
                && !language.time().months().contains(next.group().toLowerCase(Locale.ROOT));
    }

    /** A word in lower case without its possessive ending: "Google's" is "google". */
    public static String bare(String word) {
        return CapitalisedWords.bare(word);
    }

    /** The lowercase words a text writes capitalised anywhere but at the start of a sentence. */
    public static Set<String> namesInside(List<String> sentences) {
        return CapitalisedWords.namesInside(sentences);
    }
}
