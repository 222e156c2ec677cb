package dev.fonte.answer;

import java.util.regex.Pattern;

/** Recognises a request for an overview of the article rather than a question about one fact. */
final class SummaryIntent {

    private static final Pattern SUMMARY = Pattern.compile("(?i)\\b(riassun\\w*|riassum\\w*|sintesi|sintetizz\\w*|"
            + "di (che|cosa) (parla|tratta)|cosa dice l['’]articolo|punti (chiave|principali|salienti)|"
            + "in breve|summar\\w*|overview|key (points|facts|takeaways)|main points|tl;?dr|"
            + "what is (the|this) article about|what('s| is) it about|what does the article (say|cover))\\b");

    private SummaryIntent() {
    }

    static boolean isSummary(String question) {
        return SUMMARY.matcher(question).find();
    }
}
