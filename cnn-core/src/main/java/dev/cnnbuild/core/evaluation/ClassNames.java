package dev.cnnbuild.core.evaluation;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The names of a model's classes, in label order: folder names, CSV labels, an IDX model file's {@code classNames},
 * or the label numbers {@code 0..n-1} when the data name none. Rules and assertions name a class either way:
 * {@code cat} or its number {@code 3}.
 *
 * <pre>{@code
 * ClassNames names = ClassNames.of(List.of("cat", "dog"));
 * names.name(1);              // "dog"
 * names.indexOf("cat");       // OptionalInt[0]
 * names.indexOf("1");         // OptionalInt[1]: numbers are still accepted
 * ClassNames.numbered(10).name(3);   // "3"
 * }</pre>
 *
 * @param names one name per class, in label order
 */
public record ClassNames(List<String> names) {

    /** Copies the names. */
    public ClassNames {
        names = List.copyOf(names);
    }

    /** Returns the names of classes known only by number: {@code "0", "1", ...}. */
    public static ClassNames numbered(int classes) {
        return new ClassNames(
                IntStream.range(0, classes).mapToObj(Integer::toString).toList());
    }

    /** Returns the names as given. */
    public static ClassNames of(List<String> names) {
        return new ClassNames(names);
    }

    /**
     * Returns the names stored with a model, or the numbers when it stored none (a model directory written before
     * class names were recorded).
     *
     * @param names the stored names, or {@code null}
     * @param classes the model's class count
     * @return the names
     */
    public static ClassNames orNumbered(List<String> names, int classes) {
        return names == null || names.size() != classes ? numbered(classes) : of(names);
    }

    /** Returns the number of classes. */
    public int size() {
        return names.size();
    }

    /** Returns the name of a class, or its number when it is not one of these classes. */
    public String name(int label) {
        return label >= 0 && label < names.size() ? names.get(label) : Integer.toString(label);
    }

    /**
     * Returns the class a rule or assertion names: by its name, or else by its number.
     *
     * @param nameOrNumber such as {@code cat} or {@code 3}
     * @return the class index; empty when no class has that name or number
     */
    public OptionalInt indexOf(String nameOrNumber) {
        int index = names.indexOf(nameOrNumber);
        if (index >= 0) {
            return OptionalInt.of(index);
        }
        if (nameOrNumber.matches("[0-9]{1,9}")) {
            int number = Integer.parseInt(nameOrNumber);
            return number < names.size() ? OptionalInt.of(number) : OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    /** Returns whether the classes have names other than their numbers. */
    public boolean named() {
        return !equals(numbered(names.size()));
    }

    /** Returns the names joined for messages: {@code cat, dog, fox}. */
    public String joined() {
        return String.join(", ", names);
    }
}
