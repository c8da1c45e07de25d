package ca.constituent.mpemail;

import ca.constituent.common.Language;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test: renders the seeded letters (read from the V21 migration) for varied signers and prints
 * letters per second. Run by bench/letters.sh.
 */
public final class LetterRenderBench {

    private LetterRenderBench() {
    }

    public static void main(String[] args) throws Exception {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V21__seed_end_ice_complicity_letters.sql"));
        Matcher subjects = Pattern.compile("\\$subjects\\$(.*?)\\$subjects\\$", Pattern.DOTALL).matcher(sql);
        Matcher bodies = Pattern.compile("\\$body\\$(.*?)\\$body\\$", Pattern.DOTALL).matcher(sql);
        subjects.find();
        bodies.find();
        LetterWriter.TemplateText en = new LetterWriter.TemplateText(subjects.group(1), bodies.group(1));
        subjects.find();
        bodies.find();
        LetterWriter.TemplateText fr = new LetterWriter.TemplateText(subjects.group(1), bodies.group(1));
        Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).build();
        LetterWriter writer = new LetterWriter(engine);
        LetterData.Campaign campaign = new LetterData.Campaign("End Canada's complicity with ICE", List.of(
                "Close the US Immigration and Customs Enforcement (ICE) offices operating in Canada.",
                "Cancel federal contracts, subsidies and grants for companies that supply ICE.",
                "Deny or revoke export permits for armoured vehicles bound for ICE.",
                "Support Bill C-233.",
                "Terminate the Safe Third Country Agreement."));
        LetterData.Riding riding = new LetterData.Riding("35079", "Ottawa Centre");
        LetterData.Mp mp = new LetterData.Mp("Yasir Naqvi", "Liberal");
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;

        run(writer, en, fr, riding, mp, campaign, 1, 3);  // warm-up
        long letters = run(writer, en, fr, riding, mp, campaign, threads, seconds);
        System.out.printf("RESULT letters=%d seconds=%d threads=%d letters_per_s=%.0f%n", letters, seconds, threads,
                letters / (double) seconds);
    }

    private static long run(LetterWriter writer, LetterWriter.TemplateText en, LetterWriter.TemplateText fr,
                            LetterData.Riding riding, LetterData.Mp mp, LetterData.Campaign campaign, int threads,
                            long seconds) throws InterruptedException {
        long[] counts = new long[threads];
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                long n = 0;
                long checksum = 0;
                while (System.nanoTime() < until) {
                    for (int i = 0; i < 100; i++, n++) {
                        boolean french = (n & 1) == 0;
                        LetterData.Signer signer = new LetterData.Signer("Signer" + n, "Name" + index,
                                "K1A 0A6", n % 3 == 0 ? "A personal note number " + n : null);
                        Letter letter = writer.draft(french ? fr : en, french ? Language.FR : Language.EN, n, signer,
                                riding, mp, campaign);
                        checksum += letter.body().length();
                    }
                }
                counts[index] = n;
                if (checksum == 42) {
                    System.out.println("unlikely");
                }
            });
            workers[t].start();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            total += counts[t];
        }
        return total;
    }
}
