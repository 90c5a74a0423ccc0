package com.enreach.tools.assistant.internal.resolve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.SuggestRequest;
import com.enreach.tools.api.ai.Suggestion;

/**
 * Measures the suggestions on the labelled set (the demo Jira's resolved tickets, each held out in turn: see
 * {@link LabelledSet}): precision of the cited references, precision@3 of the similar tickets, the best article, and
 * how well the confidence is calibrated (predicted vs observed per bin). Prints the isotonic fit that
 * {@link Confidence#CALIBRATION} ships and writes the figures to target/suggestion-calibration.md (copied into
 * docs/suggestions.md).
 */
class ResolverCalibrationTest {
    /** One measured suggestion. */
    record Sample(String key, String variant, double raw, double confidence, boolean right, double refPrecision, double p3, Boolean articleHit) {
    }

    static List<Sample> samples;
    static LabelledSet set;
    static int articles;
    static int tickets;

    @BeforeAll
    static void measure() throws Exception {
        FakeContext ctx = new FakeContext();
        new DemoKb(ctx.kb);
        articles = ctx.kb.articles.size();
        tickets = ctx.kb.tickets.size();
        set = new LabelledSet(ctx.kb);
        Resolver resolver = new Resolver(ctx);
        samples = new ArrayList<>();
        for (LabelledSet.Problem p : set.problems) {
            ctx.kb.hidden.clear();
            ctx.kb.hidden.addAll(p.hidden());
            SuggestRequest request = "summary".equals(p.variant())
                    ? new SuggestRequest(null, ctx.kb.ticketByKey(p.key()).orElseThrow().ticket().summary(), null)
                    : new SuggestRequest(p.key(), null, null);
            Suggestion s = resolver.suggest(request, "calibration");
            List<Citation> refs = s.references();
            long good = refs.stream().filter(c -> p.expected().contains(c.kind() + ":" + c.id())).count();
            double precision = refs.isEmpty() ? 0 : (double) good / refs.size();
            List<Suggestion.SimilarItem> top3 = s.similarTickets().subList(0, Math.min(3, s.similarTickets().size()));
            double p3 = top3.isEmpty() ? 0 : top3.stream().filter(i -> p.expected().contains("ticket:" + i.id())).count() / (double) top3.size();
            Boolean hit = p.runbook() == null ? null : !s.articles().isEmpty() && p.expected().contains("article:" + s.articles().get(0).id());
            boolean right = !refs.isEmpty() && precision >= 0.5;
            samples.add(new Sample(p.key(), p.variant(), s.confidenceBasis().get("raw_score"), s.confidence(), right, precision, p3, hit));
        }
    }

    /** Pool-adjacent-violators: the non-decreasing fit of right (0/1) on raw score, as (mean raw, share right) blocks. */
    static double[][] isotonic(List<Sample> in) {
        List<Sample> sorted = in.stream().sorted(Comparator.comparingDouble(Sample::raw)).toList();
        List<double[]> blocks = new ArrayList<>(); // {sum x, sum y, n}
        for (Sample s : sorted) {
            blocks.add(new double[] {s.raw(), s.right() ? 1 : 0, 1});
            while (blocks.size() > 1) {
                double[] b = blocks.get(blocks.size() - 1);
                double[] a = blocks.get(blocks.size() - 2);
                if (a[1] / a[2] <= b[1] / b[2]) {
                    break;
                }
                a[0] += b[0];
                a[1] += b[1];
                a[2] += b[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        List<double[]> merged = new ArrayList<>(); // blocks of equal share joined
        for (double[] b : blocks) {
            double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && Math.abs(last[1] / last[2] - b[1] / b[2]) < 1e-9) {
                last[0] += b[0];
                last[1] += b[1];
                last[2] += b[2];
            } else {
                merged.add(b.clone());
            }
        }
        return merged.stream().map(b -> new double[] {b[0] / b[2], b[1] / b[2], b[2]}).toArray(double[][]::new);
    }

    /** Expected calibration error over 5 bins of confidence: the mean |predicted - observed|, weighted by bin size. */
    static double ece(List<Sample> in, java.util.function.ToDoubleFunction<Sample> conf, StringBuilder table) {
        double err = 0;
        for (int b = 0; b < 5; b++) {
            double lo = b / 5.0;
            double hi = (b + 1) / 5.0;
            int bin = b;
            List<Sample> xs = in.stream().filter(s -> conf.applyAsDouble(s) >= lo && (conf.applyAsDouble(s) < hi || bin == 4)).toList();
            if (xs.isEmpty()) {
                continue;
            }
            double predicted = xs.stream().mapToDouble(conf).average().orElse(0);
            double observed = xs.stream().filter(Sample::right).count() / (double) xs.size();
            err += xs.size() * Math.abs(predicted - observed);
            if (table != null) {
                table.append(String.format(Locale.ROOT, "| %.1f–%.1f | %d | %.2f | %.2f |%n", lo, hi, xs.size(), predicted, observed));
            }
        }
        return err / in.size();
    }

    @Test
    void theConfidenceIsCalibratedAndTheReferencesArePrecise() throws Exception {
        int n = samples.size();
        double right = samples.stream().filter(Sample::right).count() / (double) n;
        double refPrecision = samples.stream().mapToDouble(Sample::refPrecision).average().orElse(0);
        double p3 = samples.stream().mapToDouble(Sample::p3).average().orElse(0);
        List<Sample> withRunbook = samples.stream().filter(s -> s.articleHit() != null).toList();
        double articleHit = withRunbook.stream().filter(Sample::articleHit).count() / (double) withRunbook.size();

        // the shipped table fitted on all; cross-check: fitted on one half, measured on the other
        double[][] all = isotonic(samples);
        List<Sample> even = new ArrayList<>();
        List<Sample> odd = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (i % 2 == 0 ? even : odd).add(samples.get(i));
        }
        double[][] half = isotonic(even);
        double heldOutEce = ece(odd, s -> Confidence.interpolate(points(half), s.raw()), null);
        StringBuilder bins = new StringBuilder("| confidence | suggestions | mean confidence | share right |\n|---|---|---|---|\n");
        double shippedEce = ece(samples, Sample::confidence, bins);

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Labelled set: %d problems (resolved tickets of the demo Jira held out in turn) over %d articles "
                + "and %d tickets; %d families, %d problems with a runbook.%n%n", n, articles, tickets, set.familySizes.size(), withRunbook.size()));
        out.append(String.format(Locale.ROOT, "- right suggestions (at least half the sources the steps cite are expected): %.2f%n", right));
        for (String v : List.of("ticket", "summary", "new-kind")) {
            List<Sample> xs = samples.stream().filter(x -> x.variant().equals(v)).toList();
            out.append(String.format(Locale.ROOT, "  - %s: %d problems, %.2f right, mean confidence %.2f%n", v, xs.size(),
                    xs.stream().filter(Sample::right).count() / (double) xs.size(), xs.stream().mapToDouble(Sample::confidence).average().orElse(0)));
        }
        out.append(String.format(Locale.ROOT, "- precision of the cited references: %.2f%n", refPrecision));
        out.append(String.format(Locale.ROOT, "- precision@3 of the similar tickets: %.2f%n", p3));
        out.append(String.format(Locale.ROOT, "- best article is the family's runbook or one of its post-mortems: %.2f (of %d problems whose family has a runbook)%n", articleHit, withRunbook.size()));
        out.append(String.format(Locale.ROOT, "- calibration error (ECE, 5 bins) of the shipped table: %.3f; fitted on half, measured on the other half: %.3f%n%n",
                shippedEce, heldOutEce));
        out.append(bins).append('\n');
        out.append("Isotonic fit on all (raw score -> share right, Laplace-smoothed (right+1)/(n+2)), the shipped table:\n");
        for (double[] b : all) {
            out.append(String.format(Locale.ROOT, "  {%.3f, %.3f}, // n=%d, raw share %.3f%n", b[0], (b[1] * b[2] + 1) / (b[2] + 2), (int) b[2], b[1]));
        }
        out.append('\n');
        for (String label : List.of("low", "medium", "high")) {
            List<Sample> xs = samples.stream().filter(x -> Confidence.label(x.confidence()).equals(label)).toList();
            out.append(String.format(Locale.ROOT, "- label %s: %d suggestions, %.2f right%n", label, xs.size(),
                    xs.isEmpty() ? 0 : xs.stream().filter(Sample::right).count() / (double) xs.size()));
        }
        Path file = Path.of("target", "suggestion-calibration.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println(out);

        assertTrue(n >= 1000, "the labelled set has " + n + " problems");
        assertTrue(shippedEce <= 0.08, "the shipped calibration is off by " + shippedEce);
        assertTrue(heldOutEce <= 0.08, "a calibration fitted on half is off on the other half by " + heldOutEce);
        assertTrue(p3 >= 0.75, "precision@3 of the similar tickets " + p3);
        assertTrue(refPrecision >= 0.75, "precision of the references " + refPrecision);
        double low = share(samples, "low");
        double medium = share(samples, "medium");
        double high = share(samples, "high");
        assertTrue(low < 0.4 && low < medium && medium < high && high >= 0.7,
                "labels must order the share of right suggestions: low " + low + ", medium " + medium + ", high " + high);
    }

    private static double share(List<Sample> in, String label) {
        List<Sample> xs = in.stream().filter(x -> Confidence.label(x.confidence()).equals(label)).toList();
        return xs.stream().filter(Sample::right).count() / (double) Math.max(1, xs.size());
    }

    private static double[][] points(double[][] blocks) {
        return java.util.Arrays.stream(blocks).map(b -> new double[] {b[0], b[1]}).toArray(double[][]::new);
    }
}
