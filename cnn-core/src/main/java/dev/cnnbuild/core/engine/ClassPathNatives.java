package dev.cnnbuild.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The PyTorch natives on the class path, as their jar describes them ({@code native/lib/pytorch.properties}), read
 * without loading them: what the engine will report as its version, and whether it is a CUDA build. So a model that
 * is up to date is found so without the PyTorch engine's load (most of a second). Maven's JVM reads the jar it chose
 * for the fork ({@link #inJar}) and hands the answer to the fork in its request; a JVM without a plugin (a test) reads
 * its own class path ({@link #find}). Nothing is told where DJL would not load these natives: when an override is set
 * ({@link #OVERRIDES}, as a variable or a system property), when the class path holds no natives or more than one
 * set, or when they are for another platform; the caller then loads the engine.
 *
 * <pre>{@code
 * Optional<ClassPathNatives> natives = ClassPathNatives.inJar(Path.of("pytorch-native-cpu-2.5.1-linux-x86_64.jar"));
 * natives.map(ClassPathNatives::pytorchVersion);   // Optional[2.5.1], as Engine.getEngine("PyTorch").getVersion()
 * natives.map(ClassPathNatives::cuda);             // Optional[false] for pytorch-native-cpu
 * }</pre>
 *
 * @param pytorchVersion the PyTorch version, as the loaded engine reports it, such as {@code 2.5.1}
 * @param flavor the build, such as {@code cpu} or {@code cu124}
 */
public record ClassPathNatives(String pytorchVersion, String flavor) {
    /** Where a PyTorch natives jar of DJL describes itself. */
    static final String PROPERTIES = "native/lib/pytorch.properties";

    /** The variables and system properties with which DJL loads other natives than the class path's. */
    public static final List<String> OVERRIDES =
            List.of("PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR", "PYTORCH_PRECXX11");

    /** DJL's own reading of the version, {@code 2.5.1-20241113} to {@code 2.5.1}. */
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+(-[a-z]+)?)(-SNAPSHOT)?(-\\d+)?");

    /**
     * Reads the natives on this class path.
     *
     * @return what they are, or empty where only the engine's load can tell
     */
    public static Optional<ClassPathNatives> find() {
        if (OVERRIDES.stream().anyMatch(ClassPathNatives::isSet)) {
            return Optional.empty();
        }
        List<URL> found;
        try {
            found = Collections.list(ClassPathNatives.class.getClassLoader().getResources(PROPERTIES));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (found.size() != 1) {
            return Optional.empty();
        }
        try (InputStream in = found.get(0).openStream()) {
            return described(in);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads a natives jar, as the fork's class path will hold it; whether an override applies is the caller's to
     * tell ({@link #OVERRIDES}).
     *
     * @param jar the natives jar
     * @return what they are, or empty where only the engine's load can tell (not a natives jar, a placeholder,
     *     another platform's natives, a jar that cannot be read)
     */
    public static Optional<ClassPathNatives> inJar(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(PROPERTIES);
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return described(in);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<ClassPathNatives> described(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "");
        String flavor = properties.getProperty("flavor", "");
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.matches()
                || flavor.isEmpty()
                || Boolean.parseBoolean(properties.getProperty("placeholder"))
                || !platform().equals(properties.getProperty("classifier"))) {
            return Optional.empty();
        }
        return Optional.of(new ClassPathNatives(matcher.group(1), flavor));
    }

    /** Returns whether these natives are a CUDA build, which alone can train on a GPU. */
    public boolean cuda() {
        return flavor.startsWith("cu");
    }

    private static boolean isSet(String name) {
        return System.getenv(name) != null || System.getProperty(name) != null;
    }

    /** This JVM's platform as DJL's natives name it, such as {@code linux-x86_64} or {@code osx-aarch64}. */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String prefix =
                os.startsWith("win") ? "win" : os.startsWith("mac") ? "osx" : os.startsWith("linux") ? "linux" : os;
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String machine = arch.equals("amd64") || arch.equals("x86_64")
                ? "x86_64"
                : arch.equals("arm64") || arch.equals("aarch64") ? "aarch64" : arch;
        return prefix + "-" + machine;
    }
}
