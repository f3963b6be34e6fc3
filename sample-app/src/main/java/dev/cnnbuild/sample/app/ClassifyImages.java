package dev.cnnbuild.sample.app;

import dev.cnnbuild.runtime.ClassProbability;
import dev.cnnbuild.runtime.Classification;
import dev.cnnbuild.runtime.CnnClassifier;
import dev.cnnbuild.runtime.CnnClassifierException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Classifies image files with a trained model and prints one line per file: its likeliest class, that class's
 * probability and the three likeliest classes. The model is the sample's {@code mnist-cnn}, which the sample's jar
 * carries on the class path, unless {@code --model} names another class path model ({@code digits-cnn}) or a model
 * directory. Exit status: 0 when every file was classified, 1 when one could not be, 2 for a wrong command line or
 * a model that cannot be loaded.
 *
 * <pre>{@code
 * $ java -jar cnn-sample-app-0.1.0-SNAPSHOT.jar seven.png two.png
 * seven.png: 7 (1.0000)  top 3: 7 1.0000, 3 0.0000, 2 0.0000
 * two.png: 2 (0.9998)  top 3: 2 0.9998, 1 0.0002, 0 0.0000
 * }</pre>
 */
public final class ClassifyImages {
    private static final String USAGE = "usage: java -jar cnn-sample-app.jar [--model NAME|DIRECTORY] IMAGE...\n"
            + "  classifies PNG, JPEG, BMP, GIF or WebP files; NAME is a model on the class path (mnist-cnn, the default,"
            + " or digits-cnn), DIRECTORY a model directory written by cnn:train";

    private ClassifyImages() {}

    /**
     * Classifies the files named on the command line.
     *
     * @param args {@code [--model NAME|DIRECTORY] IMAGE...}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Classifies the files named by {@code args}, printing results to {@code out} and errors to {@code err}.
     *
     * @return the exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String model = "mnist-cnn";
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--model") && i + 1 < args.length) {
                model = args[++i];
            } else if (args[i].startsWith("-")) {
                err.println("unknown option " + args[i] + "\n" + USAGE);
                return 2;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        try (CnnClassifier classifier = open(model)) {
            int status = 0;
            for (Path file : files) {
                try {
                    out.println(file + ": " + describe(classifier.classify(file)));
                } catch (CnnClassifierException e) {
                    err.println("error: " + e.getMessage());
                    status = 1;
                }
            }
            return status;
        } catch (CnnClassifierException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static CnnClassifier open(String model) {
        Path directory = Path.of(model);
        return Files.isDirectory(directory)
                ? CnnClassifier.load(directory)
                : CnnClassifier.fromClasspath("cnn/" + model);
    }

    private static String describe(Classification c) {
        return String.format(Locale.ROOT, "%s (%.4f)  top 3: ", c.label(), c.probability())
                + c.top(3).stream().map(ClassifyImages::describe).collect(Collectors.joining(", "));
    }

    private static String describe(ClassProbability p) {
        return String.format(Locale.ROOT, "%s %.4f", p.label(), p.probability());
    }
}
