package dev.fonte.eval;

import dev.fonte.eval.target.TargetFactory;
import io.micronaut.serde.ObjectMapper;

/**
 * Runs evaluation fixtures from the command line; see {@link EvalOptions#USAGE}. The exit code is CI's verdict:
 * 0 pass, 1 a suite under its minimum, 2 bad fixtures, usage or an unreachable target.
 */
public final class EvalMain {

    private EvalMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--compare-retrieval")) {
            System.exit(RetrievalComparison.run(java.util.Arrays.asList(args).subList(1, args.length), System.out,
                    System.err));
        }
        ObjectMapper json = ObjectMapper.getDefault();
        int code = new Evaluation(TargetFactory.standard(json), json, System.out, System.err).run(args);
        System.exit(code);
    }
}
